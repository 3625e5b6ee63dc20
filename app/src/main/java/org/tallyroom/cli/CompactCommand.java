package org.tallyroom.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.tallyroom.store.Store;
import org.tallyroom.store.StoreException;
import org.tallyroom.store.service.Compaction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tallyroom compact}: an H2 file's space back after a night of declarations. */
@Command(name = "compact", mixinStandardHelpOptions = true,
        description = "Compact an H2 database file: every commit is appended to it (so that a crash never loses an "
                + "acknowledged write), and this gives back the space old commits hold. Needs the database to itself: "
                + "stop serve first.")
final class CompactCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db = new DbOption();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            Compaction.Outcome o = Compaction.compact(db.url != null ? db.url : Store.defaultUrl(System.getenv()));
            out.printf("Compacted %s: %s -> %s%n", o.file(), megabytes(o.before()), megabytes(o.after()));
            out.flush();
            return 0;
        } catch (StoreException e) {
            spec.commandLine().getErr().println("tallyroom compact: " + e.getMessage());
            return Main.BAD_INPUT;
        }
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
