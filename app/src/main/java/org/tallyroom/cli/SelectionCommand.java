package org.tallyroom.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tallyroom.count.CountException;
import org.tallyroom.io.CsvFile;
import org.tallyroom.io.InputException;
import org.tallyroom.io.selection.SelectionCount;
import org.tallyroom.store.Source;
import org.tallyroom.store.id.ElectionId;
import org.tallyroom.store.selection.SelectionImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tallyroom selection count}: a party selection counted from the members file, the freeze date,
 * the shortlist and the members' papers, printed with every paper not counted and why; with {@code --db}
 * or {@code --store} it is stored as the selection's published result. {@code tallyroom import selection}
 * stores it without printing the count.
 */
@Command(name = "selection", mixinStandardHelpOptions = true,
        description = "Party selections: count a selection from its members file, freeze date, shortlist and members' papers.",
        subcommands = {SelectionCommand.Count.class})
final class SelectionCommand {
    private SelectionCommand() {
    }

    @Command(name = "count", mixinStandardHelpOptions = true,
            description = "Count a party selection: papers of non-members, members who joined after the freeze date or "
                    + "lapsed before it, and duplicate papers are not counted (each listed with its reason); AV for one "
                    + "place, STV for several. With --db or --store, store it as the selection's result (needs --id).")
    static final class Count implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DbOption db = new DbOption();

        @Mixin
        SelectionOptions selection = new SelectionOptions();

        @Option(names = "--store", description = "Store the result in the default database ($TALLYROOM_DB or the H2 file).")
        boolean store;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            boolean storing = store || db.url != null;
            ElectionId id;
            SelectionCount.Counted counted;
            try {
                id = selection.selectionId();
                if (storing && id == null) {
                    throw new IllegalArgumentException("storing a selection needs its id: --id selection.<party>.<division>.<date>");
                }
                counted = SelectionCount.count(selection.inputs(id));
            } catch (InputException e) {
                err.println(e.getMessage());
                err.println(storing ? "Nothing was stored." : "Nothing was counted.");
                return Main.BAD_INPUT;
            } catch (CountException e) {
                err.println(selection.ballots + ": cannot count: " + e.getMessage());
                return Main.BAD_INPUT;
            } catch (IllegalArgumentException e) {
                err.println("tallyroom selection count: " + e.getMessage());
                return Main.BAD_INPUT;
            }
            out.print(SelectionText.render(counted));
            out.flush();
            if (!storing) {
                return 0;
            }
            out.println();
            return store(spec, db, selection, id, counted);
        }
    }

    /** Stores a counted selection in one transaction, printing the outcome; returns the exit code. */
    static int store(CommandSpec spec, DbOption db, SelectionOptions selection, ElectionId id, SelectionCount.Counted counted) {
        Source source;
        List<Path> files = List.of(selection.members, selection.shortlist, selection.ballots);
        try {
            source = Source.of(id.toString(), files);
        } catch (IOException e) {
            spec.commandLine().getErr().println(CsvFile.unreadable(selection.ballots.toString(), e).getMessage());
            return Main.BAD_INPUT;
        }
        return ImportCommand.run(spec, db, true, selection.ballots, source, selection.importer(id), ingest -> SelectionImporter.store(
                ingest, id, counted == null ? SelectionCount.count(selection.inputs(id)) : counted));
    }

    @Command(name = "selection", mixinStandardHelpOptions = true,
            description = "Count a party selection and store it as its published result (see 'tallyroom selection count').")
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DbOption db = new DbOption();

        @Mixin
        SelectionOptions selection = new SelectionOptions();

        @Override
        public Integer call() {
            ElectionId id;
            try {
                id = selection.selectionId();
                if (id == null) {
                    throw new IllegalArgumentException("import selection needs the selection's id: --id selection.<party>.<division>.<date>");
                }
                selection.inputs(id);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("tallyroom import selection: " + e.getMessage());
                return Main.BAD_INPUT;
            }
            return store(spec, db, selection, id, null);
        }
    }
}
