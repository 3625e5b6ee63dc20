package org.tallyroom.store.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ElectionIdTest {
    @ParameterizedTest
    @CsvSource({
            "local.2022-05-05, GROUP",
            "local.barnet.2022-05-05, ORGANISATION",
            "local.barnet.whetstone.2022-05-05, BALLOT",
            "local.tower-hamlets.spitalfields-banglatown.by.2012-03-22, BALLOT",
            "parl.2019-12-12, GROUP",
            "parl.chipping-barnet.2019-12-12, BALLOT",
            "parl.chipping-barnet.by.2021-06-17, BALLOT",
            "gla.2016-05-05, GROUP",
            "gla.c.2016-05-05, GROUP",
            "gla.c.barnet-and-camden.2016-05-05, BALLOT",
            "gla.a.2016-05-05, BALLOT",
            "mayor.2016-05-05, GROUP",
            "mayor.london.2016-05-05, BALLOT",
            "pcc.avon-and-somerset.2021-05-06, BALLOT",
            "ref.croydon.2021-10-07, BALLOT",
            "sp.c.glasgow-kelvin.2021-05-06, BALLOT",
            "sp.r.glasgow.2021-05-06, BALLOT",
            "senedd.c.cardiff-central.2021-05-06, BALLOT",
            "senedd.r.south-wales-central.2021-05-06, BALLOT",
            "nia.belfast-east.2022-05-05, BALLOT",
    })
    void parsesEveryShapeInFormats_andPrintsItBack(String text, ElectionId.Level level) {
        ElectionId id = ElectionId.parse(text);
        assertThat(id.level()).isEqualTo(level);
        assertThat(id.toString()).isEqualTo(text);
    }

    @Test
    void partsOfALocalBallot() {
        ElectionId id = ElectionId.parse("local.barnet.whetstone.2022-05-05");
        assertThat(id.type()).isEqualTo(ElectionType.LOCAL);
        assertThat(id.organisation()).isEqualTo("barnet");
        assertThat(id.division()).isEqualTo("whetstone");
        assertThat(id.date()).isEqualTo(LocalDate.of(2022, 5, 5));
        assertThat(id.byElection()).isFalse();
        assertThat(id.parent()).hasValue(ElectionId.parse("local.barnet.2022-05-05"));
        assertThat(id.organisationElectionId()).hasValue(ElectionId.parse("local.barnet.2022-05-05"));
        assertThat(id.groupId()).isEqualTo(ElectionId.parse("local.2022-05-05"));
    }

    @Test
    void byElectionFlagAndItsParentIsTheOrganisationElection() {
        ElectionId id = ElectionId.parse("local.tower-hamlets.spitalfields-banglatown.by.2012-03-22");
        assertThat(id.byElection()).isTrue();
        assertThat(id.parent()).hasValue(ElectionId.parse("local.tower-hamlets.2012-03-22"));
    }

    @Test
    void parentsClimbToThePlainGroup() {
        assertThat(ElectionId.parse("gla.c.barnet-and-camden.2016-05-05").parent()).hasValue(ElectionId.parse("gla.c.2016-05-05"));
        assertThat(ElectionId.parse("gla.c.2016-05-05").parent()).hasValue(ElectionId.parse("gla.2016-05-05"));
        assertThat(ElectionId.parse("gla.a.2016-05-05").parent()).hasValue(ElectionId.parse("gla.2016-05-05"));
        assertThat(ElectionId.parse("parl.chipping-barnet.2019-12-12").parent()).hasValue(ElectionId.parse("parl.2019-12-12"));
        assertThat(ElectionId.parse("mayor.london.2016-05-05").parent()).hasValue(ElectionId.parse("mayor.2016-05-05"));
        assertThat(ElectionId.parse("local.barnet.2022-05-05").parent()).hasValue(ElectionId.parse("local.2022-05-05"));
        assertThat(ElectionId.parse("local.2022-05-05").parent()).isEmpty();
    }

    @Test
    void parlAndNiaHaveNoOrganisationElection() {
        assertThat(ElectionId.parse("parl.chipping-barnet.2019-12-12").organisationElectionId()).isEmpty();
        assertThat(ElectionId.parse("nia.belfast-east.2022-05-05").organisation()).isNull();
    }

    @Test
    void buildersSlugTheNames() {
        ElectionId id = ElectionId.ballot(ElectionType.LOCAL, null, "Tower Hamlets", "Spitalfields & Banglatown",
                true, LocalDate.of(2012, 3, 22));
        assertThat(id).hasToString("local.tower-hamlets.spitalfields-banglatown.by.2012-03-22");
        assertThat(ElectionId.ballot(ElectionType.PARL, null, "House of Commons", "Chipping Barnet", false,
                LocalDate.of(2019, 12, 12))).hasToString("parl.chipping-barnet.2019-12-12");
        assertThat(ElectionId.ballot(ElectionType.GLA, "c", null, "Barnet and Camden", false, LocalDate.of(2016, 5, 5)))
                .hasToString("gla.c.barnet-and-camden.2016-05-05");
        assertThat(ElectionId.organisationElection(ElectionType.LOCAL, "Barnet", LocalDate.of(2022, 5, 5)))
                .hasToString("local.barnet.2022-05-05");
        assertThat(ElectionId.group(ElectionType.LOCAL, LocalDate.of(2022, 5, 5))).hasToString("local.2022-05-05");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "council.barnet.2022-05-05 | expected an election type",
            "local.barnet.2022-5-5 | expected a polling date YYYY-MM-DD",
            "local.barnet.2022-02-30 | expected a polling date",
            "local.barnet.whetstone.extra.2022-05-05 | found extra part 'extra'",
            "local.Barnet.2022-05-05 | expected a slug",
            "local..2022-05-05 | no empty part",
            "gla.barnet-and-camden.2016-05-05 | expected subtype c or a",
            "gla.a.london.2016-05-05 | gla.a is the London-wide ballot and has no division",
            "mayor.london.centre.2016-05-05 | found extra part 'centre'",
            "pcc.avon.bristol.2021-05-06 | found extra part",
            "local.barnet.by.2022-05-05 | only a ballot id can be a by-election",
            "local.by.2022-05-05 | only a ballot id can be a by-election",
            "local.barnet.by.whetstone.2022-05-05 | .by. just before the date",
            "parl.x.y.2019-12-12 | found extra part 'y'",
            "2022-05-05 | expected type",
            "LOCAL.barnet.2022-05-05 | expected an election type",
    })
    void rejectsMalformedIds_sayingWhatWasExpected(String text, String message) {
        assertThatThrownBy(() -> ElectionId.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void constructorEnforcesPerTypeRules() {
        LocalDate d = LocalDate.of(2022, 5, 5);
        assertThatThrownBy(() -> new ElectionId(ElectionType.PARL, null, "commons", "x", false, d))
                .hasMessageContaining("parl ids have no organisation part");
        assertThatThrownBy(() -> new ElectionId(ElectionType.MAYOR, null, "london", "x", false, d))
                .hasMessageContaining("no division");
        assertThatThrownBy(() -> new ElectionId(ElectionType.GLA, null, null, "x", false, d))
                .hasMessageContaining("needs subtype c");
        assertThatThrownBy(() -> new ElectionId(ElectionType.LOCAL, "c", "barnet", null, false, d))
                .hasMessageContaining("local ids have no subtype");
        assertThatThrownBy(() -> new ElectionId(ElectionType.SP, "x", null, null, false, d))
                .hasMessageContaining("expected subtype c or r");
        assertThatThrownBy(() -> new ElectionId(ElectionType.LOCAL, null, null, "whetstone", false, d))
                .hasMessageContaining("needs its organisation");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not an id", "local.barnet", ""})
    void tryParseIsEmptyForRubbish(String text) {
        assertThat(ElectionId.tryParse(text)).isEmpty();
    }

    @Test
    void equalIdsAreEqualValues() {
        assertThat(ElectionId.parse("local.barnet.2022-05-05"))
                .isEqualTo(ElectionId.organisationElection(ElectionType.LOCAL, "Barnet", LocalDate.of(2022, 5, 5)));
    }
}
