package org.tallyroom.io.rctab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.Fixed;
import org.tallyroom.count.rcv.Inactive;
import org.tallyroom.count.rcv.RcvContest;
import org.tallyroom.count.rcv.RcvResult;
import org.tallyroom.count.rcv.RcvRound;
import org.tallyroom.count.rcv.RcvRules;
import org.tallyroom.count.rcv.RcvTabulator;
import org.tallyroom.io.InputException;
import org.tallyroom.io.report.ReportJson;
import org.tallyroom.io.report.ReportText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Counts the contest an RCTab config describes and writes the usual Tallyroom report: the
 * {@code tallyroom.count/1} JSON (one stage per round) with, per stage, what RCTab reports per round
 * (the round's threshold, inactive ballots by reason, residual surplus, and each decision with the
 * transfers it caused), or the text report with a table of the same.
 */
public final class RctabReport {
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private RctabReport() {
    }

    /** A counted config: the config, the count, and the report. */
    public record Counted(RctabConfig config, RcvResult result, CountReport report) {
    }

    /** Reads the config and its cast vote records and counts them. */
    public static Counted count(Path configPath) throws InputException {
        RctabConfig config = RctabConfigReader.read(configPath);
        RcvContest contest = RctabContest.load(config);
        RcvResult result = RcvTabulator.tabulate(contest, config.rules());
        RcvRules r = config.rules();
        List<String> notes = new ArrayList<>();
        notes.add("Counted by the RCTab rules of " + configPath.getFileName() + ": " + r.winnerMode().label()
                + ", overvoteRule " + r.overvoteRule().label()
                + ", maxSkippedRanksAllowed " + (r.maxSkippedRanks() == RcvRules.UNLIMITED ? "unlimited" : r.maxSkippedRanks())
                + ", maxRankingsAllowed " + r.maxRankings()
                + ", exhaustOnDuplicateCandidate " + r.exhaustOnDuplicate()
                + ", tiebreakMode " + r.tiebreakMode().label()
                + (r.tiebreakMode().needsSeed() ? " (seed " + r.randomSeed() + ")" : "")
                + ", threshold " + (r.hareQuota() ? "votes / seats, rounded up" : "votes / (seats + 1), truncated, plus one unit")
                + (r.nonIntegerThreshold() ? " to " + r.decimals() + " places" : " in whole votes")
                + (r.batchElimination() ? ", batch elimination" : "")
                + (r.continueUntilTwo() ? ", continuing until two remain" : "")
                + (r.firstRoundThreshold() ? ", first round sets the threshold" : "") + ".");
        if (result.noRankings() > 0) {
            notes.add(result.noRankings() + " cast vote records rank nobody (RCTab's undervotes): reported as"
                    + " rejected, unmarked.");
        }
        return new Counted(config, result, result.toCountReport(notes));
    }

    /** The JSON report. */
    public static String json(Counted counted) {
        ObjectNode root = (ObjectNode) MAPPER.readTree(ReportJson.toJson(counted.report()));
        RcvResult result = counted.result();
        List<String> names = result.contest().candidates();
        int dp = result.rules().decimals();
        ArrayNode stages = (ArrayNode) root.get("stages");
        for (RcvRound r : result.rounds()) {
            ObjectNode stage = (ObjectNode) stages.get(r.number() - 1);
            stage.put("threshold", Fixed.format(r.threshold(), dp));
            ObjectNode inactive = stage.putObject("inactive");
            for (Inactive why : Inactive.values()) {
                if (why != Inactive.NO_RANKINGS
                        && (why != Inactive.FINAL_ROUND_SURPLUS || result.rules().usesSurpluses())) {
                    inactive.put(why.id(), Fixed.format(r.inactive(why), dp));
                }
            }
            stage.put("residual_surplus", Fixed.format(r.residual(), dp));
            ArrayNode decisions = stage.putArray("decisions");
            decide(decisions, "elected", r.elected(), r, names, dp);
            decide(decisions, "eliminated", r.eliminated(), r, names, dp);
        }
        ObjectNode rctab = root.putObject("rctab");
        rctab.put("config", counted.config().path().toString());
        rctab.put("total_ballots", result.totalBallots());
        rctab.put("undervotes", result.noRankings());
        rctab.put("winner_election_mode", result.rules().winnerMode().label());
        return MAPPER.writeValueAsString(root);
    }

    private static void decide(ArrayNode decisions, String action, List<Integer> who, RcvRound r, List<String> names,
                               int dp) {
        for (int c : who) {
            ObjectNode d = decisions.addObject();
            d.put(action, names.get(c));
            ObjectNode transfers = d.putObject("transfers");
            Map<Integer, Long> moved = new TreeMap<>(r.transfers().getOrDefault(c, Map.of()));
            for (Map.Entry<Integer, Long> e : moved.entrySet()) {
                String to = e.getKey() == RcvRound.EXHAUSTED ? "exhausted"
                        : e.getKey() == RcvRound.RESIDUAL ? "residual surplus" : names.get(e.getKey());
                transfers.put(to, Fixed.format(e.getValue(), dp));
            }
        }
    }

    /** The text report: Tallyroom's stage table, then RCTab's per-round figures. */
    public static String text(Counted counted) {
        RcvResult result = counted.result();
        int dp = result.rules().decimals();
        StringBuilder out = new StringBuilder(ReportText.render(counted.report()));
        out.append("\nRound  Threshold  Overvotes  Skipped  Repeated  Exhausted");
        boolean surplus = result.rules().usesSurpluses();
        out.append(surplus ? "  Final surplus  Residual\n" : "\n");
        for (RcvRound r : result.rounds()) {
            out.append(String.format("%5d  %9s  %9s  %7s  %8s  %9s", r.number(), Fixed.format(r.threshold(), dp),
                    Fixed.format(r.inactive(Inactive.OVERVOTE), dp), Fixed.format(r.inactive(Inactive.SKIPPED_RANKINGS), dp),
                    Fixed.format(r.inactive(Inactive.REPEATED_RANKINGS), dp),
                    Fixed.format(r.inactive(Inactive.EXHAUSTED_CHOICES), dp)));
            if (surplus) {
                out.append(String.format("  %13s  %8s", Fixed.format(r.inactive(Inactive.FINAL_ROUND_SURPLUS), dp),
                        Fixed.format(r.residual(), dp)));
            }
            out.append('\n');
        }
        out.append("(inactive ballots by reason, as RCTab reports them)\n");
        return out.toString();
    }

    /** Parses a report this class wrote (for tests and tools). */
    public static JsonNode parse(String json) {
        return MAPPER.readTree(json);
    }
}
