package org.tallyroom.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * How the service answers: JSON and HTML bodies, and the cache of rendered reads.
 *
 * <p>Reads are served from a cache of rendered bytes that every write clears (a generation counter:
 * a render that straddles a write is not kept), each with a strong ETag over its bytes, so a repeat
 * request with If-None-Match costs a hash lookup and answers 304. Pages for a signed-in member of the
 * count team are not cached ({@code no-store}): they show provisional figures and the user's name.
 */
final class Responses {
    private final AtomicLong generation = new AtomicLong();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** A rendered body with its ETag, valid for one generation of the store. */
    record Cached(long generation, byte[] body, String etag, String contentType) {
    }

    private volatile Runnable onChange = () -> { };

    /** Forgets every rendered read: call after any write to the store (other nodes are told too). */
    void changed() {
        changedElsewhere();
        onChange.run();
    }

    /** Forgets every rendered read after a write made by another node. */
    void changedElsewhere() {
        generation.incrementAndGet();
        cache.clear();
    }

    /** What else to do on {@link #changed} (tell the other nodes). */
    void onChange(Runnable r) {
        onChange = r;
    }

    static byte[] write(Object o) {
        return WebServer.JSON.writeValueAsBytes(o);
    }

    static String etag(byte[] body) {
        return "\"" + Accounts.sha256(new String(body, StandardCharsets.ISO_8859_1)).substring(0, 20) + "\"";
    }

    Cached cached(String key, String contentType, Supplier<byte[]> render) {
        long g = generation.get();
        Cached c = cache.get(key);
        if (c != null && c.generation == g) {
            return c;
        }
        byte[] body = render.get();
        c = new Cached(g, body, etag(body), contentType);
        if (cache.size() > 20_000) {
            cache.clear();
        }
        if (generation.get() == g) {
            cache.put(key, c);
        }
        return c;
    }

    /** The body, or 304 when the client's If-None-Match already names it. */
    static void respond(Context ctx, Cached c) {
        ctx.header("ETag", c.etag);
        ctx.header("Cache-Control", "no-cache");
        String inm = ctx.header("If-None-Match");
        if (inm != null && (inm.strip().equals("*") || List.of(inm.split(",")).stream().map(String::strip)
                .map(s -> s.startsWith("W/") ? s.substring(2) : s).anyMatch(c.etag::equals))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(c.contentType).result(c.body);
    }

    /** A public JSON read, cached under {@code key}. */
    void json(Context ctx, String key, Supplier<Object> view) {
        respond(ctx, cached("json " + key, "application/json", () -> write(view.get())));
    }

    /** An uncached JSON answer. */
    static void send(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(write(body));
    }

    /** An uncached page. */
    static void html(Context ctx, int status, String title, String body, Html.Nav nav) {
        ctx.header("Cache-Control", "no-store");
        ctx.status(status).contentType("text/html; charset=utf-8").result(Html.page(title, body, nav));
    }
}
