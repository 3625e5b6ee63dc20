package org.tallyroom.io.gla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallyroom.count.RejectionReason;
import org.tallyroom.io.InputException;

class WardResultsFileTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void readsWardsPostalRowsAndReasons_foldingNames() throws Exception {
        Path p = write("c.csv", "\uFEFFGSS Code,Ward,Ann  ONE,Bob TWO,Want of official mark,Unmarked,Uncertain\r\n"
                + ",Borough Postal ,10,5,0,1,2\r\nE05000001,Low  Ward,3,4,1,0,0\r\n");
        WardResultsFile f = WardResultsFile.read(p, false);
        assertThat(f.candidates()).containsExactly("Ann ONE", "Bob TWO");
        assertThat(f.rows()).extracting(WardRow::kind).containsExactly(WardRow.Kind.POSTAL, WardRow.Kind.WARD);
        assertThat(f.rows().get(0).ward()).isEqualTo("Borough Postal");
        assertThat(f.totals()).containsExactly(13, 9);
        assertThat(f.rejected(WardResultsFile.ASSEMBLY_REJECTIONS))
                .containsEntry(RejectionReason.WANT_OF_OFFICIAL_MARK, 1L)
                .containsEntry(RejectionReason.UNMARKED_OR_UNCERTAIN, 3L);
    }

    @Test
    void badCount_isLocatedByLineAndColumn() throws Exception {
        Path p = write("c.csv", "GSS Code,Ward,A,B,Unmarked\n,X Postal,1,2,0\nE05000001,W,3,four,0\n");
        assertThatThrownBy(() -> WardResultsFile.read(p, false)).isInstanceOf(InputException.class)
                .hasMessage(p + ":3:4: expected votes as a whole number, found 'four'");
    }

    @Test
    void wrongHeader_shortRow_andBadCode_areLocated() throws Exception {
        Path noWard = write("a.csv", "GSS Code,Name,A,Unmarked\n");
        assertThatThrownBy(() -> WardResultsFile.read(noWard, false))
                .hasMessage(noWard + ":1:2: expected a column 'Ward', found 'Name'");
        Path shortRow = write("b.csv", "GSS Code,Constituency,Ward,A,B\nE05000001,C,W,1\n");
        assertThatThrownBy(() -> WardResultsFile.read(shortRow, true))
                .hasMessage(shortRow + ":2:5: expected 5 columns as in the header, found 4 columns");
        Path badCode = write("d.csv", "GSS Code,Ward,A\nX123,W,1\n");
        assertThatThrownBy(() -> WardResultsFile.read(badCode, false))
                .hasMessage(badCode + ":2:1: expected a GSS code such as E05000043, or nothing, found 'X123'");
        Path candidateAfterReasons = write("e.csv", "GSS Code,Ward,A,Unmarked,B\n");
        assertThatThrownBy(() -> WardResultsFile.read(candidateAfterReasons, false))
                .hasMessageStartingWith(candidateAfterReasons + ":1:5: expected only reason columns");
    }

    @Test
    void gssCodes_needThreeTabSeparatedFields() throws Exception {
        Path ok = write("g.csv", "Barnet and Camden\tWest Hampstead\tE05000145\n");
        assertThat(London2016.readGssCodes(ok)).containsExactly(
                new GssCode(1, "Barnet and Camden", "West Hampstead", "E05000145"));
        Path bad = write("h.csv", "Barnet and Camden\tWest Hampstead\tE05000145\nBarnet and Camden,Hale,E05000001\n");
        assertThatThrownBy(() -> London2016.readGssCodes(bad))
                .hasMessage(bad + ":2:2: expected 3 tab-separated fields (constituency, ward, GSS code), found 1 fields");
    }

    @Test
    void slug_matchesTheSpellingsUsedAcrossTheFiles() {
        assertThat(London2016.slug("Barnet & Camden")).isEqualTo("barnet-and-camden");
        assertThat(London2016.slug("Barnet and Camden")).isEqualTo("barnet-and-camden");
        assertThat(London2016.slug("City & East")).isEqualTo("city-and-east");
    }
}
