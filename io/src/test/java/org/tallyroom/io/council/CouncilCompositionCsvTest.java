package org.tallyroom.io.council;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallyroom.io.InputException;
import org.tallyroom.testing.SharedData;

/** Open Council Data UK's two layouts, as published (Windows-1252) and with the control forms they use. */
class CouncilCompositionCsvTest {
    @TempDir
    Path dir;

    private static final Charset CP1252 = Charset.forName("windows-1252");

    private static CouncilYear row(List<CouncilYear> rows, String authority, int year) {
        return rows.stream().filter(r -> r.authority().equals(authority) && r.year() == year).findFirst().orElseThrow();
    }

    @Test
    void layout1973to2015_readsSeatsMajorityAndPlurality() throws Exception {
        Path f = SharedData.path("uk/council-control/council-composition-1973-2015.csv");
        CouncilCompositionCsv.Read read = CouncilCompositionCsv.read(f);
        long lines = Files.readAllLines(f, CP1252).stream().skip(1).filter(l -> !l.replace(",", "").isBlank()).count();
        assertThat(read.rows()).hasSize((int) lines);
        CouncilYear barnet1994 = row(read.rows(), "Barnet", 1994);
        assertThat(barnet1994.control().overall()).isFalse();
        assertThat(barnet1994.control().largest()).isEqualTo("Con");
        assertThat(barnet1994.control().describe()).isEqualTo("No overall control");
        assertThat(barnet1994.byParty()).containsEntry("Con", 29).containsEntry("Lab", 25).containsEntry("LD", 6);
        assertThat(barnet1994.seats()).isEqualTo(60);
        CouncilYear barnet2002 = row(read.rows(), "Barnet", 2002);
        assertThat(barnet2002.control().party()).isEqualTo("Con");
        assertThat(barnet2002.control().describe()).isEqualTo("Conservative control");
    }

    @Test
    void layout2016to2025_readsEveryControlForm() throws Exception {
        Path f = SharedData.path("uk/council-control/council-composition-2016-2025.csv");
        List<CouncilYear> rows = CouncilCompositionCsv.read(f).rows();
        assertThat(row(rows, "Barnet", 2022).control().party()).isEqualTo("Lab");
        assertThat(row(rows, "Barnet", 2025).label()).isEqualTo("LAB");
        assertThat(row(rows, "Barnet", 2025).control().party()).isEqualTo("Lab");
        CouncilYear plurality = rows.stream().filter(r -> r.label().equals("Lab plurality")).findFirst().orElseThrow();
        assertThat(plurality.control().party()).isNull();
        assertThat(plurality.control().largest()).isEqualTo("Lab");
        CouncilYear minority = rows.stream().filter(r -> r.label().equals("LAB min")).findFirst().orElseThrow();
        assertThat(minority.control().party()).isNull();
        assertThat(minority.control().administration()).isEqualTo("Labour minority");
        CouncilYear coalition = rows.stream().filter(r -> r.label().equals("LD/IND")).findFirst().orElseThrow();
        assertThat(coalition.control().party()).isNull();
        assertThat(coalition.control().administration()).isEqualTo("Liberal Democrat/Independent coalition");
        // A mayor's party need not hold the seats: Doncaster 2025 has a Labour mayor and a Reform majority.
        CouncilYear doncaster = row(rows, "Doncaster", 2025);
        assertThat(doncaster.label()).isEqualTo("LAB Mayor");
        assertThat(doncaster.byParty()).containsEntry("Reform", 37);
        assertThat(doncaster.control().party()).isEqualTo("Reform");
        assertThat(doncaster.control().administration()).isEqualTo("Labour mayor");
    }

    @Test
    void windows1252Bytes_areRead() throws Exception {
        // The published files are declared Windows-1252 though today's copies hold only ASCII; a name
        // with a Windows-1252 byte (0xF4, o circumflex) must read as printed.
        Path f = Files.writeString(dir.resolve("c.csv"), """
                id,authority,year,total,con,lab,ld,other,nat,majority,plurality
                1,Ynys M\u00f4n,1995,40,0,5,0,30,5,Ind,Ind
                """, CP1252);
        CouncilYear r = CouncilCompositionCsv.read(f).rows().get(0);
        assertThat(r.authority()).isEqualTo("Ynys M\u00f4n");
        assertThat(r.control().describe()).isEqualTo("Independent control");
    }

    @Test
    void anUnknownControl_isAnErrorWithLineAndColumn() throws Exception {
        Path f = Files.writeString(dir.resolve("c.csv"), """
                id,authority,year,total,con,lab,ld,other,nat,majority,plurality
                1,Barnet,1994,60,29,25,6,0,0,NOC,Con plurality
                2,Barnet,1995,60,29,25,6,0,0,Tory,Con
                """, CP1252);
        assertThatThrownBy(() -> CouncilCompositionCsv.read(f)).isInstanceOf(InputException.class)
                .hasMessageContaining("c.csv:3:10: expected a control such as Con, NOC, Lab plurality");
    }

    @Test
    void seatsNotAddingUp_areKeptAndReported() throws Exception {
        Path f = Files.writeString(dir.resolve("c.csv"), """
                id,authority,year,total,con,lab,ld,other,nat,majority,plurality
                1,Barnet,1994,60,29,25,5,0,0,NOC,Con plurality
                """, CP1252);
        CouncilCompositionCsv.Read read = CouncilCompositionCsv.read(f);
        assertThat(read.rows()).hasSize(1);
        assertThat(read.notes()).containsExactly(f + ":2: Barnet 1994: the parties' seats add up to 59, the total is 60");
    }
}
