package org.tallyroom.count.rcv;

import java.util.Locale;

/**
 * The rules of a US ranked-choice count as RCTab (BrightSpots/rcv, version 2.0) configures them, in
 * its own terms. Vote figures (the minimum vote threshold) are scaled integers at {@link #decimals()}
 * places, as everywhere in the count engine.
 *
 * @param overvoteRule         what a rank with more than one candidate (or the explicit overvote
 *                             label) does to the ballot
 * @param maxSkippedRanks      skipped ranks allowed between two marked ranks before the ballot is
 *                             inactive; {@link #UNLIMITED} for no limit
 * @param maxRankings          ranks a ballot may carry (RCTab's "max" is the number of declared
 *                             candidates, resolved by the config reader)
 * @param exhaustOnDuplicate   a candidate ranked twice makes the ballot inactive when reached
 * @param winnerMode           how winners are identified
 * @param winners              seats to fill
 * @param decimals             decimal places of all vote arithmetic (RCTab's
 *                             decimalPlacesForVoteArithmetic), 0 to 9 here
 * @param nonIntegerThreshold  the threshold is computed to {@code decimals} places, not whole votes
 * @param hareQuota            threshold = votes / seats, rounded up (instead of votes / (seats + 1),
 *                             rounded down, plus one unit)
 * @param minimumVoteThreshold candidates under this many votes are eliminated together; 0 for none
 * @param batchElimination     eliminate at once every candidate who cannot overtake the next
 * @param continueUntilTwo     single winner: go on eliminating until two candidates remain
 * @param firstRoundThreshold  single winner: the first round's threshold stands for the whole count
 * @param stopAfterRound       stop after this round; 0 for no limit
 * @param tiebreakMode         how a tie is settled
 * @param randomSeed           seed of the random tie-break modes; null where the mode needs none
 */
public record RcvRules(OvervoteRule overvoteRule, int maxSkippedRanks, int maxRankings, boolean exhaustOnDuplicate,
                       WinnerMode winnerMode, int winners, int decimals, boolean nonIntegerThreshold,
                       boolean hareQuota, long minimumVoteThreshold, boolean batchElimination,
                       boolean continueUntilTwo, boolean firstRoundThreshold, int stopAfterRound,
                       TiebreakMode tiebreakMode, Long randomSeed) {

    /** No limit on skipped ranks. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    public RcvRules {
        if (decimals < 0 || decimals > 9) {
            throw new IllegalArgumentException("decimal places must be from 0 to 9, was " + decimals);
        }
        if (winners < 1) {
            throw new IllegalArgumentException("at least one winner, was " + winners);
        }
        if (maxSkippedRanks < 0 || maxRankings < 1) {
            throw new IllegalArgumentException("skipped ranks must be 0 or more and rankings 1 or more");
        }
        if (tiebreakMode.needsSeed() && randomSeed == null) {
            throw new IllegalArgumentException("tie-break mode " + tiebreakMode.label() + " needs a random seed");
        }
    }

    /** Surpluses are transferred: several seats, not bottoms-up. */
    public boolean usesSurpluses() {
        return winners > 1 && winnerMode != WinnerMode.BOTTOMS_UP;
    }

    /** What an overvoted rank does. */
    public enum OvervoteRule {
        ALWAYS_SKIP_TO_NEXT_RANK("alwaysSkipToNextRank"),
        EXHAUST_IMMEDIATELY("exhaustImmediately"),
        EXHAUST_IF_MULTIPLE_CONTINUING("exhaustIfMultipleContinuing");

        private final String label;

        OvervoteRule(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How winners are identified. */
    public enum WinnerMode {
        SINGLE_WINNER_MAJORITY("singleWinnerMajority"),
        MULTI_WINNER_ONE_PER_ROUND("multiWinnerAllowOnlyOneWinnerPerRound"),
        MULTI_WINNER_MANY_PER_ROUND("multiWinnerAllowMultipleWinnersPerRound"),
        BOTTOMS_UP("bottomsUp");

        private final String label;

        WinnerMode(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How ties are settled. The interactive modes stop the count at a tie: nobody is there to ask. */
    public enum TiebreakMode {
        RANDOM("random", true),
        STOP_AND_ASK("stopCountingAndAsk", false),
        PREVIOUS_ROUND_COUNTS_THEN_RANDOM("previousRoundCountsThenRandom", true),
        PREVIOUS_ROUND_COUNTS_THEN_ASK("previousRoundCountsThenAsk", false),
        USE_CANDIDATE_ORDER("useCandidateOrder", false),
        GENERATE_PERMUTATION("generatePermutation", true);

        private final String label;
        private final boolean needsSeed;

        TiebreakMode(String label, boolean needsSeed) {
            this.label = label;
            this.needsSeed = needsSeed;
        }

        public String label() {
            return label;
        }

        public boolean needsSeed() {
            return needsSeed;
        }
    }

    /** The enum constant whose RCTab label is {@code label}, or null. */
    public static <E extends Enum<E>> E byLabel(Class<E> type, String label) {
        for (E e : type.getEnumConstants()) {
            String l = switch (e) {
                case OvervoteRule o -> o.label();
                case WinnerMode w -> w.label();
                case TiebreakMode t -> t.label();
                default -> e.name().toLowerCase(Locale.ROOT);
            };
            if (l.equals(label)) {
                return e;
            }
        }
        return null;
    }
}
