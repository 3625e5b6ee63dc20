package org.tallyroom.store.read;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.tallyroom.store.Sql;
import org.tallyroom.store.Store;
import org.tallyroom.store.StoreException;
import org.tallyroom.store.analysis.StoredContest;
import org.tallyroom.store.analysis.StoredElections;
import org.tallyroom.store.history.CompositionHistory;
import org.tallyroom.store.id.ElectionId;
import org.tallyroom.store.id.ElectionType;
import org.tallyroom.store.id.OrganisationId;

/**
 * The read side of the read model: what the results service's pages and API show, as records, from
 * the rows {@link ReadModelWriter} keeps. An election's summary is one row (its JSON, written when its
 * results changed); the list of elections one query; nothing here recomputes an election.
 */
public final class ReadStore {
    private final Jdbi jdbi;
    private final Store store;

    public ReadStore(Store store) {
        this.store = store;
        this.jdbi = Sql.of(store);
    }

    /** The read model's generation: it changes with every write to the results, by any process. */
    public long generation() {
        return jdbi.withHandle(h -> h.createQuery("SELECT generation FROM read_model WHERE id = 1").mapTo(Long.class).one());
    }

    /**
     * The elections (by id) whose summaries were rewritten after generation {@code generation}: those a
     * write to results changed (an election, those above it, those compared against it). Empty when
     * the writes since changed no election.
     */
    public List<String> electionsChangedSince(long generation) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT e.election_id FROM read_elections r JOIN elections e ON r.election_id = e.id
                WHERE r.generation > :g""").bind("g", generation).mapTo(String.class).list());
    }

    /**
     * The GSS code of each of these ballots' divisions ("" where a division has none), by ballot id, in
     * one query: a map of an election's 650 seats must not ask 650 times.
     */
    public java.util.Map<String, String> divisionCodes(List<String> ballotIds) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        for (int from = 0; from < ballotIds.size(); from += 1000) {
            List<String> chunk = ballotIds.subList(from, Math.min(ballotIds.size(), from + 1000));
            jdbi.useHandle(h -> h.createQuery("""
                    SELECT b.ballot_id, d.gss FROM ballots b LEFT JOIN divisions d ON b.division_id = d.id
                    WHERE b.ballot_id IN (<b>)""").bindList("b", chunk)
                    .map((rs, ctx) -> out.put(rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2))).list());
        }
        return out;
    }

    /** Every election with ballots filed directly under it, newest first. */
    public List<Views.ElectionItem> elections() {
        List<Views.ElectionItem> out = new ArrayList<>(jdbi.withHandle(h -> h.createQuery("""
                SELECT e.election_id, e.name, e.poll_date, r.kind, r.ballots, r.declared, r.by_elections
                FROM read_elections r JOIN elections e ON r.election_id = e.id WHERE r.ballots > 0""")
                .map((rs, ctx) -> new Views.ElectionItem(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getBoolean(7))).list()));
        out.sort(Comparator.comparing(Views.ElectionItem::date).reversed().thenComparing(Views.ElectionItem::id));
        return out;
    }

    /** council, national (a general election), or other. */
    public static String kind(String electionId) {
        return ElectionViews.kind(electionId);
    }

    public boolean electionExists(String electionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM elections WHERE election_id = :e")
                .bind("e", electionId).mapTo(Integer.class).one()) > 0;
    }

    /** An election's stored summary, as the JSON the API serves (a National or a Council). */
    public Optional<byte[]> summaryJson(String electionId) {
        Optional<String> stored = jdbi.withHandle(h -> h.createQuery("""
                SELECT r.summary FROM read_elections r JOIN elections e ON r.election_id = e.id
                WHERE e.election_id = :e""").bind("e", electionId).mapTo(String.class).findOne());
        if (stored.isPresent()) {
            return stored.map(s -> s.getBytes(StandardCharsets.UTF_8));
        }
        if (!electionExists(electionId)) {
            return Optional.empty();
        }
        // An election stored before any of its results or ballots: its (empty) summary, built now.
        return Optional.of(jdbi.inTransaction(h -> {
            String name = h.createQuery("SELECT name FROM elections WHERE election_id = :e").bind("e", electionId)
                    .mapTo(String.class).one();
            return ReadModelWriter.JSON.writeValueAsBytes(new ElectionViews(h, StoredElections.published(store))
                    .build(electionId, name));
        }));
    }

    /** A general election's summary. */
    public Optional<Views.National> national(String electionId) {
        return summaryJson(electionId).map(b -> ReadModelWriter.JSON.readValue(b, Views.National.class));
    }

    /** A council's (or any non-national election's) summary. */
    public Optional<Views.Council> council(String electionId) {
        return summaryJson(electionId).map(b -> ReadModelWriter.JSON.readValue(b, Views.Council.class));
    }

    /** The organisation slug of an election, for links to its timeline. */
    public Optional<String> organisationOf(String electionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT o.slug FROM elections e JOIN organisations o "
                + "ON e.organisation_id = o.id WHERE e.election_id = :e").bind("e", electionId).mapTo(String.class).findOne());
    }

    /** An organisation's by-elections and events between elections. */
    public Optional<Views.Timeline> timeline(String organisationSlug) {
        Optional<String> org = jdbi.withHandle(h -> h.createQuery("SELECT name FROM organisations WHERE slug = :s")
                .bind("s", organisationSlug).mapTo(String.class).findOne());
        if (org.isEmpty()) {
            return Optional.empty();
        }
        record By(String ballotId, String name, int seats, String status) {
        }
        List<By> byIds = jdbi.withHandle(h -> h.createQuery("""
                SELECT b.ballot_id, b.name, b.seats_contested, p.status FROM ballots b
                JOIN organisations o ON b.organisation_id = o.id
                JOIN read_ballots rb ON rb.ballot_id = b.id LEFT JOIN results p ON p.id = rb.published_result_id
                WHERE o.slug = :s AND b.by_election ORDER BY b.poll_date DESC, b.ballot_id""")
                .bind("s", organisationSlug).map((rs, ctx) -> new By(rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getString(4))).list());
        StoredElections published = StoredElections.published(store);
        List<Views.SeatRow> by = new ArrayList<>();
        for (By b : byIds) {
            by.add(ElectionViews.seatRow(b.ballotId(), b.name(), b.seats(), b.status(),
                    published.contest(b.ballotId()).orElse(null)));
        }
        List<Views.TimelineEvent> events = jdbi.withHandle(h -> h.createQuery("""
                SELECT ev.event_date, ev.event_type, p.name AS person, pf.name AS pfrom, pt.name AS pto, d.name AS division,
                       b.ballot_id, ev.note
                FROM events ev JOIN organisations o ON ev.organisation_id = o.id
                LEFT JOIN people p ON ev.person_id = p.id LEFT JOIN parties pf ON ev.party_from_id = pf.id
                LEFT JOIN parties pt ON ev.party_to_id = pt.id LEFT JOIN divisions d ON ev.division_id = d.id
                LEFT JOIN ballots b ON ev.ballot_id = b.id
                WHERE o.slug = :s ORDER BY ev.event_date DESC, ev.id DESC""").bind("s", organisationSlug)
                .map((rs, ctx) -> new Views.TimelineEvent(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8))).list());
        return Optional.of(new Views.Timeline(organisationSlug, org.get(), by, events, composition(organisationSlug)));
    }

    /**
     * The organisation's composition across its stored elections (its type that of its latest ordinary
     * ballot, else a council's where only control facts are stored), or null where there is none.
     */
    private CompositionHistory.History composition(String organisationSlug) {
        Optional<ElectionType> type = jdbi.withHandle(h -> h.createQuery("""
                SELECT e.election_id FROM ballots b JOIN organisations o ON b.organisation_id = o.id
                JOIN elections e ON b.election_id = e.id WHERE o.slug = :s AND b.by_election = FALSE
                ORDER BY b.poll_date DESC""").bind("s", organisationSlug).setMaxRows(1).mapTo(String.class).findFirst())
                .flatMap(ElectionId::tryParse).map(ElectionId::type);
        try {
            OrganisationId org = new OrganisationId(type.orElse(ElectionType.LOCAL), organisationSlug);
            return CompositionHistory.of(store, org, LocalDate.now(ZoneOffset.UTC));
        } catch (StoreException | IllegalArgumentException none) {
            // Nothing stored to tell it from, or an event recorded before the checks that no longer fits.
            return null;
        }
    }

    /** Every ballot with its current result's status and version (any status), for the count team's list. */
    public List<Views.CountRow> countRows() {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT b.ballot_id, b.name, e.name AS election, rb.current_status, rb.current_version FROM ballots b
                JOIN elections e ON b.election_id = e.id JOIN read_ballots rb ON rb.ballot_id = b.id
                ORDER BY b.poll_date DESC, e.name, b.name""").map((rs, c) -> new Views.CountRow(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getObject(5, Integer.class))).list());
    }
}
