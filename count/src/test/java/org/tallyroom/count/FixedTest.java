package org.tallyroom.count;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FixedTest {
    @Test
    void formatsWithExactlyTheGivenPlaces() {
        assertThat(Fixed.format(15026536, 5)).isEqualTo("150.26536");
        assertThat(Fixed.format(5, 5)).isEqualTo("0.00005");
        assertThat(Fixed.format(-5, 2)).isEqualTo("-0.05");
        assertThat(Fixed.format(1118, 0)).isEqualTo("1118");
    }

    @Test
    void parsesWhatItFormats() {
        assertThat(Fixed.parse("150.26536", 5)).isEqualTo(15026536);
        assertThat(Fixed.parse("1118", 5)).isEqualTo(111800000);
        assertThat(Fixed.parse("0.5", 2)).isEqualTo(50);
    }

    @Test
    void refusesMorePlacesThanTheScale() {
        assertThatThrownBy(() -> Fixed.parse("1.234", 2)).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Fixed.parse("1e5", 2)).isInstanceOf(NumberFormatException.class);
    }
}
