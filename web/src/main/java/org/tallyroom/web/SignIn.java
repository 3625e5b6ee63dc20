package org.tallyroom.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;
import org.tallyroom.store.service.LoginAttempts;

/**
 * Signing in and out of the count team's pages. Failed attempts are limited per user name and per
 * address ({@link LoginLimiter}); every attempt is in the audit log. The session cookie is HttpOnly and
 * SameSite=Strict, and Secure behind HTTPS.
 *
 * <p>The sign-in form carries a CSRF token too (so another site cannot sign a browser in to an account
 * of its choosing): nobody has a session yet, so the token is a double-submit one, set in an HttpOnly,
 * SameSite=Strict cookie when the form is shown and repeated in the form's {@code csrf} field; a POST
 * whose field does not match its cookie is refused (403). It needs no server state, so it works
 * whichever node shows the form and whichever receives it.
 */
final class SignIn {
    static final String CSRF_COOKIE = "tallyroom_login_csrf";
    private final Accounts accounts;
    private final Sessions sessions;
    private final LoginLimiter limiter;
    private final Access access;
    private final HttpPolicy policy;

    SignIn(Accounts accounts, Sessions sessions, LoginLimiter limiter, Access access, HttpPolicy policy) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.limiter = limiter;
        this.access = access;
        this.policy = policy;
    }

    void routes(RoutesConfig r) {
        r.get("/login", ctx -> form(ctx, 200, null, ""));
        r.post("/login", this::login);
        r.post("/logout", ctx -> {
            Optional<Sessions.Session> s = access.session(ctx);
            if (s.isPresent()) {
                access.checkCsrf(ctx, s.get());
                sessions.close(s.get().id());
                accounts.audit(s.get().user().username(), "sign-out", null, null, policy.clientIp(ctx));
            }
            ctx.header("Set-Cookie", Sessions.COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
            ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
        });
    }

    /** The sign-in form with a fresh CSRF token in its cookie and its hidden field. */
    private void form(Context ctx, int status, String error, String username) {
        String token = Sessions.random();
        ctx.res().addHeader("Set-Cookie", CSRF_COOKIE + "=" + token + "; Path=/login; HttpOnly; SameSite=Strict"
                + (policy.secure(ctx) ? "; Secure" : ""));
        Responses.html(ctx, status, "Sign in", TeamPages.login(error, username, token), access.nav(ctx, ""));
    }

    private void login(Context ctx) {
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("").strip();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        String ip = policy.clientIp(ctx);
        String cookie = ctx.cookie(CSRF_COOKIE);
        if (cookie == null || !Sessions.same(ctx.formParam("csrf"), cookie)) {
            accounts.audit(username, "csrf-rejected", ctx.path(), null, ip);
            form(ctx, 403, "The sign-in form has expired or did not come from this site. Please try again.", username);
            return;
        }
        LoginAttempts.Attempt attempt = limiter.attempt(username, ip);
        if (!attempt.allowed()) {
            long wait = attempt.retryAfterSeconds();
            accounts.audit(username, "sign-in-throttled", null, null, ip);
            ctx.header("Retry-After", Long.toString(wait));
            form(ctx, 429, "Too many failed attempts. Try again in " + wait + " seconds.", username);
            return;
        }
        Optional<User> u = accounts.authenticate(username, password);
        if (u.isEmpty()) {
            accounts.audit(username, "sign-in-failed", null, null, ip);
            form(ctx, 401, "The user name or password is wrong.", username);
            return;
        }
        limiter.succeeded(attempt, username);
        Sessions.Session s = sessions.open(u.get());
        accounts.audit(username, "sign-in", null, null, ip);
        ctx.res().addHeader("Set-Cookie", Sessions.COOKIE + "=" + s.id() + "; Path=/; HttpOnly; SameSite=Strict"
                + (policy.secure(ctx) ? "; Secure" : ""));
        ctx.res().addHeader("Set-Cookie", CSRF_COOKIE + "=; Path=/login; Max-Age=0; HttpOnly; SameSite=Strict");
        ctx.redirect("/count", io.javalin.http.HttpStatus.SEE_OTHER);
    }
}
