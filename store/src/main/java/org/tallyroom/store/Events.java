package org.tallyroom.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.tallyroom.store.analysis.PartyKeys;
import org.tallyroom.store.id.OrganisationId;

/**
 * Events between elections in the events table: by-elections, defections, whip suspended and
 * restored, resignations, deaths, disqualifications.
 *
 * <p>Written inside an import's transaction ({@link Store#importSource}), like results. An event is
 * tied to rows the store already has, so the organisation must be stored (import its elections first):
 * <ul>
 *   <li>the division by slug or GSS code among the organisation's divisions; where a slug has several
 *       boundary versions, the one of the latest ordinary ballot polled on or before the event;</li>
 *   <li>the member: the person who stood in that division under that ballot-paper name (the latest such
 *       candidacy), else a new person keyed {@code event:<organisation>:<division>:<name>};</li>
 *   <li>parties by any spelling the analysis knows ({@link PartyKeys}), its name, abbreviation or
 *       Electoral Commission id; a party not stored is added by name; "Ind" is no party.</li>
 * </ul>
 */
public final class Events {
    private Events() {
    }

    /** An event as read back, with the names the analysis uses. */
    public record StoredEvent(long id, LocalDate date, OrganisationId organisation, EventType type, String division,
                              String divisionName, String divisionId, String member, String party, String toParty,
                              String note) {
    }

