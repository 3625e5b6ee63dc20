package org.tallyroom.io.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallyroom.count.CountReport;
import org.tallyroom.io.InputException;

/**
 * Party selections counted from a members file, a freeze date, a shortlist and members' papers: every
 * rejection reason exercised with its count, the freeze date's edges, preferences stopped at a name not
 * on the shortlist, AV for one place and ERS97 STV for two, and bad files located.
 */
class SelectionCountTest {
    private static final Path EXAMPLES = Path.of("../examples/selection");
    private static final LocalDate FREEZE = LocalDate.of(2025, 12, 1);

    @TempDir
    Path dir;

    private static SelectionCount.Counted example() throws InputException {
        return SelectionCount.count(new SelectionCount.Inputs("selection.lab.chipping-barnet.2026-03-01", "Labour",
                EXAMPLES.resolve("members.csv"), FREEZE, EXAMPLES.resolve("shortlist.csv"), EXAMPLES.resolve("ballots.csv"), 1,
                null, null));
    }

    private static String name(CountReport r, int i) {
        return r.candidates().get(i).name();
    }

    @Test
    void example_rejectsEachIneligiblePaperByReason_andCountsTheRestByAv() throws InputException {
        SelectionCount.Counted c = example();
        SelectionPapers.Sorted s = c.sorted();
        assertThat(c.method()).isEqualTo("av");
        assertThat(s.membersOnFile()).isEqualTo(12);
        assertThat(s.eligibleMembers()).isEqualTo(9);
        assertThat(s.papers()).isEqualTo(14);
        assertThat(s.counted()).isEqualTo(6);
        assertThat(s.byReason()).containsExactlyInAnyOrderEntriesOf(Map.of(
                PaperRejection.NOT_A_MEMBER, 1L, PaperRejection.JOINED_AFTER_FREEZE, 1L, PaperRejection.LAPSED, 2L,
                PaperRejection.DUPLICATE, 2L, PaperRejection.NO_FIRST_PREFERENCE, 1L, PaperRejection.NOT_ON_SHORTLIST, 1L));
        assertThat(s.rejected()).extracting(SelectionPapers.Rejected::line, SelectionPapers.Rejected::number,
                SelectionPapers.Rejected::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(8L, "L007", PaperRejection.JOINED_AFTER_FREEZE),
                org.assertj.core.groups.Tuple.tuple(9L, "L008", PaperRejection.LAPSED),
                org.assertj.core.groups.Tuple.tuple(10L, "L009", PaperRejection.LAPSED),
                org.assertj.core.groups.Tuple.tuple(11L, "X999", PaperRejection.NOT_A_MEMBER),
                org.assertj.core.groups.Tuple.tuple(12L, "L012", PaperRejection.DUPLICATE),
                org.assertj.core.groups.Tuple.tuple(13L, "L012", PaperRejection.DUPLICATE),
                // L010 lapsed after the freeze date and L011 joined on it: both eligible, rejected only for their marks
                org.assertj.core.groups.Tuple.tuple(14L, "L010", PaperRejection.NOT_ON_SHORTLIST),
                org.assertj.core.groups.Tuple.tuple(15L, "L011", PaperRejection.NO_FIRST_PREFERENCE));
        assertThat(s.cutShort()).containsExactly(new SelectionPapers.CutShort(7, "L006", 2, "Zoe Zed"));
        CountReport r = c.report();
        assertThat(r.ballots().valid()).isEqualTo(6);
        assertThat(r.ballots().rejected()).isZero();
        // first preferences: Archer 3 (L001, L004, L006 in any case and spacing), Bose 2, Cole 1; Cole's paper goes to Archer
        assertThat(r.stages().get(0).votesOf(0)).isEqualTo(3);
        assertThat(r.stages().get(0).votesOf(1)).isEqualTo(2);
        assertThat(r.stages().get(0).votesOf(2)).isEqualTo(1);
        assertThat(r.stages()).hasSize(2);
        assertThat(r.stages().get(1).votesOf(0)).isEqualTo(4);
        assertThat(r.elected()).extracting(i -> name(r, i)).containsExactly("Alice Archer");
    }

