package org.tallyroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tallyroom.store.BallotView;
import org.tallyroom.count.RejectionReason;
import org.tallyroom.store.ResultStatus;
import org.tallyroom.store.ResultVersion;
import org.tallyroom.store.Turnout;

class VersionDiffTest {
    private static final BallotView.Candidate ABLE = candidate(11, 1, "Ann Able", "Lab");
    private static final BallotView.Candidate BELL = candidate(12, 2, "Bo Bell", null);
    private static final BallotView.Candidate COLE = candidate(13, 3, "Cy Cole", "Grn");
    private static final Turnout ACCOUNT = new Turnout(4000L, 1200L, new BigDecimal("1190"), 10L, Map.of());

    @Test
    void eachCandidatesVotesBeforeAndAfterWithTheDifference() {
        VersionDiff d = VersionDiff.between(version(1, ACCOUNT, f(ABLE, "500", true), f(BELL, "450", false), f(COLE, "100", false)),
                version(2, ACCOUNT, f(ABLE, "500", true), f(BELL, "440", false), f(COLE, "110", false)));
        assertThat(d.candidates()).extracting(c -> c.candidate().name(), VersionDiff.CandidateChange::kind,
                VersionDiff.CandidateChange::difference).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Ann Able", VersionDiff.Kind.SAME, new BigDecimal("0")),
                        org.assertj.core.groups.Tuple.tuple("Bo Bell", VersionDiff.Kind.CHANGED, new BigDecimal("-10")),
                        org.assertj.core.groups.Tuple.tuple("Cy Cole", VersionDiff.Kind.CHANGED, new BigDecimal("10")));
        assertThat(d.candidates().get(1).before()).isEqualByComparingTo("450");
        assertThat(d.candidates().get(1).after()).isEqualByComparingTo("440");
        assertThat(d.account()).isEmpty();
        assertThat(d.unchanged()).isFalse();
    }

    @Test
    void whoIsElectedChanging() {
        VersionDiff d = VersionDiff.between(version(1, ACCOUNT, f(ABLE, "500", true), f(BELL, "450", false)),
                version(2, ACCOUNT, f(ABLE, "500", false), f(BELL, "540", true)));
        assertThat(d.candidates().get(0).electedChanged()).isTrue();
        assertThat(d.candidates().get(0).electedAfter()).isFalse();
        assertThat(d.candidates().get(0).kind()).isEqualTo(VersionDiff.Kind.CHANGED);
        assertThat(d.candidates().get(1).electedChanged()).isTrue();
        assertThat(d.candidates().get(1).electedAfter()).isTrue();
    }

    @Test
    void candidatesAreMatchedByCandidacyNotPosition() {
        // Cole's figures appear only in the later version, Bell's only in the earlier: added and removed, not Bell's votes changed.
        VersionDiff d = VersionDiff.between(version(1, ACCOUNT, f(ABLE, "500", true), f(BELL, "450", false)),
                version(2, ACCOUNT, f(ABLE, "500", true), f(COLE, "450", false)));
        assertThat(d.candidates()).extracting(c -> c.candidate().name(), VersionDiff.CandidateChange::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Ann Able", VersionDiff.Kind.SAME),
                org.assertj.core.groups.Tuple.tuple("Cy Cole", VersionDiff.Kind.ADDED),
                org.assertj.core.groups.Tuple.tuple("Bo Bell", VersionDiff.Kind.REMOVED));
        assertThat(d.candidates().get(1).before()).isNull();
        assertThat(d.candidates().get(1).difference()).isNull();
        assertThat(d.candidates().get(2).after()).isNull();
    }

    @Test
    void theSameFigureAtMoreDecimalsIsNoChange() {
        VersionDiff d = VersionDiff.between(version(1, ACCOUNT, f(ABLE, "1200", true)), version(2, ACCOUNT, f(ABLE, "1200.00", true)));
        assertThat(d.unchanged()).isTrue();
    }

    @Test
    void theBallotPaperAccountsChangedFiguresInDeclarationOrder() {
        Turnout later = new Turnout(4100L, 1200L, new BigDecimal("1188"), 12L, Map.of(RejectionReason.values()[0], 2L));
        VersionDiff d = VersionDiff.between(version(1, ACCOUNT, f(ABLE, "500", true)), version(2, later, f(ABLE, "500", true)));
        assertThat(d.account()).extracting(VersionDiff.FigureChange::figure).containsExactly(VersionDiff.Figure.ELECTORATE,
                VersionDiff.Figure.TURNOUT, VersionDiff.Figure.VALID, VersionDiff.Figure.REJECTED);
        assertThat(d.account().get(0).difference()).isEqualByComparingTo("100");
        // 1200 of 4000 is 30.00%, of 4100 29.27%
        assertThat(d.account().get(1).before()).isEqualByComparingTo("30.00");
        assertThat(d.account().get(1).after()).isEqualByComparingTo("29.27");
        assertThat(d.account().get(3).difference()).isEqualByComparingTo("2");
        assertThat(d.unchanged()).isFalse();
    }

    @Test
    void aFigureNoLongerStatedIsAChangeButOneUnknownInBothIsNot() {
        Turnout noElectorate = new Turnout(null, 1200L, new BigDecimal("1190"), 10L, Map.of());
        VersionDiff d = VersionDiff.between(version(1, ACCOUNT, f(ABLE, "500", true)), version(2, noElectorate, f(ABLE, "500", true)));
        assertThat(d.account()).extracting(VersionDiff.FigureChange::figure)
                .containsExactly(VersionDiff.Figure.ELECTORATE, VersionDiff.Figure.TURNOUT);
        assertThat(d.account().get(0).after()).isNull();
        assertThat(d.account().get(0).difference()).isNull();
        assertThat(VersionDiff.between(version(1, Turnout.UNKNOWN, f(ABLE, "500", true)),
                version(2, Turnout.UNKNOWN, f(ABLE, "500", true))).unchanged()).isTrue();
    }

    private static BallotView.Candidate candidate(long id, int position, String name, String party) {
        return new BallotView.Candidate(id, position, name, name.toLowerCase().replace(' ', '-'), party, party, null, null);
    }

    private static ResultVersion.Figures f(BallotView.Candidate c, String votes, boolean elected) {
        return new ResultVersion.Figures(c, new BigDecimal(votes), elected, null, null);
    }

    private static ResultVersion version(int n, Turnout t, ResultVersion.Figures... figures) {
        return new ResultVersion(n, n == 1 ? ResultStatus.DECLARED : ResultStatus.CORRECTED, "returning-officer",
                Instant.parse("2023-03-03T01:14:00Z").plusSeconds(60L * n), n == 1 ? null : "a correction", null, 0, t,
                List.of(figures), "fptp", null);
    }
}
