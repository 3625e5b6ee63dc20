package org.tallyroom.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tallyroom.analysis.text.PlainText;
import org.tallyroom.count.Method;
import org.tallyroom.count.Methods;
import org.tallyroom.count.RejectionReason;
import org.tallyroom.store.ResultVersion;
import org.tallyroom.store.Store;
import org.tallyroom.store.StoreException;
import org.tallyroom.store.Turnout;
import org.tallyroom.store.analysis.StoredContest;
import org.tallyroom.store.export.ResultsJson;
import org.tallyroom.store.export.StoredResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tallyroom show BALLOT_ID}: a stored result as a declaration reads. Shares are of the valid vote
 * (for multi-member wards, of all votes cast, since each voter has several); the majority is the
 * winner's lead over the runner-up, and for several seats the last elected's lead over the first not
 * elected.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show a stored ballot's current result: candidates, votes, shares, elected, majority, turnout, rejected papers.")
final class ShowCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db = new DbOption();

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text or json (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--history", description = "Also list every version of the result.")
    boolean history;

    @Parameters(paramLabel = "BALLOT_ID", description = "Democracy Club ballot id, e.g. local.barnet.whetstone.2022-05-05.")
    String ballotId;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Store store = db.open()) {
            var ballot = store.ballot(ballotId);
            if (ballot.isEmpty()) {
                err.println("tallyroom show: no ballot '" + ballotId + "' in the store; 'tallyroom elections' lists what is stored");
                return Main.BAD_INPUT;
            }
            StoredResult r = new StoredResult(ballot.get(), store.currentResult(ballotId).orElse(null));
            if (format == Format.json) {
                out.println(tools.jackson.databind.json.JsonMapper.builder()
                        .enable(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT).build()
                        .writeValueAsString(ResultsJson.ballot(r)));
            } else {
                out.print(render(r, previousMajority(store, ballotId, r)));
                org.tallyroom.store.SelectionFacts.current(store, ballotId).ifPresent(sel -> out.print(
                        SelectionText.stored(sel, org.tallyroom.store.selection.SelectionTimeline.of(store, ballotId))));
                if (history) {
                    out.println();
                    out.println("History:");
                    for (ResultVersion v : store.history(ballotId)) {
                        out.printf("  v%d %s %s by %s%s%s%n", v.version(), v.status().id(), v.recordedAt(), v.recordedBy(),
                                v.source() == null ? "" : " from " + v.source(), v.reason() == null ? "" : ": " + v.reason());
                    }
                }
            }
            out.flush();
            return 0;
        } catch (StoreException e) {
            err.println("tallyroom show: " + e.getMessage());
            return Main.BAD_INPUT;
        }
    }

    static String render(StoredResult r) {
        return render(r, null);
    }

    /**
     * The result as text; {@code previousMajority}, where given, is printed beside the majority
     * ("2017: 353, up 859").
     */
    static String render(StoredResult r, String previousMajority) {
        var b = r.ballot();
        StringBuilder sb = new StringBuilder();
        sb.append(b.name()).append(" (").append(b.ballotId()).append(")\n");
        sb.append(b.organisation() == null ? "" : b.organisation() + ", ").append(b.date())
                .append(b.byElection() ? ", by-election" : "").append(", ").append(b.seats()).append(b.seats() == 1 ? " seat" : " seats")
                .append(b.votingSystem() == null ? "" : ", " + b.votingSystem()).append('\n');
        if (b.cancelled()) {
            sb.append("Poll cancelled (uncontested).\n");
        }
        ResultVersion v = r.current();
        if (v == null) {
            sb.append("\nNo result stored. Candidates:\n");
            b.candidates().forEach(c -> sb.append("  ").append(c.name()).append(c.party() == null ? "" : " (" + c.party() + ")").append('\n'));
            return sb.toString();
        }
        sb.append("Result: ").append(v.status().id()).append(", version ").append(v.version()).append('\n');
        if (v.reason() != null) {
            sb.append("Reason: ").append(v.reason()).append('\n');
        }
        BigDecimal total = v.candidates().stream().map(ResultVersion.Figures::votes).filter(x -> x != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        int nameWidth = Math.max(9, v.candidates().stream().mapToInt(f -> f.candidate().name().length()).max().orElse(9));
        int partyWidth = Math.max(5, v.candidates().stream().mapToInt(f -> label(f).length()).max().orElse(5));
        ShowSv sv = ShowSv.of(v.countMethod(), v.countReport());
        if (sv == null) {
            sb.append('\n').append(String.format("  %-" + nameWidth + "s  %-" + partyWidth + "s  %14s  %7s%n", "candidate",
                    "party", "votes", "share"));
        }
        List<ResultVersion.Figures> sorted = new ArrayList<>(v.candidates());
        sorted.sort(Comparator.comparing((ResultVersion.Figures f) -> f.votes() == null ? BigDecimal.valueOf(-1) : f.votes()).reversed());
        if (sv != null) {
            svTable(sb, sv, sorted, nameWidth, partyWidth);
        }
        for (ResultVersion.Figures f : sv != null ? List.<ResultVersion.Figures>of() : sorted) {
            String share = f.votes() == null || total.signum() == 0 ? ""
                    : f.votes().multiply(BigDecimal.valueOf(100)).divide(total, 1, RoundingMode.HALF_UP) + "%";
            sb.append(String.format("  %-" + nameWidth + "s  %-" + partyWidth + "s  %14s  %7s%s%n", f.candidate().name(), label(f),
                    f.votes() == null ? "-" : group(f.votes()), share, f.elected() ? "  elected" : ""));
            if (f.tieBreakNote() != null) {
                sb.append("      tie: ").append(f.tieBreakNote()).append('\n');
            }
        }
        boolean stv = Methods.is(b.votingSystem(), Method.Kind.STV);
        if (stv) {
            sb.append("\nVotes are first preferences; the stage-by-stage count is in the stored report"
                    + " (tallyroom export --format json).\n");
            if (v.countReport() != null) {
                StoredContest.lastSeatOf(v.countReport(), b.ballotId()).ifPresent(l -> sb.append(PlainText.render(l)));
            }
        }
        BigDecimal majority = stv ? null : majority(sorted);
        if (majority != null) {
            sb.append('\n').append("Majority: ").append(group(majority));
            if (total.signum() > 0) {
                sb.append(" (").append(majority.multiply(BigDecimal.valueOf(100)).divide(total, 1, RoundingMode.HALF_UP)).append("%)");
            }
            sb.append(b.seats() > 1 ? " (last elected over first not elected)" : "");
            sb.append(sv != null && !sv.secondRound().isEmpty() ? " (second round)" : "");
            sb.append(previousMajority == null ? "" : "; " + previousMajority).append('\n');
        }
        Turnout t = v.turnout();
        if (t.electorate() != null) {
            sb.append("Electorate: ").append(String.format("%,d", t.electorate())).append('\n');
        }
        if (t.ballotPapersIssued() != null) {
            sb.append("Ballot papers issued: ").append(String.format("%,d", t.ballotPapersIssued()));
            if (t.percentage() != null) {
                sb.append(" (turnout ").append(t.percentage()).append("%)");
            }
            sb.append('\n');
        }
        if (t.valid() != null) {
            sb.append("Valid votes: ").append(group(t.valid())).append('\n');
        }
        if (t.rejected() != null) {
            sb.append("Rejected ballot papers: ").append(String.format("%,d", t.rejected())).append('\n');
            long explained = 0;
            for (Map.Entry<RejectionReason, Long> e : t.rejectedByReason().entrySet()) {
                sb.append(String.format("  %,8d  %s%n", e.getValue(), e.getKey().statutoryText()));
                explained += e.getValue();
            }
            if (!t.rejectedByReason().isEmpty() && explained < t.rejected()) {
                sb.append(String.format("  %,8d  reason not given%n", t.rejected() - explained));
            }
        }
        if (v.source() != null) {
            sb.append("Source: ").append(v.source()).append('\n');
        }
        if (v.note() != null) {
            sb.append("Note: ").append(v.note()).append('\n');
        }
        return sb.toString();
    }

    /** SV: first preferences for every candidate (eliminated ones included), then the second round. */
    private static void svTable(StringBuilder sb, ShowSv sv, List<ResultVersion.Figures> sorted, int nameWidth,
                                int partyWidth) {
        BigDecimal firstTotal = sv.first().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        sb.append('\n').append(String.format("  %-" + nameWidth + "s  %-" + partyWidth + "s  %14s  %7s  %14s%n", "candidate", "party",
                "first prefs", "share", "second round"));
        List<ResultVersion.Figures> byFirst = new ArrayList<>(sorted);
        byFirst.sort(Comparator.comparing((ResultVersion.Figures f) -> sv.first().getOrDefault(f.candidate().name(),
                BigDecimal.valueOf(-1))).reversed());
        for (ResultVersion.Figures f : byFirst) {
            String name = f.candidate().name();
            BigDecimal first = sv.first().get(name);
            String share = first == null || firstTotal.signum() == 0 ? ""
                    : first.multiply(BigDecimal.valueOf(100)).divide(firstTotal, 1, RoundingMode.HALF_UP) + "%";
            BigDecimal second = sv.secondRound().get(name);
            sb.append(String.format("  %-" + nameWidth + "s  %-" + partyWidth + "s  %14s  %7s  %14s%s%n", name, label(f),
                    first == null ? "-" : group(first), share,
                    second != null ? group(second) : sv.eliminated().contains(name) ? "eliminated" : "",
                    f.elected() ? "  elected" : ""));
        }
    }

    /**
     * The majority of the previous contest for the same division and its change, e.g. "2017: 353, up
     * 859"; null where there is no earlier contest (or either majority cannot be told).
     */
    private static String previousMajority(Store store, String ballotId, StoredResult r) {
        if (r.current() == null) {
            return null;
        }
        BigDecimal now = majority(r.current().candidates().stream()
                .sorted(Comparator.comparing((ResultVersion.Figures f) -> f.votes() == null ? BigDecimal.valueOf(-1)
                        : f.votes()).reversed()).toList());
        if (now == null) {
            return null;
        }
        try {
            var stored = org.tallyroom.store.analysis.StoredElections.current(store);
            var before = stored.previousContest(ballotId).orElse(null);
            if (before == null || !before.result().winnersKnown()) {
                return null;
            }
            var then = org.tallyroom.analysis.contest.ContestAnalysis.majority(before.result()).orElse(null);
            if (then == null) {
                return null;
            }
            BigDecimal change = now.subtract(BigDecimal.valueOf(then.votes()));
            return before.date().getYear() + ": " + String.format("%,d", then.votes()) + ", "
                    + (change.signum() == 0 ? "unchanged" : (change.signum() > 0 ? "up " : "down ") + group(change.abs()))
                    + " (against " + before.ballotId() + ")";
        } catch (StoreException | IllegalArgumentException e) {
            return null; // a previous contest the analysis cannot read (not a plurality count): no comparison
        }
    }

    /**
     * Winner's lead over the runner-up; for several seats, the last elected's lead over the first not
     * elected. Null where it cannot be told (no figures, nobody elected, or nobody left out).
     */
    static BigDecimal majority(List<ResultVersion.Figures> byVotesDescending) {
        BigDecimal lastElected = null;
        BigDecimal firstNotElected = null;
        for (ResultVersion.Figures f : byVotesDescending) {
            if (f.votes() == null) {
                continue;
            }
            if (f.elected()) {
                lastElected = lastElected == null || f.votes().compareTo(lastElected) < 0 ? f.votes() : lastElected;
            } else if (firstNotElected == null || f.votes().compareTo(firstNotElected) > 0) {
                firstNotElected = f.votes();
            }
        }
        return lastElected == null || firstNotElected == null ? null : lastElected.subtract(firstNotElected);
    }

    private static String label(ResultVersion.Figures f) {
        String l = f.candidate().partyLabel();
        return l.isEmpty() ? "Ind" : l;
    }

    private static String group(BigDecimal v) {
        if (v.scale() <= 0) {
            return String.format("%,d", v.longValueExact());
        }
        String plain = v.toPlainString();
        int dot = plain.indexOf('.');
        return String.format("%,d", Long.parseLong(plain.substring(0, dot))) + plain.substring(dot);
    }
}
