package org.tallyroom.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.tallyroom.analysis.irregularity.CountIrregularity;
import org.tallyroom.count.Contest;
import org.tallyroom.count.CountException;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.Methods;
import org.tallyroom.count.Rules;
import org.tallyroom.io.ConstituencySeatsCsv;
import org.tallyroom.count.list.PartyLists;
import org.tallyroom.io.ContestReader;
import org.tallyroom.io.PartyListsCsv;
import org.tallyroom.io.InputException;
import org.tallyroom.io.report.ReportCsv;
import org.tallyroom.io.report.ReportJson;
import org.tallyroom.io.report.ReportText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tallyroom count}: reads each input, counts it by the method given, writes the report.
 * Inputs are independent, so they are read and counted in parallel; reports come out in input order.
 */
@Command(name = "count", mixinStandardHelpOptions = true,
        description = "Count ballots or tallies by a statutory method and write the report.")
final class CountCommand implements Callable<Integer> {
    enum Format { text, json, csv }

    @Spec
    CommandSpec spec;

    @Option(names = "--method", paramLabel = "METHOD",
            description = "Counting method: ${COMPLETION-CANDIDATES}.", completionCandidates = MethodIds.class)
    String method;

    @Option(names = "--seats", paramLabel = "N", description = "Seats to fill (default: the input's, or 1).")
    Integer seats;

    @Option(names = "--threshold", paramLabel = "PERCENT",
            description = "List methods: lists under this share of the valid vote are left out (e.g. 5).")
    BigDecimal threshold;

    @Option(names = "--constituency-seats", paramLabel = "FILE",
            description = "AMS: CSV of constituency seats won by party (party,seats).")
    Path constituencySeats;

    @Option(names = "--lists", paramLabel = "FILE",
            description = "List methods: who stands on each party's list (party,position,name or a YNR export), "
                    + "so each list seat names its member.")
    Path listsFile;

    @Option(names = "--region", description = "AMS: Scottish Parliament regional variant (no threshold).")
    boolean region;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for any lot the count must draw (recorded).")
    Long seed;

    @Option(names = "--lot", split = ",", paramLabel = "NAME",
            description = "Names as the returning officer drew them, in order; the first tied name listed is drawn.")
    List<String> lot = new ArrayList<>();

