package org.tallyroom.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tallyroom.store.ResultStatus;
import org.tallyroom.store.ResultVersion;
import org.tallyroom.store.Store;
import org.tallyroom.store.read.Views;

/**
 * The count team's results entry: the list of ballots and the entry form (/count), and the same
 * three steps through the API (POST /api/ballots/{id}/provisional, declare, correct). Every step is
 * recorded by {@link ResultEntry}, audited (a refusal for a stale version or the wrong state too),
 * clears the cached reads it affects, and, for a declaration or correction, goes out on the live feed.
 */
final class ResultsDesk {
    private final Store store;
    private final ReadModel model;
    private final ResultEntry entry;
    private final Accounts accounts;
    private final Access access;
    private final Responses responses;
    private final Idempotency idempotency;
    private final LiveFeed live;

    ResultsDesk(Store store, ReadModel model, Accounts accounts, Access access, Responses responses, Idempotency idempotency,
                LiveFeed live) {
        this.store = store;
        this.model = model;
        this.entry = new ResultEntry(store);
        this.accounts = accounts;
        this.access = access;
        this.responses = responses;
        this.idempotency = idempotency;
        this.live = live;
    }

    void routes(RoutesConfig r) {
        for (ResultEntry.Action a : ResultEntry.Action.values()) {
            r.post("/api/ballots/{id}/" + a.name().toLowerCase(Locale.ROOT), ctx -> idempotency.run(ctx, () -> apiEntry(ctx, a)));
        }
        r.get("/count", ctx -> {
            User u = access.requirePage(ctx, Role.RESULTS_ENTRY);
            if (u != null) {
                Responses.html(ctx, 200, "Count", TeamPages.count(u, countRows()), access.nav(ctx, "*"));
            }
        });
        r.get("/count/ballots/{id}", ctx -> {
            User u = access.requirePage(ctx, Role.RESULTS_ENTRY);
            if (u == null) {
                return;
            }
            String id = ctx.pathParam("id");
            Views.Contest c = model.contest(id, true).orElseThrow(() -> HttpError.notFound("ballot " + id));
            Responses.html(ctx, 200, c.name(), TeamPages.entry(u, c, access.session(ctx).get().csrf(), ctx.queryParam("done"), null),
                    access.nav(ctx, ""));
        });
        r.post("/count/ballots/{id}", this::formEntry);
    }

    private List<TeamPages.Row> countRows() {
        return model.countRows().stream().map(r -> new TeamPages.Row(r.ballotId(), r.name(), r.electionName(), r.status(),
                r.version())).toList();
    }

    private Idempotency.Outcome apiEntry(Context ctx, ResultEntry.Action action) {
        User u = access.apiWriter(ctx, action == ResultEntry.Action.PROVISIONAL ? Role.RESULTS_ENTRY : Role.RETURNING_OFFICER);
        String id = ctx.pathParam("id");
        ReadModel.Loaded l = model.load(id).orElseThrow(() -> HttpError.notFound("ballot " + id));
        ResultEntry.Figures f = EntryJson.figures(ctx.body(), l.ballot());
        ResultVersion v = record(ctx, u, id, action, f, ctx.header("If-Match"));
        Views.Contest view = model.contest(id, true).orElseThrow();
        return new Idempotency.Outcome(v.version() == 1 ? 201 : 200, Responses.write(view), Map.of("ETag", ReadModel.etag(v)));
    }

    private ResultVersion record(Context ctx, User u, String id, ResultEntry.Action action, ResultEntry.Figures f, String ifMatch) {
        String step = action.name().toLowerCase(Locale.ROOT);
        ResultVersion v;
        try {
            v = entry.apply(id, action, f, ifMatch, u);
        } catch (HttpError e) {
            if (e.status() == 409 || e.status() == 412) {
                accounts.audit(u.username(), step + "-refused", id, e.getMessage(), ctx.ip());
            }
            throw e;
        }
        responses.resultsChanged();
        accounts.audit(u.username(), step, id,
                "version " + v.version() + " " + v.status().id() + (v.reason() == null ? "" : ": " + v.reason()), ctx.ip());
        if (v.status() != ResultStatus.PROVISIONAL) {
            publish(id, v);
        }
        return v;
    }

    /** Tells every live client about a declaration or correction. */
    void publish(String ballotId, ResultVersion v) {
        Views.Contest c = model.contest(ballotId, false).orElseThrow();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("ballotId", ballotId);
        event.put("electionId", c.electionId());
        event.put("name", c.name());
        event.put("organisation", c.organisation());
        event.put("status", v.status().id());
        event.put("version", v.version());
        event.put("recordedAt", v.recordedAt());
        List<String> elected = new ArrayList<>();
        c.candidates().stream().filter(Views.CandidateRow::elected).forEach(x -> elected.add(x.name() + " (" + x.partyKey() + ")"));
        event.put("elected", elected);
        event.put("verdict", c.verdict());
        live.publish(v.status() == ResultStatus.CORRECTED ? "correction" : "declaration",
                new String(Responses.write(event), StandardCharsets.UTF_8));
    }

    private void formEntry(Context ctx) {
        Sessions.Session s = access.formSession(ctx, "sign in to enter results");
        String id = ctx.pathParam("id");
        String actionText = Optional.ofNullable(ctx.formParam("action")).orElse("");
        ResultEntry.Action action = switch (actionText) {
            case "provisional" -> ResultEntry.Action.PROVISIONAL;
            case "declare" -> ResultEntry.Action.DECLARE;
            case "correct" -> ResultEntry.Action.CORRECT;
            default -> throw HttpError.badRequest("expected action provisional, declare or correct, found '" + actionText + "'");
        };
        ReadModel.Loaded l = model.load(id).orElseThrow(() -> HttpError.notFound("ballot " + id));
        try {
            ResultEntry.Figures f = EntryJson.fromForm(ctx.formParamMap(), l.ballot());
            String version = ctx.formParam("version");
            ResultVersion v = record(ctx, s.user(), id, action, f, version == null || version.isBlank() ? null
                    : "\"" + version.strip() + "\"");
            ctx.redirect("/count/ballots/" + Html.seg(id) + "?done=" + java.net.URLEncoder.encode("Recorded version "
                    + v.version() + " (" + v.status().id() + ")", StandardCharsets.UTF_8), io.javalin.http.HttpStatus.SEE_OTHER);
        } catch (HttpError e) {
            if (e.status() == 401 || e.status() == 403) {
                throw e;
            }
            Views.Contest c = model.contest(id, true).orElseThrow();
            Responses.html(ctx, e.status(), c.name(), TeamPages.entry(s.user(), c, s.csrf(), null, e.getMessage()), access.nav(ctx, ""));
        }
    }
}
