package org.tallyroom.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.tallyroom.store.PoolSize;
import org.tallyroom.store.Store;
import org.tallyroom.store.StoreException;
import org.tallyroom.store.service.ServeLock;
import org.tallyroom.web.Accounts;
import org.tallyroom.web.EmbedOrigins;
import org.tallyroom.web.Role;
import org.tallyroom.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tallyroom serve}: the results service on a store. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the results service: public pages, the JSON API (/api, /openapi.json), the live feed "
                + "(/api/live) and results entry for the count team. If the store has no users, an administrator "
                + "'admin' is created and its password printed once. Several serve processes can share one PostgreSQL "
                + "database (behind a reverse proxy); an H2 database takes one serve, and every other command can run "
                + "beside it.")
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db = new DbOption();

    @Option(names = "--port", paramLabel = "N", defaultValue = "7070", description = "Port to listen on (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--db-pool", paramLabel = "N", defaultValue = "8",
            description = "Most database connections this server holds open at once (default ${DEFAULT-VALUE}, at least 2; "
                    + "it keeps 2 open while idle). On PostgreSQL each serve process also holds one connection for the "
                    + "live feed: max_connections must allow N + 2 per node, plus 4 per command run beside them.")
    int dbPool;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--trusted-proxy", paramLabel = "ADDRESS", split = ",",
            description = "Address of a reverse proxy whose X-Forwarded-For and X-Forwarded-Proto headers are believed "
                    + "(repeatable or comma-separated; default: none, the headers are ignored). A request that reached "
                    + "such a proxy over HTTPS gets Strict-Transport-Security and Secure cookies.")
    List<String> trustedProxies = List.of();

    @Option(names = "--embed-origin", paramLabel = "ORIGIN",
            description = "A site allowed to show the embeddable widgets (/embed/...) in an iframe, as an origin "
                    + "scheme://host[:port], such as https://news.example.com (repeatable; default: none, only this "
                    + "site). Every other page may not be framed by anyone.")
    List<String> embedOrigins = List.of();

    @Mixin
    LogSetup logs = new LogSetup();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            EmbedOrigins.of(embedOrigins);
        } catch (IllegalArgumentException e) {
            err.println("tallyroom serve: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        Store store;
        ServeLock lock;
        PoolSize pool;
        try {
            pool = PoolSize.service(dbPool);
        } catch (IllegalArgumentException e) {
            err.println("tallyroom serve: --db-pool: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        try {
            store = db.open(pool);
        } catch (StoreException e) {
            err.println("tallyroom serve: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        try {
            lock = ServeLock.claim(store.url());
        } catch (StoreException e) {
            store.close();
            err.println("tallyroom serve: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        Path logFile;
        WebServer server;
        try {
            logFile = logs.apply(System.getenv());
            server = new WebServer(store).trustProxies(trustedProxies).embedOrigins(embedOrigins);
        } catch (IllegalArgumentException e) {
            lock.close();
            store.close();
            err.println("tallyroom serve: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        if (server.accounts().users().isEmpty()) {
            String password = Accounts.randomPassword();
            server.accounts().create("admin", password, EnumSet.of(Role.ADMIN));
            out.println("Created the administrator: user admin, password " + password + " (shown once; sign in at /login)");
        }
        try {
            server.start(host, port);
        } catch (RuntimeException e) {
            err.println("tallyroom serve: cannot listen on " + host + ":" + port + ": " + e.getMessage());
            server.close();
            lock.close();
            store.close();
            return Main.BAD_INPUT;
        }
        server.warm();
        out.println("Tallyroom results service on http://" + (host.equals("0.0.0.0") ? "localhost" : host) + ":" + server.port() + "/");
        out.println("Log: " + (logFile == null ? "standard error" : logFile));
        out.flush();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            store.close();
            lock.close();
            stop.countDown();
        }));
        stop.await();
        return 0;
    }
}
