package org.tallyroom.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tallyroom.analysis.ContestResult;
import org.tallyroom.analysis.Election;
import org.tallyroom.analysis.Fraction;
import org.tallyroom.analysis.contest.ContestAnalysis;
import org.tallyroom.analysis.contest.ContestChange;
import org.tallyroom.analysis.contest.ContestSummary;
import org.tallyroom.analysis.contest.Majority;
import org.tallyroom.analysis.contest.ShareChange;
import org.tallyroom.analysis.contest.Swing;
import org.tallyroom.analysis.council.Council;
import org.tallyroom.analysis.headline.ContestHeadlines;
import org.tallyroom.analysis.headline.Headline;
import org.tallyroom.analysis.national.National;
import org.tallyroom.analysis.projection.Projection;
import org.tallyroom.analysis.projection.ShareChanges;
import org.tallyroom.analysis.projection.SwingModel;
import org.tallyroom.store.BallotView;
import org.tallyroom.store.ResultStatus;
import org.tallyroom.store.ResultVersion;
import org.tallyroom.store.Store;
import org.tallyroom.store.StoreException;
import org.tallyroom.store.analysis.PartyKeys;
import org.tallyroom.store.analysis.StoredContest;
import org.tallyroom.store.analysis.StoredElection;
import org.tallyroom.store.analysis.StoredElections;
import org.tallyroom.store.history.ControlHistory;
import org.tallyroom.store.id.ElectionId;
import org.tallyroom.store.id.OrganisationId;
import org.tallyroom.store.read.ReadStore;
import org.tallyroom.store.read.Views;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the pages and the API show, from the store's read model ({@link ReadStore}). Public views show
 * a result once it is declared: provisional figures are for the count team only.
 *
 * <p>An election's summary (seats and votes by party, changes, control, marginals, every seat) is
 * built by the store when one of its results changes, in the same transaction, and read here as one
 * stored row. A contest is one ballot: its view is built on reading, from the ballot's current and
 * previous results, with the analysis library (shares, majority, swing) as {@code tallyroom analyse}
 * does; the projection calculator works on the declared seats it is given.
 */
public final class ReadModel {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Store store;
    private final ReadStore read;
    private final StoredElections published;
    private final StoredElections current;

    public ReadModel(Store store) {
        this.store = store;
        this.read = new ReadStore(store);
        this.published = StoredElections.published(store);
        this.current = StoredElections.current(store);
    }

    public Store store() {
        return store;
    }

    /** Every election with ballots, newest first. */
    public List<Views.ElectionItem> elections() {
        return read.elections();
    }

    /** council, national (a general election), or other. */
    public String kind(String electionId) {
        return ReadStore.kind(electionId);
    }

    public boolean electionExists(String electionId) {
        return read.electionExists(electionId);
    }

    /** The read model's generation: it changes with every write to the results, by this process or another. */
    public long generation() {
        return read.generation();
    }

    /** The elections whose results changed after read-model generation {@code generation} (by any process). */
    public List<String> electionsChangedSince(long generation) {
        return read.electionsChangedSince(generation);
    }

    /** The GSS codes of these ballots' divisions ("" for none), by ballot id, in one query. */
    public Map<String, String> divisionCodes(List<String> ballotIds) {
        return read.divisionCodes(ballotIds);
    }

    /** An election's stored summary as JSON (a National or a Council). */
    public Optional<byte[]> summaryJson(String electionId) {
        return read.summaryJson(electionId);
    }