    @Test
    void eligibility_theFreezeDateItselfIsInTime_andALapseOnItStillVotes() {
        Member joinedOnFreeze = new Member("A", FREEZE, null, Member.Status.ACTIVE, 2);
        Member joinedAfter = new Member("B", FREEZE.plusDays(1), null, Member.Status.ACTIVE, 3);
        Member lapsedOnFreeze = new Member("C", FREEZE.minusYears(1), FREEZE, Member.Status.LAPSED, 4);
        Member lapsedTheDayBefore = new Member("D", FREEZE.minusYears(1), FREEZE.minusDays(1), Member.Status.ACTIVE, 5);
        Member lapsedUndated = new Member("E", FREEZE.minusYears(1), null, Member.Status.LAPSED, 6);
        assertThat(SelectionPapers.ineligibility(joinedOnFreeze, FREEZE)).isNull();
        assertThat(SelectionPapers.ineligibility(joinedAfter, FREEZE)).isEqualTo(PaperRejection.JOINED_AFTER_FREEZE);
        assertThat(SelectionPapers.ineligibility(lapsedOnFreeze, FREEZE)).isNull();
        assertThat(SelectionPapers.ineligibility(lapsedTheDayBefore, FREEZE)).isEqualTo(PaperRejection.LAPSED);
        assertThat(SelectionPapers.ineligibility(lapsedUndated, FREEZE)).isEqualTo(PaperRejection.LAPSED);
        assertThat(SelectionPapers.ineligibility(null, FREEZE)).isEqualTo(PaperRejection.NOT_A_MEMBER);
    }

    @Test
    void aNameNotOnTheShortlist_stopsThePreferences_soTheLaterOnesAreNotTransferred() throws Exception {
        Path members = write("m.csv", "membership_number,joined\nA1,2020-01-01\nA2,2020-01-01\nA3,2020-01-01\nA4,2020-01-01\n"
                + "A5,2020-01-01\n");
        Path shortlist = write("s.csv", "candidate,shortlisted_by,shortlisted_on\nAnn,Panel,2026-01-01\nBen,Panel,2026-01-01\n"
                + "Cat,Panel,2026-01-01\n");
        // Cat is excluded first; A5's next preference is a name not on the shortlist, so Ben (after it) gets nothing
        Path ballots = write("b.csv", "membership_number,1,2,3\nA1,Ann,,\nA2,Ann,,\nA3,Ben,,\nA4,Ben,,\nA5,Cat,Nobody,Ben\n");
        SelectionCount.Counted c = SelectionCount.count(new SelectionCount.Inputs("t", "P", members, FREEZE, shortlist, ballots,
                1, null, 7L));
        CountReport r = c.report();
        assertThat(c.sorted().cutShort()).containsExactly(new SelectionPapers.CutShort(6, "A5", 2, "Nobody"));
        assertThat(r.stages().get(1).votesOf(1)).isEqualTo(2);
        assertThat(r.stages().get(1).nonTransferable()).isEqualTo(1);
    }

    @Test
    void twoPlaces_countedByErs97Stv_withAnIneligiblePaperLeftOut() throws Exception {
        StringBuilder m = new StringBuilder("membership_number,joined,lapsed,status\n");
        for (int i = 1; i <= 14; i++) {
            m.append(String.format("M%02d,2020-01-01,,%n", i));
        }
        m.append("M15,2026-01-10,,\n");
        Path members = write("m.csv", m.toString());
        Path shortlist = write("s.csv", "candidate,shortlisted_by,shortlisted_on\nAnn,NEC panel,2026-01-20\nBen,NEC panel,2026-01-20\n"
                + "Cat,NEC panel,2026-01-20\nDan,NEC panel,2026-01-20\n");
        // 12 counted papers, quota 12/3 + 1 = 5: Ann 6 (surplus 1: four papers to Ben, two to Cat), Ben 2, Cat 3, Dan 1 (to Cat)
        Path ballots = write("b.csv", """
                membership_number,1,2,3
                M01,Ann,Ben,
                M02,Ann,Ben,
                M03,Ann,Ben,
                M04,Ann,Ben,
                M05,Ann,Cat,
                M06,Ann,Cat,
                M07,Ben,,
                M08,Ben,,
                M09,Cat,,
                M10,Cat,,
                M11,Cat,,
                M12,Dan,Cat,
                M15,Ben,Ben,
                """);
        SelectionCount.Counted c = SelectionCount.count(new SelectionCount.Inputs("selection.green.camden.2026-02-01", "Green",
                members, FREEZE, shortlist, ballots, 2, null, null));
        CountReport r = c.report();
        assertThat(c.method()).isEqualTo("stv-ers97");
        assertThat(r.seats()).isEqualTo(2);
        assertThat(c.sorted().byReason().get(PaperRejection.JOINED_AFTER_FREEZE)).isEqualTo(1);
        assertThat(r.ballots().valid()).isEqualTo(12);
        assertThat(r.elected()).extracting(i -> name(r, i)).containsExactlyInAnyOrder("Ann", "Cat");
        // the paper of M15, who joined after the freeze date, would have given Ben 3 first preferences
        assertThat(r.decimals()).isEqualTo(2);
        assertThat(r.stages().get(0).votesOf(1)).isEqualTo(2 * 100);
    }

