package org.tallyroom.store.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.tallyroom.analysis.council.Council;
import org.tallyroom.analysis.council.CouncilSummary;
import org.tallyroom.analysis.council.PartySeats;
import org.tallyroom.io.council.CouncilParty;
import org.tallyroom.store.CouncilControlFacts;
import org.tallyroom.store.Events;
import org.tallyroom.store.Sql;
import org.tallyroom.store.Store;
import org.tallyroom.store.StoreException;
import org.tallyroom.store.analysis.StoredElection;
import org.tallyroom.store.analysis.StoredElections;
import org.tallyroom.store.id.OrganisationId;

/**
 * A council's control over time: the control facts stored from composition files, as periods of one
 * control ("Conservative control 2002-2022": from the first year to the year the next control began,
 * since a year's figures are the composition after that year's May elections), with the organisation's
 * stored elections (seats and control from their results) and events placed in the period they fall in.
 * Where an election's results and the year's fact disagree on control, both are shown.
 */
public final class ControlHistory {
    private ControlHistory() {
    }

    /**
     * One year's stored fact.
     *
     * @param year           the year (composition after its May elections)
     * @param seats          the council's size
     * @param control        the controlling group's code, or null for no overall control
     * @param largest        the largest group's code, or null
     * @param administration who ran a council no group controlled, where the source says, or null
     * @param label          the control as the source prints it
     * @param byParty        seats by group holding any, most first
     * @param source         the source file and line
     */
    public record YearFact(int year, int seats, String control, String largest, String administration, String label,
                           Map<String, Integer> byParty, String source) {
        /** "Con 32, Lab 30, LD 1 of 63". */
        public String composition() {
            StringBuilder sb = new StringBuilder();
            byParty.forEach((p, n) -> {
                if (n > 0) {
                    sb.append(sb.isEmpty() ? "" : ", ").append(p).append(' ').append(n);
                }
            });
            return sb.append(" of ").append(seats).toString();
        }
    }

    /**
     * A run of years under one control.
     *
     * @param control  the controlling group's code, or null for no overall control
     * @param from     its first year
     * @param until    the year the next control began, or null if it runs to the latest year stored
     * @param last     the latest year of it stored
     * @param facts    its years
     */
    public record Period(String control, int from, Integer until, int last, List<YearFact> facts) {
        public Period {
            facts = List.copyOf(facts);
        }

        /** "Conservative control 2002-2022", "No overall control 1994-2002", "Labour control from 2022". */
        public String describe() {
            String who = control == null ? "No overall control" : CouncilParty.name(control) + " control";
            return who + (until == null ? " from " + from : " " + from + "-" + until);
        }
    }

    /**
     * An election of the organisation stored with results.
     *
     * @param electionId   its id
     * @param date         polling day
     * @param composition  seats by party from its results ("Con 38, Lab 25 of 63"), or null without results
     * @param control      control from its results ("Con majority of 13"), or null
     * @param controlParty the controlling party's key, or "" for no overall control, or null without results
     */
    public record ElectionPoint(String electionId, LocalDate date, String composition, String control, String controlParty) {
    }

    /**
     * The timeline.
     *
     * @param organisation the organisation ({@code local.barnet})
     * @param name         its stored name
     * @param periods      control periods, earliest first
     * @param elections    its elections stored, earliest first
     * @param events       its events stored (by-elections, defections...), earliest first
     * @param sources      the files the facts came from
     */
    public record Timeline(String organisation, String name, List<Period> periods, List<ElectionPoint> elections,
                           List<Events.StoredEvent> events, List<String> sources) {
        public Timeline {
            periods = List.copyOf(periods);
            elections = List.copyOf(elections);
            events = List.copyOf(events);
            sources = List.copyOf(sources);
        }

        /** The fact for a year, if stored. */
        public java.util.Optional<YearFact> year(int year) {
            return periods.stream().flatMap(p -> p.facts().stream()).filter(f -> f.year() == year).findFirst();
        }
    }

