package org.tallyroom.store.uk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallyroom.io.InputException;
import org.tallyroom.io.uk.Party;
import org.tallyroom.io.uk.PartyNameLookup;

/** Descriptions the lookup lacks: matched by folding or by a near spelling, else kept as published. */
class PartyResolverTest {
    @TempDir
    Path dir;

    private PartyResolver resolver() throws IOException, InputException {
        Path p = dir.resolve("lookup.csv");
        Files.writeString(p, "ward_party_name,official_party_name,party_code\n"
                + "Labour Party Candidate,Labour Party,LAB\nLabour and Co-operative,Labour Party,LAB\n"
                + "Christian People Alliance,Christian Peoples Alliance,CPA\n"
                + "Trade Unionist and Socialist Coalition,Trade Union and Socialist Party,TUSC\n"
                + "Socialist Party GB (World Socialist Movement),The Socialist Party of Great Britain,SGB\n");
        return new PartyResolver(PartyNameLookup.read(p));
    }

    @Test
    void listedDescriptions_mapExactly() throws Exception {
        assertThat(resolver().resolve("Labour Party Candidate", null)).isEqualTo(new Party("Labour Party", "LAB", ""));
    }

    @Test
    void foldedNamesAndCodes_match_andAreReported() throws Exception {
        PartyResolver r = resolver();
        assertThat(r.resolve("Labour & Co-op", null).abbreviation()).isEqualTo("LAB");
        assertThat(r.resolve("TUSC", null).abbreviation()).isEqualTo("TUSC");
        assertThat(r.matches()).containsKeys("Labour & Co-op", "TUSC");
    }

    @Test
    void nearSpellings_match_butOtherNamesAreKept() throws Exception {
        PartyResolver r = resolver();
        assertThat(r.resolve("Labour Party Candiate", null).abbreviation()).isEqualTo("LAB");
        assertThat(r.resolve("Christians People Alliance", null).abbreviation()).isEqualTo("CPA");
        Party socialist = new Party("Socialist Party", "SP", "");
        assertThat(r.resolve("Socialist Party", socialist)).isSameAs(socialist);
        assertThat(r.matches()).doesNotContainKey("Socialist Party");
    }

    @Test
    void distance_isLevenshtein() {
        assertThat(PartyResolver.distance("candiate", "candidate", 5)).isEqualTo(1);
        assertThat(PartyResolver.distance("kitten", "sitting", 5)).isEqualTo(3);
    }
}
