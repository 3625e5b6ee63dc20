package org.tallyroom.store;

import java.time.LocalDate;
import java.util.Objects;
import org.tallyroom.store.id.OrganisationId;

/**
 * An event between elections, as entered ({@code tallyroom event add}, or one row of an events CSV).
 *
 * @param date         the day it took effect
 * @param organisation the body, {@code local.barnet}
 * @param type         what happened
 * @param division     the ward or constituency: its slug or GSS code
 * @param member       the member concerned (for a by-election, the winner), as named on the ballot paper
 * @param party        the by-election winner's party; for a defection, the party left (optional); else
 *                     unused. "Ind" or "Independent" (or null) for none
 * @param toParty      for a defection, the party joined ("Ind" to sit as an independent); else null
 * @param note         free text, or null
 */
public record EventRecord(LocalDate date, OrganisationId organisation, EventType type, String division, String member,
                          String party, String toParty, String note) {
    /** The field an error is about, so an importer can point at its column. */
    public enum Field { DATE, ORGANISATION, TYPE, DIVISION, MEMBER, PARTY, TO_PARTY, NOTE }

    /** An event that cannot be recorded, and the field that is wrong. */
    public static final class Refused extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final Field field;

        public Refused(Field field, String message) {
            super(message);
            this.field = field;
        }

        public Field field() {
            return field;
        }
    }

    public EventRecord {
        if (date == null) {
            throw new Refused(Field.DATE, "an event needs a date");
        }
        if (organisation == null) {
            throw new Refused(Field.ORGANISATION, "an event needs an organisation");
        }
        if (type == null) {
            throw new Refused(Field.TYPE, "an event needs a type (" + EventType.ids() + ")");
        }
        division = blankToNull(division);
        member = blankToNull(member) == null ? null : member.strip().replaceAll("\\s+", " ");
        party = blankToNull(party);
        toParty = blankToNull(toParty);
        note = blankToNull(note);
        if (division == null) {
            throw new Refused(Field.DIVISION, "a " + type + " needs the division (ward or constituency slug or GSS code)");
        }
        if (member == null) {
            throw new Refused(Field.MEMBER, type == EventType.BY_ELECTION ? "a by-election needs the member elected"
                    : "a " + type + " needs the member's name");
        }
        if (type == EventType.BY_ELECTION && party == null) {
            throw new Refused(Field.PARTY, "a by-election needs the winner's party (Ind for an independent)");
        }
        if (type == EventType.DEFECTION && toParty == null) {
            throw new Refused(Field.TO_PARTY, "a defection needs the party joined (to_party; Ind to sit as an independent)");
        }
        if (type != EventType.DEFECTION && toParty != null) {
            throw new Refused(Field.TO_PARTY, "only a defection has a party joined (to_party); a " + type + " has none");
        }
        Objects.requireNonNull(organisation);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
