package org.tallyroom.count.rcv;

/** Why a ballot counts for nobody in a round, as RCTab reports it. */
public enum Inactive {
    /** No candidate ranked at all (RCTab's "undervotes"). */
    NO_RANKINGS("undervotes"),
    OVERVOTE("overvotes"),
    SKIPPED_RANKINGS("skipped_rankings"),
    REPEATED_RANKINGS("repeated_rankings"),
    EXHAUSTED_CHOICES("exhausted_choices"),
    /** Multi-winner: value left with ballots of winners once every seat is filled. */
    FINAL_ROUND_SURPLUS("final_round_surplus");

    private final String id;

    Inactive(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
