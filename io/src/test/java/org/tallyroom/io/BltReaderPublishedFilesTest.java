package org.tallyroom.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tallyroom.count.Ballot;
import org.tallyroom.count.Candidate;
import org.tallyroom.count.Contest;
import org.tallyroom.count.Votes;
import org.tallyroom.testing.SharedData;

/** Every published BLT file in the reference data reads as published. */
class BltReaderPublishedFilesTest {

    @Test
    void readsEveryPublishedScottishFile() throws Exception {
        List<Path> files = new ArrayList<>(blt(SharedData.path("stv/scotland2007-2012/ballots")));
        files.addAll(blt(SharedData.path("stv/official")));
        assertThat(files).hasSize(374 + 8);
        int withoutParty = 0;
        for (Path f : files) {
            Contest c = BltReader.read(f);
            String header = Files.readAllLines(f).get(0).strip();
            int n = Integer.parseInt(header.split("[ ,]+")[0]);
            assertThat(c.candidates()).as(f.toString()).hasSize(n);
            assertThat(c.seats()).as(f.toString()).isEqualTo(Integer.parseInt(header.split("[ ,]+")[1]));
            assertThat(c.title()).as(f.toString()).isNotBlank();
            long papers = ((Votes.Papers) c.votes()).ballots().stream().mapToLong(Ballot::weight).sum();
            assertThat(papers).as(f.toString()).isPositive();
            withoutParty += (int) c.candidates().stream().map(Candidate::party).filter(String::isEmpty).count();
        }
        // One published name cannot give its party: "Ruth HOGG (Con_" (North Lanarkshire 2012 ward 4).
        assertThat(withoutParty).isEqualTo(1);
    }

    /**
     * Every published file rewritten as councils now publish BLT: {@code "Name" "Party"} lines, comment
     * lines, CRLF, trailing spaces, the title quoted in some and bare in others, every other file in
     * Windows-1252. It must read back to the same contest: names, parties, papers, seats and title.
     */
    @Test
    void everyPublishedFile_readsTheSameInTheCouncilsNameAndPartyForm() throws Exception {
        List<Path> files = new ArrayList<>(blt(SharedData.path("stv/scotland2007-2012/ballots")));
        files.addAll(blt(SharedData.path("stv/official")));
        Charset windows1252 = Charset.forName("windows-1252");
        int i = 0;
        for (Path f : files) {
            Contest published = BltReader.read(f);
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>();
            out.add("# " + published.title());
            out.add(lines.get(0) + "  ");
            out.add("# ballots");
            int l = 1;
            for (; !lines.get(l).strip().equals("0"); l++) {
                out.add(lines.get(l));
            }
            out.add("0");
            out.add("# candidates: name, party");
            for (Candidate c : published.candidates()) {
                out.add("\"" + c.name().replace("\"", "\"\"") + "\" \"" + c.party() + "\"   ");
            }
            out.add(i % 3 == 0 ? published.title() + " " : "\"" + published.title() + "\"");
            String text = String.join("\r\n", out) + "\r\n";
            boolean cp1252 = i++ % 2 == 0 && windows1252.newEncoder().canEncode(text);
            byte[] bytes = text.getBytes(cp1252 ? windows1252 : StandardCharsets.UTF_8);
            Contest c = BltReader.read(f.getFileName().toString(), bytes, "untitled");
            assertThat(c.candidates()).as(f.toString()).isEqualTo(published.candidates());
            assertThat(c.title()).as(f.toString()).isEqualTo(published.title());
            assertThat(c.seats()).as(f.toString()).isEqualTo(published.seats());
            assertThat(c.votes()).as(f.toString()).isEqualTo(published.votes());
        }
        assertThat(i).isEqualTo(374 + 8);
    }

    @Test
    void linn07_namesComeFromTheAlternativeNameComments() throws Exception {
        Contest c = BltReader.read(SharedData.path("stv/official/linn07.blt"));
        assertThat(c.title()).isEqualTo("Linn");
        assertThat(c.candidates().get(4).name()).isEqualTo("Harry Mcarthur (Scottish Unionist)");
        assertThat(c.candidates().get(4).party()).isEqualTo("Scottish Unionist");
        long papers = ((Votes.Papers) c.votes()).ballots().stream().mapToLong(Ballot::weight).sum();
        assertThat(papers).isEqualTo(9567);
    }

    static List<Path> blt(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".blt")).sorted().toList();
        }
    }
}
