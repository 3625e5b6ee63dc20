package org.tallyroom.cli;

import static org.tallyroom.cli.AnalyseCommand.leftOut;
import static org.tallyroom.cli.AnalyseCommand.party;
import static org.tallyroom.cli.AnalyseCommand.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tallyroom.analysis.Election;
import org.tallyroom.analysis.council.Council;
import org.tallyroom.analysis.council.CouncilChange;
import org.tallyroom.analysis.council.CouncilSummary;
import org.tallyroom.analysis.council.NotionalWard;
import org.tallyroom.analysis.marginal.MarginalSeat;
import org.tallyroom.analysis.marginal.Marginals;
import org.tallyroom.analysis.national.National;
import org.tallyroom.analysis.national.NationalResult;
import org.tallyroom.analysis.projection.Projection;
import org.tallyroom.analysis.projection.ProjectionResult;
import org.tallyroom.analysis.projection.ShareChanges;
import org.tallyroom.analysis.projection.SwingModel;
import org.tallyroom.analysis.text.PlainText;
import org.tallyroom.store.analysis.NotionalCsv;
import org.tallyroom.store.analysis.StoredElection;
import org.tallyroom.cli.AnalyseCommand.Common;
import org.tallyroom.cli.AnalyseCommand.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code analyse} subcommands about a whole election: {@code council}, {@code national},
 * {@code marginals} and {@code project} (the contest-level ones are in {@link AnalyseCommand}).
 */
final class AnalyseElectionCommands {
    private AnalyseElectionCommands() {
    }

    /** A council election against the previous one: what {@code analyse council} reports. */
    record CouncilReport(String electionId, CouncilSummary summary, Optional<String> previousElectionId,
                         Optional<CouncilChange> change, List<String> leftOut) {
    }

    @Command(name = "council", mixinStandardHelpOptions = true,
            description = "An organisation election: seats by party, control, gains and losses against the previous election.")
    static final class CouncilCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Common common = new Common();

        @Parameters(paramLabel = "ELECTION_ID", description = "An organisation election, e.g. local.barnet.2022-05-05.")
        String electionId;

        @Option(names = "--compare", paramLabel = "ELECTION_ID",
                description = "The election to compare with (default: the organisation's previous one stored).")
        String compare;

        @Option(names = "--notional", paramLabel = "FILE",
                description = "Notional previous results for new wards: CSV division,party,seats (default: those stored "
                        + "for the earlier election by 'import notional', where the wards changed).")
        Path notional;

        @Option(names = "--no-compare", description = "Seats and control only.")
        boolean noCompare;

