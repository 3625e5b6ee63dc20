package org.tallyroom.web;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every response carries, and how a refusal is told.
 *
 * <p>Security headers on every response: a Content-Security-Policy allowing only this site's own
 * script and styles, nosniff, frame denial (the embeddable widgets excepted: see
 * {@link #embedOrigins}), no referrer. Read-only API responses allow any origin
 * (CORS); writes none, and a preflight for anything but GET gets no Access-Control-Allow-* headers,
 * so a browser on another site never sends one. An error is JSON ({@code status}, {@code error}) for
 * the API and for clients that accept JSON, else a page saying what went wrong; an unexpected error goes
 * to the log with its stack trace, and the client gets only an error id to quote.
 *
 * <p>Behind a reverse proxy the service learns the client's address (X-Forwarded-For) and whether it
 * came over HTTPS (X-Forwarded-Proto) only from the proxies it is told to trust ({@code serve
 * --trusted-proxy ADDRESS}); from anyone else those headers are ignored, since any client can send
 * them. A request that came over HTTPS gets Strict-Transport-Security.
 *
 * <p>Caching: a public GET (no session cookie, no Authorization) answered 200 or 304 carries
 * {@code Cache-Control: public, max-age=0, s-maxage=1} beside its ETag: browsers revalidate every time
 * (a 304 when nothing changed), and a CDN or proxy cache may answer for one second before it asks
 * again, so a declaration reaches readers within a second even through a cache. The count team's
 * pages and reads stay {@code no-store}.
 */
final class HttpPolicy {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    static final String HSTS = "max-age=31536000";
    static final String PUBLIC_CACHE = "public, max-age=0, s-maxage=1";
    private static final Logger LOG = LoggerFactory.getLogger(HttpPolicy.class);
    private static final Logger REQUESTS = LoggerFactory.getLogger("org.tallyroom.web.requests");

    private final Access access;
    private volatile Set<String> trustedProxies = Set.of();
    private volatile String embedCsp = embedCsp(EmbedOrigins.selfOnly());

    HttpPolicy(Access access) {
        this.access = access;
    }

    /**
     * The sites that may frame the embeddable widgets ({@code /embed/...}): their responses carry
     * {@code frame-ancestors 'self'} and these origins, and no X-Frame-Options (which cannot list origins).
     * Every other page keeps {@code frame-ancestors 'none'} and {@code X-Frame-Options: DENY}.
     */
    void embedOrigins(EmbedOrigins origins) {
        embedCsp = embedCsp(origins);
    }

    private static String embedCsp(EmbedOrigins origins) {
        return CSP.replace("frame-ancestors 'none'", "frame-ancestors " + origins.frameAncestors());
    }

    /** An embeddable widget, which other sites may frame. */
    static boolean embed(Context ctx) {
        return ctx.path().startsWith("/embed/");
    }

    /** The addresses of the reverse proxies whose X-Forwarded-* headers are believed (host names resolved now). */
    void trustProxies(Collection<String> proxies) {
        trustedProxies = proxies.stream().map(HttpPolicy::normalise).collect(Collectors.toUnmodifiableSet());
    }

    private static String normalise(String address) {
        try {
            return InetAddress.getByName(address.strip()).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("expected a proxy's address (e.g. 127.0.0.1), found '" + address + "'");
        }
    }

    private boolean trusted(String address) {
        if (trustedProxies.isEmpty() || address == null) {
            return false;
        }
        try {
            return trustedProxies.contains(InetAddress.getByName(address).getHostAddress());
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The client's address: the connection's, or, through trusted proxies, the last address they were given. */
    String clientIp(Context ctx) {
        String remote = ctx.req().getRemoteAddr();
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null || !trusted(remote)) {
            return remote;
        }
        List<String> hops = List.of(forwarded.split(","));
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i).strip();
            if (!hop.isEmpty() && !trusted(hop)) {
                return hop;
            }
        }
        return remote;
    }

    /** Whether the request came over HTTPS: to this server, or to a trusted proxy that says so. */
    boolean secure(Context ctx) {
        if (ctx.req().isSecure()) {
            return true;
        }
        String proto = ctx.header("X-Forwarded-Proto");
        if (proto == null || !trusted(ctx.req().getRemoteAddr())) {
            return false;
        }
        String[] protos = proto.split(",");
        return "https".equalsIgnoreCase(protos[protos.length - 1].strip());
    }

    /** After every request: the cache policy of a public read. */
    void after(Context ctx) {
        if (ctx.method() != io.javalin.http.HandlerType.GET || ctx.path().equals("/api/live")) {
            return;
        }
        int status = ctx.statusCode();
        String cc = ctx.res().getHeader("Cache-Control");
        boolean anonymous = ctx.header("Authorization") == null && ctx.cookie(Sessions.COOKIE) == null;
        if ((status == 200 || status == 304) && anonymous && ctx.res().getHeader("ETag") != null
                && cc == null) {
            ctx.header("Cache-Control", PUBLIC_CACHE);
        }
    }

    /** One line per request in the log (org.tallyroom.web.requests). */
    void log(Context ctx, Float millis) {
        if (REQUESTS.isInfoEnabled()) {
            String q = ctx.queryString();
            REQUESTS.info("{} {} {}{} {} {}ms", clientIp(ctx), ctx.method(), ctx.path(), q == null ? "" : "?" + q,
                    ctx.statusCode(), Math.round(millis == null ? 0 : millis));
        }
    }

    /** An unexpected failure: the stack trace to the log, an error id to the client. */
    void unexpected(Exception e, Context ctx) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("error {} answering {} {}", id, ctx.method(), ctx.path(), e);
        error(ctx, 500, "the service could not answer this request (error " + id + "; the server's log has the details)");
    }

    private static boolean api(Context ctx) {
        return ctx.path().startsWith("/api/") || ctx.path().equals("/openapi.json");
    }

    /** Before every request. */
    void headers(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        if (embed(ctx)) {
            ctx.header("Content-Security-Policy", embedCsp);
        } else {
            ctx.header("Content-Security-Policy", CSP);
            ctx.header("X-Frame-Options", "DENY");
        }
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (secure(ctx)) {
            ctx.header("Strict-Transport-Security", HSTS);
        }
        if (ctx.path().equals("/api/live") && ctx.method() == io.javalin.http.HandlerType.GET
                && !Optional.ofNullable(ctx.header("Accept")).orElse("").contains("text/event-stream")) {
            throw new HttpError(406, "the live feed is a stream of server-sent events: ask for it with "
                    + "Accept: text/event-stream (a browser's EventSource does)");
        }
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
                case 406 -> "Not acceptable";
                case 409 -> "Cannot do that now";
                case 412 -> "The result has changed";
                case 429 -> "Too many attempts";
                default -> "Something went wrong";
            };
            ctx.contentType("text/html; charset=utf-8").result(Html.page(title, Pages.message(title, message), access.nav(ctx, "")));
        }
    }
}