    /** Every ballot with its current status and version, for the count team. */
    public List<Views.CountRow> countRows() {
        return read.countRows();
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

    /** Every version of a ballot's result with its figures, oldest first; the public sees declared and corrected ones only. */
    public List<ResultVersion> versions(String ballotId, boolean includeProvisional) {
        return store.history(ballotId).stream().filter(v -> includeProvisional || v.status() != ResultStatus.PROVISIONAL)
                .toList();
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
        StoredContest stored = r == null ? null : (includeProvisional ? current : published).contest(ballotId).orElse(null);
        ContestResult contest = stored == null ? null : stored.result();
        if (contest == null) {
            List<Views.CandidateRow> rows = new ArrayList<>();
            for (BallotView.Candidate c : b.candidates()) {
                rows.add(new Views.CandidateRow(c.position(), c.name(), c.party(), PartyKeys.of(c), null, null, null, null,
                        false, null));
            }
            return Optional.of(new Views.Contest(b.ballotId(), b.name(), b.electionId(), b.electionName(), b.organisation(),
                    b.division(), b.date(), b.seats(), b.votingSystem(), b.byElection(), b.cancelled(), null, rows,
                    null, null, null, null, Map.of(), null, null, null, null, null, previousId, List.of(), null, null, null));
        }
        ContestSummary summary = ContestAnalysis.summarise(contest, stored.lastSeat());
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
                summary.lastSeat().orElse(null),
                change == null ? null : change.verdict(), previousId, change == null ? List.of() : change.parties(), swing,
                count, headline(b, contest, previous.orElse(null))));
    }

    /**
     * The contest's headline: a gain or hold against the previous contest for the same division; where
     * there is none but the election before this one is stored, the boundaries are new, and it says so.
     */
    private Headline headline(BallotView b, ContestResult contest, StoredContest previous) {
        String newSince = null;
        if (previous == null) {
            newSince = published.previousElection(b.electionId())
                    .map(id -> Integer.toString(ElectionId.parse(id).date().getYear())).orElse(null);
        }
        return ContestHeadlines.of(contest, previous == null ? null : previous.resultAs(contest.divisionId()),
                previous == null ? null : Integer.toString(previous.date().getYear()), newSince, PartyKeys::displayName)
                .orElse(null);
    }

    /**
     * Each declared ballot's swing against its previous contest, as its contest page shows it, in a few queries
     * (the swing map: 650 contest pages built one by one took 20 s and more under load).
     */
    public Map<String, Views.SwingLine> swings(List<String> ballotIds) {
        Map<String, String> previous = published.previousBallots(ballotIds);
        Map<String, StoredContest> now = new HashMap<>();
        published.contests(ballotIds).forEach(c -> now.put(c.ballotId(), c));
        Map<String, StoredContest> before = new HashMap<>();
        published.contests(previous.values().stream().distinct().toList()).forEach(c -> before.put(c.ballotId(), c));
        Map<String, Views.SwingLine> out = new HashMap<>();
        for (String id : ballotIds) {
            StoredContest c = now.get(id);
            StoredContest p = before.get(previous.get(id));
            if (c != null && p != null) {
                Views.SwingLine s = swing(ContestAnalysis.compare(c.result(), p.resultAs(c.result().divisionId())));
                if (s != null) {
                    out.put(id, s);
                }
            }
        }
        return out;
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

    /** An organisation election: seats, control, change against the previous one, every ward (as stored). */
    public Optional<Views.Council> council(String electionId) {
        return read.council(electionId);
    }

    /** A general election: seats and votes by party, seats changing hands, marginals (as stored). */
    public Optional<Views.National> national(String electionId) {
        return read.national(electionId);
    }

    /** An election's declared single-member seats, named by its id. */
    private static Election singleMember(StoredElection e) {
        return new Election(e.electionId(), e.contests().stream().map(StoredContest::result).filter(c -> c.seats() == 1).toList());
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
        Election e;
        try {
            e = singleMember(published.declaredSoFar(electionId));
        } catch (org.tallyroom.store.StoreException noBallots) {
            e = new Election(electionId, List.of());
        }
        if (e.contests().isEmpty()) {
            throw new HttpError(409, electionId + " has no declared single-member seats to project from");
        }
        return Optional.of(new Views.Projected(electionId, Projection.project(e, m, parsed)));
    }

    /** An organisation's by-elections and events. */
    public Optional<Views.Timeline> timeline(String organisationSlug) {
        return read.timeline(organisationSlug);
    }

    /**
     * The control history of an election's council (its control facts, elections and events), for the
     * council page; empty where no control fact is stored for it.
     */
    public Optional<ControlHistoryView> controlHistory(String electionId) {
        Optional<ElectionId> id = ElectionId.tryParse(electionId);
        if (id.isEmpty() || id.get().organisation() == null) {
            return Optional.empty();
        }
        try {
            return ControlHistoryView.of(ControlHistory.of(store, new OrganisationId(id.get().type(), id.get().organisation())));
        } catch (StoreException noOrganisation) {
            return Optional.empty();
        }
    }

    /** The organisation slug of an election, for links to its timeline. */
    public Optional<String> organisationOf(String electionId) {
        return read.organisationOf(electionId);
    }
}