        @Override
        public Integer call() {
            return run(spec, common, (stored, store) -> {
                StoredElection after = stored.election(electionId);
                CouncilSummary summary = Council.summarise(after.election());
                Optional<String> previous = noCompare ? Optional.empty()
                        : compare != null ? Optional.of(compare) : stored.previousOrganisationElection(electionId);
                if (previous.isEmpty()) {
                    String text = PlainText.render(summary) + (noCompare ? ""
                            : "\nNo earlier election of this organisation is stored to compare with.\n") + leftOut(after);
                    return new Output(text, new CouncilReport(electionId, summary, Optional.empty(), Optional.empty(),
                            after.withoutResult()));
                }
                StoredElection before = stored.election(previous.get());
                List<NotionalWard> wards = notional == null ? List.of() : NotionalCsv.read(notional, after);
                String basis = "";
                if (notional == null && !Council.sameWards(after.election(), before.election())) {
                    // New wards: against the notional results stored for the earlier election, where they fit.
                    var against = org.tallyroom.store.notional.CouncilNotional.against(store, after.election(), after.date(),
                            before.election(), before.electionId());
                    if (against.isPresent() && against.get().usable()) {
                        wards = against.get().wards();
                        basis = "Basis: " + against.get().basis() + "\n";
                    } else if (against.isPresent()) {
                        basis = "Basis: whole council; " + against.get().basis() + "\n";
                    }
                } else if (notional != null) {
                    basis = "Basis: against the notional results in " + notional + "\n";
                }
                CouncilChange change = Council.compare(after.election(), before.election(), wards);
                String text = basis + PlainText.render(change) + leftOut(after) + leftOut(before);
                List<String> left = new ArrayList<>(after.withoutResult());
                left.addAll(before.withoutResult());
                return new Output(text, new CouncilReport(electionId, summary, previous, Optional.of(change), left));
            });
        }
    }

    @Command(name = "national", mixinStandardHelpOptions = true,
            description = "A general election: seats and votes by party, change, seats changing hands.")
    static final class NationalCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Common common = new Common();

        @Parameters(paramLabel = "ELECTION_ID", description = "An election group, e.g. parl.2019-12-12.")
        String electionId;

        @Option(names = "--compare", paramLabel = "ELECTION_ID", description = "The previous election, e.g. parl.2017-06-08: "
                + "against its notional results on the later boundaries where stored ('import hoc-notional'), else directly. "
                + "Default: the latest earlier election with notional results stored for these boundaries, if any.")
        String compare;

        @Option(names = "--direct", description = "With --compare: compare directly by GSS code even where notional results are stored.")
        boolean direct;

        @Override
        public Integer call() {
            return run(spec, common, (stored, store) -> {
                StoredElection after = stored.election(electionId);
                NationalResult result;
                String left = leftOut(after);
                String with = compare != null ? compare
                        : direct ? null : org.tallyroom.store.notional.Baseline.defaultFor(store, after).orElse(null);
                if (direct && compare == null) {
                    throw new IllegalArgumentException("--direct needs --compare");
                }
                String basis = "";
                if (with != null) {
                    org.tallyroom.store.notional.Baseline b = org.tallyroom.store.notional.Baseline.of(store, stored, after, with, direct);
                    result = National.compare(after.election(), b.before());
                    basis = "Basis of change and seats changing hands: " + b.basis() + "\n";
                    if (b.notional() == 0) {
                        left += leftOut(stored.election(with));
                    }
                } else {
                    result = National.summarise(after.election());
                }
                return new Output(PlainText.render(result) + basis + left, result);
            });
        }
    }

    /** A marginal or target list: what {@code analyse marginals} reports. */
    record MarginalsReport(String electionId, String title, List<MarginalSeat> seats) {
    }

    @Command(name = "marginals", mixinStandardHelpOptions = true,
            description = "Seats by the swing needed to take them: all seats (holder against runner-up), a party's targets, "
                    + "or with --defend the seats it holds.")
    static final class MarginalsCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Common common = new Common();

        @Parameters(paramLabel = "ELECTION_ID", description = "e.g. parl.2019-12-12.")
        String electionId;

        @Option(names = "--party", paramLabel = "PARTY", description = "The challenging party (its targets), e.g. lab.")
        String party;

        @Option(names = "--defend", description = "With --party: the seats the party holds, by the swing that would lose them.")
        boolean defend;

        @Option(names = "--top", paramLabel = "N", description = "Only the first N seats.")
        Integer top;

        @Override
        public Integer call() {
            return run(spec, common, (stored, store) -> {
                if (defend && party == null) {
                    throw new IllegalArgumentException("--defend needs --party");
                }
                if (top != null && top < 1) {
                    throw new IllegalArgumentException("expected --top of 1 or more, found " + top);
                }
                StoredElection e = stored.election(electionId);
                Election election = e.election();
                List<MarginalSeat> seats;
                String title;
                if (party == null) {
                    seats = Marginals.bySeat(election);
                    title = "Marginal seats, " + e.name() + " (holder against runner-up)";
                } else {
                    String p = party(election, party);
                    seats = defend ? Marginals.defences(election, p) : Marginals.targets(election, p);
                    title = p + (defend ? " defences, " : " targets, ") + e.name();
                }
                if (top != null && seats.size() > top) {
                    seats = seats.subList(0, top);
                }
                return new Output(PlainText.render(title, seats) + leftOut(e), new MarginalsReport(electionId, title, seats));
            });
        }
    }

    @Command(name = "project", mixinStandardHelpOptions = true,
            description = "New seat totals from national changes in share, under uniform or proportional swing.")
    static final class ProjectCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Common common = new Common();

        @Parameters(paramLabel = "ELECTION_ID", description = "e.g. parl.2019-12-12.")
        String electionId;

        @Option(names = "--swing", paramLabel = "CHANGES", defaultValue = "",
                description = "Changes in national share in points, e.g. con:-4,lab:+3 (default: none, the actual result).")
        String swing;

        @Option(names = "--model", defaultValue = "uniform", paramLabel = "MODEL",
                description = "uniform or proportional (default ${DEFAULT-VALUE}).")
        String model;

        @Override
        public Integer call() {
            return run(spec, common, (stored, store) -> {
                SwingModel m = switch (model.strip().toLowerCase(Locale.ROOT)) {
                    case "uniform" -> SwingModel.UNIFORM;
                    case "proportional" -> SwingModel.PROPORTIONAL;
                    default -> throw new IllegalArgumentException("expected --model uniform or proportional, found '" + model + "'");
                };
                StoredElection e = stored.election(electionId);
                Election election = e.election();
                ShareChanges typed = ShareChanges.parse(swing);
                ShareChanges changes = new ShareChanges(typed.changes().stream()
                        .map(c -> new ShareChanges.Change(party(election, c.party()), c.points())).toList());
                ProjectionResult result = Projection.project(election, m, changes);
                return new Output(PlainText.render(result) + leftOut(e), result);
            });
        }
    }
}
