package org.tallyroom.web;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * How the service answers: JSON and HTML bodies, and the cache of rendered reads.
 *
 * <p>Reads are served from a cache of rendered bytes that every write clears (a generation counter:
 * a render that straddles a write is not kept), each with a strong ETag over its bytes, so a repeat
 * request with If-None-Match costs a hash lookup and answers 304. Pages for a signed-in member of the
 * count team are not cached ({@code no-store}): they show provisional figures and the user's name.
 */
final class Responses {
    /** Bodies smaller than this go out as they are: gzip would save little. */
    private static final int GZIP_FROM = 1024;
    /** What a shared cache (a CDN) may do with a public read: keep it, and check its ETag before each use. */
    static final String PUBLIC_CACHE = "public, no-cache";

    private final AtomicLong generation = new AtomicLong();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /**
     * A rendered body with its ETag, valid for one generation of the store, and the same body gzipped
     * once (null when small), so a browser asking for gzip costs no compression per request.
     */
    record Cached(long generation, byte[] body, String etag, String contentType, byte[] gzip, boolean versionTag) {
        Cached(long generation, byte[] body, String etag, String contentType) {
            this(generation, body, etag, contentType, body.length < GZIP_FROM ? null : Responses.gzip(body), false);
        }

        /**
         * The gzipped representation's ETag: another representation, another tag; except a result's
         * version tag, which If-Match names whatever the encoding it was read in.
         */
        String gzipEtag() {
            return versionTag ? etag : etag.substring(0, etag.length() - 1) + "-gz\"";
        }
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
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
        return cachedTagged(key, contentType, () -> {
            byte[] body = render.get();
            return new Rendered(body, etag(body), false);
        });
    }

    /** A body and the ETag it goes out with. */
    record Rendered(byte[] body, String etag, boolean version) {
    }

    /** As {@link #cached}, with the ETag the render gives (a result's version, which If-Match names). */
    Cached cachedTagged(String key, String contentType, Supplier<Rendered> render) {
        long g = generation.get();
        Cached c = cache.get(key);
        if (c != null && c.generation == g) {
            return c;
        }
        Rendered r = render.get();
        c = new Cached(g, r.body(), r.etag(), contentType, r.body().length < GZIP_FROM ? null : gzip(r.body()), r.version());
        if (cache.size() > 20_000) {
            cache.clear();
        }
        if (generation.get() == g) {
            cache.put(key, c);
        }
        return c;
    }

    /** The body (gzipped where the client takes it), or 304 when the client's If-None-Match already names it. */
    static void respond(Context ctx, Cached c) {
        boolean gz = c.gzip != null && acceptsGzip(ctx.header("Accept-Encoding"));
        String etag = gz ? c.gzipEtag() : c.etag;
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", PUBLIC_CACHE);
        if (c.gzip != null) {
            ctx.header("Vary", "Accept-Encoding");
        }
        String inm = ctx.header("If-None-Match");
        if (inm != null && (inm.strip().equals("*") || List.of(inm.split(",")).stream().map(String::strip)
                .map(s -> s.startsWith("W/") ? s.substring(2) : s).anyMatch(t -> t.equals(c.etag) || t.equals(c.gzipEtag())))) {
            ctx.status(304);
            return;
        }
        if (gz) {
            ctx.header("Content-Encoding", "gzip");
            ctx.contentType(c.contentType).result(c.gzip);
        } else {
            ctx.contentType(c.contentType).result(c.body);
        }
    }

    private static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] p = part.strip().split(";");
            if (p[0].strip().equalsIgnoreCase("gzip")) {
                return p.length < 2 || !p[1].replace(" ", "").equalsIgnoreCase("q=0");
            }
        }
        return false;
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
