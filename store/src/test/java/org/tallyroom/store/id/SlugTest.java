package org.tallyroom.store.id;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugTest {
    @Test
    void accentsDecomposeToAscii() {
        assertThat(Slug.of("Ynys Môn")).isEqualTo("ynys-mon");
        assertThat(Slug.of("Pen-y-fâl")).isEqualTo("pen-y-fal");
    }

    @Test
    void punctuationOtherThanUnderscoreSpaceAndHyphenIsDropped() {
        assertThat(Slug.of("St. Helier's & Bow")).isEqualTo("st-heliers-bow");
        assertThat(Slug.of("Spitalfields & Banglatown")).isEqualTo("spitalfields-banglatown");
        assertThat(Slug.of("Hythe_West")).isEqualTo("hythe_west");
    }

    @Test
    void runsOfSpacesAndHyphensBecomeOneHyphen_andEndsAreTrimmed() {
        assertThat(Slug.of("  Barnet  -  and - Camden ")).isEqualTo("barnet-and-camden");
        assertThat(Slug.of("Kensington -- Chelsea")).isEqualTo("kensington-chelsea");
        // A dropped character does not break a run, nor leave a hyphen at either end.
        assertThat(Slug.of("Bow - ' - Poplar")).isEqualTo("bow-poplar");
        assertThat(Slug.of("' -Bow- '")).isEqualTo("bow");
        assertThat(Slug.of("&")).isEmpty();
    }

    @Test
    void lowerCasesAndKeepsDigits() {
        assertThat(Slug.of("Ward No 10")).isEqualTo("ward-no-10");
        assertThat(Slug.of("CHIPPING BARNET")).isEqualTo("chipping-barnet");
    }

    @Test
    void compatibilityCharactersDecompose() {
        assertThat(Slug.of("ﬁnchley")).isEqualTo("finchley");
        assertThat(Slug.of("№ 1")).isEqualTo("no-1");
    }

    @Test
    void isSlug_onlyForFixedPoints() {
        assertThat(Slug.isSlug("chipping-barnet")).isTrue();
        assertThat(Slug.isSlug("Chipping Barnet")).isFalse();
        assertThat(Slug.isSlug("-x")).isFalse();
        assertThat(Slug.isSlug("")).isFalse();
    }
}
