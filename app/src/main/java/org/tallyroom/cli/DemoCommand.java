package org.tallyroom.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.tallyroom.web.Demo;
import org.tallyroom.web.DemoServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tallyroom demo}: the results service on a fresh demo database, with an election night under way. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start the results service on a fresh demo database (recreated on every run under the user's "
                + "data directory, demo/) with real results typed from published declarations and a generated council "
                + "election night that declares a ward every few seconds. Prints the address and the demo accounts.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "7070", description = "Port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "8",
            description = "Seconds between declarations on the demo night (default ${DEFAULT-VALUE}; 0: none, declare them yourself).")
    long interval;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "2022", description = "Seed of the generated council (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--dir", paramLabel = "DIR", description = "Demo directory (default: $XDG_DATA_HOME/tallyroom/demo "
            + "or ~/.local/share/tallyroom/demo). Removed and recreated.")
    Path dir;

    @picocli.CommandLine.Mixin
    QuietOption quiet = new QuietOption();

    @Mixin
    LogSetup logs = new LogSetup();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (interval < 0) {
            spec.commandLine().getErr().println("tallyroom demo: expected --interval of 0 or more, found " + interval);
            return Main.BAD_INPUT;
        }
        Path where = dir != null ? dir : DemoServer.defaultDirectory(System.getenv());
        DemoServer demo;
        Path logFile;
        try (Progress progress = Progress.start(spec, quiet.quiet, "Starting the demo", 0, null)) {
            logFile = logs.apply(System.getenv());
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("tallyroom demo: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        try (Progress progress = Progress.start(spec, quiet.quiet, "Starting the demo", 0, null)) {
            demo = DemoServer.start(where, "127.0.0.1", port, seed, interval);
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("tallyroom demo: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        String base = "http://localhost:" + demo.port();
        Demo.Credentials c = demo.credentials();
        out.println("Tallyroom demo on " + base + "/   (database: " + where + ")");
        out.println("  Tonight's count:   " + base + "/elections/" + Demo.COUNCIL);
        out.println("  General election:  " + base + "/elections/parl.2019-12-12  (swing calculator)");
        out.println("  Sign in at " + base + "/login, password for all three: " + c.password());
        out.println("    " + c.admin() + "               administrator: users, tokens, audit log");
        out.println("    " + c.returningOfficer() + "   declares and corrects results");
        out.println("    " + c.clerk() + "               enters provisional figures");
        out.println("  Log: " + (logFile == null ? "standard error" : logFile));
        out.println(interval > 0 ? "  A ward is declared every " + interval + " s; press Ctrl-C to stop."
                : "  No automatic declarations (--interval 0); press Ctrl-C to stop.");
        out.flush();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            demo.close();
            stop.countDown();
        }));
        stop.await();
        return 0;
    }
}
