package org.tallyroom.web;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * How the service answers: JSON and HTML bodies, and the cache of rendered reads.
 *
 * <p>Reads are served from a cache of rendered bytes, each with a strong ETag over its bytes, so a
 * repeat request with If-None-Match costs a hash lookup and answers 304. Each entry has a
 * {@link CacheScope}: what it shows of the store. A change of results forgets only the entries it
 * affects ({@link #changedIn}: the ballot's pages and API, its election's, the lists); a change of
 * anything else forgets them all ({@link #changed}). An epoch counter makes sure a render that
 * straddles a change is not kept. Pages for a signed-in member of the count team are not cached
 * ({@code no-store}): they show provisional figures and the user's name.
 */
final class Responses {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Responses.class);
    /** Bodies smaller than this go out as they are: gzip would save little. */
    private static final int GZIP_FROM = 1024;

    /** Goes up with every change: a render that began before a change is not kept. */
    private final AtomicLong epoch = new AtomicLong();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    /** The renders under way, by key. */
    private final Map<String, CompletableFuture<Cached>> rendering = new ConcurrentHashMap<>();

    /**
     * A rendered body with its ETag and the same body gzipped once (null when small), so a browser
     * asking for gzip costs no compression per request; {@code scope} says which changes make it stale
     * (null: any change).
     */
    record Cached(CacheScope scope, byte[] body, String etag, String contentType, byte[] gzip, boolean versionTag) {
        Cached(byte[] body, String etag, String contentType) {
            this(null, body, etag, contentType, body.length < GZIP_FROM ? null : Responses.gzip(body), false);
        }

        /**
         * The gzipped representation's ETag: another representation, another tag; except a result's
         * version tag, which If-Match names whatever the encoding it was read in.
         */
        String gzipEtag() {
            return versionTag ? etag : etag.substring(0, etag.length() - 1) + "-gz\"";
        }
    }

    /**
     * The body gzipped at the best level: it is done once per change of what the body shows, and sent
     * many times (on the national page level 9 gives 2% fewer bytes than the default 6, and took no
     * longer, measured: docs/benchmarks.md).
     */
    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
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
        epoch.incrementAndGet();
        cache.clear();
    }

    /**
     * Forgets the rendered reads that show any of these elections (by id), or their ballots (or
     * later ballots compared with them), and those of no particular election (lists, timelines):
     * after their results changed, here or elsewhere.
     */
    void changedIn(Collection<String> electionIds) {
        List<org.tallyroom.store.id.ElectionId> changed = new ArrayList<>();
        for (String id : electionIds) {
            org.tallyroom.store.id.ElectionId parsed = org.tallyroom.store.id.ElectionId.tryParse(id).orElse(null);
            if (parsed == null) {
                changedElsewhere(); // an election the scopes cannot place: forget everything
                return;
            }
            changed.add(parsed);
        }
        epoch.incrementAndGet();
        cache.values().removeIf(c -> c.scope() == null || changed.stream().anyMatch(c.scope()::affectedBy));
    }

    private volatile Runnable onResults = this::changed;

    /**
     * After results were written through this service (a declaration, correction or provisional
     * figures): forgets what they affect (by default everything).
     */
    void resultsChanged() {
        onResults.run();
    }

    /** What to do on {@link #resultsChanged} (forget the affected reads, tell the other nodes). */
    void onResults(Runnable r) {
        onResults = r;
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

    Cached cached(String key, CacheScope scope, String contentType, Supplier<byte[]> render) {
        return cachedTagged(key, scope, contentType, () -> {
            byte[] body = render.get();
            return new Rendered(body, etag(body), false);
        });
    }

    /** A body and the ETag it goes out with. */
    record Rendered(byte[] body, String etag, boolean version) {
    }

    /** As {@link #cached}, with the ETag the render gives (a result's version, which If-Match names). */
    Cached cachedTagged(String key, CacheScope scope, String contentType, Supplier<Rendered> render) {
        Cached c = cache.get(key);
        if (c != null) {
            return c;
        }
        // One render per key at a time: after a change, the readers arriving together wait for the
        // first one's render instead of each rendering the same page (a storm of identical work). A
        // reader never waits for a render begun before the latest change (the epoch is in the key).
        long e = epoch.get();
        String flight = e + " " + key;
        CompletableFuture<Cached> mine = new CompletableFuture<>();
        CompletableFuture<Cached> running = rendering.putIfAbsent(flight, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException failed) {
                if (failed.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw failed;
            }
        }
        try {
            Rendered r = render.get();
            c = new Cached(scope, r.body(), r.etag(), contentType, r.body().length < GZIP_FROM ? null : gzip(r.body()), r.version());
            if (cache.size() > 20_000) {
                cache.clear();
            }
            if (epoch.get() == e) {
                cache.put(key, c);
                if (epoch.get() != e) {
                    cache.remove(key, c); // a change came between the check and the put
                }
            }
            mine.complete(c);
            return c;
        } catch (RuntimeException | Error failed) {
            mine.completeExceptionally(failed);
            throw failed;
        } finally {
            rendering.remove(flight, mine);
        }
    }

    /** The body (gzipped where the client takes it), or 304 when the client's If-None-Match already names it. */
    static void respond(Context ctx, Cached c) {
        boolean gz = c.gzip != null && acceptsGzip(ctx.header("Accept-Encoding"));
        String etag = gz ? c.gzipEtag() : c.etag;
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", HttpPolicy.PUBLIC_CACHE);
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
        }
        ctx.contentType(c.contentType);
        write(ctx, gz ? c.gzip : c.body);
    }

    /**
     * Writes cached bytes to Jetty in one write, with their length. Given them as a result, Javalin
     * copies them through a new 32 KB buffer per request and Jetty sends them chunked, a write per 32 KB;
     * the national page (64 KB gzipped) then took three writes and two buffers of garbage per request
     * (measured under wrk: docs/benchmarks.md). Nothing may change the status or headers after this:
     * the response is committed.
     */
    private static void write(Context ctx, byte[] bytes) {
        jakarta.servlet.http.HttpServletResponse res = ctx.res();
        res.setContentLength(bytes.length);
        try {
            res.getOutputStream().write(bytes);
        } catch (IOException gone) {
            // The client went away mid-response, as Javalin treats it when it writes a result: nothing to tell it.
            LOG.debug("client gone while writing {}: {}", ctx.path(), gone.toString());
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
    void json(Context ctx, String key, CacheScope scope, Supplier<Object> view) {
        respond(ctx, cached("json " + key, scope, "application/json", () -> write(view.get())));
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
