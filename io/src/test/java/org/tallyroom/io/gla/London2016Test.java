package org.tallyroom.io.gla;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tallyroom.count.Contest;
import org.tallyroom.count.CountOptions;
import org.tallyroom.count.CountReport;
import org.tallyroom.count.RejectionReason;
import org.tallyroom.count.Votes;
import org.tallyroom.count.plurality.Fptp;
import org.tallyroom.testing.SharedData;

/** Reads the real 2016 files in place (data/uk/london-2016) and checks them against the declarations. */
class London2016Test {
    private static London2016 london;

    @BeforeAll
    static void read() throws Exception {
        Path dir = SharedData.path("uk/london-2016");
        london = London2016.read(dir);
    }

    @Test
    void barnetAndCamden_byFptpFromItsWards_electsDismoreBy16240() {
        Contest c = london.constituencyContest("Barnet & Camden");
        assertThat(c.title()).isEqualTo("Barnet and Camden");
        CountReport r = new Fptp().count(c, CountOptions.seats(1));
        assertThat(r.electedNames()).containsExactly("Andrew Hartley DISMORE");
        long[] votes = r.stages().get(0).votes();
        long dismore = votes[c.indexOf("Andrew Hartley DISMORE")];
        long second = java.util.Arrays.stream(votes).filter(v -> v != dismore).max().orElseThrow();
        assertThat(dismore).isEqualTo(81_482);
        assertThat(dismore - second).isEqualTo(16_240);
        assertThat(r.ballots().byReason()).containsExactlyInAnyOrderEntriesOf(Map.of(
                RejectionReason.IDENTIFIABLE, 14L, RejectionReason.UNMARKED_OR_UNCERTAIN, 1_579L + 200L,
                RejectionReason.TOO_MANY_VOTES, 257L));
    }

    @Test
    void londonWideList_sumsEveryRowIncludingPostalPseudoWards() {
        Contest c = london.londonWideListContest();
        long[] v = ((Votes.Tallies) c.votes()).votes();
        assertThat(c.candidates()).hasSize(12);
        assertThat(v[c.indexOf("Labour Party")]).isEqualTo(1_054_801);
        assertThat(v[c.indexOf("Conservative Party")]).isEqualTo(764_230);
        assertThat(v[c.indexOf("Green Party - \"vote Green on orange\"")]).isEqualTo(207_959);
        assertThat(v[c.indexOf("UK Independence Party (UKIP)")]).isEqualTo(171_069);
        assertThat(v[c.indexOf("Caroline Pidgeon's London Liberal Democrats")]).isEqualTo(165_580);
        long postal = london.londonMembers().rows().stream().filter(r -> r.kind() == WardRow.Kind.POSTAL)
                .mapToLong(r -> r.votesAt(c.indexOf("Labour Party"))).sum();
        assertThat(postal).isPositive();
        assertThat(c.rejected()).containsEntry(RejectionReason.WANT_OF_OFFICIAL_MARK, 6L)
                .containsEntry(RejectionReason.UNMARKED_OR_UNCERTAIN, 18_842L + 1_127L);
    }

    @Test
    void rowsAreTypedAsWardsPostalPseudoWardsAndTheUndividedCity() {
        WardResultsFile members = london.londonMembers();
        assertThat(members.rows()).hasSize(663);
        assertThat(members.rows().stream().filter(r -> r.kind() == WardRow.Kind.POSTAL)).hasSize(33);
        assertThat(members.rows().stream().filter(r -> r.kind() == WardRow.Kind.UNDIVIDED_AREA))
                .singleElement().satisfies(r -> {
                    assertThat(r.ward()).isEqualTo("London");
                    assertThat(r.constituency()).isEqualTo("City & East");
                });
        assertThat(members.rows()).anySatisfy(r -> assertThat(r.ward()).isEqualTo("RuT Postal"));
        assertThat(members.rowsOf("City and East")).hasSize(62);
        assertThat(london.constituency("city-and-east").rows()).hasSize(62);
    }

    @Test
    void quirks_areKeptAsFound() {
        // Three codes each on two rows: a ward and its namesake in another borough.
        assertThat(london.londonMembers().duplicateGssCodes()).containsExactly("E05000099", "E05000461", "E05009380");
        assertThat(london.mayorFirstPreferences().candidates()).hasSize(11).noneMatch(n -> n.contains("ZYLINSKI"));
        assertThat(london.mayorSecondPreferences().candidates()).hasSize(12).contains("Prince ZYLINSKI");
        assertThat(london.mayorSecondPreferences().reasonColumns()).containsExactly("Unmarked", "Uncertain",
                "Voting for too many");
        assertThat(london.constituency("Croydon and Sutton").candidates()).contains("Richard EDMONDS");
        assertThat(london.gssCodes()).hasSize(654)
                .anySatisfy(g -> assertThat(g).isEqualTo(new GssCode(g.line(), "City and East", "Portsoken", "E05009308")));
        assertThat(london.constituencyNames()).hasSize(14).contains("Barnet and Camden", "West Central");
    }

    @Test
    void mayorFirstPreferences_matchTheDeclarationForEveryCandidateInTheFile() {
        WardResultsFile f = london.mayorFirstPreferences();
        long[] t = f.totals();
        assertThat(t[f.candidates().indexOf("Sadiq Aman KHAN")]).isEqualTo(1_148_716);
        assertThat(t[f.candidates().indexOf("Zac GOLDSMITH")]).isEqualTo(909_755);
        assertThat(f.rejected(WardResultsFile.MAYOR_REJECTIONS))
                .containsEntry(RejectionReason.MULTIPLE_FIRST_PREFERENCES, 32_217L);
    }

    @Test
    void everyConstituencyWinnerByFptp_isNineLabourFiveConservative() {
        List<String> winners = london.constituencyNames().stream()
                .map(n -> new Fptp().count(london.constituencyContest(n), CountOptions.seats(1)).electedNames().get(0))
                .toList();
        assertThat(winners).hasSize(14).doesNotHaveDuplicates();
        assertThat(London2016AssemblyTest.WINNERS_PARTY.keySet()).containsExactlyInAnyOrderElementsOf(winners);
    }
}
