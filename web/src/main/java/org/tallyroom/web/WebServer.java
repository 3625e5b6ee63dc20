package org.tallyroom.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.tallyroom.store.ResultVersion;
import org.tallyroom.store.Store;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The results service: public pages, the JSON API under /api (described at /openapi.json), the live
 * feed at /api/live, and results entry for the count team, on Javalin (Jetty).
 *
 * <p>Reads are served from a cache of rendered bytes that every write clears (a generation
 * counter), each with a strong ETag over its bytes, so a repeat request with If-None-Match costs a
 * hash lookup and answers 304. Every response carries the security headers (a Content-Security-Policy
 * allowing only this site's own script and styles, nosniff, frame denial, no referrer); read-only
 * API responses allow any origin (CORS), writes none.
 *
 * <p>Writes need a signed-in user (session cookie, with the session's CSRF token in every form or an
 * X-CSRF-Token header) or an API token (Authorization: Bearer), holding the role the write needs.
 * POSTs to the API may carry an Idempotency-Key: a repeat with the same key and body gets the first
 * response again; the same key with another body is refused (422).
 */
public final class WebServer implements AutoCloseable {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final JsonMapper JSON = JsonMapper.builder().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).build();

    private final Store store;
    private final ReadModel model;
    private final Accounts accounts;
    private final Sessions sessions;
    private final LoginLimiter limiter;
    private final ResultEntry entry;
    private final LiveFeed live = new LiveFeed();
    private final AtomicLong generation = new AtomicLong();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<String, byte[]> statics = new ConcurrentHashMap<>();
    private Javalin app;

    private record Cached(long generation, byte[] body, String etag, String contentType) {
    }

    public WebServer(Store store, Clock clock) {
        this.store = store;
        this.model = new ReadModel(store);
        this.accounts = new Accounts(store.jdbi());
        this.sessions = new Sessions(clock);
        this.limiter = LoginLimiter.standard(clock);
        this.entry = new ResultEntry(store);
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
        generation.incrementAndGet();
        cache.clear();
    }

    /** Starts on {@code host}:{@code port} (0 for any free port); returns this. */
    public WebServer start(String host, int port) {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.generateEtags = false;
            config.jetty.host = host;
            config.jetty.port = port;
            config.routes.before(this::headers);
            config.routes.exception(HttpError.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
            config.routes.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> error(ctx, 500,
                    "the service could not answer this request: " + e.getClass().getSimpleName()));
            routes(config.routes);
        });
        app.start();
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        live.close();
        if (app != null) {
            app.stop();
        }
    }

    // ---------------------------------------------------------------- routes

    private void routes(io.javalin.config.RoutesConfig r) {
        r.get("/", ctx -> page(ctx, "Elections", "*", () -> Pages.elections(model.elections())));
        r.get("/elections/{id}", this::electionPage);
        r.get("/ballots/{id}", ctx -> {
            String id = ctx.pathParam("id");
            titled(ctx, id, () -> {
                Views.Contest c = model.contest(id, false).orElseThrow(() -> HttpError.notFound("ballot " + id));
                return new Titled(c.name() + ", " + c.electionName(), Pages.contest(c));
            });
        });
        r.get("/organisations/{slug}", ctx -> {
            String slug = ctx.pathParam("slug");
            titled(ctx, "*", () -> {
                Views.Timeline t = model.timeline(slug).orElseThrow(() -> HttpError.notFound("organisation " + slug));
                return new Titled(t.organisation() + ": by-elections and events", Pages.timeline(t));
            });
        });
        r.get("/static/{file}", this::staticFile);
        r.get("/openapi.json", ctx -> json(ctx, "openapi", OpenApi::document));

        r.get("/api/elections", ctx -> json(ctx, ctx.path(), model::elections));
        r.get("/api/elections/{id}", ctx -> {
            String id = ctx.pathParam("id");
            json(ctx, ctx.path(), () -> {
                Object view = model.kind(id).equals("national") ? model.national(id).orElse(null) : model.council(id).orElse(null);
                if (view == null) {
                    throw HttpError.notFound("election " + id);
                }
                return view;
            });
        });
        r.get("/api/elections/{id}/marginals", ctx -> {
            String id = ctx.pathParam("id");
            json(ctx, ctx.path(), () -> model.national(id).orElseThrow(() -> HttpError.notFound("election " + id)).marginals());
        });
        r.get("/api/elections/{id}/projection", ctx -> {
            String id = ctx.pathParam("id");
            json(ctx, ctx.path() + "?" + ctx.queryString(), () -> model.project(id, ctx.queryParam("changes"),
                    ctx.queryParam("model")).orElseThrow(() -> HttpError.notFound("election " + id)));
        });
        r.get("/api/ballots/{id}", ctx -> {
            String id = ctx.pathParam("id");
            json(ctx, ctx.path(), () -> model.contest(id, false).orElseThrow(() -> HttpError.notFound("ballot " + id)));
        });
        r.get("/api/ballots/{id}/history", ctx -> {
            String id = ctx.pathParam("id");
            boolean team = user(ctx).isPresent();
            json(ctx, ctx.path() + (team ? "#team" : ""), () -> {
                if (model.load(id).isEmpty()) {
                    throw HttpError.notFound("ballot " + id);
                }
                return model.history(id, team);
            });
        });
        r.get("/api/ballots/{id}/result", this::currentResult);
        r.get("/api/organisations/{slug}/timeline", ctx -> {
            String slug = ctx.pathParam("slug");
            json(ctx, ctx.path(), () -> model.timeline(slug).orElseThrow(() -> HttpError.notFound("organisation " + slug)));
        });
        r.sse("/api/live", live::join);
        r.options("/api/<rest>", this::preflight);
        r.options("/openapi.json", this::preflight);
        r.get("/api/me", ctx -> {
            User u = require(ctx, null);
            send(ctx, 200, Map.of("username", u.username(), "roles", u.roles().stream().map(Role::id).sorted().toList()));
        });
        r.get("/api/audit", ctx -> {
            require(ctx, Role.ADMIN);
            send(ctx, 200, accounts.auditLog(500));
        });
        for (ResultEntry.Action a : ResultEntry.Action.values()) {
            r.post("/api/ballots/{id}/" + a.name().toLowerCase(java.util.Locale.ROOT), ctx -> idempotent(ctx, () -> apiEntry(ctx, a)));
        }
        r.post("/api/users", ctx -> idempotent(ctx, () -> apiCreateUser(ctx)));
        r.post("/api/ballots", ctx -> idempotent(ctx, () -> apiCreateBallot(ctx)));
        r.post("/api/tokens", ctx -> idempotent(ctx, () -> apiIssueToken(ctx)));

        r.get("/login", ctx -> html(ctx, 200, "Sign in", TeamPages.login(null, ""), nav(ctx, "")));
        r.post("/login", this::login);
        r.post("/logout", ctx -> {
            Optional<Sessions.Session> s = session(ctx);
            if (s.isPresent()) {
                checkCsrf(ctx, s.get());
                sessions.close(s.get().id());
                accounts.audit(s.get().user().username(), "sign-out", null, null, ctx.ip());
            }
            ctx.header("Set-Cookie", Sessions.COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
            ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
        });
        r.get("/count", ctx -> {
            User u = requirePage(ctx, Role.RESULTS_ENTRY);
            if (u == null) {
                return;
            }
            html(ctx, 200, "Count", TeamPages.count(u, countRows()), nav(ctx, "*"));
        });
        r.get("/count/ballots/{id}", ctx -> {
            User u = requirePage(ctx, Role.RESULTS_ENTRY);
            if (u == null) {
                return;
            }
            String id = ctx.pathParam("id");
            Views.Contest c = model.contest(id, true).orElseThrow(() -> HttpError.notFound("ballot " + id));
            html(ctx, 200, c.name(), TeamPages.entry(u, c, session(ctx).get().csrf(), ctx.queryParam("done"), null), nav(ctx, ""));
        });
        r.post("/count/ballots/{id}", this::formEntry);
        r.get("/admin", ctx -> {
            User u = requirePage(ctx, Role.ADMIN);
            if (u == null) {
                return;
            }
            html(ctx, 200, "Administration", TeamPages.admin(accounts.users(), accounts.auditLog(100), session(ctx).get().csrf(),
                    null, null), nav(ctx, ""));
        });
        r.post("/admin/users", ctx -> adminForm(ctx, true));
        r.post("/admin/tokens", ctx -> adminForm(ctx, false));
    }

    // ---------------------------------------------------------------- plumbing

    private void headers(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        String path = ctx.path();
        if ((path.startsWith("/api/") || path.equals("/openapi.json")) && ctx.method() == io.javalin.http.HandlerType.GET) {
            ctx.header("Access-Control-Allow-Origin", "*");
            ctx.header("Access-Control-Expose-Headers", "ETag");
        }
    }

    /**
     * CORS preflight: other origins may read (GET, with If-None-Match), never write: a preflight for
     * anything but GET gets no Access-Control-Allow-* headers, so the browser does not send it.
     */
    private void preflight(Context ctx) {
        String method = ctx.header("Access-Control-Request-Method");
        if ("GET".equalsIgnoreCase(method)) {
            ctx.header("Access-Control-Allow-Origin", "*");
            ctx.header("Access-Control-Allow-Methods", "GET");
            ctx.header("Access-Control-Allow-Headers", "If-None-Match, Last-Event-ID");
            ctx.header("Access-Control-Max-Age", "86400");
        }
        ctx.status(204);
    }

    private void error(Context ctx, int status, String message) {
        ctx.status(status);
        if (status == 429 && !ctx.res().containsHeader("Retry-After")) {
            ctx.header("Retry-After", "60");
        }
        boolean api = ctx.path().startsWith("/api/") || ctx.path().equals("/openapi.json")
                || Optional.ofNullable(ctx.header("Accept")).orElse("").contains("application/json");
        if (api) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", status);
            body.put("error", message);
            ctx.contentType("application/json").result(write(body));
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
            ctx.contentType("text/html; charset=utf-8").result(Html.page(title, Pages.message(title, message), nav(ctx, "")));
        }
    }

    static byte[] write(Object o) {
        return JSON.writeValueAsBytes(o);
    }

    private static String etag(byte[] body) {
        return "\"" + Accounts.sha256(new String(body, StandardCharsets.ISO_8859_1)).substring(0, 20) + "\"";
    }

    private Cached cached(String key, String contentType, Supplier<byte[]> render) {
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

    private void respond(Context ctx, Cached c) {
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

    private void json(Context ctx, String key, Supplier<Object> view) {
        respond(ctx, cached("json " + key, "application/json", () -> write(view.get())));
    }

    private void send(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(write(body));
    }

    /** A page's title and main content. */
    record Titled(String title, String body) {
    }

    private void page(Context ctx, String title, String liveKey, Supplier<String> body) {
        titled(ctx, liveKey, () -> new Titled(title, body.get()));
    }

    /** A public page: its main content cached per URL; the whole page cached (with an ETag) for visitors. */
    private void titled(Context ctx, String liveKey, Supplier<Titled> render) {
        String key = "page " + ctx.path() + "?" + Optional.ofNullable(ctx.queryString()).orElse("");
        Cached main = cached(key + " body", "text/html", () -> {
            Titled t = render.get();
            return (t.title() + "\u0000" + t.body()).getBytes(StandardCharsets.UTF_8);
        });
        String both = new String(main.body, StandardCharsets.UTF_8);
        int cut = both.indexOf('\u0000');
        String title = both.substring(0, cut);
        String body = both.substring(cut + 1);
        Html.Nav nav = nav(ctx, liveKey);
        if (nav.username() == null) {
            respond(ctx, cached(key, "text/html; charset=utf-8", () -> Html.page(title, body, nav).getBytes(StandardCharsets.UTF_8)));
        } else {
            ctx.header("Cache-Control", "no-store");
            ctx.contentType("text/html; charset=utf-8").result(Html.page(title, body, nav));
        }
    }

    private void html(Context ctx, int status, String title, String body, Html.Nav nav) {
        ctx.header("Cache-Control", "no-store");
        ctx.status(status).contentType("text/html; charset=utf-8").result(Html.page(title, body, nav));
    }

    private Html.Nav nav(Context ctx, String liveKey) {
        Optional<Sessions.Session> s = session(ctx);
        return s.map(x -> new Html.Nav(x.user().username(), x.user().may(Role.ADMIN), x.csrf(), liveKey))
                .orElse(Html.Nav.anonymous(liveKey));
    }

    private void staticFile(Context ctx) {
        String file = ctx.pathParam("file");
        if (!file.matches("[a-z]+\\.(css|js)")) {
            throw HttpError.notFound("file " + file);
        }
        byte[] body = statics.computeIfAbsent(file, f -> {
            try (InputStream in = WebServer.class.getResourceAsStream("/web/" + f)) {
                return in == null ? new byte[0] : in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (body.length == 0) {
            throw HttpError.notFound("file " + file);
        }
        respond(ctx, new Cached(0, body, etag(body), file.endsWith(".css") ? "text/css; charset=utf-8"
                : "text/javascript; charset=utf-8"));
    }

    private void electionPage(Context ctx) {
        String id = ctx.pathParam("id");
        String kind = model.kind(id);
        if (!kind.equals("national")) {
            titled(ctx, id, () -> {
                Views.Council c = model.council(id).orElseThrow(() -> HttpError.notFound("election " + id));
                return new Titled(c.name(), Pages.council(c, model.organisationOf(id).isPresent()));
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
        int[] status = {200};
        if (submitted) {
            try {
                org.tallyroom.analysis.projection.ShareChanges.parse(changes.toString());
            } catch (IllegalArgumentException e) {
                status[0] = 400;
            }
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
            return new Titled(n.name(), Pages.national(n, projected, parties, form, error));
        });
        if (status[0] != 200) {
            ctx.status(status[0]);
        }
    }

    // ---------------------------------------------------------------- who is asking

    private Optional<Sessions.Session> session(Context ctx) {
        return sessions.find(ctx.cookie(Sessions.COOKIE));
    }

    /** The user by bearer token or session, if any. A bad token is 401 (not silently anonymous). */
    Optional<User> user(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth != null) {
            if (!auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new HttpError(401, "expected Authorization: Bearer TOKEN");
            }
            return Optional.of(accounts.byToken(auth.substring(7)).orElseThrow(() -> new HttpError(401, "the API token is not valid")));
        }
        return session(ctx).map(Sessions.Session::user);
    }

    /** The user for an API call; 401 without one, 403 without the role (null: any role). */
    private User require(Context ctx, Role role) {
        User u = user(ctx).orElseThrow(() -> new HttpError(401, "sign in or send an API token (Authorization: Bearer)"));
        if (role != null && !u.may(role)) {
            throw new HttpError(403, u.username() + " does not have the " + role.id() + " role");
        }
        return u;
    }

    /** The user for a page; redirects to sign-in (returns null) when nobody is signed in. */
    private User requirePage(Context ctx, Role role) {
        Optional<Sessions.Session> s = session(ctx);
        if (s.isEmpty()) {
            ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
            return null;
        }
        if (!s.get().user().may(role)) {
            throw new HttpError(403, s.get().user().username() + " does not have the " + role.id() + " role");
        }
        return s.get().user();
    }

    private void checkCsrf(Context ctx, Sessions.Session s) {
        String given = ctx.formParam("csrf");
        if (given == null) {
            given = ctx.header("X-CSRF-Token");
        }
        if (!Sessions.same(given, s.csrf())) {
            accounts.audit(s.user().username(), "csrf-rejected", ctx.path(), null, ctx.ip());
            throw new HttpError(403, "the form has expired or did not come from this site (CSRF token missing or wrong); reload the page");
        }
    }

    /** A writer for the API: bearer token, or session plus X-CSRF-Token. */
    private User apiWriter(Context ctx, Role role) {
        if (ctx.header("Authorization") == null) {
            Optional<Sessions.Session> s = session(ctx);
            if (s.isPresent()) {
                checkCsrf(ctx, s.get());
            }
        }
        return require(ctx, role);
    }

    // ---------------------------------------------------------------- sign in

    private void login(Context ctx) {
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("").strip();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        String ip = ctx.ip();
        long wait = limiter.retryAfter(username, ip);
        if (wait > 0) {
            accounts.audit(username, "sign-in-throttled", null, null, ip);
            ctx.header("Retry-After", Long.toString(wait));
            html(ctx, 429, "Sign in", TeamPages.login("Too many failed attempts. Try again in " + wait + " seconds.", username),
                    nav(ctx, ""));
            return;
        }
        Optional<User> u = accounts.authenticate(username, password);
        if (u.isEmpty()) {
            limiter.failed(username, ip);
            accounts.audit(username, "sign-in-failed", null, null, ip);
            html(ctx, 401, "Sign in", TeamPages.login("The user name or password is wrong.", username), nav(ctx, ""));
            return;
        }
        limiter.succeeded(username);
        Sessions.Session s = sessions.open(u.get());
        accounts.audit(username, "sign-in", null, null, ip);
        boolean secure = "https".equalsIgnoreCase(ctx.req().getScheme())
                || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        ctx.header("Set-Cookie", Sessions.COOKIE + "=" + s.id() + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : ""));
        ctx.redirect("/count", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private List<TeamPages.Row> countRows() {
        return store.jdbi().withHandle(h -> h.createQuery("""
                SELECT b.ballot_id, b.name, e.name AS election, r.status, r.version FROM ballots b
                JOIN elections e ON b.election_id = e.id LEFT JOIN current_results r ON r.ballot_id = b.id
                ORDER BY b.poll_date DESC, e.name, b.name""").map((rs, c) -> new TeamPages.Row(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getObject(5, Integer.class))).list());
    }

    // ---------------------------------------------------------------- results entry

    private void currentResult(Context ctx) {
        String id = ctx.pathParam("id");
        ReadModel.Loaded l = model.load(id).orElseThrow(() -> HttpError.notFound("ballot " + id));
        boolean team = user(ctx).map(u -> u.may(Role.RESULTS_ENTRY)).orElse(false);
        ResultVersion r = team ? l.current() : l.published();
        if (r == null) {
            throw new HttpError(404, id + " has no " + (team ? "" : "declared ") + "result yet");
        }
        Views.Contest view = model.contest(id, team).orElseThrow();
        String etag = ReadModel.etag(r);
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "no-cache");
        String inm = ctx.header("If-None-Match");
        if (etag.equals(inm == null ? null : inm.strip())) {
            ctx.status(304);
            return;
        }
        send(ctx, 200, view);
    }

    private record Outcome(int status, byte[] body, Map<String, String> headers) {
    }

    /** Runs a POST once per Idempotency-Key (per user): a repeat with the same body replays the first response. */
    private void idempotent(Context ctx, Supplier<Outcome> action) {
        String key = ctx.header("Idempotency-Key");
        if (key == null || key.isBlank()) {
            Outcome o = action.get();
            o.headers().forEach(ctx::header);
            ctx.status(o.status()).contentType("application/json").result(o.body());
            return;
        }
        if (key.length() > 200) {
            throw HttpError.badRequest("expected an Idempotency-Key of at most 200 characters");
        }
        User u = require(ctx, null);
        String hash = Accounts.sha256(ctx.method() + " " + ctx.path() + "\n" + ctx.body());
        Optional<Accounts.StoredResponse> earlier = accounts.idempotent(u.username(), key);
        if (earlier.isPresent()) {
            if (!earlier.get().requestHash().equals(hash)) {
                throw new HttpError(422, "the Idempotency-Key " + key + " was used for a different request");
            }
            ctx.header("Idempotent-Replayed", "true");
            ctx.status(earlier.get().status()).contentType(earlier.get().contentType()).result(earlier.get().body());
            return;
        }
        Outcome o;
        try {
            o = action.get();
        } catch (HttpError e) {
            if (e.status() != 401 && e.status() != 403 && e.status() != 412) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("status", e.status());
                body.put("error", e.getMessage());
                accounts.remember(u.username(), key, new Accounts.StoredResponse(hash, e.status(), "application/json",
                        new String(write(body), StandardCharsets.UTF_8)));
            }
            throw e;
        }
        accounts.remember(u.username(), key, new Accounts.StoredResponse(hash, o.status(), "application/json",
                new String(o.body(), StandardCharsets.UTF_8)));
        o.headers().forEach(ctx::header);
        ctx.status(o.status()).contentType("application/json").result(o.body());
    }

    private Outcome apiEntry(Context ctx, ResultEntry.Action action) {
        User u = apiWriter(ctx, action == ResultEntry.Action.PROVISIONAL ? Role.RESULTS_ENTRY : Role.RETURNING_OFFICER);
        String id = ctx.pathParam("id");
        ReadModel.Loaded l = model.load(id).orElseThrow(() -> HttpError.notFound("ballot " + id));
        ResultEntry.Figures f = EntryJson.figures(ctx.body(), l.ballot());
        ResultVersion v = record(ctx, u, id, action, f, ctx.header("If-Match"));
        Views.Contest view = model.contest(id, true).orElseThrow();
        return new Outcome(v.version() == 1 ? 201 : 200, write(view), Map.of("ETag", ReadModel.etag(v)));
    }

    private ResultVersion record(Context ctx, User u, String id, ResultEntry.Action action, ResultEntry.Figures f, String ifMatch) {
        ResultVersion v;
        try {
            v = entry.apply(id, action, f, ifMatch, u);
        } catch (HttpError e) {
            if (e.status() == 409 || e.status() == 412) {
                accounts.audit(u.username(), action.name().toLowerCase(java.util.Locale.ROOT) + "-refused", id, e.getMessage(), ctx.ip());
            }
            throw e;
        }
        changed();
        accounts.audit(u.username(), action.name().toLowerCase(java.util.Locale.ROOT), id,
                "version " + v.version() + " " + v.status().id() + (v.reason() == null ? "" : ": " + v.reason()), ctx.ip());
        if (v.status() != org.tallyroom.store.ResultStatus.PROVISIONAL) {
            publish(id, v);
        }
        return v;
    }

    /** Tells every live client about a declaration or correction. */
    public void publish(String ballotId, ResultVersion v) {
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
        live.publish(v.status() == org.tallyroom.store.ResultStatus.CORRECTED ? "correction" : "declaration",
                new String(write(event), StandardCharsets.UTF_8));
    }

    private void formEntry(Context ctx) {
        Sessions.Session s = session(ctx).orElseThrow(() -> new HttpError(401, "sign in to enter results"));
        checkCsrf(ctx, s);
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
            html(ctx, e.status(), c.name(), TeamPages.entry(s.user(), c, s.csrf(), null, e.getMessage()), nav(ctx, ""));
        }
    }

    private Outcome apiCreateUser(Context ctx) {
        User admin = apiWriter(ctx, Role.ADMIN);
        JsonNode body = EntryJson.parse(ctx.body());
        Set<Role> roles = EnumSet.noneOf(Role.class);
        body.path("roles").forEach(n -> roles.add(Role.parse(n.asString())));
        User u = accounts.create(body.path("username").asString(null), body.path("password").asString(null), roles);
        accounts.audit(admin.username(), "user-created", u.username(), String.join(",", roles.stream().map(Role::id).toList()), ctx.ip());
        return new Outcome(201, write(Map.of("username", u.username(), "roles", roles.stream().map(Role::id).sorted().toList())),
                Map.of());
    }

    private Outcome apiCreateBallot(Context ctx) {
        User admin = apiWriter(ctx, Role.ADMIN);
        JsonNode body = EntryJson.parse(ctx.body());
        org.tallyroom.store.Declaration d = EntryJson.ballot(body);
        String id = d.ballot().id().toString();
        if (model.load(id).isPresent()) {
            throw new HttpError(409, id + " is already stored");
        }
        String nonce = Sessions.random();
        store.importSource(org.tallyroom.store.Source.of("web:ballot:" + id + ":" + nonce, nonce.getBytes(StandardCharsets.UTF_8)),
                "web ballot " + id, admin.username(), ingest -> {
                    if (body.hasNonNull("electionName")) {
                        ingest.election(d.ballot().id().parent().orElseThrow(), body.get("electionName").asString());
                    }
                    ingest.declare(d);
                });
        changed();
        accounts.audit(admin.username(), "ballot-created", id, d.candidates().size() + " candidates", ctx.ip());
        return new Outcome(201, write(model.contest(id, true).orElseThrow()), Map.of());
    }

    private Outcome apiIssueToken(Context ctx) {
        User admin = apiWriter(ctx, Role.ADMIN);
        JsonNode body = EntryJson.parse(ctx.body());
        String username = body.path("username").asString(null);
        if (username == null) {
            throw HttpError.badRequest("expected {\"username\": ..., \"label\": ...}");
        }
        String token = accounts.issueToken(username, body.path("label").asString(null));
        accounts.audit(admin.username(), "token-issued", username, body.path("label").asString(null), ctx.ip());
        return new Outcome(201, write(Map.of("username", username, "token", token)), Map.of());
    }

    private void adminForm(Context ctx, boolean user) {
        Sessions.Session s = session(ctx).orElseThrow(() -> new HttpError(401, "sign in as an administrator"));
        checkCsrf(ctx, s);
        if (!s.user().may(Role.ADMIN)) {
            throw new HttpError(403, s.user().username() + " does not have the admin role");
        }
        String token = null;
        String error = null;
        try {
            String username = Optional.ofNullable(ctx.formParam("username")).orElse("").strip();
            if (user) {
                Set<Role> roles = EnumSet.noneOf(Role.class);
                ctx.formParams("roles").forEach(r -> roles.add(Role.parse(r)));
                accounts.create(username, ctx.formParam("password"), roles);
                accounts.audit(s.user().username(), "user-created", username, roles.toString(), ctx.ip());
            } else {
                token = accounts.issueToken(username, ctx.formParam("label"));
                accounts.audit(s.user().username(), "token-issued", username, ctx.formParam("label"), ctx.ip());
            }
        } catch (HttpError e) {
            error = e.getMessage();
            ctx.status(e.status());
        }
        html(ctx, error == null ? 200 : ctx.status().getCode(), "Administration", TeamPages.admin(accounts.users(),
                accounts.auditLog(100), s.csrf(), token, error), nav(ctx, ""));
    }
}
