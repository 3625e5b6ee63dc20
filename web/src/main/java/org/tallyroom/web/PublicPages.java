package org.tallyroom.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.tallyroom.store.read.Views;

/**
 * The public pages: the list of elections, an election (a council's seats and control, or a general
 * election with its projection form), a contest, an organisation's by-elections and events, and the
 * static style and script. A page's main content is cached per URL; for a visitor the whole page is
 * cached with its ETag, for a signed-in member of the count team it is assembled afresh around it.
 */
final class PublicPages {
    private final ReadModel model;
    private final ElectionMaps maps;
    private final Responses responses;
    private final Access access;
    private final WardRollups rollups;
    private final Map<String, Responses.Cached> statics = new ConcurrentHashMap<>();

    PublicPages(ReadModel model, Responses responses, Access access) {
        this.model = model;
        this.maps = new ElectionMaps(model);
        this.responses = responses;
        this.access = access;
        this.rollups = new WardRollups(model.store());
    }

    /** A page's title and main content. */
    record Titled(String title, String body) {
    }

    void routes(RoutesConfig r) {
        r.get("/", ctx -> titled(ctx, "*", () -> new Titled("Elections", Pages.elections(model.elections()))));
        r.get("/elections/{id}", this::electionPage);
        r.get("/ballots/{id}", ctx -> {
            String id = ctx.pathParam("id");
            titled(ctx, id, () -> {
                Views.Contest c = model.contest(id, false).orElseThrow(() -> HttpError.notFound("ballot " + id));
                return new Titled(c.name() + ", " + c.electionName(), Pages.contest(c, model.history(id, false))
                        + rollups.link(id));
            });
        });
        r.get("/ballots/{id}/wards", ctx -> {
            String id = ctx.pathParam("id");
            String by = ctx.queryParam("by");
            WardRollups.level(by); // a bad level is 400 before anything is cached
            titled(ctx, id, () -> {
                org.tallyroom.analysis.ward.Rollup roll = rollups.rollup(id, WardRollups.level(by));
                return new Titled(roll.contest() + " by " + roll.by(), rollups.page(id, roll));
            });
        });
        r.get("/ballots/{id}/history", ctx -> {
            String id = ctx.pathParam("id");
            titled(ctx, id, () -> {
                HistoryPage.Page p = HistoryPage.of(model.load(id).orElseThrow(() -> HttpError.notFound("ballot " + id)).ballot(),
                        model.versions(id, false));
                return new Titled(p.name() + ": every version of the result", HistoryPage.render(p));
            });
        });
        r.get("/organisations/{slug}", ctx -> {
            String slug = ctx.pathParam("slug");
            titled(ctx, "*", () -> {
                Views.Timeline t = model.timeline(slug).orElseThrow(() -> HttpError.notFound("organisation " + slug));
                return new Titled(t.organisation() + ": by-elections and events", Pages.timeline(t) + (t.composition() == null
                        ? "" : Templates.render("council/composition-timeline.jte", t.composition())));
            });
        });
        r.get("/static/{file}", this::staticFile);
    }

    /** A public page: its main content cached per URL; the whole page cached (with an ETag) for visitors. */
    private void titled(Context ctx, String liveKey, Supplier<Titled> render) {
        String key = "page " + ctx.path() + "?" + Optional.ofNullable(ctx.queryString()).orElse("");
        Html.Nav nav = access.nav(ctx, liveKey);
        CacheScope scope = CacheScope.of(liveKey);
        if (nav.username() == null) {
            // A visitor's page is served from its cached bytes: nothing is decoded or assembled per request.
            Responses.respond(ctx, responses.cached(key, scope, "text/html; charset=utf-8", () -> {
                Titled t = main(key, scope, render);
                return Html.page(t.title(), t.body(), nav).getBytes(StandardCharsets.UTF_8);
            }));
        } else {
            Titled t = main(key, scope, render);
            ctx.header("Cache-Control", "no-store");
            ctx.contentType("text/html; charset=utf-8").result(Html.page(t.title(), t.body(), nav));
        }
    }

    /** A page's title and main content, rendered once per change of the store. */
    private Titled main(String key, CacheScope scope, Supplier<Titled> render) {
        Responses.Cached main = responses.cached(key + " body", scope, "text/html", () -> {
            Titled t = render.get();
            return (t.title() + "\u0000" + t.body()).getBytes(StandardCharsets.UTF_8);
        });
        String both = new String(main.body(), StandardCharsets.UTF_8);
        int cut = both.indexOf('\u0000');
        return new Titled(both.substring(0, cut), both.substring(cut + 1));
    }

    private void staticFile(Context ctx) {
        String file = ctx.pathParam("file");
        if (!file.matches("[a-z]+\\.(css|js)")) {
            throw HttpError.notFound("file " + file);
        }
        Responses.Cached c = statics.computeIfAbsent(file, f -> {
            byte[] body;
            try (InputStream in = PublicPages.class.getResourceAsStream("/web/" + f)) {
                body = in == null ? new byte[0] : in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Responses.Cached(body, Responses.etag(body), f.endsWith(".css")
                    ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8");
        });
        if (c.body().length == 0) {
            throw HttpError.notFound("file " + file);
        }
        Responses.respond(ctx, c);
    }

    /** A council election, or a general election with the projection form ({@code chg.PARTY=points}, {@code model}). */
    private void electionPage(Context ctx) {
        String id = ctx.pathParam("id");
        if (!model.kind(id).equals("national")) {
            titled(ctx, id, () -> {
                Views.Council c = model.council(id).orElseThrow(() -> HttpError.notFound("election " + id));
                return new Titled(c.name(), Pages.council(c, model.organisationOf(id).isPresent(),
                        maps.council(c, ctx.queryParam("map")))
                        + model.controlHistory(id).map(v -> Templates.render("council/control-history.jte", v)).orElse(""));
            });
            return;
        }
        Map<String, String> form = new LinkedHashMap<>();
        StringBuilder changes = new StringBuilder();
        ctx.queryParamMap().forEach((k, v) -> {
            if (!v.isEmpty()) {
                form.put(k, v.get(0));
            }
            if (k.startsWith("chg.") && !v.isEmpty() && !v.get(0).isBlank()) {
                String points = v.get(0).strip().replace('−', '-').replace(" ", "");
                changes.append(changes.isEmpty() ? "" : ",").append(k.substring(4)).append(':').append(points);
            }
        });
        boolean submitted = ctx.queryParamMap().keySet().stream().anyMatch(k -> k.startsWith("chg.") || k.equals("model"));
        boolean bad = false;
        if (submitted) {
            try {
                org.tallyroom.analysis.projection.ShareChanges.parse(changes.toString());
            } catch (IllegalArgumentException e) {
                bad = true;
            }
        }
        if (bad) {
            ctx.status(400); // before the page: a cached page goes out committed
        }
        titled(ctx, id, () -> {
            Views.National n = model.national(id).orElseThrow(() -> HttpError.notFound("election " + id));
            Views.Projected projected = null;
            String error = null;
            if (submitted) {
                try {
                    projected = model.project(id, changes.toString(), form.get("model")).orElse(null);
                } catch (HttpError e) {
                    error = e.getMessage();
                }
            }
            List<String> parties = n.parties().stream().map(p -> p.party()).limit(8).toList();
            return new Titled(n.name(), Pages.national(n, projected, parties, form, error,
                    maps.national(n, ctx.queryParam("map"))));
        });
    }
}
