package org.tallyroom.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tallyroom.analysis.ContestResult;
import org.tallyroom.analysis.Election;
import org.tallyroom.analysis.Fraction;
import org.tallyroom.analysis.contest.ContestAnalysis;
import org.tallyroom.analysis.contest.ContestChange;
import org.tallyroom.analysis.contest.ContestSummary;
import org.tallyroom.analysis.contest.Majority;
import org.tallyroom.analysis.contest.ShareChange;
import org.tallyroom.analysis.contest.Swing;
import org.tallyroom.analysis.council.Control;
import org.tallyroom.analysis.council.Council;
import org.tallyroom.analysis.council.CouncilChange;
import org.tallyroom.analysis.council.PartySeats;
import org.tallyroom.analysis.marginal.Marginals;
import org.tallyroom.analysis.national.National;
import org.tallyroom.analysis.national.NationalResult;
import org.tallyroom.analysis.projection.Projection;
import org.tallyroom.analysis.projection.ShareChanges;
import org.tallyroom.analysis.projection.SwingModel;
import org.tallyroom.store.BallotView;
import org.tallyroom.store.ElectionSummary;
import org.tallyroom.store.ResultStatus;
import org.tallyroom.store.ResultVersion;
import org.tallyroom.store.Store;
import org.tallyroom.store.analysis.PartyKeys;
import org.tallyroom.store.analysis.StoredContest;
import org.tallyroom.store.analysis.StoredElection;
import org.tallyroom.store.analysis.StoredElections;
import org.tallyroom.store.id.ElectionId;
import org.tallyroom.store.id.ElectionType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the store into the {@link Views} the pages and the API show. Public views show a result
 * once it is declared: provisional figures are for the count team only. Every figure comes from the
 * analysis library on the stored results (shares, majorities, swing, control, gains and losses,
 * marginals, projections); this class only gathers and labels them.
 *
 * <p>Stored results become analysis records through the store's adapter, {@link StoredElections}, as
 * for {@code tallyroom analyse}: the same party keys, division ids, valid papers and previous
 * contests and elections, so the pages and the command line agree on the same data. The public
 * pages read it {@link StoredElections#published published}, the count team's
 * {@link StoredElections#current current}.
 */
public final class ReadModel {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Store store;
    private final StoredElections published;
    private final StoredElections current;

    public ReadModel(Store store) {
        this.store = store;
        this.published = StoredElections.published(store);
        this.current = StoredElections.current(store);
    }

    public Store store() {
        return store;
    }

    /** Every election with ballots, newest first. */
    public List<Views.ElectionItem> elections() {
        List<ElectionSummary> all = new ArrayList<>(store.elections());
        Map<String, int[]> declared = new HashMap<>();
        Map<String, Boolean> byElections = new HashMap<>();
        store.jdbi().useHandle(h -> h.createQuery("""
                SELECT e.election_id, b.by_election, r.status FROM ballots b JOIN elections e ON b.election_id = e.id
                LEFT JOIN current_results r ON r.ballot_id = b.id""").map((rs, ctx) -> {
                    String e = rs.getString(1);
                    if (rs.getBoolean(2)) {
                        byElections.put(e, true);
                    }
                    String status = rs.getString(3);
                    if (status != null && !status.equals(ResultStatus.PROVISIONAL.id())) {
                        declared.computeIfAbsent(e, k -> new int[1])[0]++;
                    }
                    return e;
                }).list());
        List<Views.ElectionItem> out = new ArrayList<>();
        for (ElectionSummary s : all) {
            out.add(new Views.ElectionItem(s.electionId(), s.name(), s.date(), kind(s.electionId()), s.ballots(),
                    declared.getOrDefault(s.electionId(), new int[1])[0], byElections.getOrDefault(s.electionId(), false)));
        }
        out.sort(java.util.Comparator.comparing(Views.ElectionItem::date).reversed()
                .thenComparing(Views.ElectionItem::id));
        return out;
    }

    /** council, national (a general election), or other. */
    public String kind(String electionId) {
        ElectionId id = ElectionId.tryParse(electionId).orElse(null);
        if (id == null || id.isBallot()) {
            return "other";
        }
        if (id.type() == ElectionType.PARL) {
            return "national";
        }
        if (id.type() == ElectionType.LOCAL && id.organisation() != null) {
            return "council";
        }
        return "other";
    }

    public boolean electionExists(String electionId) {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM elections WHERE election_id = :e")
                .bind("e", electionId).mapTo(Integer.class).one()) > 0;
    }

    /** A stored ballot with its current result (any status), or empty. */
    public record Loaded(BallotView ballot, ResultVersion current) {
        /** The result the public sees: declared or corrected, else none. */
        ResultVersion published() {
            return current == null || current.status() == ResultStatus.PROVISIONAL ? null : current;
        }
    }

    public Optional<Loaded> load(String ballotId) {
        return store.ballot(ballotId).map(b -> new Loaded(b, store.currentResult(ballotId).orElse(null)));
    }

    private List<Loaded> loadAll(String electionId) {
        List<Loaded> out = new ArrayList<>();
        for (String id : store.ballotIds(electionId)) {
            load(id).ifPresent(out::add);
        }
        return out;
    }

    /** The ETag If-Match must carry to change a ballot's result: its current version. */
    public static String etag(ResultVersion r) {
        return r == null ? null : "\"v" + r.version() + "\"";
    }

    static Views.ResultInfo info(ResultVersion r) {
        return r == null ? null : new Views.ResultInfo(r.version(), r.status().id(), r.recordedBy(), r.recordedAt(),
                r.reason(), etag(r));
    }

    public List<Views.ResultInfo> history(String ballotId, boolean includeProvisional) {
        return store.history(ballotId).stream().filter(v -> includeProvisional || v.status() != ResultStatus.PROVISIONAL)
                .map(ReadModel::info).toList();
    }

    /** The contest page's data; {@code includeProvisional} for the count team. */
    public Optional<Views.Contest> contest(String ballotId, boolean includeProvisional) {
        Optional<Loaded> loaded = load(ballotId);
        if (loaded.isEmpty()) {
            return Optional.empty();
        }
        BallotView b = loaded.get().ballot();
        ResultVersion r = includeProvisional ? loaded.get().current() : loaded.get().published();
        Optional<StoredContest> previous = published.previousContest(ballotId);
        String previousId = previous.map(StoredContest::ballotId).orElse(null);
        ContestResult contest = r == null ? null
                : (includeProvisional ? current : published).contest(ballotId).map(StoredContest::result).orElse(null);
        if (contest == null) {
            List<Views.CandidateRow> rows = new ArrayList<>();
            for (BallotView.Candidate c : b.candidates()) {
                rows.add(new Views.CandidateRow(c.position(), c.name(), c.party(), PartyKeys.of(c), null, null, null, null,
                        false, null));
            }
            return Optional.of(new Views.Contest(b.ballotId(), b.name(), b.electionId(), b.electionName(), b.organisation(),
                    b.division(), b.date(), b.seats(), b.votingSystem(), b.byElection(), b.cancelled(), null, rows,
                    null, null, null, null, Map.of(), null, null, null, null, previousId, List.of(), null, null));
        }
        ContestSummary summary = ContestAnalysis.summarise(contest);
        ContestChange change = null;
        Views.SwingLine swing = null;
        if (previous.isPresent()) {
            change = ContestAnalysis.compare(contest, previous.get().resultAs(contest.divisionId()));
            swing = swing(change);
        }
        Map<String, BigDecimal> partyChange = new HashMap<>();
        if (change != null) {
            for (ShareChange sc : change.parties()) {
                partyChange.put(sc.party(), sc.change().percent(2));
            }
        }
        JsonNode count = null;
        if (r.countReport() != null) {
            try {
                count = JSON.readTree(r.countReport());
            } catch (RuntimeException e) {
                count = null;
            }
        }
        boolean staged = count != null && count.path("stages").size() > 1;
        List<String> first = new ArrayList<>();
        long total = 0;
        for (ResultVersion.Figures f : r.candidates()) {
            String v = f.votes() == null ? null : f.votes().toPlainString();
            if (staged) {
                String name = count.path("candidates").size() > first.size()
                        ? count.path("candidates").get(first.size()).path("name").asString() : f.candidate().name();
                v = count.path("stages").get(0).path("votes").path(name).asString(null);
            }
            first.add(v);
            total += v == null ? 0 : new BigDecimal(v).setScale(0, RoundingMode.DOWN).longValueExact();
        }
        List<Views.CandidateRow> rows = new ArrayList<>();
        int i = 0;
        for (ResultVersion.Figures f : r.candidates()) {
            BallotView.Candidate c = f.candidate();
            String fp = first.get(i++);
            long whole = fp == null ? 0 : new BigDecimal(fp).setScale(0, RoundingMode.DOWN).longValueExact();
            rows.add(new Views.CandidateRow(c.position(), c.name(), c.party(), PartyKeys.of(c),
                    f.votes() == null ? null : f.votes().toPlainString(), staged ? fp : null, Fraction.share(whole, total).percent(2),
                    partyChange.get(PartyKeys.of(c)), f.elected(), f.tieBreakNote()));
        }
        Majority majority = summary.majority().orElse(null);
        Map<String, Long> byReason = new LinkedHashMap<>();
        r.turnout().rejectedByReason().forEach((k, v) -> byReason.put(k.id(), v));
        return Optional.of(new Views.Contest(b.ballotId(), b.name(), b.electionId(), b.electionName(), b.organisation(),
                b.division(), b.date(), b.seats(), b.votingSystem(), b.byElection(), b.cancelled(), info(r), rows,
                r.turnout().electorate(), r.turnout().ballotPapersIssued(),
                r.turnout().valid() == null ? null : r.turnout().valid().toPlainString(), r.turnout().rejected(), byReason,
                summary.turnout().map(t -> t.percent(2)).orElse(null), majority,
                majority == null ? null : majority.ofValid().map(f -> f.percent(2)).orElse(null),
                change == null ? null : change.verdict(), previousId, change == null ? List.of() : change.parties(), swing,
                count));
    }

    private static Views.SwingLine swing(ContestChange change) {
        List<ShareChange> stood = change.parties().stream().filter(p -> p.stoodAfter() && p.stoodBefore()).toList();
        if (stood.size() < 2) {
            return null;
        }
        Swing s = change.swing(stood.get(0).party(), stood.get(1).party());
        if (s.points().signum() == 0) {
            return new Views.SwingLine(s.partyB(), s.partyA(), BigDecimal.ZERO.setScale(2));
        }
        return new Views.SwingLine(s.from(), s.towards(), s.size().percent(2));
    }

    /** The contest this ballot is compared with: as {@code tallyroom analyse contest} finds it. */
    public Optional<String> previousBallot(String ballotId) {
        return published.previousContest(ballotId).map(StoredContest::ballotId);
    }

    /** The election this one is compared with: the latest earlier one of its kind with declared results. */
    public Optional<String> previousElection(String electionId) {
        return published.previousElection(electionId);
    }

    /** A ballot's line in a list; {@code c} its published result as the analysis takes it, or null. */
    private static Views.SeatRow seatRow(Loaded l, ContestResult c) {
        BallotView b = l.ballot();
        ResultVersion r = l.published();
        if (c == null) {
            return new Views.SeatRow(b.ballotId(), b.name(), b.seats(), "awaiting", List.of(), List.of(), null, null, null);
        }
        ContestSummary s = ContestAnalysis.summarise(c);
        List<String> elected = new ArrayList<>();
        Set<String> parties = new LinkedHashSet<>();
        c.elected().forEach(cv -> {
            elected.add(cv.name() + " (" + cv.party() + ")");
            parties.add(cv.party());
        });
        String status = r == null ? "uncontested" : r.status().id();
        return new Views.SeatRow(b.ballotId(), b.name(), b.seats(), status, elected, List.copyOf(parties), null,
                s.turnout().map(t -> t.percent(2)).orElse(null), s.majority().map(Majority::votes).orElse(null));
    }

    /** An organisation election: seats, control, change against the previous one, every ward. */
    public Optional<Views.Council> council(String electionId) {
        if (!electionExists(electionId)) {
            return Optional.empty();
        }
        List<Loaded> all = loadAll(electionId).stream().filter(l -> !l.ballot().byElection()).toList();
        StoredElection stored = declaredSoFar(electionId);
        String name = store.jdbi().withHandle(h -> h.createQuery("SELECT name FROM elections WHERE election_id = :e")
                .bind("e", electionId).mapTo(String.class).one());
        Map<String, ContestResult> byBallot = new HashMap<>();
        stored.contests().forEach(c -> byBallot.put(c.ballotId(), c.result()));
        int seats = all.stream().mapToInt(l -> l.ballot().seats()).sum();
        List<ContestResult> declared = new ArrayList<>();
        Map<String, Integer> bySeats = new HashMap<>();
        long papers = 0;
        long electorate = 0;
        int seatsDeclared = 0;
        int ballotsDeclared = 0;
        List<Views.SeatRow> rows = new ArrayList<>();
        for (Loaded l : all) {
            ContestResult c = byBallot.get(l.ballot().ballotId());
            rows.add(seatRow(l, c));
            if (c == null) {
                continue;
            }
            declared.add(c);
            ballotsDeclared++;
            seatsDeclared += l.ballot().seats();
            Council.seatsByParty(c).forEach((p, n) -> bySeats.merge(p, n, Integer::sum));
            if (l.published() == null) {
                continue;
            }
            Long el = l.published().turnout().electorate();
            Long issued = l.published().turnout().ballotPapersIssued();
            if (el != null && issued != null) {
                electorate += el;
                papers += issued;
            }
        }
        List<PartySeats> held = Control.sorted(bySeats);
        Control control = Control.of(Math.max(seats, 1), held);
        String previousId = previousElection(electionId).orElse(null);
        String comparedOn = null;
        String verdict = null;
        List<org.tallyroom.analysis.council.PartyChange> changes = List.of();
        Map<String, String> wardVerdicts = new HashMap<>();
        if (previousId != null && !declared.isEmpty()) {
            Map<String, ContestResult> before = new LinkedHashMap<>();
            for (StoredContest c : declaredSoFar(previousId).contests()) {
                before.put(c.result().divisionId(), c.result());
            }
            List<ContestResult> sameWards = declared.stream().filter(c -> before.containsKey(c.divisionId())
                    && before.get(c.divisionId()).seats() == c.seats()).toList();
            if (sameWards.size() == declared.size()) {
                Election after = new Election(name, declared);
                Election was = new Election(previousId, declared.stream().map(c -> before.get(c.divisionId())).toList());
                CouncilChange change = Council.compare(after, was);
                changes = change.parties();
                comparedOn = change.basis().description() + (seatsDeclared < seats
                        ? " (" + declared.size() + " of " + all.size() + " wards declared, against the same wards in " + previousId + ")"
                        : " (" + previousId + ")");
                if (seatsDeclared == seats) {
                    verdict = change.verdict();
                }
                for (ContestResult c : declared) {
                    wardVerdicts.put(c.divisionId(), ContestAnalysis.compare(c, before.get(c.divisionId())).verdict());
                }
            } else {
                comparedOn = "wards differ from " + previousId + ": no gains or losses shown";
            }
        }
        List<Views.SeatRow> withVerdicts = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Views.SeatRow r = rows.get(i);
            ContestResult c = byBallot.get(all.get(i).ballot().ballotId());
            String v = c == null ? null : wardVerdicts.get(c.divisionId());
            withVerdicts.add(new Views.SeatRow(r.ballotId(), r.name(), r.seats(), r.status(), r.elected(), r.parties(), v,
                    r.turnout(), r.majority()));
        }
        BigDecimal turnout = electorate == 0 ? null : Fraction.share(papers, electorate).percent(2);
        ElectionId id = ElectionId.parse(electionId);
        String org = all.isEmpty() ? null : all.get(0).ballot().organisation();
        return Optional.of(new Views.Council(electionId, name, id.date(), id.organisation(), org, seats, seatsDeclared,
                all.size(), ballotsDeclared, held, control, previousId,
                comparedOn, changes, verdict, turnout, withVerdicts));
    }

    /** An election's ordinary ballots declared so far (none for an election stored without ballots). */
    private StoredElection declaredSoFar(String electionId) {
        if (store.ballotIds(electionId).isEmpty()) {
            return new StoredElection(electionId, electionId, ElectionId.parse(electionId).date(), List.of(), List.of());
        }
        return published.declaredSoFar(electionId);
    }

    /** An election's declared single-member seats, named by its id. */
    private static Election singleMember(StoredElection e) {
        return new Election(e.electionId(), e.contests().stream().map(StoredContest::result).filter(c -> c.seats() == 1).toList());
    }

    /** Each listed ballot's published result: an ordinary one's from its election, a by-election's its own. */
    private List<Views.SeatRow> seatRows(List<Loaded> ballots, StoredElection election) {
        Map<String, ContestResult> byBallot = new HashMap<>();
        election.contests().forEach(c -> byBallot.put(c.ballotId(), c.result()));
        return ballots.stream().map(l -> seatRow(l, l.ballot().byElection()
                ? published.contest(l.ballot().ballotId()).map(StoredContest::result).orElse(null)
                : byBallot.get(l.ballot().ballotId()))).toList();
    }

    /** A general election: seats and votes by party, seats changing hands, marginals. */
    public Optional<Views.National> national(String electionId) {
        if (!electionExists(electionId)) {
            return Optional.empty();
        }
        List<Loaded> all = loadAll(electionId);
        String name = store.jdbi().withHandle(h -> h.createQuery("SELECT name FROM elections WHERE election_id = :e")
                .bind("e", electionId).mapTo(String.class).one());
        StoredElection stored = declaredSoFar(electionId);
        Election now = singleMember(stored);
        String previousId = previousElection(electionId).orElse(null);
        NationalResult result = now.contests().isEmpty() ? null
                : previousId == null ? National.summarise(now) : National.compare(now, singleMember(declaredSoFar(previousId)));
        List<Views.SeatRow> rows = seatRows(all, stored);
        return Optional.of(new Views.National(electionId, name, ElectionId.parse(electionId).date(), previousId,
                all.size(), now.contests().size(), result == null ? null : result.control(),
                result == null ? List.of() : result.parties(), result == null ? List.of() : result.changingHands(),
                now.contests().isEmpty() ? List.of() : Marginals.bySeat(now), rows));
    }

    /** Projected seats under national changes in share ({@code con:-3,lab:+3}); 400 for bad text. */
    public Optional<Views.Projected> project(String electionId, String changes, String model) {
        if (!electionExists(electionId)) {
            return Optional.empty();
        }
        ShareChanges parsed;
        try {
            // Parties as typed ("lab", "Labour") are the store's keys, as on the command line.
            parsed = new ShareChanges(ShareChanges.parse(changes == null ? "" : changes).changes().stream()
                    .map(c -> new ShareChanges.Change(PartyKeys.typed(c.party()), c.points())).toList());
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(e.getMessage());
        }
        SwingModel m;
        try {
            m = model == null || model.isBlank() ? SwingModel.UNIFORM
                    : SwingModel.valueOf(model.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("expected model uniform or proportional, found '" + model + "'");
        }
        Election e = singleMember(declaredSoFar(electionId));
        if (e.contests().isEmpty()) {
            throw new HttpError(409, electionId + " has no declared single-member seats to project from");
        }
        return Optional.of(new Views.Projected(electionId, Projection.project(e, m, parsed)));
    }

    /** An organisation's by-elections and events. */
    public Optional<Views.Timeline> timeline(String organisationSlug) {
        Optional<String> org = store.jdbi().withHandle(h -> h.createQuery("SELECT name FROM organisations WHERE slug = :s")
                .bind("s", organisationSlug).mapTo(String.class).findOne());
        if (org.isEmpty()) {
            return Optional.empty();
        }
        List<String> byIds = store.jdbi().withHandle(h -> h.createQuery("""
                SELECT b.ballot_id FROM ballots b JOIN organisations o ON b.organisation_id = o.id
                WHERE o.slug = :s AND b.by_election ORDER BY b.poll_date DESC, b.ballot_id""")
                .bind("s", organisationSlug).mapTo(String.class).list());
        List<Views.SeatRow> by = new ArrayList<>();
        for (String id : byIds) {
            load(id).ifPresent(l -> by.add(seatRow(l, published.contest(id).map(StoredContest::result).orElse(null))));
        }
        List<Views.TimelineEvent> events = store.jdbi().withHandle(h -> h.createQuery("""
                SELECT ev.event_date, ev.event_type, p.name AS person, pf.name AS pfrom, pt.name AS pto, d.name AS division,
                       b.ballot_id, ev.note
                FROM events ev JOIN organisations o ON ev.organisation_id = o.id
                LEFT JOIN people p ON ev.person_id = p.id LEFT JOIN parties pf ON ev.party_from_id = pf.id
                LEFT JOIN parties pt ON ev.party_to_id = pt.id LEFT JOIN divisions d ON ev.division_id = d.id
                LEFT JOIN ballots b ON ev.ballot_id = b.id
                WHERE o.slug = :s ORDER BY ev.event_date DESC, ev.id DESC""").bind("s", organisationSlug)
                .map((rs, ctx) -> new Views.TimelineEvent(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8))).list());
        return Optional.of(new Views.Timeline(organisationSlug, org.get(), by, events));
    }

    /** The organisation slug of an election, for links to its timeline. */
    public Optional<String> organisationOf(String electionId) {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT o.slug FROM elections e JOIN organisations o "
                + "ON e.organisation_id = o.id WHERE e.election_id = :e").bind("e", electionId).mapTo(String.class).findOne());
    }
}
