package org.tallyroom.store.id;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Democracy Club election identifier: {@code type[.subtype][.organisation][.division][.by].YYYY-MM-DD}
 * (FORMATS.md). One value type serves the three levels Democracy Club uses:
 *
 * <ul>
 *   <li>an election group: every poll of one type on one day, {@code local.2022-05-05}, {@code gla.2016-05-05}
 *       (a subtype group such as {@code gla.c.2016-05-05} is a group too);</li>
 *   <li>an organisation election: one council's poll, {@code local.barnet.2022-05-05};</li>
 *   <li>a ballot: one contest on one ballot paper, {@code local.barnet.whetstone.2022-05-05},
 *       {@code parl.chipping-barnet.2019-12-12}, {@code gla.a.2016-05-05}, {@code mayor.london.2016-05-05}.</li>
 * </ul>
 *
 * <p>Which parts an id may have depends on its type: {@code parl}, {@code nia}, {@code gla}, {@code sp}
 * and {@code senedd} name no organisation (the body is implied); {@code mayor}, {@code pcc} and {@code ref}
 * name an organisation and no division, so {@code mayor.london.2016-05-05} is at once the organisation
 * election and its only ballot; {@code gla.a} (the London-wide list) and {@code sp.r}/{@code senedd.r}
 * regions are ballots. Only a ballot can carry {@code .by.}. Every part must already be a slug.
 *
 * @param type         the election type
 * @param subtype      {@code c}, {@code a}, {@code r} where the type has subtypes; else null
 * @param organisation the organisation slug, or null
 * @param division     the division slug, or null
 * @param byElection   a by-election ({@code .by.})
 * @param date         polling day
 */
