package org.tallyroom.io.selection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tallyroom.count.BallotBox;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.Contest;
import org.tallyroom.count.Votes;

/**
 * A party selection's rules for which papers count, applied before the count (the count engine knows
 * nothing of members or dates). In this order, the first that applies:
 * <ol>
 *   <li>{@code not-a-member}: the membership number is not on the members file;</li>
 *   <li>{@code joined-after-freeze}: the member joined after the freeze date (joining on it is in time);</li>
 *   <li>{@code lapsed}: the membership lapsed before the freeze date (a lapse date before it, or status
 *       {@code lapsed} with no date). A member whose lapse date is on or after the freeze date was a
 *       member on it and votes;</li>
 *   <li>{@code duplicate}: an eligible member returned more than one paper. Every one of that member's
 *       papers is void, none is counted (as Labour's selection procedures void a member's duplicate
 *       papers: no paper can be preferred over another without deciding which vote was the member's);</li>
 *   <li>{@code no-first-preference}: nothing at preference 1;</li>
 *   <li>{@code not-on-shortlist}: preference 1 names someone not on the shortlist.</li>
 * </ol>
 * A later preference for a name not on the shortlist is an invalid mark: the paper counts, and its
 * preferences stop there, exactly as the count engine's AV and STV rules stop at a skipped number (the
 * mark becomes an empty rank). Such papers are listed as cut short. Names match the shortlist whatever
 * their case or spacing.
 */
public final class SelectionPapers {
    private SelectionPapers() {
    }

    /** A paper not counted. */
    public record Rejected(long line, String number, PaperRejection reason, String detail) {
    }

    /** A paper counted whose preferences stop early at a name not on the shortlist. */
    public record CutShort(long line, String number, int preference, String name) {
    }

    /**
     * The papers sorted.
     *
     * @param contest         the counted papers as the count engine takes them (shortlist order)
     * @param rejected        every paper not counted, in file order
     * @param cutShort        counted papers whose preferences stop at a name not on the shortlist
     * @param membersOnFile   members listed
     * @param eligibleMembers members entitled to vote on the freeze date
     * @param papers          papers returned
     */
    public record Sorted(Contest contest, List<Rejected> rejected, List<CutShort> cutShort, int membersOnFile,
                         int eligibleMembers, int papers) {
        public Sorted {
            rejected = List.copyOf(rejected);
            cutShort = List.copyOf(cutShort);
        }

        /** Rejected papers by reason, every reason present (0 where none). */
        public Map<PaperRejection, Long> byReason() {
            Map<PaperRejection, Long> out = new EnumMap<>(PaperRejection.class);
            for (PaperRejection r : PaperRejection.values()) {
                out.put(r, 0L);
            }
            rejected.forEach(r -> out.merge(r.reason(), 1L, Long::sum));
            return out;
        }

        /** Papers counted. */
        public int counted() {
            return papers - rejected.size();
        }
    }

    /** Whether a member may vote in a selection frozen on {@code freeze}; null if so, else why not. */
    public static PaperRejection ineligibility(Member m, LocalDate freeze) {
        if (m == null) {
            return PaperRejection.NOT_A_MEMBER;
        }
        if (m.joined().isAfter(freeze)) {
            return PaperRejection.JOINED_AFTER_FREEZE;
        }
        boolean lapsed = m.lapsed() != null ? m.lapsed().isBefore(freeze) : m.status() == Member.Status.LAPSED;
        return lapsed ? PaperRejection.LAPSED : null;
    }

    /**
     * Applies the rules above.
     *
     * @param title the contest's title for the count report
     * @param party the party the candidates stand for (their party in the report)
     */
    public static Sorted sort(String title, String party, Map<String, Member> members, LocalDate freeze, Shortlist shortlist,
                              List<MemberPaper> papers) {
        Map<String, Integer> index = new HashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        for (String name : shortlist.candidates()) {
            index.put(key(name), candidates.size());
            candidates.add(new Candidate(name, party));
        }
        Map<String, Integer> returned = new HashMap<>();
        papers.forEach(p -> returned.merge(p.number(), 1, Integer::sum));
        List<Rejected> rejected = new ArrayList<>();
        List<CutShort> cut = new ArrayList<>();
        BallotBox box = new BallotBox();
        for (MemberPaper p : papers) {
            Member m = members.get(p.number());
            PaperRejection why = ineligibility(m, freeze);
            String detail = switch (why == null ? PaperRejection.DUPLICATE : why) {
                case NOT_A_MEMBER -> "membership number " + p.number() + " is not on the members file";
                case JOINED_AFTER_FREEZE -> "joined " + m.joined() + ", after the freeze date " + freeze;
                case LAPSED -> m.lapsed() != null ? "lapsed " + m.lapsed() + ", before the freeze date " + freeze
                        : "status lapsed";
                default -> null;
            };
            if (why == null && returned.get(p.number()) > 1) {
                why = PaperRejection.DUPLICATE;
                detail = returned.get(p.number()) + " papers from membership number " + p.number();
            }
            if (why == null && (p.ranking().isEmpty() || p.ranking().get(0).isEmpty())) {
                why = PaperRejection.NO_FIRST_PREFERENCE;
                detail = "preference 1 is blank";
            }
            if (why == null && !index.containsKey(key(p.ranking().get(0)))) {
                why = PaperRejection.NOT_ON_SHORTLIST;
                detail = "preference 1 is '" + p.ranking().get(0) + "'";
            }
            if (why != null) {
                rejected.add(new Rejected(p.line(), p.number(), why, detail));
                continue;
            }
            int[][] ranks = new int[p.ranking().size()][];
            for (int r = 0; r < ranks.length; r++) {
                String name = p.ranking().get(r);
                Integer c = name.isEmpty() ? null : index.get(key(name));
                if (c == null && !name.isEmpty()) {
                    cut.add(new CutShort(p.line(), p.number(), r + 1, name));
                    ranks = java.util.Arrays.copyOf(ranks, r + 1);
                    ranks[r] = new int[0];
                    break;
                }
                ranks[r] = c == null ? new int[0] : new int[] {c};
            }
            box.add(ranks, 1);
        }
        int eligible = (int) members.values().stream().filter(m -> ineligibility(m, freeze) == null).count();
        Contest contest = new Contest(title, candidates, new Votes.Papers(box.ballots()));
        return new Sorted(contest, rejected, cut, members.size(), eligible, papers.size());
    }

    private static String key(String name) {
        return Candidate.fold(name).toLowerCase(Locale.ROOT);
    }
}
