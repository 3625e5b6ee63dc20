package org.tallyroom.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What every response carries, and how a refusal is told.
 *
 * <p>Security headers on every response: a Content-Security-Policy allowing only this site's own
 * script and styles, nosniff, frame denial, no referrer. Read-only API responses allow any origin
 * (CORS); writes none, and a preflight for anything but GET gets no Access-Control-Allow-* headers,
 * so a browser on another site never sends one. An error is JSON ({@code status}, {@code error}) for
 * the API and for clients that accept JSON, else a page saying what went wrong.
 */
final class HttpPolicy {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final Access access;

    HttpPolicy(Access access) {
        this.access = access;
    }

    private static boolean api(Context ctx) {
        return ctx.path().startsWith("/api/") || ctx.path().equals("/openapi.json");
    }

    /** Before every request. */
    void headers(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (api(ctx) && ctx.method() == io.javalin.http.HandlerType.GET) {
            ctx.header("Access-Control-Allow-Origin", "*");
            ctx.header("Access-Control-Expose-Headers", "ETag");
        }
    }

    /** CORS preflight: other origins may read (GET, with If-None-Match), never write. */
    void preflight(Context ctx) {
        String method = ctx.header("Access-Control-Request-Method");
        if ("GET".equalsIgnoreCase(method)) {
            ctx.header("Access-Control-Allow-Origin", "*");
            ctx.header("Access-Control-Allow-Methods", "GET");
            ctx.header("Access-Control-Allow-Headers", "If-None-Match, Last-Event-ID");
            ctx.header("Access-Control-Max-Age", "86400");
        }
        ctx.status(204);
    }

    /** The JSON body of a refusal. */
    static Map<String, Object> errorBody(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", message);
        return body;
    }

    void error(Context ctx, int status, String message) {
        ctx.status(status);
        if (status == 429 && !ctx.res().containsHeader("Retry-After")) {
            ctx.header("Retry-After", "60");
        }
        if (api(ctx) || Optional.ofNullable(ctx.header("Accept")).orElse("").contains("application/json")) {
            ctx.contentType("application/json").result(Responses.write(errorBody(status, message)));
        } else {
            String title = switch (status) {
                case 400 -> "That request could not be understood";
                case 401 -> "Please sign in";
                case 403 -> "Not allowed";
                case 404 -> "Not found";
                case 409 -> "Cannot do that now";
                case 412 -> "The result has changed";
                case 429 -> "Too many attempts";
                default -> "Something went wrong";
            };
            ctx.contentType("text/html; charset=utf-8").result(Html.page(title, Pages.message(title, message), access.nav(ctx, "")));
        }
    }
}
