package org.tallyroom.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;

/**
 * The embeddable widgets: {@code /embed/ballots/{id}} and {@code /embed/elections/{id}}, a compact page
 * for another site's iframe (refreshed in place by the live feed where JavaScript runs), and the same
 * with {@code .svg} on the end, a self-contained SVG image. Public and cached as the other public reads
 * (ETag, {@code Cache-Control: public}); they show only declared results, signed in or not. Which sites
 * may frame them is {@link HttpPolicy#embedOrigins}'s business.
 */
final class EmbedRoutes {
    static final String SVG = ".svg";
    private final ReadModel model;
    private final Responses responses;

    EmbedRoutes(ReadModel model, Responses responses) {
        this.model = model;
        this.responses = responses;
    }

    void routes(RoutesConfig r) {
        // One route each: "{id}.svg" is the image of "{id}" (no ballot or election id ends in .svg).
        r.get("/embed/ballots/{id}", ctx -> answer(ctx, "ballot", id -> Embeds.ballot(
                model.contest(id, false).orElseThrow(() -> HttpError.notFound("ballot " + id)))));
        r.get("/embed/elections/{id}", ctx -> answer(ctx, "election", this::election));
    }

    private Embeds.Widget election(String id) {
        if (model.kind(id).equals("national")) {
            return Embeds.national(model.national(id).orElseThrow(() -> HttpError.notFound("election " + id)));
        }
        return Embeds.council(model.council(id).orElseThrow(() -> HttpError.notFound("election " + id)));
    }

    private void answer(Context ctx, String what, java.util.function.Function<String, Embeds.Widget> widget) {
        String param = ctx.pathParam("id");
        boolean svg = param.endsWith(SVG);
        String id = svg ? param.substring(0, param.length() - SVG.length()) : param;
        String key = "embed " + what + " " + id + (svg ? " svg" : "");
        Responses.respond(ctx, responses.cached(key, CacheScope.of(id), svg ? "image/svg+xml; charset=utf-8" : "text/html; charset=utf-8", () -> {
            Embeds.Widget w = widget.apply(id);
            String body = svg ? Templates.render("embed/widget-svg.jte", w.svg()) : Templates.render("embed/widget.jte", w);
            return body.getBytes(StandardCharsets.UTF_8);
        }));
    }
}
