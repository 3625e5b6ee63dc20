package org.tallyroom.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.Contest;
import org.tallyroom.count.Votes;

class SvTalliesCsvTest {
    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("decl.csv"), text);
    }

    @Test
    void readsADeclaration_blankSecondIsNone_thousandsSeparatorsWhenQuoted() throws Exception {
        Contest c = SvTalliesCsv.read(write("Candidate,Party,First,Second\nKhan,Lab,\"1,148,716\",\"161,427\"\n"
                + "Goldsmith,Con,909755,84859\nBerry,Green,150673,\n"));
        assertThat(c.candidates()).extracting(Candidate::name, Candidate::party)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Khan", "Lab"),
                        org.assertj.core.groups.Tuple.tuple("Goldsmith", "Con"),
                        org.assertj.core.groups.Tuple.tuple("Berry", "Green"));
        Votes.SupplementaryTallies t = (Votes.SupplementaryTallies) c.votes();
        assertThat(t.first()).containsExactly(1_148_716, 909_755, 150_673);
        assertThat(t.second()).containsExactly(161_427, 84_859, 0);
    }

    @Test
    void detectedFromTheHeader() throws Exception {
        Path p = write("candidate,party,first,second\nA,,3,\n");
        assertThat(ContestReader.detect(p)).isEqualTo(ContestReader.Kind.SV_TALLIES);
        assertThat(ContestReader.read(p).votes()).isInstanceOf(Votes.SupplementaryTallies.class);
    }

    private void rejects(String text, String located, String... words) throws IOException {
        Path p = write(text);
        assertThatThrownBy(() -> SvTalliesCsv.read(p)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(p + ":" + located + ": expected").hasMessageContainingAll(words);
    }

    @Test
    void malformedDeclarations() throws Exception {
        rejects("", "1:1", "candidate,party,first,second", "an empty file");
        rejects("candidate,party,votes\nA,,1\n", "1:1", "candidate,party,first,second", "'candidate,party,votes'");
        rejects("candidate,party,first,second\n", "2:1", "at least one candidate row");
        rejects("candidate,party,first,second\nA,,1,\nA,,2,\n", "3:1", "each candidate once");
        rejects("candidate,party,first,second\nA,,x,\n", "2:3", "first preference votes as a whole number", "'x'");
        rejects("candidate,party,first,second\nA,,1,-4\n", "2:4", "second preference votes", "'-4'");
        rejects("candidate,party,first,second\nA,,1\n", "2:4", "4 columns as in the header", "3 columns");
        rejects("candidate,party,first,second\nA,,99999999999999999999,\n", "2:3", "below 10^18");
    }
}
