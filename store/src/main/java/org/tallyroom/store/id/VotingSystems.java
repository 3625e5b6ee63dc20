package org.tallyroom.store.id;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Default voting systems by election type and date (FORMATS.md), as Tallyroom method ids:
 * local elections are first past the post in England and Wales ({@code block} where a ward elects more
 * than one) and STV in Scotland and Northern Ireland; parl, gla.c, sp.c and senedd.c first past the post;
 * gla.a, sp.r and senedd.r the additional member system; nia NI STV; mayor and pcc the supplementary vote
 * up to 3 May 2023 and first past the post from 4 May 2023 (Elections Act 2022 s.13, in force for
 * polls after that day); the Senedd from 2026 closed-list D'Hondt (Senedd Cymru (Members and Elections)
 * Act 2024). Referendums have no candidates and no method. Party selections: AV for one place, ERS97 STV
 * for several.
 */
public final class VotingSystems {
    /** Last polling day on which mayors and PCCs were elected by the supplementary vote. */
    public static final LocalDate LAST_SV_POLL = LocalDate.of(2023, 5, 3);
    /** First Senedd general election under closed lists. */
    public static final LocalDate SENEDD_CLOSED_LISTS = LocalDate.of(2026, 1, 1);

    private VotingSystems() {
    }

    /**
     * The method id, or empty where it cannot be told: a local election whose nation is unknown (pass
     * null), or a referendum.
     *
     * @param seats seats contested (1 if unknown); decides fptp or block in England and Wales
     */
    public static Optional<String> defaultMethod(ElectionId id, Nation nation, int seats) {
        return Optional.ofNullable(switch (id.type()) {
            case LOCAL -> nation == null ? null : switch (nation) {
                case ENGLAND, WALES -> seats > 1 ? "block" : "fptp";
                case SCOTLAND -> "stv-scotland";
                case NORTHERN_IRELAND -> "stv-ni";
            };
            case PARL -> "fptp";
            case GLA -> "a".equals(id.subtype()) ? "ams" : "fptp";
            case SP -> "r".equals(id.subtype()) ? "ams" : "fptp";
            case SENEDD -> !id.date().isBefore(SENEDD_CLOSED_LISTS) ? "dhondt"
                    : "r".equals(id.subtype()) ? "ams" : "fptp";
            case MAYOR, PCC -> id.date().isAfter(LAST_SV_POLL) ? "fptp" : "sv";
            case NIA -> "stv-ni";
            case REF -> null;
            case SELECTION -> seats > 1 ? "stv-ers97" : "av";
        });
    }
}
