package org.tallyroom.io.rctab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tallyroom.count.rcv.RcvRules;
import org.tallyroom.io.InputException;
import org.tallyroom.io.cvr.CvrSource;
import org.tallyroom.io.cvr.LocatedTree;
import org.tallyroom.io.cvr.Node;

/**
 * Reads an RCTab contest config (RCTab 2.0's JSON). Values are strings in RCTab's files; numbers and
 * booleans written as such are read too. Every problem is reported as
 * {@code config.json:line:column: /json/pointer: expected X, found Y}.
 */
public final class RctabConfigReader {
    private RctabConfigReader() {
    }

    public static RctabConfig read(Path path) throws InputException {
        Node root = LocatedTree.json(path).root();
        if (!root.value().isObject()) {
            throw root.error("an RCTab config object", root.describe());
        }
        Node output = root.field("outputSettings");
        String contestName = nonBlank(output.field("contestName"), "the contest's name");
        Node rulesNode = root.field("rules");
        if (!rulesNode.present()) {
            throw rulesNode.error("the config's \"rules\"", "none");
        }
        List<RctabConfig.ConfigCandidate> candidates = candidates(root);
        RcvRules rules = rules(rulesNode, candidates.size());
        Path folder = path.toAbsolutePath().getParent();
        List<CvrSource> sources = new ArrayList<>();
        for (Node s : root.required("cvrFileSources", "at least one cast vote record file")) {
            sources.add(source(s, folder, rules));
        }
        return new RctabConfig(path, contestName, text(output, "contestJurisdiction"), text(output, "contestOffice"),
                text(output, "contestDate"), sources, candidates, rules);
    }

    private static List<RctabConfig.ConfigCandidate> candidates(Node root) throws InputException {
        List<RctabConfig.ConfigCandidate> out = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        for (Node c : root.required("candidates", "the candidates")) {
            Node nameNode = c.field("name");
            String name = nonBlank(nameNode, "the candidate's name");
            List<String> aliases = new ArrayList<>();
            for (Node a : c.list("aliases")) {
                String alias = a.text();
                if (alias != null && !alias.isBlank()) {
                    aliases.add(alias.strip());
                }
            }
            java.util.Set<String> all = new java.util.LinkedHashSet<>(aliases);
            all.add(name);
            for (String n : all) {
                Integer before = names.putIfAbsent(n, out.size());
                if (before != null) {
                    throw nameNode.error("each candidate name and alias once", InputException.quote(n) + " again");
                }
            }
            out.add(new RctabConfig.ConfigCandidate(name, aliases, bool(c.field("excluded"), false), nameNode));
        }
        return out;
    }

    private static RcvRules rules(Node r, int declared) throws InputException {
        RcvRules.TiebreakMode tiebreak = label(r.field("tiebreakMode"), RcvRules.TiebreakMode.class);
        RcvRules.OvervoteRule overvote = label(r.field("overvoteRule"), RcvRules.OvervoteRule.class);
        Node modeNode = r.field("winnerElectionMode");
        String mode = modeNode.text();
        if ("bottomsUpUsingPercentageThreshold".equals(mode) || "multiPassIrv".equals(mode)) {
            throw modeNode.error("a winnerElectionMode Tallyroom counts (singleWinnerMajority, "
                    + "multiWinnerAllowOnlyOneWinnerPerRound, multiWinnerAllowMultipleWinnersPerRound, bottomsUp)",
                    InputException.quote(mode) + ", which it does not");
        }
        RcvRules.WinnerMode winnerMode = label(modeNode, RcvRules.WinnerMode.class);
        Node winnersNode = r.field("numberOfWinners");
        int winners = integer(winnersNode, 1, 1, 10_000);
        if (winnerMode == RcvRules.WinnerMode.SINGLE_WINNER_MAJORITY ? winners != 1 : winners < 2) {
            throw winnersNode.error(winnerMode == RcvRules.WinnerMode.SINGLE_WINNER_MAJORITY
                    ? "1 winner under singleWinnerMajority" : "2 or more winners under " + winnerMode.label(),
                    Integer.toString(winners));
        }
        int decimals = integer(r.field("decimalPlacesForVoteArithmetic"), 4, 0, 9);
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        long minimum = integer(r.field("minimumVoteThreshold"), 0, 0, 1_000_000_000) * scale;
        Node skippedNode = r.field("maxSkippedRanksAllowed");
        int skipped = "unlimited".equalsIgnoreCase(text(r, "maxSkippedRanksAllowed")) ? RcvRules.UNLIMITED
                : integer(skippedNode, 1, 0, 1_000_000);
        int maxRankings = "max".equalsIgnoreCase(text(r, "maxRankingsAllowed")) ? Math.max(1, declared)
                : integer(r.field("maxRankingsAllowed"), Math.max(1, declared), 1, 1_000_000);
        boolean untilTwo = bool(r.field("continueUntilTwoCandidatesRemain"), false);
        if (untilTwo && winners > 1) {
            throw r.field("continueUntilTwoCandidatesRemain").error("false with more than one winner", "true");
        }
        Node seedNode = r.field("randomSeed");
        String seedText = seedNode.text();
        Long seed = null;
        if (seedText != null && !seedText.isBlank()) {
            try {
                seed = Long.parseLong(seedText.strip());
            } catch (NumberFormatException e) {
                throw seedNode.error("a whole-number random seed", InputException.quote(seedText));
            }
        }
        if (tiebreak.needsSeed() && seed == null) {
            throw seedNode.error("a random seed, which tiebreakMode " + tiebreak.label() + " needs", "none");
        }
        String stop = text(r, "stopTabulationEarlyAfterRound");
        int stopAfter = stop.isBlank() ? 0 : integer(r.field("stopTabulationEarlyAfterRound"), 0, 1, 1_000_000);
        return new RcvRules(overvote, skipped, maxRankings, bool(r.field("exhaustOnDuplicateCandidate"), false),
                winnerMode, winners, decimals, bool(r.field("nonIntegerWinningThreshold"), false),
                bool(r.field("hareQuota"), false), minimum, bool(r.field("batchElimination"), false), untilTwo,
                bool(r.field("doesFirstRoundDetermineThreshold"), false), stopAfter, tiebreak, seed);
    }