    /** Records one event in the import's transaction; returns its row id. */
    public static long add(Ingest ingest, EventRecord e) {
        Handle h = ingest.handle();
        Long org = h.createQuery("SELECT id FROM organisations WHERE slug = :s").bind("s", e.organisation().slug())
                .mapTo(Long.class).findOne().orElseThrow(() -> new EventRecord.Refused(EventRecord.Field.ORGANISATION,
                        "no organisation '" + e.organisation() + "' in the store; import its elections first"));
        long division = division(h, org, e);
        String slug = h.createQuery("SELECT slug FROM divisions WHERE id = :d").bind("d", division).mapTo(String.class).one();
        Long person = h.createQuery("""
                SELECT c.person_id FROM candidacies c JOIN ballots b ON c.ballot_id = b.id
                WHERE b.division_id = :d AND LOWER(c.ballot_paper_name) = :n AND b.poll_date <= :date
                ORDER BY b.poll_date DESC""").bind("d", division).bind("n", e.member().toLowerCase(Locale.ROOT))
                .bind("date", e.date()).mapTo(Long.class).findFirst()
                .orElseGet(() -> ingest.person(new Person("event:" + e.organisation() + ":" + slug + ":" + e.member(),
                        e.member(), null, null)));
        Long from = party(ingest, h, e.party());
        Long to = party(ingest, h, e.toParty());
        if (e.type() == EventType.DEFECTION && from != null && from.equals(to)) {
            throw new EventRecord.Refused(EventRecord.Field.TO_PARTY, e.member() + " cannot defect from " + e.party()
                    + " to the same party");
        }
        return h.createUpdate("""
                INSERT INTO events (event_type, event_date, organisation_id, person_id, party_from_id, party_to_id,
                                    division_id, note, provenance_id)
                VALUES (:t, :date, :o, :p, :from, :to, :d, :note, :prov)""")
                .bind("t", e.type().id()).bind("date", e.date()).bind("o", org).bind("p", person)
                .bind("from", from).bind("to", to).bind("d", division).bind("note", e.note())
                .bind("prov", ingest.provenanceId()).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** An organisation's events in the order they happened: by date, then as entered. */
    public static List<StoredEvent> list(Store store, OrganisationId organisation) {
        return Sql.of(store).withHandle(h -> h.createQuery("""
                SELECT ev.id, ev.event_date, ev.event_type, d.slug, d.name, d.gss, d.boundary_version, o.slug,
                       COALESCE(c.ballot_paper_name, p.name),
                       pf.ec_id, pf.abbreviation, pf.name, pt.ec_id, pt.abbreviation, pt.name, ev.note
                FROM events ev JOIN organisations o ON ev.organisation_id = o.id
                JOIN divisions d ON ev.division_id = d.id
                JOIN people p ON ev.person_id = p.id
                LEFT JOIN candidacies c ON c.id = (SELECT MIN(c2.id) FROM candidacies c2 WHERE c2.person_id = p.id
                    AND c2.ballot_id IN (SELECT b.id FROM ballots b WHERE b.division_id = d.id))
                LEFT JOIN parties pf ON ev.party_from_id = pf.id
                LEFT JOIN parties pt ON ev.party_to_id = pt.id
                WHERE o.slug = :o ORDER BY ev.event_date, ev.id""").bind("o", organisation.slug())
                .map((rs, ctx) -> {
                    EventType type = EventType.parse(rs.getString(3));
                    String gss = rs.getString(6);
                    String bv = rs.getString(7);
                    String divisionId = gss != null && !gss.isBlank() ? gss
                            : rs.getString(8) + "/" + rs.getString(4) + (bv == null || bv.isEmpty() ? "" : "@" + bv);
                    String from = rs.getObject(10) == null && rs.getObject(12) == null ? null
                            : PartyKeys.of(rs.getString(10), rs.getString(11), rs.getString(12));
                    String to = rs.getObject(13) == null && rs.getObject(15) == null ? null
                            : PartyKeys.of(rs.getString(13), rs.getString(14), rs.getString(15));
                    if (type == EventType.BY_ELECTION && from == null) {
                        from = PartyKeys.INDEPENDENT;
                    }
                    if (type == EventType.DEFECTION && to == null) {
                        to = PartyKeys.INDEPENDENT;
                    }
                    return new StoredEvent(rs.getLong(1), rs.getObject(2, LocalDate.class), organisation, type,
                            rs.getString(4), rs.getString(5), divisionId, rs.getString(9), from, to, rs.getString(16));
                }).list());
    }

    private static long division(Handle h, long org, EventRecord e) {
        String d = e.division();
        List<Long> rows = h.createQuery("SELECT id FROM divisions WHERE organisation_id = :o AND (slug = :d OR gss = :d) "
                + "ORDER BY id").bind("o", org).bind("d", d).mapTo(Long.class).list();
        if (rows.isEmpty()) {
            throw new EventRecord.Refused(EventRecord.Field.DIVISION, "no division '" + d + "' of " + e.organisation()
                    + " in the store; give its slug or GSS code as stored");
        }
        if (rows.size() == 1) {
            return rows.get(0);
        }
        Optional<Long> current = h.createQuery("""
                SELECT b.division_id FROM ballots b WHERE b.division_id IN (<rows>) AND b.by_election = FALSE
                  AND b.poll_date <= :date ORDER BY b.poll_date DESC""").bindList("rows", rows).bind("date", e.date())
                .mapTo(Long.class).findFirst();
        return current.orElseThrow(() -> new EventRecord.Refused(EventRecord.Field.DIVISION, "'" + d + "' names "
                + rows.size() + " sets of boundaries of " + e.organisation() + " and none was polled by " + e.date()));
    }

    private static Long party(Ingest ingest, Handle h, String text) {
        if (text == null) {
            return null;
        }
        String key = PartyKeys.typed(text);
        if (key.equals(PartyKeys.INDEPENDENT)) {
            return null;
        }
        String folded = text.strip().toLowerCase(Locale.ROOT);
        for (var row : h.createQuery("SELECT id, ec_id, abbreviation, name FROM parties ORDER BY id").mapToMap().list()) {
            String ec = (String) row.get("ec_id");
            String abbreviation = (String) row.get("abbreviation");
            String name = (String) row.get("name");
            if (PartyKeys.of(ec, abbreviation, name).equals(key) || folded.equals(lower(ec))
                    || folded.equals(lower(abbreviation)) || folded.equals(lower(name))) {
                return ((Number) row.get("id")).longValue();
            }
        }
        return ingest.party(Party.named(text.strip()));
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