public record ElectionId(ElectionType type, String subtype, String organisation, String division,
                         boolean byElection, LocalDate date) {
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");


    /** The three levels of id. */
    public enum Level { GROUP, ORGANISATION, BALLOT }

    public ElectionId {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(date, "date");
        String shown = render(type, subtype, organisation, division, byElection, date);
        if (subtype != null && !type.subtypes().contains(subtype)) {
            throw new IllegalArgumentException(type.subtypes().isEmpty()
                    ? shown + ": " + type.id() + " ids have no subtype, found '" + subtype + "'"
                    : shown + ": expected subtype " + String.join(" or ", sorted(type.subtypes()))
                            + " after " + type.id() + ", found '" + subtype + "'");
        }
        for (String part : new String[] {organisation, division}) {
            if (part != null && !Slug.isSlug(part)) {
                throw new IllegalArgumentException(shown + ": expected a slug (lower-case letters, digits, _ and -), found '"
                        + part + "'; the slug is '" + Slug.of(part) + "'");
            }
        }
        if (organisation != null && !type.hasOrganisation()) {
            throw new IllegalArgumentException(shown + ": " + type.id() + " ids have no organisation part");
        }
        if (division != null && !type.hasDivision()) {
            throw new IllegalArgumentException(shown + ": " + type.id() + " ids name an organisation and no division");
        }
        if (division != null && type.hasOrganisation() && organisation == null) {
            throw new IllegalArgumentException(shown + ": a division needs its organisation in " + type.id() + " ids");
        }
        if (type == ElectionType.GLA && "a".equals(subtype) && division != null) {
            throw new IllegalArgumentException(shown + ": gla.a is the London-wide ballot and has no division");
        }
        if (type == ElectionType.GLA && division != null && !"c".equals(subtype)) {
            throw new IllegalArgumentException(shown + ": a London Assembly constituency ballot needs subtype c (gla.c.<division>.<date>)");
        }
        if (byElection && levelOf(type, subtype, organisation, division) != Level.BALLOT) {
            throw new IllegalArgumentException(shown + ": only a ballot id can be a by-election (.by.)");
        }
    }

    /** Parses and validates an id, saying what is wrong and where. */
    public static ElectionId parse(String text) {
        Objects.requireNonNull(text, "id");
        String s = text.strip();
        List<String> parts = new ArrayList<>(List.of(s.split("\\.", -1)));
        if (parts.size() < 2) {
            throw new IllegalArgumentException("'" + s + "': expected type[.subtype][.organisation][.division][.by].YYYY-MM-DD");
        }
        for (String p : parts) {
            if (p.isEmpty()) {
                throw new IllegalArgumentException("'" + s + "': expected no empty part between full stops");
            }
        }
        String typeText = parts.remove(0);
        ElectionType type = ElectionType.byId(typeText).filter(t -> t.id().equals(typeText)).orElseThrow(() ->
                new IllegalArgumentException("'" + s + "': expected an election type (" + typeList() + "), found '" + typeText + "'"));
        String dateText = parts.remove(parts.size() - 1);
        LocalDate date;
        try {
            if (!DATE.matcher(dateText).matches()) {
                throw new DateTimeParseException("format", dateText, 0);
            }
            date = LocalDate.parse(dateText);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + s + "': expected a polling date YYYY-MM-DD at the end, found '" + dateText + "'");
        }
        boolean by = false;
        if (!parts.isEmpty() && parts.get(parts.size() - 1).equals("by")) {
            by = true;
            parts.remove(parts.size() - 1);
        }
        if (parts.contains("by")) {
            throw new IllegalArgumentException("'" + s + "': expected .by. just before the date");
        }
        String subtype = null;
        if (!type.subtypes().isEmpty() && !parts.isEmpty() && type.subtypes().contains(parts.get(0))) {
            subtype = parts.remove(0);
        }
        String organisation = null;
        String division = null;
        if (type.hasOrganisation()) {
            if (!parts.isEmpty()) {
                organisation = parts.remove(0);
            }
            if (!parts.isEmpty() && type.hasDivision()) {
                division = parts.remove(0);
            }
        } else if (type.hasDivision() && !parts.isEmpty()) {
            division = parts.remove(0);
        }
        if (!parts.isEmpty()) {
            throw new IllegalArgumentException("'" + s + "': " + describe(type) + "; found extra part '" + parts.get(0) + "'");
        }
        if (type == ElectionType.GLA && division != null && subtype == null) {
            throw new IllegalArgumentException("'" + s + "': expected subtype c or a after gla (gla.c.<division>.<date>, gla.a.<date>)");
        }
        return new ElectionId(type, subtype, organisation, division, by, date);
    }

    /** Parses, or empty if the text is not a valid id. */
    public static Optional<ElectionId> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** An election group: {@code local.2022-05-05}. */
    public static ElectionId group(ElectionType type, LocalDate date) {
        return new ElectionId(type, null, null, null, false, date);
    }

    /** An organisation election: {@code local.barnet.2022-05-05}. Names are slugged. */
    public static ElectionId organisationElection(ElectionType type, String organisation, LocalDate date) {
        return new ElectionId(type, null, Slug.of(organisation), null, false, date);
    }

    /**
     * A ballot: names are slugged. {@code organisation} is ignored (may be null) for types that have no
     * organisation part; {@code division} must be null for mayor, pcc and ref.
     */
    public static ElectionId ballot(ElectionType type, String subtype, String organisation, String division,
                                    boolean byElection, LocalDate date) {
        return new ElectionId(type, subtype,
                type.hasOrganisation() && organisation != null ? Slug.of(organisation) : null,
                division == null ? null : Slug.of(division), byElection, date);
    }

    public Level level() {
        return levelOf(type, subtype, organisation, division);
    }

    private static Level levelOf(ElectionType type, String subtype, String organisation, String division) {
        if (division != null) {
            return Level.BALLOT;
        }
        if (type == ElectionType.GLA && "a".equals(subtype)) {
            return Level.BALLOT;
        }
        if (organisation != null) {
            return type.hasDivision() ? Level.ORGANISATION : Level.BALLOT;
        }
        return Level.GROUP;
    }

    public boolean isBallot() {
        return level() == Level.BALLOT;
    }

    /** The election group this id belongs to: {@code local.2022-05-05} (the subtype is dropped). */
    public ElectionId groupId() {
        return group(type, date);
    }

    /**
     * The organisation election this ballot belongs to: for {@code local}, {@code local.barnet.2022-05-05};
     * for mayor/pcc/ref the id itself without {@code .by.}; for types without an organisation part there is none.
     */
    public Optional<ElectionId> organisationElectionId() {
        if (!type.hasOrganisation() || organisation == null) {
            return Optional.empty();
        }
        return Optional.of(new ElectionId(type, null, organisation, null, false, date));
    }

    /**
     * The election this id is filed under, one level up: a local ballot under its organisation election
     * ({@code local.barnet.2022-05-05}); a subtyped ballot under its subtype group
     * ({@code gla.c.barnet-and-camden.2016-05-05} under {@code gla.c.2016-05-05}); a subtype group or
     * anything else under the plain group ({@code gla.2016-05-05}). A plain group has no parent.
     */
    public Optional<ElectionId> parent() {
        if (division != null && organisation != null) {
            return Optional.of(new ElectionId(type, subtype, organisation, null, false, date));
        }
        if (division != null && subtype != null) {
            return Optional.of(new ElectionId(type, subtype, null, null, false, date));
        }
        if (division == null && organisation == null && subtype == null) {
            return Optional.empty();
        }
        return Optional.of(groupId());
    }

    /** The default voting system's method id (see {@link VotingSystems}). */
    public Optional<String> defaultMethod(Nation nation, int seats) {
        return VotingSystems.defaultMethod(this, nation, seats);
    }

    @Override
    public String toString() {
        return render(type, subtype, organisation, division, byElection, date);
    }

    private static String render(ElectionType type, String subtype, String organisation, String division,
                                 boolean byElection, LocalDate date) {
        StringBuilder sb = new StringBuilder(type.id());
        for (String p : new String[] {subtype, organisation, division}) {
            if (p != null) {
                sb.append('.').append(p);
            }
        }
        if (byElection) {
            sb.append(".by");
        }
        return sb.append('.').append(date).toString();
    }

    private static String describe(ElectionType type) {
        return switch (type) {
            case LOCAL -> "expected local[.organisation[.division]][.by].date";
            case MAYOR, PCC, REF -> "expected " + type.id() + "[.organisation][.by].date (no division)";
            case GLA -> "expected gla[.c[.division]|.a][.by].date";
            case SP, SENEDD -> "expected " + type.id() + "[.c|.r][.division][.by].date";
            case PARL, NIA -> "expected " + type.id() + "[.division][.by].date (no organisation)";
            case SELECTION -> "expected selection.<party>[.division][.by].date";
        };
    }

    private static String typeList() {
        StringBuilder sb = new StringBuilder();
        for (ElectionType t : ElectionType.values()) {
            sb.append(sb.isEmpty() ? "" : ", ").append(t.id());
        }
        return sb.toString();
    }

    private static List<String> sorted(java.util.Set<String> set) {
        return set.stream().sorted().toList();
    }
}
