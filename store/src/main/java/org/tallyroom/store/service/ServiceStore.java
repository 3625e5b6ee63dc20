package org.tallyroom.store.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Jdbi;

/**
 * The results service's own state in the store, shared by every {@code serve} process on the database:
 * the count team's accounts and API tokens, the audit log, signed-in sessions, failed sign-in
 * attempts and the stored responses of idempotent POSTs (migrations V4 and V6). Obtained from
 * {@link org.tallyroom.store.Store#service()}.
 */
public final class ServiceStore {
    private final UserTable users;
    private final SessionTable sessions;
    private final LoginAttempts loginAttempts;
    private final IdempotencyTable idempotency;

    /** For the store only: other modules get one from {@code Store.service()}. */
    public ServiceStore(Jdbi jdbi) {
        this.users = new UserTable(jdbi);
        this.sessions = new SessionTable(jdbi);
        this.loginAttempts = new LoginAttempts(jdbi);
        this.idempotency = new IdempotencyTable(jdbi);
    }

    public UserTable users() {
        return users;
    }

    public SessionTable sessions() {
        return sessions;
    }

    public LoginAttempts loginAttempts() {
        return loginAttempts;
    }

    public IdempotencyTable idempotency() {
        return idempotency;
    }

    static OffsetDateTime utc(java.time.Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
