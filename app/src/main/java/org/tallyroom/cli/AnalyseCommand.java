package org.tallyroom.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.tallyroom.analysis.CandidateVotes;
import org.tallyroom.analysis.ContestResult;
import org.tallyroom.analysis.Election;
import org.tallyroom.analysis.composition.Composition;
import org.tallyroom.analysis.composition.Timeline;
import org.tallyroom.analysis.contest.ContestAnalysis;
import org.tallyroom.analysis.contest.ContestChange;
import org.tallyroom.analysis.contest.ContestSummary;
import org.tallyroom.analysis.contest.PartyLine;
import org.tallyroom.analysis.contest.PartyShareConvention;
import org.tallyroom.analysis.contest.Swing;
import org.tallyroom.analysis.irregularity.CountCheck;
import org.tallyroom.analysis.irregularity.CountIrregularity;
import org.tallyroom.analysis.irregularity.Irregularity;
import org.tallyroom.analysis.irregularity.IrregularityCheck;
import org.tallyroom.analysis.text.PlainText;
import org.tallyroom.count.CountOptions;
import org.tallyroom.io.InputException;
import org.tallyroom.io.report.ReportJsonReader;
import org.tallyroom.store.Store;
import org.tallyroom.store.StoreException;
import org.tallyroom.store.history.CompositionHistory;
import org.tallyroom.store.analysis.PartyKeys;
import org.tallyroom.store.analysis.StoredContest;
import org.tallyroom.store.analysis.StoredElection;
import org.tallyroom.store.analysis.StoredElections;
import org.tallyroom.store.analysis.StoredTimeline;
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
 * {@code tallyroom analyse}: the morning-after questions about stored results, through the analysis
 * library ({@code org.tallyroom.analysis}) and {@link StoredElections}, as text tables or as the
 * library's result records in JSON.
 */
@Command(name = "analyse", aliases = "analyze", mixinStandardHelpOptions = true,
        description = "Analyse stored results: majorities, shares, swing, control, gains and losses, marginals, "
                + "projections, ward breakdowns, composition between elections, irregularities.",
        subcommands = {AnalyseCommand.ContestCmd.class, AnalyseElectionCommands.CouncilCmd.class,
                AnalyseElectionCommands.NationalCmd.class, AnalyseElectionCommands.MarginalsCmd.class,
                AnalyseElectionCommands.ProjectCmd.class, AnalyseCommand.WardsCmd.class,
                AnalyseCommand.CompositionCmd.class, AnalyseCommand.IrregularityCmd.class,
                HistoryCommands.ControlCmd.class})
final class AnalyseCommand {
    enum Format { text, json }

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** What a subcommand prints: its text, and the record written as JSON. */
    record Output(String text, Object json) {
    }

    @FunctionalInterface
    interface Analysis {
        Output run(StoredElections stored, Store store) throws Exception;
    }

    /** Options every analysis takes. */
    static final class Common {
        @Mixin
        DbOption db = new DbOption();