    @Test
    void aMethodThatCannotCountASelection_isRefusedInWords() {
        assertThatThrownBy(() -> SelectionCount.rules("fptp", 1)).hasMessageContaining("av (one place) or an STV method");
        assertThatThrownBy(() -> SelectionCount.rules("av", 2)).hasMessageContaining("av fills one place");
        assertThatThrownBy(() -> SelectionCount.rules("nonesuch", 1)).hasMessageContaining("unknown method 'nonesuch'");
        assertThat(SelectionCount.rules("stv-scotland", 3).method()).isEqualTo("stv-scotland");
    }

    @Test
    void badFiles_areLocatedByLineAndColumn() throws Exception {
        Path dup = write("dup.csv", "membership_number,joined\nL1,2020-01-01\nL1,2021-01-01\n");
        assertThatThrownBy(() -> MembersCsv.read(dup)).hasMessage(dup + ":3:1: expected each membership number once, found "
                + "'L1' again (first on line 2)");
        Path lapse = write("lapse.csv", "joined,membership_number,lapsed\n2020-05-01,L1,2020-04-01\n");
        assertThatThrownBy(() -> MembersCsv.read(lapse)).hasMessageStartingWith(lapse + ":2:3: expected a lapse on or after");
        Path status = write("status.csv", "membership_number,joined,status\nL1,2020-05-01,suspended\n");
        assertThatThrownBy(() -> MembersCsv.read(status)).hasMessage(status + ":2:3: expected a status active or lapsed (or blank), "
                + "found 'suspended'");
        Path header = write("header.csv", "number,joined\nL1,2020-05-01\n");
        assertThatThrownBy(() -> MembersCsv.read(header)).hasMessageStartingWith(header + ":1:1: expected a header row "
                + "membership_number,joined");
        Path by = write("by.csv", "candidate,shortlisted_by,shortlisted_on\nAnn,CLP,2026-01-01\nBen,NEC,2026-01-01\n");
        assertThatThrownBy(() -> ShortlistCsv.read(by)).hasMessage(by + ":3:2: expected the same shortlisted_by on every row "
                + "('CLP'), found 'NEC'");
        Path twice = write("twice.csv", "candidate,shortlisted_by,shortlisted_on\nAnn,CLP,2026-01-01\nann ,CLP,2026-01-01\n");
        assertThatThrownBy(() -> ShortlistCsv.read(twice)).hasMessageStartingWith(twice + ":3:1: expected each candidate once");
        Path ranks = write("ranks.csv", "membership_number,1,3\nL1,Ann,Ben\n");
        assertThatThrownBy(() -> SelectionBallotsCsv.read(ranks)).hasMessage(ranks + ":1:3: expected a preference column "
                + "headed 1 to 2, each once, found '3'");
        Path blank = write("blank.csv", "membership_number,1\n,Ann\n");
        assertThatThrownBy(() -> SelectionBallotsCsv.read(blank)).hasMessage(blank + ":2:1: expected a membership number, "
                + "found an empty value");
        Path wide = write("wide.csv", "membership_number,1\nL1,Ann,Ben\n");
        assertThatThrownBy(() -> SelectionBallotsCsv.read(wide)).hasMessage(wide + ":2:3: expected 2 fields as the header has, "
                + "found 3 fields");
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }
}
