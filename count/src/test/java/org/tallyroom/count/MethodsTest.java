package org.tallyroom.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MethodsTest {

    @Test
    void everyMethodOnce_inTheDocumentedOrder_withItsRules() {
        assertThat(Methods.ids()).containsExactly("fptp", "block", "sv", "av", "dhondt", "sainte-lague", "ams",
                "stv-scotland", "stv-ni", "stv-ers97", "stv-meek");
        for (Method m : Methods.all()) {
            assertThat(m.rules().method()).isEqualTo(m.id());
            assertThat(Methods.byId(m.id())).containsSame(m.rules());
            assertThat(m.displayName()).isNotBlank().isNotEqualTo(m.id());
        }
    }

    @Test
    void kinds_inputs_andWhatIsPublished() {
        assertThat(Methods.all()).filteredOn(m -> m.kind() == Method.Kind.STV).extracting(Method::id)
                .containsExactly("stv-scotland", "stv-ni", "stv-ers97", "stv-meek");
        assertThat(Methods.all()).filteredOn(m -> m.kind() == Method.Kind.PLURALITY).extracting(Method::id)
                .containsExactly("fptp", "block");
        assertThat(Methods.all()).filteredOn(m -> m.kind() == Method.Kind.LIST).extracting(Method::id)
                .containsExactly("dhondt", "sainte-lague", "ams");
        assertThat(Methods.all()).filteredOn(m -> m.counts() == Method.Input.RANKED_PAPERS).extracting(Method::id)
                .containsExactly("av", "stv-scotland", "stv-ni", "stv-ers97", "stv-meek");
        assertThat(Methods.counts("sv")).isEqualTo(Method.Input.FIRST_AND_SECOND_CHOICES);
        assertThat(Methods.counts(null)).isEqualTo(Method.Input.TOTALS);
        assertThat(Methods.is("stv-meek", Method.Kind.STV)).isTrue();
        assertThat(Methods.is("stvx", Method.Kind.STV)).isFalse();
        assertThat(Methods.is(null, Method.Kind.PLURALITY)).isFalse();
        assertThat(Methods.displayName("stv-ni")).isEqualTo("single transferable vote (Northern Ireland)");
        assertThat(Methods.displayName("unknown")).isEqualTo("unknown");
    }

    @Test
    void stvPublishesFirstPreferences_othersTheLastStage() {
        List<Candidate> cands = List.of(new Candidate("A", ""), new Candidate("B", ""), new Candidate("C", ""));
        List<Ballot> papers = List.of(Ballot.ranking(5, 0, 1), Ballot.ranking(3, 1), Ballot.ranking(2, 2, 1));
        Contest contest = new Contest("t", cands, new Votes.Papers(papers), Map.of(), 1);
        CountReport av = Methods.byId("av").orElseThrow().count(contest, CountOptions.seats(1));
        assertThat(av.stages()).hasSizeGreaterThan(1);
        assertThat(Methods.publishes("av").stageOf(av)).isSameAs(av.lastStage());
        CountReport stv = Methods.byId("stv-scotland").orElseThrow().count(contest, CountOptions.seats(1));
        assertThat(stv.stages()).hasSizeGreaterThan(1);
        assertThat(Methods.publishes("stv-scotland").stageOf(stv)).isSameAs(stv.stages().get(0));
        assertThat(stv.stages().get(0).votesOf(2)).isEqualTo(Fixed.of(2, 5));
    }
}