        @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
                description = "text or json (default ${DEFAULT-VALUE}).")
        Format format;
    }

    /** Opens the store, runs one analysis and prints it; bad input is exit 2 with the reason. */
    static int run(CommandSpec spec, Common common, Analysis analysis) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String name = "tallyroom analyse " + spec.name();
        try (Store store = common.db.open()) {
            Output o = analysis.run(new StoredElections(store), store);
            out.print(common.format == Format.json ? JSON.writeValueAsString(o.json()) + "\n" : o.text());
            out.flush();
            return 0;
        } catch (InputException e) {
            err.println(name + ": " + e.getMessage());
        } catch (StoreException | IllegalArgumentException | ArithmeticException e) {
            err.println(name + ": " + e.getMessage());
        } catch (Exception e) {
            err.println(name + ": " + e);
        }
        return Main.BAD_INPUT;
    }

    /** The election's own spelling of a party the user typed ("lab", "Labour"), or an error listing them. */
    static String party(Election election, String typed) {
        return party(election.contests(), election.name(), typed);
    }

    static String party(List<ContestResult> contests, String where, String typed) {
        Set<String> parties = new TreeSet<>();
        for (ContestResult c : contests) {
            for (CandidateVotes v : c.candidates()) {
                parties.add(v.party());
            }
        }
        String key = PartyKeys.typed(typed);
        if (parties.contains(key)) {
            return key;
        }
        List<String> like = parties.stream().filter(p -> p.equalsIgnoreCase(typed.strip())).toList();
        if (like.size() == 1) {
            return like.get(0);
        }
        throw new IllegalArgumentException("no party '" + typed + "' in " + where + "; its parties are "
                + String.join(", ", parties));
    }

    static String leftOut(StoredElection e) {
        return e.withoutResult().isEmpty() ? "" : "\nLeft out (no plurality result stored): "
                + String.join(", ", e.withoutResult()) + "\n";
    }

    /** A contest against the previous one: what {@code analyse contest} reports. */
    record ContestReport(String ballotId, ContestSummary summary, Optional<String> previousBallotId,
                         Optional<ContestChange> change, Optional<Swing> swing) {
    }

    @Command(name = "contest", mixinStandardHelpOptions = true,
            description = "One ballot: winners, majority, shares, turnout; change in share and Butler swing against the "
                    + "previous contest for the same division.")
    static final class ContestCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Common common = new Common();

        @Parameters(paramLabel = "BALLOT_ID", description = "e.g. parl.chipping-barnet.2019-12-12.")
        String ballotId;

        @Option(names = "--compare", paramLabel = "BALLOT_ID",
                description = "The contest to compare with (default: the latest earlier ordinary ballot of the same type "
                        + "for the same division).")
        String compare;

        @Option(names = "--swing", paramLabel = "A,B",
                description = "The two parties for the Butler swing (default: the two with the largest shares now).")
        String swingParties;

        @Override
        public Integer call() {
            return run(spec, common, (plurality, store) -> {
                // Every counting method: an SV or AV result as its final round, an STV one as first preferences.
                StoredElections stored = StoredElections.current(store);
                StoredContest now = stored.contest(ballotId).orElseThrow(() -> new StoreException("no ballot '" + ballotId
                        + "' with a result in the store; 'tallyroom elections' lists what is stored"));
                Optional<StoredContest> before = compare != null
                        ? Optional.of(stored.contest(compare).orElseThrow(() -> new StoreException("no ballot '" + compare
                                + "' with a result in the store")))
                        : stored.previousContest(now);
                ContestSummary summary = ContestAnalysis.summarise(now.result(), now.lastSeat());
                StringBuilder text = new StringBuilder(PlainText.render(summary));
                Optional<ContestChange> change = Optional.empty();
                Optional<Swing> swing = Optional.empty();
                if (before.isPresent()) {
                    ContestResult then = before.get().resultAs(now.result().divisionId());
                    ContestChange c = ContestAnalysis.compare(now.result(), then);
                    change = Optional.of(c);
                    String[] pair = pair(now, then);
                    if (pair != null) {
                        swing = Optional.of(c.swing(pair[0], pair[1]));
                    }
                    text.append("\nAgainst ").append(before.get().ballotId()).append('\n').append(PlainText.render(c));
                    swing.ifPresent(s -> text.append('\n').append(PlainText.render(s)));
                } else {
                    text.append("\nNo earlier contest for this division is stored to compare with.\n");
                }
                return new Output(text.toString(), new ContestReport(now.ballotId(), summary,
                        before.map(StoredContest::ballotId), change, swing));
            });
        }

        private String[] pair(StoredContest now, ContestResult then) {
            List<ContestResult> both = List.of(now.result(), then);
            if (swingParties != null) {
                String[] p = swingParties.split(",");
                if (p.length != 2) {
                    throw new IllegalArgumentException("expected --swing A,B (two parties), found '" + swingParties + "'");
                }
                return new String[] {party(both, "these contests", p[0]), party(both, "these contests", p[1])};
            }
            List<PartyLine> lines = ContestAnalysis.parties(now.result(), PartyShareConvention.of(now.result()));
            return lines.size() < 2 ? null : new String[] {lines.get(0).party(), lines.get(1).party()};
        }
    }

    @Command(name = "wards", mixinStandardHelpOptions = true,
            description = "A wide-area contest (mayor, Assembly) ward by ward: shares and who led each ward; swing by ward "
                    + "against another election; or with --by, added up to boroughs or constituencies.")
    static final class WardsCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Common common = new Common();

        @Parameters(paramLabel = "BALLOT_ID", description = "e.g. mayor.london.2016-05-05.")
        String ballotId;

        @Option(names = "--compare", paramLabel = "BALLOT_ID", description = "An earlier contest broken down by the same wards.")
        String compare;

        @Option(names = "--swing", paramLabel = "A,B", description = "With --compare: the two parties for the swing by ward.")
        String swingParties;

        @Option(names = "--by", paramLabel = "LEVEL", description = "borough or constituency: the ward results added up "
                + "to each area (postal votes on their own line), checked against the declared totals.")
        String by;

        @Override
        public Integer call() {
            return run(spec, common, (stored, store) -> by != null ? WardRollup.run(store, ballotId, by, compare, swingParties)
                    : WardAnalysis.run(stored, store, ballotId, compare, swingParties));
        }
    }

    /** A body's composition at a date: what {@code analyse composition} reports. */
    record CompositionReport(String organisation, String fromElection, Composition composition,
                             Optional<Timeline> timeline, Optional<CompositionHistory.History> history) {
    }

    @Command(name = "composition", mixinStandardHelpOptions = true,
            description = "A body's seats and control at a date: its last ordinary election and the events since "
                    + "(by-elections, defections, whip suspensions, vacancies).")
    static final class CompositionCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Common common = new Common();

        @Parameters(paramLabel = "ORGANISATION", description = "e.g. local.barnet (or parl).")
        String organisation;

        @Option(names = "--at", paramLabel = "DATE", description = "The date, YYYY-MM-DD (default: today); "
                + "events of that day count.")
        LocalDate at;

        @Option(names = "--timeline", description = "Also the composition across every stored election: the control facts "
                + "before the earliest ('import council-control'), each election's result and every event after it, each "
                + "step with its source.")
        boolean timeline;

        @Override
        public Integer call() {
            return run(spec, common, (stored, store) -> {
                OrganisationId org = OrganisationId.parse(organisation);
                LocalDate date = at != null ? at : LocalDate.now();
                StoredTimeline t = stored.timeline(org, date);
                Composition c = t.timeline().at(date);
                StringBuilder text = new StringBuilder(org + " from " + t.electionId() + ", "
                        + t.events().size() + (t.events().size() == 1 ? " event" : " events") + " since\n");
                text.append(PlainText.render(c));
                Optional<CompositionHistory.History> history = Optional.empty();
                if (timeline) {
                    history = Optional.of(CompositionHistory.of(store, org, date));
                    text.append('\n').append(CompositionHistory.text(history.get()));
                }
                return new Output(text.toString(), new CompositionReport(org.toString(), t.electionId(), c,
                        timeline ? Optional.of(t.timeline()) : Optional.empty(), history));
            });
        }
    }

    @Command(name = "irregularity", mixinStandardHelpOptions = true,
            description = "Could a number of electors affected (turned away, lost postal votes) have changed a ballot's result?")
    static final class IrregularityCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Common common = new Common();

        @Parameters(paramLabel = "BALLOT_ID", description = "e.g. gla.c.barnet-and-camden.2016-05-05.")
        String ballotId;

        @Option(names = "--affected", required = true, paramLabel = "N", description = "Electors affected.")
        long affected;

        @Override
        public Integer call() {
            return run(spec, common, (stored, store) -> {
                // Counts other than plurality (SV, list and AMS, STV): the check reads the stored count report.
                var version = store.currentResult(ballotId).orElse(null);
                if (version != null && version.countReport() != null && version.countMethod() != null
                        && !version.countMethod().equals("fptp") && !version.countMethod().equals("block")) {
                    CountCheck check = CountIrregularity.check(ReportJsonReader.read(version.countReport(),
                            ballotId + " (stored count report)"), CountOptions.seats(0), affected);
                    return new Output(check.text(), check);
                }
                StoredContest c = stored.contest(ballotId).orElseThrow(() -> new StoreException("no ballot '" + ballotId
                        + "' with a result in the store; 'tallyroom elections' lists what is stored"));
                IrregularityCheck check = Irregularity.check(c.result(), affected);
                return new Output(PlainText.render(check), check);
            });
        }
    }
}
