package org.tallyroom.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Signing in and out of the count team's pages. Failed attempts are limited per user name and per
 * address ({@link LoginLimiter}); every attempt is in the audit log. The session cookie is HttpOnly and
 * SameSite=Strict, and Secure behind HTTPS.
 */
final class SignIn {
    private final Accounts accounts;
    private final Sessions sessions;
    private final LoginLimiter limiter;
    private final Access access;

    SignIn(Accounts accounts, Sessions sessions, LoginLimiter limiter, Access access) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.limiter = limiter;
        this.access = access;
    }

    void routes(RoutesConfig r) {
        r.get("/login", ctx -> Responses.html(ctx, 200, "Sign in", TeamPages.login(null, ""), access.nav(ctx, "")));
        r.post("/login", this::login);
        r.post("/logout", ctx -> {
            Optional<Sessions.Session> s = access.session(ctx);
            if (s.isPresent()) {
                access.checkCsrf(ctx, s.get());
                sessions.close(s.get().id());
                accounts.audit(s.get().user().username(), "sign-out", null, null, ctx.ip());
            }
            ctx.header("Set-Cookie", Sessions.COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
            ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
        });
    }

    private void login(Context ctx) {
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("").strip();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        String ip = ctx.ip();
        long wait = limiter.retryAfter(username, ip);
        if (wait > 0) {
            accounts.audit(username, "sign-in-throttled", null, null, ip);
            ctx.header("Retry-After", Long.toString(wait));
            Responses.html(ctx, 429, "Sign in", TeamPages.login("Too many failed attempts. Try again in " + wait + " seconds.",
                    username), access.nav(ctx, ""));
            return;
        }
        Optional<User> u = accounts.authenticate(username, password);
        if (u.isEmpty()) {
            limiter.failed(username, ip);
            accounts.audit(username, "sign-in-failed", null, null, ip);
            Responses.html(ctx, 401, "Sign in", TeamPages.login("The user name or password is wrong.", username), access.nav(ctx, ""));
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
}
