package org.tallyroom.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.tallyroom.store.ElectionSummary;
import org.tallyroom.store.Store;
import org.tallyroom.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tallyroom elections}: what the store holds. */
@Command(name = "elections", mixinStandardHelpOptions = true,
        description = "List the elections stored: id, name, ballots and how many have results.")
final class ElectionsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db = new DbOption();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Store store = db.open()) {
            List<ElectionSummary> all = store.elections();
            if (all.isEmpty()) {
                out.println("No elections stored in " + store.url().replaceAll("(?i)(password=)[^&;]*", "$1***")
                        + ". Import some with 'tallyroom import'.");
                return 0;
            }
            int width = all.stream().mapToInt(e -> e.electionId().length()).max().orElse(10);
            out.printf("%-" + width + "s  %7s  %7s  %s%n", "election", "ballots", "results", "name");
            for (ElectionSummary e : all) {
                out.printf("%-" + width + "s  %7d  %7d  %s%n", e.electionId(), e.ballots(), e.withResults(), e.name());
            }
            out.flush();
            return 0;
        } catch (StoreException e) {
            spec.commandLine().getErr().println("tallyroom elections: " + e.getMessage());
            return Main.BAD_INPUT;
        }
    }
}
