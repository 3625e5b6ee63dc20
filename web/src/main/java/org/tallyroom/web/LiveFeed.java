package org.tallyroom.web;

import io.javalin.http.sse.SseClient;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live feed of declarations and corrections, as server-sent events at /api/live.
 *
 * <p>One broadcaster thread serves every client: a client is a held-open asynchronous response (Jetty
 * keeps no thread for it), and a declaration is written to each in turn by the broadcaster. An event
 * is a few hundred bytes that fit the socket buffer, so a write does not wait on a slow reader; a
 * client whose connection has gone is dropped when a write to it fails. Every 20 s the broadcaster
 * sends a comment so that proxies keep idle connections open. Each event has an id, so a browser
 * that reconnects says where it was (Last-Event-ID); it then sees later events only.
 *
 * <p>With several {@code serve} nodes on one PostgreSQL database, an event published on one node also
 * goes to the others ({@link #sendTo}, by the store's LISTEN/NOTIFY), and an event from another node
 * ({@link #fromElsewhere}) goes to this node's clients.
 */
public final class LiveFeed implements AutoCloseable {
    private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService broadcaster = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tallyroom-live");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong nextId = new AtomicLong();
    private volatile java.util.function.Consumer<String> elsewhere = m -> { };

    public LiveFeed() {
        broadcaster.scheduleAtFixedRate(() -> each("keep-alive", c -> c.sendComment("keep-alive")), 20, 20, TimeUnit.SECONDS);
    }

    /** Holds a new client open until it goes away. */
    public void join(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        broadcaster.execute(() -> {
            try {
                client.sendComment("connected");
            } catch (RuntimeException e) {
                clients.remove(client);
            }
        });
    }

    /** Sends {@code json} as an event of type {@code type} to every client, on this node and the others. */
    public void publish(String type, String json) {
        local(type, json);
        elsewhere.accept(type + "\n" + json);
    }

    /** Where events for the other nodes go ({@code type}, a newline, the JSON). */
    void sendTo(java.util.function.Consumer<String> otherNodes) {
        this.elsewhere = otherNodes;
    }

    /** An event published on another node, as {@link #sendTo} was given it. */
    void fromElsewhere(String message) {
        int nl = message.indexOf('\n');
        if (nl > 0) {
            local(message.substring(0, nl), message.substring(nl + 1));
        }
    }

    private void local(String type, String json) {
        String id = Long.toString(nextId.incrementAndGet());
        broadcaster.execute(() -> each(type, c -> c.sendEvent(type, json, id)));
    }

    public int clients() {
        return clients.size();
    }

    private void each(String what, java.util.function.Consumer<SseClient> send) {
        for (SseClient c : clients) {
            if (c.terminated()) {
                clients.remove(c);
                continue;
            }
            try {
                send.accept(c);
            } catch (RuntimeException e) {
                clients.remove(c);
                try {
                    c.close();
                } catch (RuntimeException ignored) {
                    // already gone
                }
            }
        }
    }

    @Override
    public void close() {
        broadcaster.shutdownNow();
        for (SseClient c : clients) {
            try {
                c.close();
            } catch (RuntimeException ignored) {
                // shutting down
            }
        }
        clients.clear();
    }
}
