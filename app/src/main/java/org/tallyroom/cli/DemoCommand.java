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
                + "data directory, demo/) holding real published results shipped with Tallyroom (general election 2017, "
                + "London 2016, London boroughs 2018 and 2022), and replay the 2019 general election night declaration "
                + "by declaration in its real order, speeded up. Prints the address and the demo accounts.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "7070", description = "Port (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "120",
            description = "How many times faster than on the real night the 2019 declarations come (default ${DEFAULT-VALUE}: "
                    + "23:27 to 08:09 in about 4 minutes, the last, St Ives at 14:52, after about 8; 0: none, declare them yourself).")
    double speed;

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
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            spec.commandLine().getErr().println("tallyroom demo: expected --speed of 0 or more, found " + speed);
            return Main.BAD_INPUT;
        }
        Path where = dir != null ? dir : DemoServer.defaultDirectory(System.getenv());
        DemoServer demo;
        Path logFile;
        try {
            logFile = logs.apply(System.getenv());
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("tallyroom demo: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        try {
            PrintWriter err = spec.commandLine().getErr();
            long t = System.nanoTime();
            demo = DemoServer.start(where, "127.0.0.1", port, speed, line -> {
                if (!quiet.quiet) {
                    err.println("tallyroom demo: " + line);
                    err.flush();
                }
            });
            if (!quiet.quiet) {
                err.println("tallyroom demo: ready in " + (System.nanoTime() - t) / 1_000_000 + " ms");
            }
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("tallyroom demo: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        String base = "http://localhost:" + demo.port();
        Demo.Credentials c = demo.credentials();
        out.println("Tallyroom demo on " + base + "/   (database: " + where + ")");
        out.println("  Tonight:           " + base + "/elections/" + Demo.NIGHT + "  (general election 2019, replayed)");
        out.println("  Before:            " + base + "/elections/" + Demo.PREVIOUS + "  (general election 2017)");
        out.println("  London 2016:       " + base + "/ballots/gla.c.barnet-and-camden.2016-05-05");
        out.println("  A council:         " + base + "/elections/local.barnet.2022-05-05");
        out.println("  Sign in at " + base + "/login, password for all three: " + c.password());
        out.println("    " + c.admin() + "               administrator: users, tokens, audit log");
        out.println("    " + c.returningOfficer() + "   declares and corrects results");
        out.println("    " + c.clerk() + "               enters provisional figures");
        out.println("  Log: " + (logFile == null ? "standard error" : logFile));
        out.println(speed > 0 ? "  The 2019 declarations come in their real order, " + (speed == Math.rint(speed) ? String.valueOf((long) speed)
                : String.valueOf(speed)) + " times faster than on the night; press Ctrl-C to stop."
                : "  No automatic declarations (--speed 0); press Ctrl-C to stop.");
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
