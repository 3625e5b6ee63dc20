package org.tallyroom.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.tallyroom.io.InputException;
import org.tallyroom.io.gla.London2016;
import org.tallyroom.io.gla.WardResultsFile;
import org.tallyroom.io.gla.WardRow;
import org.tallyroom.io.uk.BoroughCandidate;
import org.tallyroom.io.uk.ConstituencyDeclaration;
import org.tallyroom.io.uk.ConstituencyResult;
import org.tallyroom.io.uk.GeneralElectionCsv;
import org.tallyroom.io.uk.LondonBoroughCsv;
import org.tallyroom.io.uk.ParliamentaryCandidate;
import org.tallyroom.io.uk.WardResult;
import org.tallyroom.testing.SharedData;

/**
 * The published files, read in place through the io readers and mapped into the analysis's own
 * records, as the store will map its rows. Loaded once per test run.
 *
 * <p>Party keys: Westminster by the Commons Library's abbreviation, with the few that changed
 * spelling between 2017 and 2019 made one ("APNI" and "Alliance", "ED" and "Eng Dem", "Yrks" and
 * "The Yorkshire Party"); London boroughs by party code (2018 as published, 2022 through the
 * party-name lookup, "IND" for a description the lookup lacks).
 */
public final class RealData {
    private static final Map<String, String> WESTMINSTER_ALIASES = Map.of("APNI", "Alliance", "ED", "Eng Dem",
            "Yrks", "The Yorkshire Party");
    private static final Map<String, Object> CACHE = new HashMap<>();

    private RealData() {
    }

    /** A general election (2017 or 2019): candidates with the by-constituency poll figures. */
    public static synchronized Election generalElection(int year) {
        return (Election) CACHE.computeIfAbsent("ge" + year, k -> {
            Path dir = SharedData.path("uk/westminster");
            try {
                Map<String, ConstituencyDeclaration> polls = new HashMap<>();
                for (ConstituencyDeclaration d : GeneralElectionCsv.readByConstituency(
                        dir.resolve("ge" + year + "-results-by-constituency.csv"))) {
                    polls.put(d.constituency().onsId(), d);
                }
                List<ContestResult> seats = new ArrayList<>();
                for (ConstituencyResult r : GeneralElectionCsv.readByCandidate(
                        dir.resolve("ge" + year + "-results-by-candidate.csv"))) {
                    List<CandidateVotes> cands = new ArrayList<>();
                    for (ParliamentaryCandidate c : r.candidates()) {
                        String party = c.party().abbreviation().isEmpty() ? c.party().name() : c.party().abbreviation();
                        cands.add(new CandidateVotes(c.name(), WESTMINSTER_ALIASES.getOrDefault(party, party),
                                c.votes()));
                    }
                    ConstituencyDeclaration d = polls.get(r.constituency().onsId());
                    seats.add(new ContestResult(r.constituency().onsId(), r.constituency().name(), 1, cands,
                            OptionalLong.of(d.electorate()), OptionalLong.empty(), OptionalLong.of(d.invalidVotes())));
                }
                return new Election("General election " + year, seats);
            } catch (InputException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    /** A London borough's ordinary election, 2018 or 2022, wards by GSS code. */
    public static synchronized Election borough(int year, String borough) {
        List<WardResult> all = boroughWards(year);
        List<ContestResult> wards = new ArrayList<>();
        for (WardResult w : all) {
            if (!w.ward().borough().replace("&", "and").equals(borough.replace("&", "and"))) {
                continue;
            }
            List<CandidateVotes> cands = new ArrayList<>();
            for (BoroughCandidate c : w.candidates()) {
                String code = c.party().abbreviation().isEmpty() ? "IND" : c.party().abbreviation();
                cands.add(new CandidateVotes(c.name(), code, c.votes(), c.elected()));
            }
            ContestResult contest = new ContestResult(w.ward().gssCode(), w.ward().name(), w.seats(), cands);
            if (w.poll().isPresent()) {
                var p = w.poll().get();
                contest = contest.withPoll(OptionalLong.of(p.electorate()), OptionalLong.of(p.validBallots()),
                        OptionalLong.of(p.rejectedByReasonTotal()));
            }
            wards.add(contest);
        }
        if (wards.isEmpty()) {
            throw new IllegalArgumentException("no wards for " + borough + " in " + year);
        }
        return new Election(borough + " " + year, wards);
    }

    /** The boroughs of a London borough election (2018 or 2022), in file order. */
    public static synchronized List<String> boroughs(int year) {
        return boroughWards(year).stream().map(w -> w.ward().borough()).distinct().toList();
    }

    @SuppressWarnings("unchecked")
    private static List<WardResult> boroughWards(int year) {
        return (List<WardResult>) CACHE.computeIfAbsent("boroughs" + year, k -> {
            Path dir = SharedData.path("uk/london-boroughs");
            try {
                return year == 2018 ? LondonBoroughCsv.read2018(dir.resolve("2018-candidates.csv"))
                        : LondonBoroughCsv.read2022(dir.resolve("2022-candidates.csv"), dir.resolve("2022-wards.csv"),
                        dir.resolve("party-name-lookup.csv"));
            } catch (InputException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    public static synchronized London2016 london2016() {
        return (London2016) CACHE.computeIfAbsent("london2016", k -> {
            try {
                return London2016.read(SharedData.path("uk/london-2016"));
            } catch (InputException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    /**
     * A London 2016 ward-level file's rows as contests of its columns. Rows without a code (postal
     * pseudo-wards, the City) get "row:" and their line as id. {@code partyOf} gives each column's party.
     */
    public static List<ContestResult> wardRows(WardResultsFile file, Map<String, String> partyOf) {
        List<ContestResult> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (WardRow row : file.rows()) {
            List<CandidateVotes> cands = new ArrayList<>();
            for (int i = 0; i < file.candidates().size(); i++) {
                String name = file.candidates().get(i);
                cands.add(new CandidateVotes(name, partyOf.getOrDefault(name, name), row.votesAt(i)));
            }
            // Three codes appear on two rows each in the 2016 files: the second keeps its line as id.
            String id = row.gssCode().isEmpty() || !seen.add(row.gssCode()) ? "row:" + row.line() : row.gssCode();
            out.add(new ContestResult(id, row.ward(), 1, cands));
        }
        return out;
    }

    /** A London 2016 constituency-member contest, every row summed. */
    public static ContestResult assemblyConstituency(String name) {
        London2016 l = london2016();
        WardResultsFile f = l.constituency(name);
        long[] totals = f.totals();
        List<CandidateVotes> cands = new ArrayList<>();
        for (int i = 0; i < totals.length; i++) {
            cands.add(new CandidateVotes(f.candidates().get(i), f.candidates().get(i), totals[i]));
        }
        long rejected = f.rejected(WardResultsFile.ASSEMBLY_REJECTIONS).values().stream().mapToLong(Long::longValue)
                .sum();
        return new ContestResult(London2016.slug(name), name, 1, cands, OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.of(rejected));
    }
}
