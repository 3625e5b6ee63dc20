package org.tallyroom.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.tallyroom.store.Store;
import org.tallyroom.store.testing.TestDatabase;
import tools.jackson.databind.JsonNode;

/** A real results server on a random port over a fresh database with the demo data (no automatic night). */
final class Running implements AutoCloseable {
    final Store store;
    final WebServer server;
    final Demo demo;
    final Demo.Credentials credentials;
    final String base;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Deque<String> undeclared;

    private Running(Store store, WebServer server, Demo demo, Demo.Credentials credentials, Deque<String> undeclared) {
        this.store = store;
        this.server = server;
        this.demo = demo;
        this.credentials = credentials;
        this.base = "http://127.0.0.1:" + server.port();
        this.undeclared = undeclared;
    }

    static Running start(TestDatabase db, Path dir) {
        Store store = Store.open(db.freshUrl(dir));
        WebServer server = new WebServer(store);
        Demo demo = new Demo(store, dir.resolve("data"));
        Demo.Credentials c = demo.populate(server.accounts());
        server.changed();
        server.start("127.0.0.1", 0);
        return new Running(store, server, demo, c, new ArrayDeque<>(demo.undeclared()));
    }

    /**
     * Another server (a second node, or this one restarted) on the same database as {@code first}; the two
     * share the wards not yet used (first may be closed already: a closed store cannot be asked again).
     */
    static Running sameDatabase(Running first) {
        Store store = Store.open(first.store.url());
        WebServer server = new WebServer(store);
        server.start("127.0.0.1", 0);
        return new Running(store, server, first.demo, first.credentials, first.undeclared);
    }

    /** A ward of tonight's election that no test has used yet (on this node or one on the same database). */
    String freshWard() {
        synchronized (undeclared) {
            return undeclared.pop();
        }
    }

    String token(String user) {
        return server.accounts().issueToken(user, "test");
    }

    HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path));
    }

    HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder b = request(path).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    HttpResponse<String> post(String path, String json, String... headers) {
        HttpRequest.Builder b = request(path).POST(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    HttpResponse<String> form(String path, String body, String... headers) {
        HttpRequest.Builder b = request(path).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded");
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    /**
     * Posts the sign-in form as a browser does: shows the form first, then sends its CSRF token (field
     * and cookie) with {@code body} (username=...&password=...).
     */
    HttpResponse<String> login(String body, String... headers) {
        HttpResponse<String> form = get("/login");
        String cookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(SignIn.CSRF_COOKIE + "="))
                .findFirst().orElseThrow();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"").matcher(form.body());
        if (!m.find()) {
            throw new IllegalStateException("the sign-in form has no CSRF field");
        }
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "Cookie";
        all[headers.length + 1] = cookie.substring(0, cookie.indexOf(';'));
        return form("/login", body + "&csrf=" + m.group(1), all);
    }

    static JsonNode json(HttpResponse<String> r) {
        return WebServer.JSON.readTree(r.body());
    }

    /** Figures for a ward as the API takes them. */
    String votesJson(String ballotId) {
        StringBuilder sb = new StringBuilder("{\"votes\": [");
        long[] v = demo.figuresFor(ballotId);
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(v[i]);
        }
        return sb.append("]}").toString();
    }

    @Override
    public void close() {
        server.close();
        store.close();
    }
}
