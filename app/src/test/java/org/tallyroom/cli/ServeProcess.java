package org.tallyroom.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** `tallyroom serve` as a real process: this JVM's java (21+) and classpath, a port of its choosing. */
final class ServeProcess implements AutoCloseable {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final Pattern LISTENING = Pattern.compile("Tallyroom results service on http://[^:]+:(\\d+)/");
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    final Process process;
    final int port;
    final String base;
    final Path log;
    final Path stderr;

    private ServeProcess(Process process, int port, Path log, Path stderr) {
        this.process = process;
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
        this.log = log;
        this.stderr = stderr;
    }

    static String java() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The command line of {@code tallyroom ARGS} in a new JVM. */
    static List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Starts serve on {@code dbUrl}; returns once it listens (or throws with what it printed). */
    static ServeProcess start(String dbUrl, Path dir, String... extra) {
        int n = NEXT.incrementAndGet();
        Path log = dir.resolve("serve-" + n + ".log");
        Path err = dir.resolve("serve-" + n + ".err");
        List<String> cmd = new ArrayList<>(List.of("serve", "--db", dbUrl, "--port", "0", "--log-file", log.toString()));
        cmd.addAll(List.of(extra));
        Process p;
        try {
            p = new ProcessBuilder(command(cmd.toArray(String[]::new))).redirectError(err.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process went away
            }
        }, "serve-" + n + "-stdout");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        try {
            while (System.nanoTime() < deadline) {
                String line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line != null) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        return new ServeProcess(p, Integer.parseInt(m.group(1)), log, err);
                    }
                } else if (!p.isAlive()) {
                    throw new IllegalStateException("serve exited with " + p.exitValue() + ": " + read(err));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        p.destroyForcibly();
        throw new IllegalStateException("serve did not start within 180 s: " + read(err));
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** SIGKILL (kill -9): no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return HTTP.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path));
    }

    HttpResponse<String> post(String path, String json, String token) throws IOException, InterruptedException {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token));
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = request(path).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b);
    }

    /** Signs in through the form (CSRF token and all); returns the session cookie (name=value). */
    String signIn(String user, String password) throws IOException, InterruptedException {
        HttpResponse<String> form = get("/login");
        String csrfCookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("tallyroom_login_csrf="))
                .findFirst().orElseThrow();
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"").matcher(form.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF field on the sign-in form");
        }
        HttpResponse<String> r = send(request("/login").POST(HttpRequest.BodyPublishers.ofString("username=" + user
                        + "&password=" + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8) + "&csrf=" + m.group(1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", csrfCookie.substring(0, csrfCookie.indexOf(';'))));
        if (r.statusCode() != 303) {
            throw new IllegalStateException("sign-in answered " + r.statusCode());
        }
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("tallyroom_session="))
                .findFirst().orElseThrow();
        return cookie.substring(0, cookie.indexOf(';'));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
