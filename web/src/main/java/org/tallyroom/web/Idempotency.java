package org.tallyroom.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * POSTs to the API run once per Idempotency-Key (per user): a repeat with the same key and body gets
 * the first response again (with Idempotent-Replayed: true); the same key with another body is
 * refused (422). A refusal is remembered too, except one the caller can cure by signing in or
 * re-reading (401, 403, 412).
 */
final class Idempotency {
    private final Accounts accounts;
    private final Access access;

    Idempotency(Accounts accounts, Access access) {
        this.accounts = accounts;
        this.access = access;
    }

    /** What a POST answers: status, JSON body, extra headers. */
    record Outcome(int status, byte[] body, Map<String, String> headers) {
        static Outcome of(int status, Object body) {
            return new Outcome(status, Responses.write(body), Map.of());
        }
    }

    void run(Context ctx, Supplier<Outcome> action) {
        String key = ctx.header("Idempotency-Key");
        if (key == null || key.isBlank()) {
            answer(ctx, action.get());
            return;
        }
        if (key.length() > 200) {
            throw HttpError.badRequest("expected an Idempotency-Key of at most 200 characters");
        }
        User u = access.require(ctx, null);
        String hash = Accounts.sha256(ctx.method() + " " + ctx.path() + "\n" + ctx.body());
        Optional<Accounts.StoredResponse> earlier = accounts.idempotent(u.username(), key);
        if (earlier.isPresent()) {
            if (!earlier.get().requestHash().equals(hash)) {
                throw new HttpError(422, "the Idempotency-Key " + key + " was used for a different request");
            }
            ctx.header("Idempotent-Replayed", "true");
            ctx.status(earlier.get().status()).contentType(earlier.get().contentType()).result(earlier.get().body());
            return;
        }
        Outcome o;
        try {
            o = action.get();
        } catch (HttpError e) {
            if (e.status() != 401 && e.status() != 403 && e.status() != 412) {
                accounts.remember(u.username(), key, new Accounts.StoredResponse(hash, e.status(), "application/json",
                        new String(Responses.write(HttpPolicy.errorBody(e.status(), e.getMessage())), StandardCharsets.UTF_8)));
            }
            throw e;
        }
        accounts.remember(u.username(), key, new Accounts.StoredResponse(hash, o.status(), "application/json",
                new String(o.body(), StandardCharsets.UTF_8)));
        answer(ctx, o);
    }

    private static void answer(Context ctx, Outcome o) {
        o.headers().forEach(ctx::header);
        ctx.status(o.status()).contentType("application/json").result(o.body());
    }
}
