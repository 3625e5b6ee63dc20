package org.tallyroom.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.tallyroom.store.Store;

/**
 * {@code tallyroom demo}: a fresh embedded H2 database in the user's data directory ({@code demo/},
 * recreated on every run), filled by {@link Demo} from the shipped real results (unpacked into
 * {@code demo/data/}), served, and the 2019 election night replayed.
 */
public final class DemoServer implements AutoCloseable {
    private final Store store;
    private final WebServer server;
    private final Demo demo;
    private final Demo.Credentials credentials;
    private Demo.Night night;

    private DemoServer(Store store, WebServer server, Demo demo, Demo.Credentials credentials) {
        this.store = store;
        this.server = server;
        this.demo = demo;
        this.credentials = credentials;
    }

    /** The demo directory: {@code $XDG_DATA_HOME/tallyroom/demo} or {@code ~/.local/share/tallyroom/demo}. */
    public static Path defaultDirectory(Map<String, String> env) {
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg, "tallyroom")
                : Path.of(System.getProperty("user.home"), ".local", "share", "tallyroom");
        return base.resolve("demo");
    }

    /**
     * Recreates {@code dir}, fills it (telling {@code progress} what it loads), and serves on
     * {@code host}:{@code port}. With {@code speed} above 0 the night replays the 2019 declarations that
     * many times faster than they came (the first after a second); 0 leaves them all to be declared by hand.
     */
    public static DemoServer start(Path dir, String host, int port, double speed, Consumer<String> progress) {
        wipe(dir);
        Store store = Store.open(Store.h2File(dir.resolve("demo")), org.tallyroom.store.PoolSize.SERVICE);
        try {
            WebServer server = new WebServer(store);
            Demo demo = new Demo(store, dir.resolve("data"));
            Demo.Credentials c = demo.populate(server.accounts(), progress);
            server.changed();
            server.start(host, port);
            DemoServer d = new DemoServer(store, server, demo, c);
            if (speed > 0) {
                d.night = demo.night(server, speed, Duration.ofSeconds(1));
            }
            return d;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static void wipe(Path dir) {
        try {
            if (Files.exists(dir)) {
                if (!Files.exists(dir.resolve("demo.mv.db")) && Files.list(dir).findAny().isPresent()) {
                    throw new IllegalStateException(dir + " exists and does not look like a Tallyroom demo; not removing it");
                }
                try (Stream<Path> all = Files.walk(dir)) {
                    for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the demo directory " + dir, e);
        }
    }

    public WebServer server() {
        return server;
    }

    public Demo demo() {
        return demo;
    }

    public Demo.Credentials credentials() {
        return credentials;
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        if (night != null) {
            night.close();
        }
        server.close();
        store.close();
    }
}
