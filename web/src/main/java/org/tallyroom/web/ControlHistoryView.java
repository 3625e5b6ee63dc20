package org.tallyroom.web;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tallyroom.io.council.CouncilParty;
import org.tallyroom.store.Events;
import org.tallyroom.store.history.ControlHistory;
import org.tallyroom.store.history.CouncilControlImporter;

/**
 * A council's control history as the council page shows it (template {@code council/control-history.jte}):
 * each period of one control from the stored control facts ("Conservative control 2002-2022"), with the
 * composition in its first year and in each year an election or event is stored, the elections (linked to
 * their pages) and events in it, each line naming its source: the composition file and line, the election
 * result, or the event.
 *
 * @param organisation its name
 * @param span         "1973-2025"
 * @param periods      earliest first
 * @param outside      elections and events in no year the facts cover
 * @param attribution  the facts' source and licence
 * @param files        the files the facts came from (names only)
 */
public record ControlHistoryView(String organisation, String span, List<Period> periods, List<Line> outside,
                                 String attribution, List<String> files) {
    /** A run of years under one control; {@code party} the controlling group's code, "" for none (its colour key). */
    public record Period(String heading, String party, List<Line> lines) {
    }

    /**
     * One line: a year's composition, an election or an event.
     *
     * @param source    "composition file", "election result" or "event"
     * @param reference the file and line of a fact, else null
     * @param href      the election's page, else null
     */
    public record Line(String when, String source, String text, String reference, String href) {
    }

    /** The view of a stored timeline; empty where no control fact is stored. */
    public static Optional<ControlHistoryView> of(ControlHistory.Timeline t) {
        if (t.periods().isEmpty()) {
            return Optional.empty();
        }
        List<ControlHistory.ElectionPoint> elections = new ArrayList<>(t.elections());
        List<Events.StoredEvent> events = new ArrayList<>(t.events());
        List<Period> periods = new ArrayList<>();
        for (ControlHistory.Period p : t.periods()) {
            List<Line> lines = new ArrayList<>();
            for (ControlHistory.YearFact f : p.facts()) {
                boolean first = f == p.facts().get(0);
                boolean happened = elections.stream().anyMatch(e -> e.date().getYear() == f.year())
                        || events.stream().anyMatch(ev -> ev.date().getYear() == f.year());
                if (first || happened) {
                    String text = f.composition() + (f.control() == null && f.largest() != null
                            ? ", " + CouncilParty.name(f.largest()) + " largest" : "")
                            + (f.administration() != null ? ", " + f.administration() : "");
                    lines.add(new Line(String.valueOf(f.year()), "composition file", text, reference(f.source()), null));
                }
                for (ControlHistory.ElectionPoint e : List.copyOf(elections)) {
                    if (e.date().getYear() == f.year()) {
                        lines.add(election(e, f));
                        elections.remove(e);
                    }
                }
                for (Events.StoredEvent ev : List.copyOf(events)) {
                    if (ev.date().getYear() == f.year()) {
                        lines.add(event(ev));
                        events.remove(ev);
                    }
                }
            }
            periods.add(new Period(p.describe(), p.control() == null ? "" : p.control(), lines));
        }
        List<Line> outside = new ArrayList<>();
        elections.forEach(e -> outside.add(election(e, null)));
        events.forEach(ev -> outside.add(event(ev)));
        List<String> files = t.sources().stream().map(s -> String.valueOf(Path.of(s).getFileName())).toList();
        String span = t.periods().get(0).from() + "-" + t.periods().get(t.periods().size() - 1).last();
        return Optional.of(new ControlHistoryView(t.name(), span, periods, outside, CouncilControlImporter.ATTRIBUTION, files));
    }

    /** "council-composition-1973-2015.csv:4217": the file's name, not where it lay on the importing machine. */
    private static String reference(String source) {
        int colon = source.lastIndexOf(':');
        return colon < 0 ? source : Path.of(source.substring(0, colon)).getFileName() + source.substring(colon);
    }

    private static Line election(ControlHistory.ElectionPoint e, ControlHistory.YearFact fact) {
        String href = "/elections/" + Html.seg(e.electionId());
        if (e.composition() == null) {
            return new Line(e.date().toString(), "election result", "election " + e.electionId() + ": no results stored", null, href);
        }
        String text = "election: " + e.composition() + ", " + e.control();
        if (fact != null) {
            String fromResults = e.controlParty().isEmpty() ? null : e.controlParty();
            if (!Objects.equals(fromResults, fact.control())) {
                text += " (the composition file: " + (fact.control() == null ? "no overall control"
                        : CouncilParty.name(fact.control()) + " control") + ")";
            }
        }
        return new Line(e.date().toString(), "election result", text, null, href);
    }

    private static Line event(Events.StoredEvent ev) {
        return new Line(ev.date().toString(), "event", ev.type().id() + ": " + ev.member()
                + (ev.divisionName() == null ? "" : " (" + ev.divisionName() + ")") + (ev.party() == null ? "" : " " + ev.party())
                + (ev.toParty() == null ? "" : " to " + ev.toParty()), null, null);
    }
}
