package org.tallyroom.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LotTest {
    private static final List<Candidate> TWO = List.of(new Candidate("A", ""), new Candidate("B", ""));

    @Test
    void neighbouringSeeds_drawDifferently() {
        Set<Integer> drawn = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            drawn.add(new Lot(seed, List.of()).draw(List.of(0, 1), TWO));
        }
        assertThat(drawn).containsExactlyInAnyOrder(0, 1);
    }

    @Test
    void sameSeed_sameDraws() {
        Lot a = new Lot(7, List.of());
        Lot b = new Lot(7, List.of());
        for (int i = 0; i < 50; i++) {
            assertThat(a.draw(List.of(0, 1), TWO)).isEqualTo(b.draw(List.of(0, 1), TWO));
        }
    }

    @Test
    void suppliedNames_decideBeforeTheSeed() {
        assertThat(new Lot(7, List.of("X", "B")).draw(List.of(0, 1), TWO)).isEqualTo(1);
    }
}
