package org.tallyroom.store.id;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VotingSystemsTest {
    @ParameterizedTest
    @CsvSource({
            "local.barnet.whetstone.2022-05-05, ENGLAND, 1, fptp",
            "local.barnet.whetstone.2022-05-05, ENGLAND, 3, block",
            "local.cardiff.cathays.2022-05-05, WALES, 4, block",
            "local.glasgow-city.linn.2022-05-05, SCOTLAND, 4, stv-scotland",
            "local.belfast.balmoral.2023-05-18, NORTHERN_IRELAND, 5, stv-ni",
            "parl.chipping-barnet.2019-12-12, ENGLAND, 1, fptp",
            "gla.c.barnet-and-camden.2016-05-05, ENGLAND, 1, fptp",
            "gla.a.2016-05-05, ENGLAND, 11, ams",
            "mayor.london.2016-05-05, ENGLAND, 1, sv",
            "mayor.london.2021-05-06, ENGLAND, 1, sv",
            "mayor.london.2024-05-02, ENGLAND, 1, fptp",
            "pcc.avon-and-somerset.2023-05-03, ENGLAND, 1, sv",
            "pcc.avon-and-somerset.2023-05-04, ENGLAND, 1, fptp",
            "sp.c.glasgow-kelvin.2021-05-06, SCOTLAND, 1, fptp",
            "sp.r.glasgow.2021-05-06, SCOTLAND, 7, ams",
            "senedd.c.cardiff-central.2021-05-06, WALES, 1, fptp",
            "senedd.r.south-wales-central.2021-05-06, WALES, 4, ams",
            "nia.belfast-east.2022-05-05, NORTHERN_IRELAND, 5, stv-ni",
    })
    void defaultsByTypeAndDate(String id, Nation nation, int seats, String method) {
        assertThat(VotingSystems.defaultMethod(ElectionId.parse(id), nation, seats)).hasValue(method);
    }

    @Test
    void localWithoutANation_andReferendums_haveNoDefault() {
        assertThat(VotingSystems.defaultMethod(ElectionId.parse("local.barnet.whetstone.2022-05-05"), null, 1)).isEmpty();
        assertThat(VotingSystems.defaultMethod(ElectionId.parse("ref.croydon.2021-10-07"), Nation.ENGLAND, 1)).isEmpty();
    }

    @Test
    void nationFromGssCode() {
        assertThat(Nation.ofGss("E05013651")).hasValue(Nation.ENGLAND);
        assertThat(Nation.ofGss("S13002977")).hasValue(Nation.SCOTLAND);
        assertThat(Nation.ofGss("W05001303")).hasValue(Nation.WALES);
        assertThat(Nation.ofGss("N08000101")).hasValue(Nation.NORTHERN_IRELAND);
        assertThat(Nation.ofGss("")).isEmpty();
        assertThat(Nation.ofGss("X1")).isEmpty();
    }
}
