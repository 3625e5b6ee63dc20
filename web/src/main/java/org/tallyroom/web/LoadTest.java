package org.tallyroom.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded load test of the results service, against 127.0.0.1 only: it starts the demo (no
 * automatic declarations) in this JVM on a free port of the loopback address, then
 *
 * <ol>
 *   <li>GETs a contest's JSON {@code --requests} times from {@code --connections} concurrent
 *       clients (each sends its next request when the last is answered) and reports requests/s and
 *       the 50th, 99th and largest latencies;</li>
 *   <li>the same for an organisation election page (HTML);</li>
 *   <li>opens {@code --sse} live-feed connections, declares a ward, and reports how long each took
 *       to receive the declaration (and how many had it within 1 s).</li>
 * </ol>
 * Each phase stops at its request count or after {@code --seconds}, whichever comes first. Nothing is
 * sent anywhere but 127.0.0.1. Usage:
 * {@code java -cp app/target/tallyroom.jar org.tallyroom.web.LoadTest [--requests N] [--connections N] [--sse N] [--seconds N]}
 */
public final class LoadTest {
    private LoadTest() {
    }

    public static void main(String[] args) throws Exception {
        int requests = 50_000;
        int connections = 32;
        int sse = 1000;
        int seconds = 30;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--requests" -> requests = Math.min(1_000_000, Integer.parseInt(args[++i]));
                case "--connections" -> connections = Math.min(512, Integer.parseInt(args[++i]));
                case "--sse" -> sse = Math.min(5_000, Integer.parseInt(args[++i]));
                case "--seconds" -> seconds = Math.min(120, Integer.parseInt(args[++i]));
                default -> {
                    System.err.println("usage: LoadTest [--requests N] [--connections N] [--sse N] [--seconds N]");
                    System.exit(2);
                }
            }
        }
        Path dir = Files.createTempDirectory("tallyroom-load");
        try (DemoServer demo = DemoServer.start(dir.resolve("demo"), "127.0.0.1", 0, 0, line -> { })) {
            String base = "http://127.0.0.1:" + demo.port();
            System.out.printf("Tallyroom load test against %s (%d cores, Java %s)%n", base,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            String ward = demo.demo().undeclared().get(0);
            demo.demo().declare(demo.server(), ward);
            run("contest JSON  GET /api/ballots/" + ward, base + "/api/ballots/" + ward, requests, connections, seconds);
            run("election page GET /elections/" + Demo.NIGHT, base + "/elections/" + Demo.NIGHT, requests, connections, seconds);
            live(demo, base, sse, seconds);
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    private static void run(String what, String url, int requests, int connections, int seconds) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).build();
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).GET().build();
        for (int i = 0; i < 2000; i++) {
            client.send(req, HttpResponse.BodyHandlers.discarding());
        }
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch done = new CountDownLatch(connections);
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < connections; c++) {
                pool.execute(() -> {
                    try {
                        int i;
                        while ((i = next.getAndIncrement()) < latencies.length && System.nanoTime() < deadline) {
                            long t = System.nanoTime();
                            HttpResponse<byte[]> r = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
                            latencies[i] = System.nanoTime() - t;
                            if (r.statusCode() != 200) {
                                errors.incrementAndGet();
                            }
                        }
                    } catch (IOException | InterruptedException e) {
                        errors.incrementAndGet();
                    } finally {
                        done.countDown();
                    }
                });
            }
            done.await();
        }
        long elapsed = System.nanoTime() - start;
        int n = Math.min(next.get(), latencies.length);
        long[] got = Arrays.stream(Arrays.copyOf(latencies, n)).filter(x -> x > 0).sorted().toArray();
        System.out.printf("%s%n  %d requests, %d connections, %.2f s: %.0f requests/s; latency p50 %.2f ms, p99 %.2f ms, "
                        + "max %.2f ms; %d errors%n", what, got.length, connections, elapsed / 1e9, got.length / (elapsed / 1e9),
                pct(got, 50), pct(got, 99), got.length == 0 ? 0 : got[got.length - 1] / 1e6, errors.get());
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)] / 1e6;
    }

    private static void live(DemoServer demo, String base, int clients, int seconds) throws Exception {
        int port = demo.port();
        List<Socket> sockets = new ArrayList<>();
        CountDownLatch connected = new CountDownLatch(clients);
        CountDownLatch received = new CountDownLatch(clients);
        AtomicLong declaredAt = new AtomicLong();
        long[] delays = new long[clients];
        try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < clients; i++) {
                Socket s = new Socket();
                s.connect(new InetSocketAddress("127.0.0.1", port));
                sockets.add(s);
                OutputStream out = s.getOutputStream();
                out.write(("GET /api/live HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: text/event-stream\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                int me = i;
                readers.execute(() -> {
                    try (BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
                        boolean counted = false;
                        for (String line; (line = in.readLine()) != null; ) {
                            if (!counted && line.contains(": connected")) {
                                counted = true;
                                connected.countDown();
                            }
                            if (line.startsWith("event: declaration")) {
                                delays[me] = System.nanoTime() - declaredAt.get();
                                received.countDown();
                                return;
                            }
                        }
                    } catch (IOException e) {
                        // closed at the end
                    }
                });
            }
            if (!connected.await(seconds, TimeUnit.SECONDS)) {
                System.out.printf("live feed: only %d of %d clients connected%n", clients - connected.getCount(), clients);
            }
            System.out.printf("live feed: %d clients connected (server counts %d)%n", clients - connected.getCount(),
                    demo.server().live().clients());
            String ward = demo.demo().undeclared().get(0);
            declaredAt.set(System.nanoTime());
            demo.demo().declare(demo.server(), ward);
            long recorded = System.nanoTime() - declaredAt.get();
            received.await(seconds, TimeUnit.SECONDS);
            long[] got = Arrays.stream(delays).filter(x -> x > 0).sorted().toArray();
            long within = Arrays.stream(got).filter(x -> x <= 1_000_000_000L).count();
            System.out.printf("  declaration recorded in %.1f ms; %d of %d clients received it; within 1 s: %d; "
                            + "p50 %.1f ms, p99 %.1f ms, last %.1f ms (from the start of the declaration)%n", recorded / 1e6,
                    got.length, clients, within, pct(got, 50), pct(got, 99), got.length == 0 ? 0 : got[got.length - 1] / 1e6);
            for (Socket s : sockets) {
                s.close();
            }
        }
    }
}
