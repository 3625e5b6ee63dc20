package org.tallyroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallyroom.store.BallotSpec;
import org.tallyroom.store.Declaration;
import org.tallyroom.store.Party;
import org.tallyroom.store.Person;
import org.tallyroom.store.ResultStatus;
import org.tallyroom.store.Source;
import org.tallyroom.store.Turnout;
import org.tallyroom.store.id.ElectionId;

/** Escaping, CSRF, roles on forms, secure headers, password hashing and the sign-in rate limit. */
class SecurityTest {
    static final String XSS = "<script>alert(1)</script>";
    static final String XSS_BALLOT = "local.test-borough.xss-ward.2022-05-05";
    @TempDir
    static Path dir;
    static Running s;

    @BeforeAll
    static void start() {
        s = Running.start(org.tallyroom.store.testing.TestDatabase.H2, dir);
        String b = XSS_BALLOT;
        BallotSpec spec = new BallotSpec(ElectionId.parse(b), "Xss \"ward\" <b>", null, null, null, null, null, 1, "fptp", false);
        s.store.importSource(Source.of("xss", XSS.getBytes(StandardCharsets.UTF_8)), "test", "test", ingest -> ingest.declare(
                new Declaration(spec, List.of(
                        new Declaration.Entry(Person.onBallot(b, XSS), Party.named("\"><img src=x onerror=alert(2)>"), XSS, null,
                                BigDecimal.valueOf(120), true, null, null),
                        new Declaration.Entry(Person.onBallot(b, "Plain Name"), null, "Plain Name", null, BigDecimal.valueOf(80),
                                false, null, null)), ResultStatus.DECLARED, new Turnout(1000L, 201L, BigDecimal.valueOf(200), 1L,
                        java.util.Map.of()), 0, null, null, null)));
        s.server.changed();
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void aCandidateNamedAsAScriptRendersAsTextOnEveryPage() {
        String session = signIn("returning-officer", s.credentials.password());
        for (String path : List.of("/ballots/" + XSS_BALLOT, "/elections/local.test-borough.2022-05-05",
                "/count/ballots/" + XSS_BALLOT)) {
            String body = s.get(path, "Cookie", session).body();
            assertThat(body).as(path).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(XSS)
                    .doesNotContain("<img src=x").doesNotContain("<b>");
        }
        // The templates escape by context: in text a quote is harmless and stays, the angle brackets never do.
        assertThat(s.get("/ballots/" + XSS_BALLOT).body()).contains("\"&gt;&lt;img src=x onerror=alert(2)&gt;")
                .doesNotContain("<img src=x");
        assertThat(s.get("/api/ballots/" + XSS_BALLOT).headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    }

    @Test
    void everyResponseCarriesTheSecureHeaders() {
        for (String path : List.of("/", "/ballots/" + XSS_BALLOT, "/api/elections", "/login", "/nope/not/here")) {
            HttpResponse<String> r = s.get(path);
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(path).contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).contains("no-referrer");
        }
        // the pages have no inline script or style for the CSP to allow
        String page = s.get("/elections/" + Demo.NIGHT).body();
        assertThat(page).doesNotContain("<script>").doesNotContain("style=").doesNotContain("onclick");
        // writes do not allow other origins
        assertThat(s.post("/api/ballots/" + XSS_BALLOT + "/declare", "{}").headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
    }

    @Test
    void otherOriginsMayReadButNotWrite() {
        HttpResponse<String> read = s.send(s.request("/api/elections").method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://example.org").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "if-none-match"));
        assertThat(read.statusCode()).isEqualTo(204);
        assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(read.headers().firstValue("Access-Control-Allow-Headers").orElse("")).contains("If-None-Match");
        HttpResponse<String> write = s.send(s.request("/api/ballots/x/declare").method("OPTIONS",
                        java.net.http.HttpRequest.BodyPublishers.noBody()).header("Origin", "https://example.org")
                .header("Access-Control-Request-Method", "POST"));
        assertThat(write.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(write.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
    }

    @Test
    void formsNeedTheSessionsCsrfToken() {
        String ward = s.freshWard();
        String session = signIn("returning-officer", s.credentials.password());
        String page = s.get("/count/ballots/" + ward, "Cookie", session).body();
        String csrf = field(page, "csrf");
        StringBuilder votes = new StringBuilder();
        long[] v = s.demo.figuresFor(ward);
        for (int i = 0; i < v.length; i++) {
            votes.append("&votes-").append(i + 1).append('=').append(v[i]);
        }
        String body = "action=declare&version=" + votes;
        assertThat(s.form("/count/ballots/" + ward, body, "Cookie", session).statusCode()).isEqualTo(403);
        assertThat(s.form("/count/ballots/" + ward, body + "&csrf=0000", "Cookie", session).statusCode()).isEqualTo(403);
        assertThat(s.store.currentResult(ward)).isEmpty();
        // the API with only a session cookie needs the token too (a cross-site fetch cannot read it)
        assertThat(s.post("/api/ballots/" + ward + "/declare", s.votesJson(ward), "Cookie", session).statusCode()).isEqualTo(403);
        HttpResponse<String> ok = s.form("/count/ballots/" + ward, body + "&csrf=" + csrf, "Cookie", session);
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(s.store.currentResult(ward).orElseThrow().status()).isEqualTo(ResultStatus.DECLARED);
        assertThat(s.store.currentResult(ward).orElseThrow().recordedBy()).isEqualTo("returning-officer");
        // a correction with the same figures changes nothing: refused with 409 and the page says why
        HttpResponse<String> stale = s.form("/count/ballots/" + ward, "action=correct&version=&reason=x&csrf=" + csrf + votes,
                "Cookie", session);
        assertThat(stale.statusCode()).isEqualTo(409);
        // signing out needs the token as well
        assertThat(s.form("/logout", "", "Cookie", session).statusCode()).isEqualTo(403);
        assertThat(s.form("/logout", "csrf=" + csrf, "Cookie", session).statusCode()).isEqualTo(303);
        assertThat(s.get("/count", "Cookie", session).statusCode()).isEqualTo(303);
    }

    @Test
    void aClerkCannotDeclareThroughTheForm() {
        String ward = s.freshWard();
        String session = signIn("clerk", s.credentials.password());
        String page = s.get("/count/ballots/" + ward, "Cookie", session).body();
        assertThat(page).doesNotContain("value=\"declare\"");
        String csrf = field(page, "csrf");
        StringBuilder votes = new StringBuilder();
        long[] v = s.demo.figuresFor(ward);
        for (int i = 0; i < v.length; i++) {
            votes.append("&votes-").append(i + 1).append('=').append(v[i]);
        }
        assertThat(s.form("/count/ballots/" + ward, "action=declare&csrf=" + csrf + votes, "Cookie", session).statusCode())
                .isEqualTo(403);
        assertThat(s.form("/count/ballots/" + ward, "action=provisional&csrf=" + csrf + votes, "Cookie", session).statusCode())
                .isEqualTo(303);
        assertThat(s.get("/admin", "Cookie", session).statusCode()).isEqualTo(403);
        assertThat(s.form("/admin/users", "csrf=" + csrf + "&username=evil&password=0123456789&roles=admin", "Cookie", session)
                .statusCode()).isEqualTo(403);
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        String hash = org.tallyroom.store.Sql.of(s.store).withHandle(h -> h.createQuery("SELECT password_hash FROM web_users WHERE username = 'admin'")
                .mapTo(String.class).one());
        assertThat(hash).startsWith("$2a$12$").doesNotContain(s.credentials.password());
        String token = s.token("admin");
        String stored = org.tallyroom.store.Sql.of(s.store).withHandle(h -> h.createQuery("SELECT token_hash FROM api_tokens ORDER BY id DESC")
                .setMaxRows(1).mapTo(String.class).one());
        assertThat(stored).isEqualTo(Accounts.sha256(token)).isNotEqualTo(token);
    }

    @Test
    void signInIsRateLimitedPerUser() {
        Accounts a = s.server.accounts();
        a.create("limited", "correct horse battery", java.util.EnumSet.of(Role.RESULTS_ENTRY));
        for (int i = 0; i < 5; i++) {
            assertThat(s.login("username=limited&password=wrong" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> blocked = s.login("username=limited&password=" + enc("correct horse battery"));
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
        assertThat(blocked.body()).contains("Too many failed attempts");
        // another user from the same address is not yet blocked (the per-address limit is higher)
        assertThat(signIn("admin", s.credentials.password())).startsWith(Sessions.COOKIE + "=");
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String signIn(String user, String password) {
        return signInOn(s, user, password);
    }

    /** Signs in on a running server; returns the session cookie (name=value). */
    static String signInOn(Running s, String user, String password) {
        HttpResponse<String> r = s.login("username=" + enc(user) + "&password=" + enc(password));
        assertThat(r.statusCode()).as("sign in " + user).isEqualTo(303);
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict");
        return cookie.substring(0, cookie.indexOf(';'));
    }

    static String field(String page, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(page);
        assertThat(m.find()).as("field " + name).isTrue();
        return m.group(1);
    }
}
