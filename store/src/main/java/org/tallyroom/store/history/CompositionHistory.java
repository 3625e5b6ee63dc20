package org.tallyroom.store.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.tallyroom.analysis.composition.Composition;
import org.tallyroom.analysis.composition.Membership;
import org.tallyroom.analysis.composition.Timeline;
import org.tallyroom.analysis.composition.TimelineEntry;
import org.tallyroom.analysis.council.PartySeats;
import org.tallyroom.analysis.text.TextTable;
import org.tallyroom.io.council.CouncilParty;
import org.tallyroom.store.Events;
import org.tallyroom.store.Sql;
import org.tallyroom.store.Store;
import org.tallyroom.store.StoreException;
import org.tallyroom.store.analysis.StoredElection;
import org.tallyroom.store.analysis.StoredElections;
import org.tallyroom.store.id.ElectionId;
import org.tallyroom.store.id.OrganisationId;

/**
 * A body's composition across elections: the control facts stored before its earliest election with
 * results (each change of control, from the composition files), then every ordinary election stored with
 * results (the members it returned), each followed by the events stored after it (by-elections,
 * defections, vacancies...) up to the next election, replayed as {@link Timeline} replays them. A control
 * fact is also shown for a later year in which control changed and no election is stored. Every step
 * names its source: the election result, the event, or the fact's file and line.
 */
