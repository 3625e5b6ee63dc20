package org.tallyroom.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tallyroom.store.Declaration;
import org.tallyroom.store.Source;
import org.tallyroom.store.Store;
import tools.jackson.databind.JsonNode;

/**
 * What only an administrator does: add members of the count team and issue API tokens (the /admin
 * page and the API), and add a ballot with its candidates through the API (stored as a source of its
 * own, so the store's provenance covers it). Every change is in the audit log.
 */
final class Administration {
    private final Store store;
    private final ReadModel model;
    private final Accounts accounts;
    private final Access access;
    private final Responses responses;
    private final Idempotency idempotency;

    Administration(Store store, ReadModel model, Accounts accounts, Access access, Responses responses, Idempotency idempotency) {
        this.store = store;
        this.model = model;
        this.accounts = accounts;
        this.access = access;
        this.responses = responses;
        this.idempotency = idempotency;
    }

    void routes(RoutesConfig r) {
        r.post("/api/users", ctx -> idempotency.run(ctx, () -> apiCreateUser(ctx)));
        r.post("/api/ballots", ctx -> idempotency.run(ctx, () -> apiCreateBallot(ctx)));
        r.post("/api/tokens", ctx -> idempotency.run(ctx, () -> apiIssueToken(ctx)));
        r.get("/admin", ctx -> {
            User u = access.requirePage(ctx, Role.ADMIN);
            if (u != null) {
                page(ctx, 200, access.session(ctx).get(), null, null);
            }
        });
        r.post("/admin/users", ctx -> adminForm(ctx, true));
        r.post("/admin/tokens", ctx -> adminForm(ctx, false));
    }

    private void page(Context ctx, int status, Sessions.Session s, String token, String error) {
        Responses.html(ctx, status, "Administration", TeamPages.admin(accounts.users(), accounts.auditLog(100), s.csrf(), token, error),
                access.nav(ctx, ""));
    }

    private Idempotency.Outcome apiCreateUser(Context ctx) {
        User admin = access.apiWriter(ctx, Role.ADMIN);
        JsonNode body = EntryJson.parse(ctx.body());
        Set<Role> roles = EnumSet.noneOf(Role.class);
        body.path("roles").forEach(n -> roles.add(Role.parse(n.asString())));
        User u = accounts.create(body.path("username").asString(null), body.path("password").asString(null), roles);
        accounts.audit(admin.username(), "user-created", u.username(), String.join(",", roles.stream().map(Role::id).toList()), ctx.ip());
        return Idempotency.Outcome.of(201, Map.of("username", u.username(), "roles", roles.stream().map(Role::id).sorted().toList()));
    }

    private Idempotency.Outcome apiCreateBallot(Context ctx) {
        User admin = access.apiWriter(ctx, Role.ADMIN);
        JsonNode body = EntryJson.parse(ctx.body());
        Declaration d = EntryJson.ballot(body);
        String id = d.ballot().id().toString();
        if (model.load(id).isPresent()) {
            throw new HttpError(409, id + " is already stored");
        }
        String nonce = Sessions.random();
        store.importSource(Source.of("web:ballot:" + id + ":" + nonce, nonce.getBytes(StandardCharsets.UTF_8)),
                "web ballot " + id, admin.username(), ingest -> {
                    if (body.hasNonNull("electionName")) {
                        ingest.election(d.ballot().id().parent().orElseThrow(), body.get("electionName").asString());
                    }
                    ingest.declare(d);
                });
        responses.changed();
        accounts.audit(admin.username(), "ballot-created", id, d.candidates().size() + " candidates", ctx.ip());
        return Idempotency.Outcome.of(201, model.contest(id, true).orElseThrow());
    }

    private Idempotency.Outcome apiIssueToken(Context ctx) {
        User admin = access.apiWriter(ctx, Role.ADMIN);
        JsonNode body = EntryJson.parse(ctx.body());
        String username = body.path("username").asString(null);
        if (username == null) {
            throw HttpError.badRequest("expected {\"username\": ..., \"label\": ...}");
        }
        String token = accounts.issueToken(username, body.path("label").asString(null));
        accounts.audit(admin.username(), "token-issued", username, body.path("label").asString(null), ctx.ip());
        return Idempotency.Outcome.of(201, Map.of("username", username, "token", token));
    }

    private void adminForm(Context ctx, boolean user) {
        Sessions.Session s = access.formSession(ctx, "sign in as an administrator");
        if (!s.user().may(Role.ADMIN)) {
            throw new HttpError(403, s.user().username() + " does not have the admin role");
        }
        String token = null;
        String error = null;
        try {
            String username = Optional.ofNullable(ctx.formParam("username")).orElse("").strip();
            if (user) {
                Set<Role> roles = EnumSet.noneOf(Role.class);
                ctx.formParams("roles").forEach(r -> roles.add(Role.parse(r)));
                accounts.create(username, ctx.formParam("password"), roles);
                accounts.audit(s.user().username(), "user-created", username, roles.toString(), ctx.ip());
            } else {
                token = accounts.issueToken(username, ctx.formParam("label"));
                accounts.audit(s.user().username(), "token-issued", username, ctx.formParam("label"), ctx.ip());
            }
        } catch (HttpError e) {
            error = e.getMessage();
            ctx.status(e.status());
        }
        page(ctx, error == null ? 200 : ctx.status().getCode(), s, token, error);
    }
}