    /** Runs of one control in consecutive years; a gap in the years ends a run. */
    public static List<Period> periods(List<YearFact> facts) {
        List<Period> out = new ArrayList<>();
        List<YearFact> run = new ArrayList<>();
        for (YearFact f : facts) {
            if (!run.isEmpty()) {
                YearFact prev = run.get(run.size() - 1);
                boolean gap = f.year() != prev.year() + 1;
                if (gap || !Objects.equals(f.control(), prev.control())) {
                    out.add(new Period(prev.control(), run.get(0).year(), gap ? prev.year() + 1 : f.year(), prev.year(), run));
                    run = new ArrayList<>();
                }
            }
            run.add(f);
        }
        if (!run.isEmpty()) {
            out.add(new Period(run.get(0).control(), run.get(0).year(), null, run.get(run.size() - 1).year(), run));
        }
        return out;
    }

    private record Org(long id, String name) {
    }

    private static Org organisation(Store store, OrganisationId org) {
        return Sql.of(store).withHandle(h -> h.createQuery("SELECT id, name FROM organisations WHERE slug = :s")
                .bind("s", org.slug()).map((rs, ctx) -> new Org(rs.getLong(1), rs.getString(2))).findOne())
                .orElseThrow(() -> new StoreException("no organisation '" + org + "' in the store; 'tallyroom import "
                        + "council-control FILE' stores councils' control"));
    }

    /** The organisation's stored control facts, earliest first. */
    public static List<YearFact> facts(Store store, OrganisationId org) {
        return facts(store, organisation(store, org), new LinkedHashSet<>());
    }

    /** The stored timeline of an organisation. */
    public static Timeline of(Store store, OrganisationId org) {
        Org o = organisation(store, org);
        Set<String> sources = new LinkedHashSet<>();
        List<YearFact> facts = facts(store, o, sources);
        return of(store, org, o, facts, sources);
    }

    private static List<YearFact> facts(Store store, Org o, Set<String> sources) {
        List<YearFact> facts = new ArrayList<>();
        Sql.of(store).useHandle(h -> {
            h.createQuery("""
                    SELECT c.seats_by_group, c.as_of_year, c.seats, c.control_party, c.largest_party, c.administration,
                           c.control_label, c.source_line, c.source_file
                    FROM council_compositions c
                    WHERE c.organisation_id = :o ORDER BY c.as_of_year""").bind("o", o.id()).map((rs, ctx) -> {
                        sources.add(rs.getString(9));
                        return facts.add(new YearFact(rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getString(7), CouncilControlFacts.seats(rs.getString(1)),
                                rs.getString(9) + ":" + rs.getLong(8)));
                    }).list();
        });
        return facts;
    }

    private static Timeline of(Store store, OrganisationId org, Org o, List<YearFact> facts, Set<String> sources) {
        List<ElectionPoint> elections = new ArrayList<>();
        record Row(String id, LocalDate date) {
        }
        List<Row> rows = Sql.of(store).withHandle(h -> h.createQuery("""
                SELECT election_id, poll_date FROM elections WHERE organisation_id = :o AND level = 'organisation'
                  AND election_type = :t ORDER BY poll_date, election_id""")
                .bind("o", o.id()).bind("t", org.type().id())
                .map((rs, ctx) -> new Row(rs.getString(1), rs.getObject(2, LocalDate.class))).list());
        StoredElections stored = StoredElections.published(store);
        for (Row row : rows) {
            String id = row.id();
            StoredElection e;
            try {
                e = stored.election(id);
            } catch (StoreException noResults) {
                elections.add(new ElectionPoint(id, row.date(), null, null, null));
                continue;
            }
            CouncilSummary s = Council.summarise(e.election());
            StringBuilder comp = new StringBuilder();
            for (PartySeats p : s.byParty()) {
                comp.append(comp.isEmpty() ? "" : ", ").append(p.party()).append(' ').append(p.seats());
            }
            comp.append(" of ").append(s.seats());
            elections.add(new ElectionPoint(id, e.date(), comp.toString(), s.control().describe(), s.control().party()));
        }
        List<Events.StoredEvent> events = Events.list(store, org);
        return new Timeline(org.toString(), o.name(), periods(facts), elections, events, List.copyOf(sources));
    }

