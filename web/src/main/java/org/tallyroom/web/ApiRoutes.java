package org.tallyroom.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import org.tallyroom.store.read.Views;

/**
 * The read side of the JSON API under /api (described at /openapi.json): elections, contests, their
 * history and current result, timelines, the live feed, and who the caller is. Public reads show
 * declared results only and are cached with ETags; the count team (signed in or by token) also sees
 * provisional figures and versions, never cached.
 */
final class ApiRoutes {
    private final ReadModel model;
    private final Responses responses;
    private final Access access;
    private final HttpPolicy policy;
    private final LiveFeed live;
    private final Accounts accounts;

    ApiRoutes(ReadModel model, Responses responses, Access access, HttpPolicy policy, LiveFeed live, Accounts accounts) {
        this.model = model;
        this.responses = responses;
        this.access = access;
        this.policy = policy;
        this.live = live;
        this.accounts = accounts;
    }

    void routes(RoutesConfig r) {
        r.get("/openapi.json", ctx -> responses.json(ctx, "openapi", null, OpenApi::document));
        r.get("/api/elections", ctx -> responses.json(ctx, ctx.path(), null, model::elections));
        r.get("/api/elections/{id}", ctx -> {
            String id = ctx.pathParam("id");
            // The summary as the store keeps it: its JSON goes out as it is.
            Responses.respond(ctx, responses.cached("json " + ctx.path(), CacheScope.of(id), "application/json",
                    () -> model.summaryJson(id).orElseThrow(() -> HttpError.notFound("election " + id))));
        });
        r.get("/api/elections/{id}/marginals", ctx -> {
            String id = ctx.pathParam("id");
            responses.json(ctx, ctx.path(), CacheScope.of(id),
                    () -> model.national(id).orElseThrow(() -> HttpError.notFound("election " + id)).marginals());
        });
        r.get("/api/elections/{id}/projection", ctx -> {
            String id = ctx.pathParam("id");
            responses.json(ctx, ctx.path() + "?" + ctx.queryString(), CacheScope.of(id), () -> model.project(id, ctx.queryParam("changes"),
                    ctx.queryParam("model")).orElseThrow(() -> HttpError.notFound("election " + id)));
        });
        r.get("/api/ballots/{id}", ctx -> {
            String id = ctx.pathParam("id");
            responses.json(ctx, ctx.path(), CacheScope.of(id), () -> model.contest(id, false).orElseThrow(() -> HttpError.notFound("ballot " + id)));
        });
        r.get("/api/ballots/{id}/history", ctx -> {
            String id = ctx.pathParam("id");
            boolean team = access.user(ctx).isPresent();
            responses.json(ctx, ctx.path() + (team ? "#team" : ""), CacheScope.of(id), () -> {
                if (model.load(id).isEmpty()) {
                    throw HttpError.notFound("ballot " + id);
                }
                return model.history(id, team);
            });
        });
        r.get("/api/ballots/{id}/result", this::currentResult);
        WardRollups rollups = new WardRollups(model.store());
        r.get("/api/ballots/{id}/wards", ctx -> {
            String id = ctx.pathParam("id");
            String by = WardRollups.level(ctx.queryParam("by")).label();
            responses.json(ctx, ctx.path() + "?by=" + by, CacheScope.of(id), () -> rollups.json(id, by));
        });
        r.get("/api/organisations/{slug}/timeline", ctx -> {
            String slug = ctx.pathParam("slug");
            responses.json(ctx, ctx.path(), null,
                    () -> model.timeline(slug).orElseThrow(() -> HttpError.notFound("organisation " + slug)));
        });
        r.sse("/api/live", live::join);
        r.options("/api/<rest>", policy::preflight);
        r.options("/openapi.json", policy::preflight);
        r.get("/api/me", ctx -> {
            User u = access.require(ctx, null);
            Responses.send(ctx, 200, Map.of("username", u.username(), "roles", u.roles().stream().map(Role::id).sorted().toList()));
        });
        r.get("/api/audit", ctx -> {
            access.require(ctx, Role.ADMIN);
            Responses.send(ctx, 200, accounts.auditLog(500));
        });
    }

    /**
     * A ballot's result with the ETag that If-Match must carry to change it. The public's is rendered
     * once per change of the store; the count team's (provisional figures too) on every request.
     */
    private void currentResult(Context ctx) {
        String id = ctx.pathParam("id");
        boolean team = access.user(ctx).map(u -> u.may(Role.RESULTS_ENTRY)).orElse(false);
        if (!team) {
            Responses.respond(ctx, responses.cachedTagged("result " + id, CacheScope.of(id), "application/json", () -> {
                ReadModel.Loaded l = model.load(id).orElseThrow(() -> HttpError.notFound("ballot " + id));
                org.tallyroom.store.ResultVersion r = l.published();
                if (r == null) {
                    throw new HttpError(404, id + " has no declared result yet");
                }
                return new Responses.Rendered(Responses.write(model.contest(id, false).orElseThrow()), ReadModel.etag(r),
                        true);
            }));
            return;
        }
        ReadModel.Loaded l = model.load(id).orElseThrow(() -> HttpError.notFound("ballot " + id));
        org.tallyroom.store.ResultVersion r = l.current();
        if (r == null) {
            throw new HttpError(404, id + " has no " + (team ? "" : "declared ") + "result yet");
        }
        Views.Contest view = model.contest(id, team).orElseThrow();
        String etag = ReadModel.etag(r);
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "private, no-cache");
        String inm = ctx.header("If-None-Match");
        if (etag.equals(inm == null ? null : inm.strip())) {
            ctx.status(304);
            return;
        }
        Responses.send(ctx, 200, view);
    }
}
