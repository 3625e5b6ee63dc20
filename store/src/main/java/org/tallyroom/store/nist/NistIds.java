package org.tallyroom.store.nist;

import java.util.Map;

/**
 * How UK concepts map onto NIST SP 1500-100 v2 (FORMATS.md). Democracy Club ids go in
 * ExternalIdentifier with Type {@code other}; methods the schema has no VoteVariation for go in
 * OtherVoteVariation under {@code other}.
 */
final class NistIds {
    static final String BALLOT_ID = "democracyclub-ballot-id";
    static final String ELECTION_ID = "democracyclub-election-id";
    static final String GSS = "gss";
    static final String EC_ID = "electoral-commission-id";
    static final String PERSON_KEY = "tallyroom-person-key";
    static final String RESULT_STATUS = "tallyroom-result-status";
    static final String VALID_VOTES = "valid-votes";
    static final String REJECTED_PREFIX = "rejected:";

    /** Tallyroom methods with a NIST VoteVariation of their own. */
    static final Map<String, String> VARIATION = Map.of("fptp", "plurality", "block", "n-of-m", "av", "rcv");

    private NistIds() {
    }

    static String method(String variation, String other, int seats) {
        if (variation == null) {
            return null;
        }
        return switch (variation) {
            case "plurality" -> seats > 1 ? "block" : "fptp";
            case "n-of-m" -> "block";
            case "rcv" -> "av";
            case "other" -> other;
            default -> null;
        };
    }
}
