package org.tallyroom.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.tallyroom.io.CsvFile;
import org.tallyroom.io.InputException;
import org.tallyroom.store.EventRecord;
import org.tallyroom.store.EventType;
import org.tallyroom.store.Events;
import org.tallyroom.store.EventsCsv;
import org.tallyroom.store.ImportOutcome;
import org.tallyroom.store.Source;
import org.tallyroom.store.Store;
import org.tallyroom.store.StoreException;
import org.tallyroom.store.id.OrganisationId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code tallyroom event}: events between elections (by-elections, defections, expulsions, whip
 * suspended, given up and restored, resignations, deaths, disqualifications), which
 * {@code analyse composition} replays. Each event is checked against the body's members as it is
 * recorded; {@code remove} and {@code correct} keep the old row, marked, with who, when and why.
 */
@Command(name = "event", mixinStandardHelpOptions = true,
        description = "Record, list, remove and correct events between elections: by-election, defection, expulsion, "
                + "whip-suspended, whip-given-up, whip-restored, resignation, death, disqualification.",
        subcommands = {EventCommand.Add.class, EventCommand.Import.class, EventCommand.ListEvents.class,
                EventCommand.Remove.class, EventCommand.Correct.class})
final class EventCommand {
    /** The importer's name in provenance for an events file. */
    static final String IMPORTER = "events";

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Record one event.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        DbOption db = new DbOption();

        @Mixin
        EventFields event = new EventFields();

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            EventRecord e;
            try {
                e = event.record();
            } catch (IllegalArgumentException x) {
                err.println("tallyroom event add: " + x.getMessage());
                return Main.BAD_INPUT;
            }
            String canonical = String.join("\u001f", e.date().toString(), e.organisation().toString(), e.type().id(),
                    e.division(), e.member(), String.valueOf(e.party()), String.valueOf(e.toParty()), String.valueOf(e.note()));
            Source source = Source.of("event add " + e.organisation() + " " + e.date() + " " + e.type(),
                    canonical.getBytes(StandardCharsets.UTF_8));
            try (Store store = db.open()) {
                ImportOutcome o = store.importSource(source, "event add", user(), in -> Events.record(store, in, e));
                spec.commandLine().getOut().println(o.alreadyImported() ? "This event is already recorded; nothing changed."
                        : "Recorded: " + e.date() + " " + e.organisation() + " " + e.type() + ", " + e.member() + " ("
                                + e.division() + ")");
                spec.commandLine().getOut().flush();
                return 0;
            } catch (StoreException | IllegalArgumentException x) {
                err.println("tallyroom event add: " + x.getMessage());
                err.println("Nothing was recorded.");
                return Main.BAD_INPUT;
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Record the events in a CSV file (date,organisation,type,division,member,party,to_party,note), "
                    + "all or none.")
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        DbOption db = new DbOption();

        @Parameters(paramLabel = "FILE", description = "The events CSV.")
        Path file;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try {
                EventsCsv.Parsed parsed = EventsCsv.read(file);
                Source source = Source.of(file);
                try (Store store = db.open()) {
                    ImportOutcome o = store.importSource(source, IMPORTER, user(), in -> {
                        for (EventsCsv.Row row : parsed.rows()) {
                            try {
                                Events.record(store, in, row.event());
                            } catch (EventRecord.Refused x) {
                                throw new InputException(parsed.file(), row.line(), parsed.column(x.field()), x.getMessage());
                            }
                        }
                    });
                    int n = parsed.rows().size();
                    spec.commandLine().getOut().println(o.alreadyImported() ? file + ": already imported; nothing changed."
                            : file + ": " + n + (n == 1 ? " event" : " events") + " recorded.");
                    spec.commandLine().getOut().flush();
                    return 0;
                }
            } catch (IOException x) {
                err.println(CsvFile.unreadable(file.toString(), x).getMessage());
            } catch (InputException x) {
                err.println(x.getMessage());
            } catch (StoreException | IllegalArgumentException x) {
                err.println(file + ": " + x.getMessage());
            }
            err.println("Nothing was recorded.");
            return Main.BAD_INPUT;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List a body's events in order.")
    static final class ListEvents implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        DbOption db = new DbOption();

        @Option(names = "--org", required = true, paramLabel = "ORG", description = "The body, e.g. local.barnet.")
        String org;

