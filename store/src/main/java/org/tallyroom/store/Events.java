package org.tallyroom.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.tallyroom.store.analysis.PartyKeys;
import org.tallyroom.store.id.ElectionType;
import org.tallyroom.store.id.OrganisationId;

/**
 * Events between elections in the events table: by-elections, defections, expulsions, whip suspended,
 * given up and restored, resignations, deaths, disqualifications.
 *
 * <p>An event is checked as it is recorded ({@link #record}): the body's composition is replayed from
 * its last ordinary election through every stored event and this one, so a member who does not sit
 * for the division on that date, a by-election with no vacancy, or a whip restored that was never
 * suspended is refused there and then, naming the problem, and nothing is written; one bad event can
 * no longer break the body's composition for everyone. Parties must already be in the store. An event
 * is never deleted: {@link #remove} and {@link #correct} mark it removed (who, when, why, and what
 * replaced it) in the same audited, all-or-nothing way as an import, and the replay is checked again.
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

    /**
     * Records one event in the import's transaction and checks the body's composition still replays
     * with it (see the class comment); returns its row id.
     *
     * @throws EventRecord.Refused if it does not fit, naming the field at fault where there is one
     */
    public static long record(Store store, Ingest ingest, EventRecord e) {
        long id = add(ingest, e);
        checkReplay(store, e.organisation(), e.date(), EventRecord.Field.MEMBER);
        return id;
    }

    /**
     * Marks a stored event removed, with the reason, in an audited transaction of its own (provenance:
     * who and when); refused if the body's composition would no longer replay without it.
     */
    public static ImportOutcome remove(Store store, long id, String reason, String by) {
        StoredEvent old = requireCurrent(store, id);
        requireReason(reason);
        Source source = Source.of("event remove " + id, ("remove\u001f" + id + "\u001f" + reason).getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        return store.importSource(source, "event remove", by, in -> {
            markRemoved(in, id, reason, null);
            checkReplay(store, old.organisation(), old.date(), null);
        });
    }

    /**
     * Replaces a stored event with a corrected one, with the reason: the old row is marked removed and
     * points at the new one, in one audited transaction; refused (nothing changed) if the corrected
     * event does not fit.
     */
    public static ImportOutcome correct(Store store, long id, EventRecord corrected, String reason, String by) {
        StoredEvent old = requireCurrent(store, id);
        requireReason(reason);
        if (!old.organisation().equals(corrected.organisation())) {
            throw new EventRecord.Refused(EventRecord.Field.ORGANISATION, "event " + id + " is of " + old.organisation()
                    + "; a correction cannot move it to " + corrected.organisation());
        }
        Source source = Source.of("event correct " + id, ("correct\u001f" + id + "\u001f" + reason + "\u001f"
                + corrected).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return store.importSource(source, "event correct", by, in -> {
            long replacement = add(in, corrected);
            markRemoved(in, id, reason, replacement);
            checkReplay(store, old.organisation(), old.date().isBefore(corrected.date()) ? old.date() : corrected.date(),
                    EventRecord.Field.MEMBER);
        });
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new EventRecord.Refused(EventRecord.Field.NOTE, "a removal or correction needs a reason (--reason)");
        }
    }

    private static StoredEvent requireCurrent(Store store, long id) {
        // The organisation's full id (local.barnet) from a ballot of its: the table keeps only the slug.
        Optional<StoredEvent> found = store.jdbi().withHandle(h -> h.createQuery("""
                        SELECT b.ballot_id FROM events ev JOIN divisions d ON d.organisation_id = ev.organisation_id
                        JOIN ballots b ON b.division_id = d.id
                        WHERE ev.id = :id AND ev.removed_at IS NULL ORDER BY b.id""").bind("id", id).mapTo(String.class)
                        .findFirst())
                .map(ballot -> org.tallyroom.store.id.ElectionId.parse(ballot))
                .map(b -> b.organisation() == null ? OrganisationId.parse(b.type().id())
                        : new OrganisationId(b.type(), b.organisation()))
                .flatMap(org -> list(store, org).stream().filter(e -> e.id() == id).findFirst());
        return found.orElseThrow(() -> new EventRecord.Refused(null, "no event " + id
                + " in the store (or it was already removed); `tallyroom event list --org ORG` shows the ids"));
    }

    private static void markRemoved(Ingest in, long id, String reason, Long replacement) {
        Handle h = in.handle();
        int n = h.createUpdate("""
                UPDATE events SET removed_at = (SELECT imported_at FROM provenance WHERE id = :p),
                                  removed_by = (SELECT imported_by FROM provenance WHERE id = :p),
                                  removal_reason = :r, replaced_by_id = :by
                WHERE id = :id AND removed_at IS NULL""").bind("p", in.provenanceId()).bind("r", reason.strip())
                .bind("by", replacement).bind("id", id).execute();
        if (n != 1) {
            throw new EventRecord.Refused(null, "event " + id + " was removed meanwhile; nothing changed");
        }
    }

    /**
     * Replays the body's composition at {@code from} and at its last event, so that the new state of the
     * record fits both where the change is and everything after it.
     */
    private static void checkReplay(Store store, OrganisationId org, LocalDate from, EventRecord.Field field) {
        if (org.type() == ElectionType.SELECTION) {
            SelectionEvents.check(store, org, field);
            return;
        }
        org.tallyroom.store.analysis.StoredElections elections = new org.tallyroom.store.analysis.StoredElections(store);
        LocalDate last = list(store, org).stream().map(StoredEvent::date).max(LocalDate::compareTo).orElse(from);
        for (LocalDate at : last.isAfter(from) ? List.of(from, last) : List.of(from)) {
            try {
                elections.timeline(org, at);
            } catch (StoreException x) {
                throw new EventRecord.Refused(field, "cannot check the event against " + org + "'s members: "
                        + x.getMessage() + "; import its elections first");
            } catch (IllegalArgumentException x) {
                throw new EventRecord.Refused(field, x.getMessage());
            }
        }
    }

    /** Records one event in the import's transaction without checking the replay; returns its row id. */
    static long add(Ingest ingest, EventRecord e) {
        Handle h = ingest.handle();
        boolean selection = e.organisation().type() == ElectionType.SELECTION;
        if (e.type().ofSelection() != selection) {
            throw new EventRecord.Refused(EventRecord.Field.TYPE, selection
                    ? "a party selection (" + e.organisation() + ") takes only candidate-removed and candidate-replaced events"
                    : e.type() + " is an event of a party selection (selection.<party>), not of " + e.organisation());
        }
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
        Long from = party(h, e.party(), EventRecord.Field.PARTY);
        Long to = party(h, e.toParty(), EventRecord.Field.TO_PARTY);
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
                WHERE o.slug = :o AND ev.removed_at IS NULL ORDER BY ev.event_date, ev.id""").bind("o", organisation.slug())
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

    private static Long party(Handle h, String text, EventRecord.Field field) {
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
        throw new EventRecord.Refused(field, "no party '" + text.strip() + "' in the store; give its name, short name"
                + " or Electoral Commission id as stored (Ind for none)");
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
