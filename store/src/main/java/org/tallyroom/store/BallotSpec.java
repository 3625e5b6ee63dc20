package org.tallyroom.store;

import java.time.LocalDate;
import java.util.Objects;
import org.tallyroom.store.id.ElectionId;
import org.tallyroom.store.id.Nation;
import org.tallyroom.store.id.VotingSystems;

/**
 * What an importer knows about a ballot; the store creates its organisation, division and elections
 * as needed.
 *
 * @param id               the ballot's Democracy Club id
 * @param name             the contest's name as people say it ("Whetstone", "Chipping Barnet"); null: the division's
 * @param organisationName the council's name ("London Borough of Barnet"); null: from the slug
 * @param divisionName     the ward or constituency name; null: from the slug
 * @param gss              the division's GSS code, or null
 * @param boundaryVersion  which boundaries (e.g. "2022"), or null for the only known set
 * @param nation           the nation, or null (read from the GSS code where there is one)
 * @param seats            seats contested (at least 1)
 * @param votingSystem     the method id, or null for the default by type, nation and date
 * @param cancelled        the poll was cancelled (uncontested)
 */
public record BallotSpec(ElectionId id, String name, String organisationName, String divisionName, String gss,
                         String boundaryVersion, Nation nation, int seats, String votingSystem, boolean cancelled) {
    public BallotSpec {
        Objects.requireNonNull(id, "id");
        if (!id.isBallot()) {
            throw new IllegalArgumentException(id + " is a " + id.level().name().toLowerCase(java.util.Locale.ROOT)
                    + " id, not a ballot id");
        }
        if (seats < 1) {
            throw new IllegalArgumentException(id + ": seats contested must be at least 1, was " + seats);
        }
        gss = gss == null || gss.isBlank() ? null : gss.strip();
        if (nation == null && gss != null) {
            nation = Nation.ofGss(gss).orElse(null);
        }
        if (votingSystem == null || votingSystem.isBlank()) {
            votingSystem = VotingSystems.defaultMethod(id, nation, seats).orElse(null);
        }
    }

    /** A ballot with just an id and seats; names come from the slugs, the system from the defaults. */
    public static BallotSpec of(ElectionId id, int seats) {
        return new BallotSpec(id, null, null, null, null, null, null, seats, null, false);
    }

    public LocalDate date() {
        return id.date();
    }
}
