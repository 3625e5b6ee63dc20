package org.tallyroom.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tallyroom.analysis.national.SeatChange;
import org.tallyroom.store.read.Views;
import org.tallyroom.web.map.HexJson;
import org.tallyroom.web.map.HexMap;
import org.tallyroom.web.map.HexMaps;

/**
 * The hexagon map of an election page, rendered from {@code map/hexmap.jte}: constituencies for a general
 * election, the borough's wards for a London borough election; nothing where no map fits.
 */
final class ElectionMaps {
    private static final Pattern PARTY = Pattern.compile("\\(([^()]*)\\)\\s*$");
    private final ReadModel model;
    /** Ballot id to its division's GSS code ("" for none): fixed once a ballot is stored. */
    private final Map<String, String> gss = new ConcurrentHashMap<>();

    ElectionMaps(ReadModel model) {
        this.model = model;
    }

    /** The map section of a general election page, or "". */
    String national(Views.National n, String view) {
        Optional<HexJson> map = HexMaps.constituencies(n.date());
        if (map.isEmpty()) {
            return "";
        }
        Set<String> changed = new HashSet<>();
        for (SeatChange sc : n.changingHands()) {
            changed.add(sc.divisionName());
        }
        HexMaps.View v = HexMaps.View.of(view);
        prefetch(n.seatsList());
        Map<String, Views.SwingLine> swings = swings(n.seatsList(), v);
        List<HexMaps.Seat> seats = new ArrayList<>();
        for (Views.SeatRow r : n.seatsList()) {
            String winner = winner(r);
            Boolean gained = winner == null || n.previousElectionId() == null ? null : changed.contains(r.name());
            seats.add(seat(r, winner, gained, swings));
        }
        return section(HexMaps.build("map", "Map of the constituencies, " + n.name(), map.get(), seats, v,
                "/elections/" + Html.seg(n.electionId())));
    }

    /** The map section of a council election page, or "". */
    String council(Views.Council c, String view) {
        Optional<HexJson> map = HexMaps.londonWards(c.organisation(), c.date());
        if (map.isEmpty()) {
            return "";
        }
        HexMaps.View v = HexMaps.View.of(view);
        prefetch(c.wards());
        Map<String, Views.SwingLine> swings = swings(c.wards(), v);
        List<HexMaps.Seat> seats = new ArrayList<>();
        for (Views.SeatRow r : c.wards()) {
            String verdict = r.verdict();
            Boolean gained = verdict == null ? null : verdict.contains("gain") ? Boolean.TRUE
                    : verdict.contains("hold") ? Boolean.FALSE : null;
            seats.add(seat(r, winner(r), gained, swings));
        }
        return section(HexMaps.build("map", "Map of the wards, " + c.name(), map.get(), seats, v,
                "/elections/" + Html.seg(c.electionId())));
    }

    private static String section(HexMap map) {
        return Templates.render("map/hexmap.jte", map);
    }

    /** The declared seats' swings, for the swing view only. */
    private Map<String, Views.SwingLine> swings(List<Views.SeatRow> rows, HexMaps.View v) {
        if (v != HexMaps.View.SWING) {
            return Map.of();
        }
        return model.swings(rows.stream().filter(r -> winner(r) != null).map(Views.SeatRow::ballotId).toList());
    }

    private HexMaps.Seat seat(Views.SeatRow r, String winner, Boolean gained, Map<String, Views.SwingLine> swings) {
        Views.SwingLine s = winner == null ? null : swings.get(r.ballotId());
        String swingTo = s == null ? null : s.to();
        String swingFrom = s == null ? null : s.from();
        BigDecimal points = s == null ? null : s.points();
        String verdict = r.verdict() != null ? r.verdict() : winner == null ? null
                : winner + (Boolean.TRUE.equals(gained) ? " gain" : Boolean.FALSE.equals(gained) ? " hold" : " win")
                + (r.elected().isEmpty() ? "" : " (" + String.join(", ", r.elected()) + ")");
        return new HexMaps.Seat(r.ballotId(), r.name(), gssOf(r.ballotId()), r.status(), winner, gained, swingTo, points,
                swingFrom, verdict);
    }

    /** The GSS codes of the seats not yet known, in one query (a first view of 650 seats asked 650 times). */
    private void prefetch(List<Views.SeatRow> rows) {
        List<String> missing = rows.stream().map(Views.SeatRow::ballotId).filter(id -> !gss.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            gss.putAll(model.divisionCodes(missing));
        }
    }

    private String gssOf(String ballotId) {
        String g = gss.computeIfAbsent(ballotId, id -> model.load(id).map(l -> l.ballot().gss()).orElse(null) instanceof String s
                ? s : "");
        return g.isEmpty() ? null : g;
    }

    /** The party with most of the seat's winners (the first named on a tie), or null before a declaration. */
    static String winner(Views.SeatRow r) {
        if (r.parties().isEmpty()) {
            return null;
        }
        Map<String, Integer> counts = new HashMap<>();
        String best = null;
        for (String e : r.elected()) {
            Matcher m = PARTY.matcher(e);
            String p = m.find() ? m.group(1) : null;
            if (p != null) {
                int n = counts.merge(p, 1, Integer::sum);
                if (best == null || n > counts.get(best)) {
                    best = p;
                }
            }
        }
        return best != null && r.parties().contains(best) ? best : r.parties().get(0);
    }
}