        @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json (default ${DEFAULT-VALUE}).")
        AnalyseCommand.Format format;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Store store = db.open()) {
                OrganisationId o = OrganisationId.parse(org);
                List<Events.StoredEvent> events = Events.list(store, o);
                if (format == AnalyseCommand.Format.json) {
                    out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                            .writeValueAsString(events));
                } else if (events.isEmpty()) {
                    out.println("No events stored for " + o + ".");
                } else {
                    org.tallyroom.analysis.text.TextTable t = new org.tallyroom.analysis.text.TextTable("Date", "Type",
                            "Division", "Member", "Party", "To party", "Id", "Note");
                    for (Events.StoredEvent e : events) {
                        t.row(e.date(), e.type(), e.divisionName(), e.member(), dash(e.party()), dash(e.toParty()), e.id(),
                                e.note() == null ? "" : e.note());
                    }
                    StringBuilder sb = new StringBuilder();
                    t.appendTo(sb);
                    out.print(sb);
                }
                out.flush();
                return 0;
            } catch (StoreException | IllegalArgumentException x) {
                spec.commandLine().getErr().println("tallyroom event list: " + x.getMessage());
                return Main.BAD_INPUT;
            }
        }

        private static String dash(String s) {
            return s == null ? "-" : s;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a recorded event (kept, marked removed, with who, when and the reason).")
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        DbOption db = new DbOption();

        @Option(names = "--id", required = true, paramLabel = "ID", description = "The event's id (event list shows it).")
        long id;
        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why it is removed.")
        String reason;

        @Override
        public Integer call() {
            try (Store store = db.open()) {
                ImportOutcome o = Events.remove(store, id, reason, user());
                spec.commandLine().getOut().println(o.alreadyImported() ? "Already removed; nothing changed."
                        : "Removed event " + id + ": " + reason.strip());
                spec.commandLine().getOut().flush();
                return 0;
            } catch (StoreException | IllegalArgumentException x) {
                spec.commandLine().getErr().println("tallyroom event remove: " + x.getMessage());
                spec.commandLine().getErr().println("Nothing was changed.");
                return Main.BAD_INPUT;
            }
        }
    }

    @Command(name = "correct", mixinStandardHelpOptions = true,
            description = "Correct a recorded event: give the whole corrected event; the old one is kept, marked as "
                    + "replaced, with who, when and the reason.")
    static final class Correct implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        DbOption db = new DbOption();

        @Option(names = "--id", required = true, paramLabel = "ID", description = "The event's id (event list shows it).")
        long id;
        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why it is corrected.")
        String reason;
        @Mixin
        EventFields event = new EventFields();

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try (Store store = db.open()) {
                EventRecord e = event.record();
                ImportOutcome o = Events.correct(store, id, e, reason, user());
                spec.commandLine().getOut().println(o.alreadyImported() ? "Already corrected; nothing changed."
                        : "Corrected event " + id + ": " + e.date() + " " + e.type() + ", " + e.member() + " ("
                                + e.division() + "); " + reason.strip());
                spec.commandLine().getOut().flush();
                return 0;
            } catch (StoreException | IllegalArgumentException x) {
                err.println("tallyroom event correct: " + x.getMessage());
                err.println("Nothing was changed.");
                return Main.BAD_INPUT;
            }
        }
    }

    /** The options that describe one event: {@code event add} records them, {@code event correct} puts them in place of an event. */
    static final class EventFields {
        @Option(names = "--org", required = true, paramLabel = "ORG", description = "The body, e.g. local.barnet (or parl).")
        String org;
        @Option(names = "--date", required = true, paramLabel = "DATE", description = "The day it took effect, YYYY-MM-DD.")
        LocalDate date;
        @Option(names = "--type", required = true, paramLabel = "TYPE", description = "One of: ${COMPLETION-CANDIDATES}.",
                completionCandidates = TypeIds.class)
        String type;
        @Option(names = "--division", required = true, paramLabel = "DIVISION", description = "Ward or constituency: slug or GSS code.")
        String division;
        @Option(names = "--member", required = true, paramLabel = "NAME",
                description = "The member (for a by-election, the winner), as named on the ballot paper.")
        String member;
        @Option(names = "--party", paramLabel = "PARTY",
                description = "By-election: the winner's party (Ind for none). Defection: the party left.")
        String party;
        @Option(names = "--to-party", paramLabel = "PARTY", description = "Defection: the party joined (Ind for none).")
        String toParty;
        @Option(names = "--note", paramLabel = "TEXT", description = "A note.")
        String note;

        /** The event these options describe; IllegalArgumentException names what is wrong. */
        EventRecord record() {
            return new EventRecord(date, OrganisationId.parse(org), EventType.parse(type), division, member, party, toParty,
                    note);
        }
    }

    /** The event type ids, for help and completion. */
    static final class TypeIds implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(EventType.values()).map(EventType::id).iterator();
        }
    }

    private static String user() {
        return System.getProperty("user.name", "tallyroom");
    }
}
