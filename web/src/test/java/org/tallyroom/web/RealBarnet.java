package org.tallyroom.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tallyroom.io.InputException;
import org.tallyroom.store.Declaration;
import org.tallyroom.store.Source;
import org.tallyroom.store.Store;
import org.tallyroom.store.uk.HocCandidatesImporter;
import org.tallyroom.store.uk.LondonBoroughImporter;
import org.tallyroom.testing.SharedData;

/**
 * A store with real published results (../shared/data/uk): the 2017 and 2019 general elections, the
 * London boroughs 2018, and Barnet's 2022 wards nominated (ballots and candidates, no figures), to be
 * declared in file order by {@link #declare}.
 */
final class RealBarnet {
    static final String COUNCIL = "local.barnet.2022-05-05";
    final Store store;
    final List<Declaration> barnet2022;

    private RealBarnet(Store store, List<Declaration> barnet2022) {
        this.store = store;
        this.barnet2022 = barnet2022;
    }

    static RealBarnet open(String url, Path dir) throws Exception {
        Path uk = SharedData.path("uk");
        Store s = Store.open(url);
        for (String year : List.of("2017", "2019")) {
            Path cand = uk.resolve("westminster/ge" + year + "-results-by-candidate.csv");
            Path cons = uk.resolve("westminster/ge" + year + "-results-by-constituency.csv");
            s.importSource(Source.of("ge" + year, List.of(cand, cons)), HocCandidatesImporter.NAME, "test",
                    in -> HocCandidatesImporter.load(cand, cons, HocCandidatesImporter.dateFromFileName(cand).orElseThrow(), in));
        }
        Path boroughs = uk.resolve("london-boroughs");
        Path lookup = boroughs.resolve("party-name-lookup.csv");
        Path c2018 = boroughs.resolve("2018-candidates.csv");
        s.importSource(Source.of("london 2018", List.of(c2018, lookup)), LondonBoroughImporter.NAME, "test",
                in -> LondonBoroughImporter.load(c2018, null, lookup, null, in));
        // Barnet's lines of the 2022 files, in file order.
        List<Declaration> barnet = LondonBoroughImporter.read(barnetRows(boroughs.resolve("2022-candidates.csv"), dir),
                barnetRows(boroughs.resolve("2022-wards.csv"), dir), lookup, null, new ArrayList<>());
        s.importSource(Source.of("barnet 2022 nominations", "nominations".getBytes(StandardCharsets.UTF_8)), "test", "test",
                in -> barnet.forEach(d -> in.declare(new Declaration(d.ballot(), d.candidates().stream()
                        .map(e -> new Declaration.Entry(e.person(), e.party(), e.ballotPaperName(), null, null, false, null, null))
                        .toList(), d.status(), null, 0, null, null, null, null))));
        return new RealBarnet(s, barnet);
    }

    /** Declares Barnet 2022's wards {@code from} (inclusive) to {@code to} (exclusive), in file order, in one import. */
    List<String> declare(int from, int to) throws InputException {
        List<Declaration> ds = barnet2022.subList(from, to);
        store.importSource(Source.of("barnet 2022 " + from + "-" + to, ("wards " + from + "-" + to).getBytes(StandardCharsets.UTF_8)),
                "test", "test", in -> ds.forEach(in::declare));
        return ds.stream().map(d -> d.ballot().id().toString()).toList();
    }

    private static Path barnetRows(Path file, Path dir) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> kept = new ArrayList<>(List.of(lines.get(0)));
        lines.stream().filter(l -> l.startsWith("Barnet,")).forEach(kept::add);
        Path out = dir.resolve("barnet-2022").resolve(file.getFileName());
        Files.createDirectories(out.getParent());
        return Files.write(out, kept, StandardCharsets.UTF_8);
    }
}
