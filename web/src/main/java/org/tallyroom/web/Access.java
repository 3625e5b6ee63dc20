package org.tallyroom.web;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * Who is asking: a member of the count team signed in (session cookie), a machine client with an API
 * token (Authorization: Bearer), or a visitor. A write by session must carry the session's CSRF token
 * (the form's {@code csrf} field or an X-CSRF-Token header); a token is not sent by a browser on its
 * own, so a write by token needs none.
 */
final class Access {
    private final Accounts accounts;
    private final Sessions sessions;

    Access(Accounts accounts, Sessions sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    Optional<Sessions.Session> session(Context ctx) {
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
    User require(Context ctx, Role role) {
        User u = user(ctx).orElseThrow(() -> new HttpError(401, "sign in or send an API token (Authorization: Bearer)"));
        if (role != null && !u.may(role)) {
            throw new HttpError(403, u.username() + " does not have the " + role.id() + " role");
        }
        return u;
    }

    /** The user for a page; redirects to sign-in (returns null) when nobody is signed in. */
    User requirePage(Context ctx, Role role) {
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

    /** A signed-in form's session, its CSRF token checked; 401 when nobody is signed in. */
    Sessions.Session formSession(Context ctx, String signInTo) {
        Sessions.Session s = session(ctx).orElseThrow(() -> new HttpError(401, signInTo));
        checkCsrf(ctx, s);
        return s;
    }

    void checkCsrf(Context ctx, Sessions.Session s) {
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
    User apiWriter(Context ctx, Role role) {
        if (ctx.header("Authorization") == null) {
            Optional<Sessions.Session> s = session(ctx);
            if (s.isPresent()) {
                checkCsrf(ctx, s.get());
            }
        }
        return require(ctx, role);
    }

    /** The navigation bar for this caller; {@code liveKey} says which live updates the page follows. */
    Html.Nav nav(Context ctx, String liveKey) {
        Optional<Sessions.Session> s = session(ctx);
        return s.map(x -> new Html.Nav(x.user().username(), x.user().may(Role.ADMIN), x.csrf(), liveKey))
                .orElse(Html.Nav.anonymous(liveKey));
    }
}