    private static CvrSource source(Node s, Path folder, RcvRules rules) throws InputException {
        Node providerNode = s.field("provider");
        String providerText = providerNode.text();
        CvrSource.Provider provider = CvrSource.Provider.byLabel(providerText == null ? "" : providerText);
        if (provider == null) {
            throw providerNode.error("a provider Tallyroom reads (cdf, genericCsv, ess)", providerNode.describe());
        }
        String file = nonBlank(s.field("filePath"), "the cast vote record file's path");
        Path path = folder.resolve(file).normalize();
        boolean tabular = provider != CvrSource.Provider.NIST;
        int firstColumn = tabular ? integer(s.field("firstVoteColumnIndex"), -1, 1, 100_000) : 0;
        int firstRow = tabular ? integer(s.field("firstVoteRowIndex"), -1, 1, 100_000_000) : 0;
        int idColumn = tabular && !text(s, "idColumnIndex").isBlank() ? integer(s.field("idColumnIndex"), 0, 1, 100_000) : 0;
        int precinctColumn = tabular && !text(s, "precinctColumnIndex").isBlank()
                ? integer(s.field("precinctColumnIndex"), 0, 1, 100_000) : 0;
        String overvoteLabel = text(s, "overvoteLabel");
        if (!overvoteLabel.isEmpty() && rules.overvoteRule() == RcvRules.OvervoteRule.EXHAUST_IF_MULTIPLE_CONTINUING) {
            throw s.field("overvoteLabel").error("no overvoteLabel with overvoteRule exhaustIfMultipleContinuing"
                    + " (RCTab allows one only with exhaustImmediately or alwaysSkipToNextRank)",
                    InputException.quote(overvoteLabel));
        }
        String skipped = text(s, "skippedRankLabel");
        if (skipped.isEmpty()) {
            skipped = text(s, "undervoteLabel");
        }
        return new CvrSource(provider, path, text(s, "contestId"), firstColumn, firstRow, idColumn, precinctColumn,
                text(s, "overvoteDelimiter"), overvoteLabel, skipped, text(s, "undeclaredWriteInLabel"),
                bool(s.field("treatBlankAsUndeclaredWriteIn"), false), rules.maxRankings());
    }

    private static String text(Node parent, String field) throws InputException {
        String s = parent.text(field);
        return s == null ? "" : s;
    }

    private static String nonBlank(Node n, String what) throws InputException {
        String s = n.text();
        if (s == null || s.isBlank()) {
            throw n.error(what, n.present() ? "an empty value" : "none");
        }
        return s.strip();
    }

    /** An integer from {@code min} to {@code max}; {@code dflt} where absent or blank (-1: required). */
    private static int integer(Node n, int dflt, int min, int max) throws InputException {
        String s = n.text();
        if (s == null || s.isBlank()) {
            if (dflt < 0) {
                throw n.error("a whole number from " + min + " to " + max, n.present() ? "an empty value" : "none");
            }
            return dflt;
        }
        try {
            int v = Integer.parseInt(s.strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw n.error("a whole number from " + min + " to " + max, InputException.quote(s));
    }

    private static boolean bool(Node n, boolean dflt) throws InputException {
        String s = n.text();
        if (s == null || s.isBlank()) {
            return dflt;
        }
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(s);
        }
        throw n.error("true or false", InputException.quote(s));
    }

    private static <E extends Enum<E>> E label(Node n, Class<E> type) throws InputException {
        String s = n.text();
        E e = s == null ? null : RcvRules.byLabel(type, s.strip());
        if (e == null) {
            List<String> labels = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                labels.add(switch (c) {
                    case RcvRules.OvervoteRule o -> o.label();
                    case RcvRules.WinnerMode w -> w.label();
                    case RcvRules.TiebreakMode t -> t.label();
                    default -> c.name();
                });
            }
            throw n.error("one of " + String.join(", ", labels), n.describe());
        }
        return e;
    }
}
