package org.tallyroom.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tallyroom.count.Ballot;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.Contest;
import org.tallyroom.count.CountException;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.Methods;
import org.tallyroom.count.Rules;
import org.tallyroom.count.Votes;
import org.tallyroom.store.BallotView;
import org.tallyroom.store.CountedResult;
import org.tallyroom.store.Declaration;
import org.tallyroom.store.ImportOutcome;
import org.tallyroom.store.ResultStatus;
import org.tallyroom.store.ResultVersion;
import org.tallyroom.store.Source;
import org.tallyroom.store.Store;
import org.tallyroom.store.Turnout;

/**
 * Results entry for the count team: provisional figures, the declaration, corrections. Each is a new
 * result version in the store (through {@link Store#importSource}, so each is one transaction with
 * its provenance: who and when), and figures entered are counted by the engine under the ballot's
 * voting system ({@link Methods}), never taken on trust: the elected candidates are the count's.
 *
 * <p>The life of a result: provisional (any number of times, by results-entry) -> declared (by the
 * returning officer, with new figures or the provisional ones) -> corrected (by the returning
 * officer, with a reason). A provisional entry after the declaration, a declaration of a declared
 * result or a correction of an undeclared one is refused with 409. A change carrying If-Match is
 * refused with 412 unless it names the current version, so two clerks cannot overwrite each other.
 * Changes are made one at a time (one lock), so the check and the write see the same version.
 */
public final class ResultEntry {
    /** What was submitted: figures in one of three forms, and the ballot paper account. */
    public record Figures(long[] votes, long[] second, List<Paper> papers, Long electorate, Long ballotPapersIssued,
                          Long rejected, String reason) {
        public boolean any() {
            return votes != null || papers != null;
        }
    }

    /** {@code count} ballot papers marked with these candidates (0-based, ballot-paper order) in preference order. */
    public record Paper(long count, int[] ranking) {
    }

    /** The action requested. */
    public enum Action { PROVISIONAL, DECLARE, CORRECT }

    private final Store store;
    private final Object lock = new Object();

    public ResultEntry(Store store) {
        this.store = store;
    }

    /**
     * Records the action; returns the new current version.
     *
     * @param ifMatch the If-Match header (or a form's version as {@code "vN"}), or null
     */
    public ResultVersion apply(String ballotId, Action action, Figures figures, String ifMatch, User user) {
        Role needed = action == Action.PROVISIONAL ? Role.RESULTS_ENTRY : Role.RETURNING_OFFICER;
        if (!user.may(needed)) {
            throw new HttpError(403, user.username() + " does not have the " + needed.id() + " role needed to "
                    + (action == Action.PROVISIONAL ? "enter provisional figures" : action == Action.DECLARE
                    ? "declare a result" : "correct a result"));
        }
        BallotView ballot = store.ballot(ballotId).orElseThrow(() -> HttpError.notFound("ballot " + ballotId));
        synchronized (lock) {
            ResultVersion current = store.currentResult(ballotId).orElse(null);
            if (ifMatch != null && !ifMatch.isBlank()) {
                String want = ReadModel.etag(current);
                boolean any = ifMatch.strip().equals("*") && current != null;
                if (!any && (want == null || !matches(ifMatch, want))) {
                    throw new HttpError(412, "the result of " + ballotId + " has changed: it is now "
                            + (current == null ? "not entered" : "version " + current.version() + " (" + current.status().id()
                            + ", by " + current.recordedBy() + ")") + "; reload it and enter the figures again");
                }
            }
            ResultStatus currentStatus = current == null ? null : current.status();
            boolean declared = currentStatus == ResultStatus.DECLARED || currentStatus == ResultStatus.CORRECTED;
            Declaration d;
            switch (action) {
                case PROVISIONAL -> {
                    if (declared) {
                        throw new HttpError(409, ballotId + " is already declared; only the returning officer can correct it");
                    }
                    requireFigures(figures);
                    d = counted(ballot, figures, ResultStatus.PROVISIONAL, null);
                }
                case DECLARE -> {
                    if (declared) {
                        throw new HttpError(409, ballotId + " is already declared (version " + current.version()
                                + "); to change it, correct it with a reason");
                    }
                    if (figures != null && figures.any()) {
                        d = counted(ballot, figures, ResultStatus.DECLARED, null);
                    } else if (current != null) {
                        d = fromVersion(ballot, current, ResultStatus.DECLARED, null);
                    } else {
                        throw new HttpError(409, ballotId + " has no provisional figures to declare; enter the figures");
                    }
                }
                case CORRECT -> {
                    if (!declared) {
                        throw new HttpError(409, ballotId + " is not declared yet; there is nothing to correct");
                    }
                    requireFigures(figures);
                    if (figures.reason() == null || figures.reason().isBlank()) {
                        throw HttpError.badRequest("a correction needs a reason");
                    }
                    d = counted(ballot, figures, ResultStatus.CORRECTED, figures.reason().strip());
                }
                default -> throw new IllegalStateException();
            }
            String nonce = Sessions.random();
            Declaration decl = d;
            ImportOutcome outcome = store.importSource(
                    Source.of("web:" + ballotId + ":" + action.name().toLowerCase(java.util.Locale.ROOT) + ":" + nonce,
                            nonce.getBytes(StandardCharsets.UTF_8)),
                    "web " + action.name().toLowerCase(java.util.Locale.ROOT) + " " + ballotId, user.username(),
                    ingest -> ingest.declare(decl));
            if (outcome.newVersions() == 0) {
                throw new HttpError(409, "the figures are the same as version " + current.version() + ": nothing to "
                        + (action == Action.CORRECT ? "correct" : "record"));
            }
            return store.currentResult(ballotId).orElseThrow();
        }
    }