    /**
     * The timeline as text: each period, with its first year's composition and that of every year in which
     * an election or event is stored, each followed by that election or event; {@code everyYear}: every
     * year's composition.
     */
    public static String text(Timeline t, boolean everyYear) {
        StringBuilder sb = new StringBuilder();
        sb.append(t.name()).append(" (").append(t.organisation()).append("): control");
        if (!t.periods().isEmpty()) {
            sb.append(' ').append(t.periods().get(0).from()).append('-').append(t.periods().get(t.periods().size() - 1).last());
        }
        sb.append('\n');
        if (t.periods().isEmpty()) {
            sb.append("No control facts stored ('tallyroom import council-control FILE').\n");
        } else {
            sb.append("Source: ").append(CouncilControlImporter.ATTRIBUTION).append(" (").append(String.join(", ", t.sources()))
                    .append("); a year's figures are the composition after that year's May elections.\n");
        }
        List<ElectionPoint> elections = new ArrayList<>(t.elections());
        List<Events.StoredEvent> events = new ArrayList<>(t.events());
        for (Period p : t.periods()) {
            sb.append('\n').append(p.describe());
            if (p.until() == null) {
                sb.append(" (to ").append(p.last()).append(", the latest year stored)");
            } else if (p.until() == p.last() + 1 && t.periods().stream().noneMatch(q -> q.from() == p.until())) {
                sb.append(" (nothing stored for ").append(p.until()).append(')');
            }
            sb.append('\n');
            for (YearFact f : p.facts()) {
                boolean first = f == p.facts().get(0);
                boolean happened = elections.stream().anyMatch(e -> e.date() != null && e.date().getYear() == f.year())
                        || events.stream().anyMatch(ev -> ev.date().getYear() == f.year());
                if (everyYear || first || happened) {
                    sb.append("  ").append(f.year()).append(": ").append(f.composition());
                    if (f.control() == null && f.largest() != null) {
                        sb.append(", ").append(CouncilParty.name(f.largest())).append(" largest");
                    }
                    if (f.administration() != null) {
                        sb.append(", ").append(f.administration());
                    }
                    sb.append('\n');
                }
                for (ElectionPoint e : List.copyOf(elections)) {
                    if (e.date() != null && e.date().getYear() == f.year()) {
                        sb.append(election(e, f));
                        elections.remove(e);
                    }
                }
                for (Events.StoredEvent ev : List.copyOf(events)) {
                    if (ev.date().getYear() == f.year()) {
                        sb.append(event(ev));
                        events.remove(ev);
                    }
                }
            }
        }
        if (!elections.isEmpty() || !events.isEmpty()) {
            sb.append("\nOutside the years stored:\n");
            elections.forEach(e -> sb.append(election(e, null)));
            events.forEach(ev -> sb.append(event(ev)));
        }
        return sb.toString();
    }

    private static String election(ElectionPoint e, YearFact fact) {
        StringBuilder sb = new StringBuilder("  ").append(e.date()).append(" election ").append(e.electionId()).append(": ");
        if (e.composition() == null) {
            return sb.append("no results stored\n").toString();
        }
        sb.append(e.composition()).append(", ").append(e.control());
        if (fact != null) {
            String fromResults = e.controlParty().isEmpty() ? null : e.controlParty();
            if (!Objects.equals(fromResults, fact.control())) {
                sb.append(" (the composition file: ").append(fact.control() == null ? "no overall control"
                        : CouncilParty.name(fact.control()) + " control").append(')');
            }
        }
        return sb.append('\n').toString();
    }

    private static String event(Events.StoredEvent ev) {
        return "  " + ev.date() + " " + ev.type().id() + ": " + ev.member() + (ev.divisionName() == null ? "" : " (" + ev.divisionName() + ")")
                + (ev.party() == null ? "" : " " + ev.party()) + (ev.toParty() == null ? "" : " to " + ev.toParty()) + "\n";
    }
}
