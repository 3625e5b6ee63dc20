package org.tallyroom.web;

import io.javalin.Javalin;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.Collection;
import org.tallyroom.store.service.ChangeNotifier;
import org.tallyroom.store.service.ServiceStore;
import org.tallyroom.store.ResultVersion;
import org.tallyroom.store.Store;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The results service: public pages, the JSON API under /api (described at /openapi.json), the live
 * feed at /api/live, and results entry for the count team, on Javalin (Jetty). This class wires the
 * features together; each is a class of its own:
 * <ul>
 *   <li>{@link PublicPages}: the pages anyone may read;</li>
 *   <li>{@link EmbedRoutes}: the widgets and SVG images other sites may embed;</li>
 *   <li>{@link ApiRoutes}: the JSON reads, the live feed, and who the caller is;</li>
 *   <li>{@link ResultsDesk}: provisional figures, declarations and corrections, by form and by API;</li>
 *   <li>{@link Administration}: accounts, API tokens and new ballots;</li>
 *   <li>{@link SignIn}: sessions for the count team;</li>
 *   <li>{@link HttpPolicy}: security headers, CORS and error answers on every response;</li>
 *   <li>{@link Responses}: the cache of rendered reads with their ETags, which every write clears;</li>
 *   <li>{@link Access} and {@link Idempotency}: who may write, and each POST answered once per key.</li>
 * </ul>
 *
 * <p>Everything a node must share with other nodes lives in the store (accounts, tokens, sessions,
 * sign-in limits, idempotency keys); a write on this node clears the other nodes' caches and reaches
 * their live-feed clients through the store's {@link ChangeNotifier} (PostgreSQL LISTEN/NOTIFY), and
 * an import by another command (beside {@code serve}) clears this node's cache within a second.
 */
