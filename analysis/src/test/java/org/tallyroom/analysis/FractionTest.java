package org.tallyroom.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FractionTest {
    @Test
    void keptInLowestTerms_soEqualValuesAreEqualRecords() {
        assertThat(Fraction.of(2, 4)).isEqualTo(Fraction.of(-1, -2));
        assertThat(Fraction.of(0, 7)).isEqualTo(Fraction.ZERO);
    }

    @Test
    void percentRoundsHalfUp_awayFromZero_toTwoPlaces() {
        assertThat(Fraction.of(1, 8).percent()).isEqualByComparingTo("12.50");
        assertThat(Fraction.of(1, 80000).percent()).isEqualByComparingTo("0.00");
        assertThat(Fraction.of(1, 20000).percent()).isEqualByComparingTo("0.01");
        assertThat(Fraction.of(-1, 20000).percent()).isEqualByComparingTo("-0.01");
        assertThat(Fraction.of(2, 3).percent()).isEqualTo(new BigDecimal("66.67"));
    }

    @Test
    void comparisonsAreExact_evenWhereTheDisplayIsEqual() {
        Fraction a = Fraction.of(4633, 10000);
        Fraction b = Fraction.of(46334, 100000);
        assertThat(a.percent()).isEqualTo(b.percent());
        assertThat(a).isLessThan(b);
    }

    @Test
    void pointsAsWritten_areHundredthsExactly() {
        assertThat(Fraction.points("-4")).isEqualTo(Fraction.of(-1, 25));
        assertThat(Fraction.points("+3")).isEqualTo(Fraction.of(3, 100));
        assertThat(Fraction.points("0.25")).isEqualTo(Fraction.of(1, 400));
    }

    @Test
    void percent_fastLongPath_agreesWithBigDecimalHalfUp_onSeededRandomValues() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(20240704);
        for (int i = 0; i < 100_000; i++) {
            long d = 1 + random.nextLong(i % 2 == 0 ? 1_000 : 1L << 40);
            long n = random.nextLong(-3 * d, 3 * d + 1);
            Fraction f = Fraction.of(n, d);
            BigDecimal expected = new BigDecimal(n).multiply(BigDecimal.valueOf(100))
                    .divide(new BigDecimal(d), 2, java.math.RoundingMode.HALF_UP);
            assertThat(f.percent()).as(n + "/" + d).isEqualByComparingTo(expected);
            assertThat(f.percent().scale()).isEqualTo(2);
        }
        Fraction big = Fraction.of(new java.math.BigInteger("123456789012345678901234567890"),
                new java.math.BigInteger("246913578024691357802469135780"));
        assertThat(big.percent()).isEqualByComparingTo("50.00");
    }

    @Test
    void arithmetic() {
        assertThat(Fraction.of(1, 3).plus(Fraction.of(1, 6))).isEqualTo(Fraction.of(1, 2));
        assertThat(Fraction.of(1, 3).minus(Fraction.of(1, 2))).isEqualTo(Fraction.of(-1, 6));
        assertThat(Fraction.of(2, 3).times(Fraction.of(3, 4))).isEqualTo(Fraction.of(1, 2));
        assertThat(Fraction.of(1, 2).dividedBy(Fraction.of(1, 4))).isEqualTo(Fraction.of(2, 1));
        assertThat(Fraction.of(1, 2).half()).isEqualTo(Fraction.of(1, 4));
    }
}
