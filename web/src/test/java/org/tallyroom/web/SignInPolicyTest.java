package org.tallyroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallyroom.store.testing.TestDatabase;

/** Issue 10 item 5: the sign-in limit under concurrency, the sign-in form's CSRF token, HSTS, and /api/live's 406. */
class SignInPolicyTest {
    @TempDir
    static Path dir;
    static Running s;

    @BeforeAll
    static void start() {
        s = Running.start(TestDatabase.H2, dir);
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void thirtyConcurrentWrongPasswordsGetFive401sAndThen429s() throws Exception {
        s.server.accounts().create("raced", "correct horse battery", java.util.EnumSet.of(Role.RESULTS_ENTRY));
        ExecutorService pool = Executors.newFixedThreadPool(30);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> all = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            int n = i;
            all.add(pool.submit(() -> {
                go.await();
                return s.login("username=raced&password=wrong" + n).statusCode();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : all) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(c -> c == 401).hasSize(5);
        assertThat(statuses).filteredOn(c -> c == 429).hasSize(25);
    }

    @Test
    void theSignInFormCarriesACsrfTokenAndAPostWithoutItIsRefused() {
        HttpResponse<String> form = s.get("/login");
        assertThat(form.body()).containsPattern("<form method=\"post\" action=\"/login\" id=\"login\"><input type=\"hidden\" "
                + "name=\"csrf\" value=\"[0-9a-f]{64}\">");
        assertThat(form.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith(SignIn.CSRF_COOKIE + "=").contains("HttpOnly").contains("SameSite=Strict"));
        String password = s.credentials.password();
        HttpResponse<String> none = s.form("/login", "username=admin&password=" + SecurityTest.enc(password));
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(none.body()).contains("did not come from this site");
        HttpResponse<String> forged = s.form("/login", "username=admin&csrf=abc&password=" + SecurityTest.enc(password),
                "Cookie", SignIn.CSRF_COOKIE + "=def");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(none.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(Sessions.COOKIE + "="));
        HttpResponse<String> ok = s.login("username=admin&password=" + SecurityTest.enc(password));
        assertThat(ok.statusCode()).isEqualTo(303);
    }

    @Test
    void hstsOnlyWhenATrustedProxySaysTheRequestCameOverHttps() {
        assertThat(s.get("/", "X-Forwarded-Proto", "https").headers().firstValue("Strict-Transport-Security"))
                .as("any client can send the header: not believed unless the proxy is trusted").isEmpty();
        s.server.trustProxies(List.of("127.0.0.1"));
        try {
            assertThat(s.get("/", "X-Forwarded-Proto", "https").headers().firstValue("Strict-Transport-Security"))
                    .contains(HttpPolicy.HSTS);
            assertThat(s.get("/", "X-Forwarded-Proto", "http").headers().firstValue("Strict-Transport-Security")).isEmpty();
            assertThat(s.get("/").headers().firstValue("Strict-Transport-Security")).isEmpty();
        } finally {
            s.server.trustProxies(List.of());
        }
    }

    @Test
    void theLiveFeedServesTheStreamOrAnswers406WithAMessage() throws Exception {
        HttpResponse<String> json = s.get("/api/live", "Accept", "application/json");
        assertThat(json.statusCode()).isEqualTo(406);
        assertThat(json.body()).contains("Accept: text/event-stream");
        HttpResponse<String> none = s.send(s.request("/api/live").GET());
        assertThat(none.statusCode()).isEqualTo(406);
        HttpRequest stream = s.request("/api/live").header("Accept", "text/event-stream").GET().build();
        HttpResponse<java.io.InputStream> r = s.http.send(stream, HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.InputStream in = r.body()) {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
            assertThat(new String(in.readNBytes(": connected".length()), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(": connected");
        }
    }

    @Test
    void publicReadsCarryACacheControlACdnCanUseBesideTheirETag() {
        for (String path : List.of("/elections/" + Demo.COUNCIL, "/api/elections")) {
            HttpResponse<String> r = s.get(path);
            assertThat(r.headers().firstValue("ETag")).as(path).isPresent();
            assertThat(r.headers().firstValue("Cache-Control")).as(path).contains(HttpPolicy.PUBLIC_CACHE);
            HttpResponse<String> again = s.get(path, "If-None-Match", r.headers().firstValue("ETag").orElseThrow());
            assertThat(again.statusCode()).isEqualTo(304);
            assertThat(again.headers().firstValue("Cache-Control")).contains(HttpPolicy.PUBLIC_CACHE);
        }
        String session = SecurityTest.signInOn(s, "returning-officer", s.credentials.password());
        assertThat(s.get("/elections/" + Demo.COUNCIL, "Cookie", session).headers().firstValue("Cache-Control")).contains("no-store");
    }
}
