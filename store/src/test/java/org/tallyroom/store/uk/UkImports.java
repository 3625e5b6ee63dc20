package org.tallyroom.store.uk;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.tallyroom.store.ImportOutcome;
import org.tallyroom.store.Source;
import org.tallyroom.store.Store;

/**
 * Every file in data/uk imported as the commands import them (same sources, same importer names): the
 * 2017 and 2019 general elections with their constituency files, the 2018 and 2022 London boroughs, and
 * the 2016 GLA elections. Used by the tests and by {@link ImportBench}.
 */
final class UkImports {
    private UkImports() {
    }

    /** One import: what to read and how. */
    record Job(String label, Source source, String importer, org.tallyroom.store.Store.Work<Exception> work) {
    }

    static List<Job> all(Path uk) throws IOException {
        List<Job> jobs = new ArrayList<>();
        for (String year : List.of("2017", "2019")) {
            Path cand = uk.resolve("westminster/ge" + year + "-results-by-candidate.csv");
            Path cons = uk.resolve("westminster/ge" + year + "-results-by-constituency.csv");
            LocalDate date = HocCandidatesImporter.dateFromFileName(cand).orElseThrow();
            jobs.add(new Job("ge" + year, Source.of(cand + " + " + cons, List.of(cand, cons)),
                    HocCandidatesImporter.NAME + " " + date + " constituencies",
                    in -> HocCandidatesImporter.load(cand, cons, date, in)));
        }
        Path lookup = uk.resolve("london-boroughs/party-name-lookup.csv");
        Path c2018 = uk.resolve("london-boroughs/2018-candidates.csv");
        jobs.add(new Job("london-2018", Source.of(c2018 + " + " + lookup, List.of(c2018, lookup)),
                LondonBoroughImporter.NAME + " lookup", in -> LondonBoroughImporter.load(c2018, null, lookup, null, in)));
        Path c2022 = uk.resolve("london-boroughs/2022-candidates.csv");
        Path w2022 = uk.resolve("london-boroughs/2022-wards.csv");
        jobs.add(new Job("london-2022", Source.of(c2022 + " + " + w2022 + " + " + lookup, List.of(c2022, w2022, lookup)),
                LondonBoroughImporter.NAME + " wards lookup",
                in -> LondonBoroughImporter.load(c2022, w2022, lookup, null, in)));
        Path gla = uk.resolve("london-2016");
        jobs.add(new Job("gla-2016", London2016Importer.source(gla), London2016Importer.NAME,
                in -> London2016Importer.load(gla, in)));
        return jobs;
    }

    /**
     * Everything in the UK data, as {@link ImportBench} times it and {@code tallyroom import uk} imports it
     * ({@link UkDataFolder}): the general elections 2015-2024 with their constituency files, the notional 2019
     * results on the 2024 boundaries, the London boroughs 2006-2022, the 2016 GLA elections, council control
     * 1973-2025 and the NI Assembly count sheets (data/stv/ni-assembly, beside data/uk).
     */
    static List<Job> everything(Path uk) throws Exception {
        List<Job> jobs = new ArrayList<>();
        for (UkDataFolder.Job j : UkDataFolder.plan(uk).jobs()) {
            if (j.unreadable() != null) {
                throw new IllegalStateException(j.unreadable());
            }
            jobs.add(new Job(j.kind() + " " + j.file().getFileName(), j.source(), j.importer(), j.work()));
        }
        return jobs;
    }

    static List<ImportOutcome> importAll(Store store, Path uk) throws Exception {
        List<ImportOutcome> out = new ArrayList<>();
        for (Job j : all(uk)) {
            out.add(store.importSource(j.source(), j.importer(), "test", j.work()));
        }
        return out;
    }
}