    private static boolean matches(String header, String etag) {
        for (String part : header.split(",")) {
            String p = part.strip();
            if (p.startsWith("W/")) {
                p = p.substring(2);
            }
            if (p.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static void requireFigures(Figures f) {
        if (f == null || !f.any()) {
            throw HttpError.badRequest("expected figures: votes for each candidate (or ballot papers)");
        }
    }

    /** Counts the figures under the ballot's voting system and makes the declaration. */
    static Declaration counted(BallotView ballot, Figures f, ResultStatus status, String reason) {
        if (ballot.votingSystem() == null) {
            throw new HttpError(409, ballot.ballotId() + " has no voting system recorded, so its figures cannot be counted; "
                    + "an administrator must set it");
        }
        String method = ballot.votingSystem();
        Rules rules = Methods.byId(method).orElseThrow(() -> new HttpError(409, ballot.ballotId()
                + " is counted by " + method + ", which Tallyroom does not know"));
        List<BallotView.Candidate> cands = ballot.candidates();
        int n = cands.size();
        List<Candidate> countCandidates = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (BallotView.Candidate c : cands) {
            String name = names.add(c.name()) ? c.name() : c.name() + " (" + c.position() + ")";
            countCandidates.add(new Candidate(name, c.partyLabel()));
        }
        Votes votes;
        if (f.papers() != null) {
            List<Ballot> ballots = new ArrayList<>();
            for (Paper p : f.papers()) {
                if (p.count() < 0) {
                    throw HttpError.badRequest("expected a number of ballot papers of 0 or more, found " + p.count());
                }
                for (int c : p.ranking()) {
                    if (c < 0 || c >= n) {
                        throw HttpError.badRequest("expected candidates numbered 1 to " + n + ", found " + (c + 1));
                    }
                }
                if (p.count() > 0) {
                    ballots.add(Ballot.ranking(p.count(), p.ranking()));
                }
            }
            votes = new Votes.Papers(ballots);
        } else {
            check(f.votes(), n, "votes");
            if (f.second() != null) {
                check(f.second(), n, "second preferences");
                votes = new Votes.SupplementaryTallies(f.votes(), f.second());
            } else {
                votes = new Votes.Tallies(f.votes());
            }
        }
        CountReport report;
        try {
            report = rules.count(new Contest(ballot.name(), countCandidates, votes, Map.of(), ballot.seats()),
                    CountOptions.seats(ballot.seats()));
        } catch (CountException | IllegalArgumentException e) {
            throw HttpError.badRequest("cannot count " + ballot.ballotId() + " by " + method + ": " + e.getMessage());
        }
        Long rejected = f.rejected();
        // Valid papers: one vote per paper for a single seat or a preferential count; for a block vote
        // the votes outnumber the papers, so only issued minus rejected gives them.
        boolean onePerPaper = ballot.seats() == 1 || f.papers() != null;
        Long validPapers = onePerPaper ? Long.valueOf(report.ballots().valid())
                : f.ballotPapersIssued() != null && rejected != null ? f.ballotPapersIssued() - rejected : null;
        if (onePerPaper && f.ballotPapersIssued() != null && rejected != null && f.ballotPapersIssued() != validPapers + rejected) {
            throw HttpError.badRequest("expected ballot papers issued to be valid + rejected papers ("
                    + (validPapers + rejected) + "), found " + f.ballotPapersIssued());
        }
        if (validPapers != null && validPapers < 0) {
            throw HttpError.badRequest("expected rejected papers of at most the papers issued, found " + rejected);
        }
        Long issued = f.ballotPapersIssued() != null ? f.ballotPapersIssued()
                : rejected != null && onePerPaper ? validPapers + rejected : null;
        Turnout turnout = new Turnout(f.electorate(), issued, validPapers == null ? null : BigDecimal.valueOf(validPapers),
                rejected, Map.of());
        return CountedResult.declaration(ballot, report, status, turnout, reason);
    }

    private static void check(long[] v, int n, String what) {
        if (v == null || v.length != n) {
            throw HttpError.badRequest("expected " + what + " for " + n + " candidates, found "
                    + (v == null ? "none" : Integer.toString(v.length)));
        }
        for (long x : v) {
            if (x < 0) {
                throw HttpError.badRequest("expected " + what + " of 0 or more, found " + x);
            }
        }
    }

    /** The same figures as a stored version, with another status (provisional -> declared). */
    static Declaration fromVersion(BallotView ballot, ResultVersion v, ResultStatus status, String reason) {
        return CountedResult.fromVersion(ballot, v, status, reason);
    }
}