public final class WebServer implements AutoCloseable {
    static final JsonMapper JSON = JsonMapper.builder().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).build();

    private final ReadModel model;
    private final Accounts accounts;
    private final LiveFeed live = new LiveFeed();
    private final Responses responses = new Responses();
    private final HttpPolicy policy;
    private final PublicPages pages;
    private final EmbedRoutes embeds;
    private final ApiRoutes api;
    private final ResultsDesk desk;
    private final Administration administration;
    private final SignIn signIn;
    private final ChangeNotifier notifier;
    private Javalin app;
    /** Watches the read model's generation, so a write by another process (a CLI import) is seen. */
    private ScheduledExecutorService watcher;
    private long seenGeneration = -1;

    public WebServer(Store store, Clock clock) {
        this.model = new ReadModel(store);
        ServiceStore service = store.service();
        this.accounts = new Accounts(service, clock);
        Sessions sessions = new Sessions(service.sessions(), clock);
        sessions.expire();
        Access access = new Access(accounts, sessions);
        Idempotency idempotency = new Idempotency(accounts, access);
        this.policy = new HttpPolicy(access);
        this.notifier = store.changes(message -> {
            if (message.equals(CHANGED)) {
                responses.changedElsewhere();
            } else {
                // Results changed on another node (a declaration or correction on its way to the live feed):
                // forget what it affects before this node's clients hear of it.
                catchUpOrForget();
                live.fromElsewhere(message);
            }
        });
        responses.onChange(() -> notifier.send(CHANGED));
        responses.onResults(() -> {
            catchUpOrForget();
            notifier.send(RESULTS_CHANGED);
        });
        live.sendTo(notifier::send);
        this.pages = new PublicPages(model, responses, access);
        this.embeds = new EmbedRoutes(model, responses);
        this.api = new ApiRoutes(model, responses, access, policy, live, accounts);
        this.desk = new ResultsDesk(store, model, accounts, access, responses, idempotency, live);
        this.administration = new Administration(store, model, accounts, access, responses, idempotency);
        this.signIn = new SignIn(accounts, sessions, LoginLimiter.standard(service.loginAttempts(), clock), access, policy);
    }

    /** The message telling other nodes that the store changed (their cached reads are stale). */
    private static final String CHANGED = ChangeNotifier.STORE_CHANGED;
    /** The message telling other nodes that results changed: they catch up with the read model's generation. */
    private static final String RESULTS_CHANGED = "results";

    /**
     * The reverse proxies to believe about the client's address and scheme (X-Forwarded-For,
     * X-Forwarded-Proto); call before {@link #start}.
     */
    public WebServer trustProxies(Collection<String> addresses) {
        policy.trustProxies(addresses);
        return this;
    }

    /**
     * The sites allowed to frame the embeddable widgets ({@code /embed/...}), besides this one; call
     * before {@link #start}. A value that is not an origin is an IllegalArgumentException.
     */
    public WebServer embedOrigins(Collection<String> origins) {
        policy.embedOrigins(EmbedOrigins.of(origins));
        return this;
    }

    public WebServer(Store store) {
        this(store, Clock.systemUTC());
    }

    public Accounts accounts() {
        return accounts;
    }

    public LiveFeed live() {
        return live;
    }

    public ReadModel model() {
        return model;
    }

    /** Clears the caches: call after writing to the store other than through this server. */
    public void changed() {
        responses.changed();
    }

    /** Tells every live client about a declaration or correction. */
    public void publish(String ballotId, ResultVersion v) {
        desk.publish(ballotId, v);
    }

    /** Starts on {@code host}:{@code port} (0 for any free port); returns this. */
    public WebServer start(String host, int port) {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.generateEtags = false;
            config.jetty.host = host;
            config.jetty.port = port;
            config.routes.before(policy::headers);
            config.routes.after(policy::after);
            config.requestLogger.http(policy::log);
            config.routes.exception(HttpError.class, (e, ctx) -> policy.error(ctx, e.status(), e.getMessage()));
            config.routes.exception(IllegalArgumentException.class, (e, ctx) -> policy.error(ctx, 400, e.getMessage()));
            config.routes.exception(Exception.class, policy::unexpected);
            pages.routes(config.routes);
            embeds.routes(config.routes);
            api.routes(config.routes);
            desk.routes(config.routes);
            administration.routes(config.routes);
            signIn.routes(config.routes);
        });
        app.start();
        catchUp();
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "read-model-watcher");
            t.setDaemon(true);
            return t;
        });
        watcher.scheduleWithFixedDelay(this::watch, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
        return this;
    }

    public int port() {
        return app.port();
    }

    /**
     * Renders the pages readers are likely to open first (the elections list and the newest elections'
     * pages) by requesting them from this server, so the first reader after a start is served from the
     * cache; returns after they are ready. Call after {@link #start}.
     */
    public void warm() {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        List<String> paths = new java.util.ArrayList<>(List.of("/"));
        model.elections().stream().filter(e -> !e.kind().equals("other")).limit(4)
                .forEach(e -> paths.add("/elections/" + Html.seg(e.id())));
        for (String path : paths) {
            for (String encoding : List.of("gzip", "identity")) {
                try {
                    client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port() + path))
                            .header("Accept-Encoding", encoding).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
                } catch (java.io.IOException e) {
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** How often the read model's generation is checked: a write elsewhere shows within this. */
    static final long WATCH_MILLIS = 50;

    private void watch() {
        try {
            catchUp();
        } catch (RuntimeException e) {
            // The database is closing or briefly unavailable: the next check tries again.
        }
    }

    /** {@link #catchUp}, or, if the store cannot say what changed, forgets every read. */
    private void catchUpOrForget() {
        try {
            catchUp();
        } catch (RuntimeException e) {
            responses.changedElsewhere();
        }
    }

    /**
     * Brings the cache up to the read model's generation: forgets the reads of the elections whose
     * summaries were rewritten since the generation last seen (by this process or another), or every
     * read when a write changed no election's summary.
     */
    private synchronized void catchUp() {
        long g = model.generation();
        if (seenGeneration != -1 && g != seenGeneration) {
            List<String> elections = model.electionsChangedSince(seenGeneration);
            if (elections.isEmpty()) {
                responses.changedElsewhere();
            } else {
                responses.changedIn(elections);
            }
        }
        seenGeneration = g;
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
        notifier.close();
        live.close();
        if (app != null) {
            app.stop();
        }
    }
}