public final class CompositionHistory {
    /** What a step comes from. */
    public enum Source {
        CONTROL_FACT("control fact"), ELECTION_RESULT("election result"), EVENT("event");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One step.
     *
     * @param when           its date, or for a control fact the year ("1994")
     * @param date           its date; for a control fact null (a year's figures are after its May elections)
     * @param source         what it comes from
     * @param what           what happened ("election local.barnet.2018-05-03", "By-election in North: ...",
     *                       "No overall control")
     * @param reference      the election id, the event's row id, or the fact's file:line
     * @param composition    seats by group after it ("Con 38, Lab 25 of 63", "..., vacant 1")
     * @param control        control after it ("Con majority of 13", or as the source prints it)
     * @param controlParty   the controlling group's code, "" for no overall control
     * @param controlChanged whether control differs from the step before (false for the first)
     */
    public record Step(String when, LocalDate date, Source source, String what, String reference, String composition,
                       String control, String controlParty, boolean controlChanged) {
    }

    /**
     * The timeline.
     *
     * @param organisation the organisation ({@code local.barnet})
     * @param elections    the ordinary elections it runs through, earliest first
     * @param steps        every step, earliest first
     */
    public record History(String organisation, List<String> elections, List<Step> steps) {
        public History {
            elections = List.copyOf(elections);
            steps = List.copyOf(steps);
        }
    }

    private CompositionHistory() {
    }

    /**
     * The history up to the end of {@code at}.
     *
     * @throws StoreException if neither an election with results nor a control fact is stored by then
     * @throws IllegalArgumentException if an event does not fit the membership (the message gives its date)
     */
    public static History of(Store store, OrganisationId org, LocalDate at) {
        StoredElections stored = StoredElections.published(store);
        List<StoredElection> elections = new ArrayList<>();
        for (String id : ordinaryElections(store, org, at)) {
            elections.add(stored.election(id));
        }
        List<ControlHistory.YearFact> facts = facts(store, org, at);
        if (elections.isEmpty() && facts.isEmpty()) {
            throw new StoreException("no ordinary election of " + org + " with results and no control fact on or before "
                    + at + " in the store");
        }
        Set<Integer> electionYears = new LinkedHashSet<>();
        elections.forEach(e -> electionYears.add(e.date().getYear()));
        int firstElectionYear = elections.isEmpty() ? Integer.MAX_VALUE : elections.get(0).date().getYear();
        List<Events.StoredEvent> events = Events.list(store, org);

        List<Step> steps = new ArrayList<>();
        String control = null;
        int e = 0;
        for (ControlHistory.Period p : ControlHistory.periods(facts)) {
            // The period's start, or the latest year before the first election (so the story reaches it).
            for (ControlHistory.YearFact f : p.facts()) {
                boolean start = f == p.facts().get(0);
                boolean lastBefore = f.year() < firstElectionYear && (facts.stream().noneMatch(g -> g.year() > f.year()
                        && g.year() < firstElectionYear));
                if ((start || lastBefore) && !electionYears.contains(f.year())) {
                    while (e < elections.size() && elections.get(e).date().getYear() < f.year()) {
                        control = election(steps, elections, e++, events, at, control);
                    }
                    String party = f.control() == null ? "" : f.control();
                    steps.add(new Step(String.valueOf(f.year()), null, Source.CONTROL_FACT, f.control() == null
                            ? "No overall control" : CouncilParty.name(f.control()) + " control", f.source(), f.composition(),
                            f.label() + (f.control() == null && f.largest() != null ? ", " + CouncilParty.name(f.largest())
                                    + " largest" : ""), party, control != null && !control.equals(party)));
                    control = party;
                }
            }
        }
        while (e < elections.size()) {
            control = election(steps, elections, e++, events, at, control);
        }
        return new History(org.toString(), elections.stream().map(StoredElection::electionId).toList(), steps);
    }

    /** Adds election {@code i}'s step and those of the events after it up to the next election or {@code at}. */
    private static String election(List<Step> steps, List<StoredElection> elections, int i, List<Events.StoredEvent> events,
                                   LocalDate at, String control) {
        StoredElection el = elections.get(i);
        LocalDate until = i + 1 < elections.size() ? elections.get(i + 1).date() : at.plusDays(1);
        List<Events.StoredEvent> after = events.stream()
                .filter(ev -> ev.date().isAfter(el.date()) && ev.date().isBefore(until) && !ev.date().isAfter(at)).toList();
        Timeline t = Timeline.of(Membership.elected(el.election(), el.date()), after.stream().map(StoredElections::event).toList());
        Composition start = t.start();
        steps.add(new Step(el.date().toString(), el.date(), Source.ELECTION_RESULT, "election " + el.electionId()
                + " (" + el.name() + ")", el.electionId(), summary(start), start.control().describe(),
                start.control().party(), control != null && !control.equals(start.control().party())));
        String now = start.control().party();
        for (int k = 0; k < t.entries().size(); k++) {
            TimelineEntry entry = t.entries().get(k);
            steps.add(new Step(entry.date().toString(), entry.date(), Source.EVENT, entry.description(),
                    "event " + after.get(k).id(), summary(entry.after()), entry.after().control().describe(),
                    entry.after().control().party(), !Objects.equals(now, entry.after().control().party())));
            now = entry.after().control().party();
        }
        return now;
    }

    /** The history as a table, one line a step, with the sources of the control facts under it. */
    public static String text(History h) {
        StringBuilder out = new StringBuilder(h.organisation()).append(": composition across ")
                .append(h.elections().size()).append(h.elections().size() == 1 ? " election" : " elections");
        if (!h.steps().isEmpty()) {
            out.append(", ").append(h.steps().get(0).when()).append(" to ").append(h.steps().get(h.steps().size() - 1).when());
        }
        out.append("\n\n");
        TextTable t = new TextTable("When", "Source", "What", "Composition after", "Control");
        Set<String> files = new LinkedHashSet<>();
        for (Step s : h.steps()) {
            t.row(s.when(), s.source().label(), s.what(), s.composition(), s.control() + (s.controlChanged() ? " (changed)" : ""));
            if (s.source() == Source.CONTROL_FACT) {
                files.add(s.reference());
            }
        }
        t.appendTo(out);
        if (!files.isEmpty()) {
            out.append("\nControl facts: ").append(CouncilControlImporter.ATTRIBUTION).append(" (").append(String.join(", ", files))
                    .append("); a year's figures are the composition after that year's May elections.\n");
        }
        return out.toString();
    }

    /** "Con 38, Lab 25 of 63", with vacancies. */
    static String summary(Composition c) {
        StringBuilder s = new StringBuilder();
        for (PartySeats p : c.byGroup()) {
            s.append(s.isEmpty() ? "" : ", ").append(p.party()).append(' ').append(p.seats());
        }
        if (c.vacant() > 0) {
            s.append(s.isEmpty() ? "" : ", ").append("vacant ").append(c.vacant());
        }
        return s.append(" of ").append(c.seats()).toString();
    }

    /** The organisation's ordinary elections with a result, on or before {@code at}, earliest first. */
    private static List<String> ordinaryElections(Store store, OrganisationId org, LocalDate at) {
        return Sql.of(store).withHandle(h -> h.createQuery("""
                SELECT e.election_id, MIN(b.poll_date) AS d FROM ballots b
                JOIN organisations o ON b.organisation_id = o.id
                JOIN elections e ON b.election_id = e.id
                WHERE o.slug = :o AND b.by_election = FALSE AND b.poll_date <= :d
                  AND EXISTS (SELECT 1 FROM results r WHERE r.ballot_id = b.id)
                GROUP BY e.election_id ORDER BY d, e.election_id""").bind("o", org.slug()).bind("d", at)
                .map((rs, ctx) -> rs.getString(1)).list()).stream()
                .filter(id -> ElectionId.parse(id).type() == org.type()).toList();
    }

    private static List<ControlHistory.YearFact> facts(Store store, OrganisationId org, LocalDate at) {
        try {
            return ControlHistory.facts(store, org).stream().filter(f -> f.year() <= at.getYear()).toList();
        } catch (StoreException noOrganisation) {
            return List.of();
        }
    }
}
