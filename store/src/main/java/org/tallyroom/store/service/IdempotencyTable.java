package org.tallyroom.store.service;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The first response to each POST carrying an Idempotency-Key (idempotency_keys, V4), per user. */
public final class IdempotencyTable {
    private final Jdbi jdbi;

    IdempotencyTable(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A stored response: the hash of the request it answered, its status, type and body. */
    public record StoredResponse(String requestHash, int status, String contentType, String body) {
    }

    public Optional<StoredResponse> find(String username, String key) {
        return jdbi.withHandle(h -> h.createQuery("SELECT request_hash, status, content_type, body FROM idempotency_keys "
                        + "WHERE username = :u AND idem_key = :k").bind("u", username).bind("k", key)
                .map((rs, ctx) -> new StoredResponse(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
                .findOne());
    }

    /** Keeps the first response for a key; returns false when another request (on any node) stored one first. */
    public boolean remember(String username, String key, StoredResponse r, Instant at) {
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO idempotency_keys (username, idem_key, request_hash, status, "
                            + "content_type, body, created_at) VALUES (:u, :k, :h, :s, :c, :b, :at)")
                    .bind("u", username).bind("k", key).bind("h", r.requestHash()).bind("s", r.status())
                    .bind("c", r.contentType()).bind("b", r.body()).bind("at", ServiceStore.utc(at)).execute());
            return true;
        } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
            if (find(username, key).isPresent()) {
                return false;
            }
            throw e;
        }
    }
}
