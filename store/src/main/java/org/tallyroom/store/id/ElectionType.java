package org.tallyroom.store.id;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The election types Democracy Club ids begin with, and the shape of the id each one takes
 * (FORMATS.md): whether it has an organisation part, a division part, which subtypes it allows.
 */
public enum ElectionType {
    /** Principal-area council elections: {@code local.barnet.whetstone.2022-05-05}. */
    LOCAL("local", true, true, Set.of()),
    /** House of Commons: {@code parl.chipping-barnet.2019-12-12}; no organisation part. */
    PARL("parl", false, true, Set.of()),
    /** London Assembly: {@code gla.c.barnet-and-camden.2016-05-05}, {@code gla.a.2016-05-05}. */
    GLA("gla", false, true, Set.of("c", "a")),
    /** Directly elected mayors: {@code mayor.london.2016-05-05}; organisation, no division. */
    MAYOR("mayor", true, false, Set.of()),
    /** Police and crime commissioners: {@code pcc.avon-and-somerset.2021-05-06}. */
    PCC("pcc", true, false, Set.of()),
    /** Local referendums: {@code ref.croydon.2021-10-07}. */
    REF("ref", true, false, Set.of()),
    /** Scottish Parliament: {@code sp.c.glasgow-kelvin.2021-05-06}, {@code sp.r.glasgow.2021-05-06}. */
    SP("sp", false, true, Set.of("c", "r")),
    /** Senedd Cymru: {@code senedd.c.cardiff-central.2021-05-06}; from 2026 unsubtyped closed lists. */
    SENEDD("senedd", false, true, Set.of("c", "r")),
    /** Northern Ireland Assembly: {@code nia.belfast-east.2022-05-05}; no organisation part. */
    NIA("nia", false, true, Set.of()),
    /**
     * A party selection: a party's members choosing their candidate, {@code selection.lab.chipping-barnet.2026-03-01};
     * the organisation part is the party's slug, the division the seat or ward selected for.
     */
    SELECTION("selection", true, true, Set.of());

    private final String id;
    private final boolean hasOrganisation;
    private final boolean hasDivision;
    private final Set<String> subtypes;

    ElectionType(String id, boolean hasOrganisation, boolean hasDivision, Set<String> subtypes) {
        this.id = id;
        this.hasOrganisation = hasOrganisation;
        this.hasDivision = hasDivision;
        this.subtypes = subtypes;
    }

    public String id() {
        return id;
    }

    /** Whether ids of this type name an organisation (a council, a police area) after the type. */
    public boolean hasOrganisation() {
        return hasOrganisation;
    }

    /** Whether ballots of this type are for a division (ward, constituency, region). */
    public boolean hasDivision() {
        return hasDivision;
    }

    /** Subtypes allowed after the type; empty if none. */
    public Set<String> subtypes() {
        return subtypes;
    }

    public static Optional<ElectionType> byId(String id) {
        for (ElectionType t : values()) {
            if (t.id.equals(id.toLowerCase(Locale.ROOT))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