    @Option(names = "--input", paramLabel = "KIND",
            description = "Input format: tallies, sv-tallies, ballots or blt (default: from the file).")
    String inputKind;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Report format: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--affected", paramLabel = "N",
            description = "Also check whether N electors affected (turned away, lost postal votes) could have changed "
                    + "the result, with the reasoning (text format).")
    Long affected;

    @Option(names = "--out", paramLabel = "DIR", description = "Write one report per input into DIR.")
    Path out;

    @Option(names = "--rctab", paramLabel = "CONFIG",
            description = "Count the US ranked-choice contest an RCTab config describes (its files, candidates, rules).")
    Path rctab;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Ballots, tallies or BLT files.")
    List<Path> inputs = new ArrayList<>();

    @picocli.CommandLine.Mixin
    QuietOption quiet = new QuietOption();

    /** A single input at least this large shows progress (on a terminal): counting it takes about a second. */
    private static final long LARGE_INPUT = 20L << 20;

    static final class MethodIds implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Methods.ids().iterator();
        }
    }

    /** One input's outcome: a report or the message saying why there is none. */
    private record Outcome(Path input, String rendered, String error) { }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (rctab != null) {
            boolean extra = method != null || !inputs.isEmpty() || seats != null || seed != null || !lot.isEmpty();
            return RctabCount.run(rctab, extra, format.name(), out, spec.commandLine().getOut(), err);
        }
        if (method == null || inputs.isEmpty()) {
            err.println("tallyroom count: " + (method == null ? "missing --method METHOD" : "missing input FILE")
                    + " (or --rctab CONFIG); run 'tallyroom help count' for the options");
            return Main.BAD_INPUT;
        }
        Rules rules = Methods.byId(method).orElse(null);
        if (rules == null) {
            err.println("tallyroom count: unknown method '" + method + "'; expected one of " + String.join(", ", Methods.ids()));
            return Main.BAD_INPUT;
        }
        Map<String, Integer> won = Map.of();
        if (constituencySeats != null) {
            try {
                won = ConstituencySeatsCsv.read(constituencySeats);
            } catch (InputException e) {
                err.println(e.getMessage());
                return Main.BAD_INPUT;
            }
        }
        PartyLists partyLists = PartyLists.NONE;
        if (listsFile != null) {
            try {
                partyLists = PartyListsCsv.read(listsFile);
            } catch (InputException e) {
                err.println(e.getMessage());
                return Main.BAD_INPUT;
            }
        }
        ContestReader.Kind kind;
        try {
            kind = inputKind == null ? null : ContestReader.Kind.parse(inputKind);
        } catch (IllegalArgumentException e) {
            err.println("tallyroom count: unknown --input '" + inputKind + "'; expected tallies, sv-tallies, ballots or blt");
            return Main.BAD_INPUT;
        }
        if (affected != null && (affected < 0 || format != Format.text)) {
            err.println("tallyroom count: --affected takes a number from 0, with --format text");
            return Main.BAD_INPUT;
        }
        if (out != null) {
            Files.createDirectories(out);
        }
        final Map<String, Integer> constituencyWon = won;
        final PartyLists members = partyLists;
        List<Outcome> outcomes;
        try (Progress progress = progress()) {
            outcomes = IntStream.range(0, inputs.size()).parallel()
                    .mapToObj(i -> {
                        Outcome o = countOne(inputs.get(i), kind, rules, constituencyWon, members);
                        progress.step();
                        return o;
                    }).toList();
        }
        int exit = 0;
        PrintWriter stdout = spec.commandLine().getOut();
        List<String> rendered = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o.error != null) {
                err.println(o.error);
                exit = Main.BAD_INPUT;
                continue;
            }
            if (out != null) {
                String base = o.input.getFileName().toString().replaceFirst("\\.[^.]*$", "");
                String extension = format == Format.text ? "txt" : format.name();
                Files.writeString(out.resolve(base + "." + extension), o.rendered, StandardCharsets.UTF_8);
            } else {
                rendered.add(o.rendered);
            }
        }
        if (!rendered.isEmpty()) {
            if (format == Format.json && rendered.size() > 1) {
                stdout.print("[\n" + String.join(",\n", rendered) + "\n]\n");
            } else {
                stdout.print(String.join(format == Format.text ? "\n" : "", rendered));
                if (format == Format.json) {
                    stdout.println();
                }
            }
        }
        stdout.flush();
        return exit;
    }

    /** Progress for several inputs (one step each) or one large one (the time taken); silent otherwise. */
    private Progress progress() {
        if (inputs.size() > 1) {
            return Progress.start(spec, quiet.quiet, "Counting", inputs.size(), "files");
        }
        try {
            if (Files.size(inputs.get(0)) >= LARGE_INPUT) {
                return Progress.start(spec, quiet.quiet, "Counting " + inputs.get(0).getFileName(), 0, null);
            }
        } catch (IOException e) {
            // unreadable: countOne says so
        }
        return Progress.start(spec, true, "", 0, null);
    }

    private Outcome countOne(Path input, ContestReader.Kind kind, Rules rules, Map<String, Integer> won,
                             PartyLists members) {
        try {
            Contest contest = kind == null ? ContestReader.read(input) : ContestReader.read(input, kind);
            // Without --seats, the input's own seat count (a BLT header) is used; 0 lets the rules decide.
            CountOptions options = new CountOptions(seats == null ? contest.seats() : seats, threshold,
                    seed == null ? defaultSeed(contest) : seed, lot, won, region, members);
            CountReport report = rules.count(contest, options);
            String text = switch (format) {
                case text -> affected == null ? ReportText.render(report) : ReportText.render(report)
                        + "\nIrregularity check\n------------------\n"
                        + CountIrregularity.check(report, options, affected).text();
                case json -> ReportJson.toJson(report);
                case csv -> ReportCsv.render(report);
            };
            return new Outcome(input, text, null);
        } catch (InputException e) {
            return new Outcome(input, null, e.getMessage());
        } catch (CountException e) {
            return new Outcome(input, null, input + ": cannot count by " + rules.method() + ": " + e.getMessage());
        } catch (IllegalArgumentException | ArithmeticException e) {
            return new Outcome(input, null, input + ": " + e.getMessage());
        }
    }

    /**
     * Without --seed, the seed is derived from the contest itself, so the same input always gives
     * the same report while different contests do not share one draw order.
     */
    static long defaultSeed(Contest contest) {
        StringWriter sw = new StringWriter();
        sw.write(contest.title());
        contest.candidates().forEach(c -> sw.write('\n' + c.name()));
        return Integer.toUnsignedLong(sw.toString().hashCode());
    }
}
