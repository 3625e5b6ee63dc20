package org.tallyroom.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.tallyroom.io.InputException;
import org.tallyroom.store.Ingest;
import org.tallyroom.store.Source;
import org.tallyroom.store.Store;
import org.tallyroom.store.uk.HocCandidatesImporter;
import org.tallyroom.store.uk.London2016Importer;
import org.tallyroom.store.uk.LondonBoroughImporter;

/**
 * One election the demo loads from the shipped files (see {@link DemoData}) through the project's own
 * importer, exactly as {@code tallyroom import ...} would load the same files. A new election is one
 * more factory call in {@link Demo#HISTORY}.
 *
 * @param title    what the demo prints while loading it
 * @param files    the files (or a folder) under reference-data/ it reads, in the order the loader takes them
 * @param importer the importer's name in provenance
 * @param loader   the importer call
 */
record DemoImport(String title, List<String> files, String importer, Loader loader) {
    /** Calls an importer on the unpacked files. */
    interface Loader {
        void load(List<Path> files, Ingest ingest) throws InputException;
    }

    /** A general election: the House of Commons Library's by-candidate and by-constituency files. */
    static DemoImport generalElection(int year) {
        String base = "uk/westminster/ge" + year + "-results-by-";
        return new DemoImport("general election " + year, List.of(base + "candidate.csv", base + "constituency.csv"),
                HocCandidatesImporter.NAME + " constituencies",
                (f, ingest) -> HocCandidatesImporter.load(f.get(0), f.get(1), pollingDay(f.get(0)), ingest));
    }

    /** London borough elections of a year (2018 or 2022 layout), with the party-name lookup and, for 2022, the ward file. */
    static DemoImport londonBoroughs(int year, boolean withWards) {
        String dir = "uk/london-boroughs/";
        List<String> files = new ArrayList<>(List.of(dir + year + "-candidates.csv", dir + "party-name-lookup.csv"));
        if (withWards) {
            files.add(dir + year + "-wards.csv");
        }
        return new DemoImport("London boroughs " + year, files, LondonBoroughImporter.NAME + " lookup" + (withWards ? " wards" : ""),
                (f, ingest) -> LondonBoroughImporter.load(f.get(0), f.size() > 2 ? f.get(2) : null, f.get(1), null, ingest));
    }

    /** The 2006 borough elections: candidates, and the ward turnout file the importer finds beside them. */
    static DemoImport londonBoroughs2006() {
        String dir = "uk/london-boroughs/";
        return new DemoImport("London boroughs 2006",
                List.of(dir + "2006-candidates.csv", dir + "party-name-lookup.csv", dir + "2006-ward-turnout.csv"),
                LondonBoroughImporter.NAME + " lookup",
                (f, ingest) -> LondonBoroughImporter.load(f.get(0), null, f.get(1), null, ingest));
    }

    /** The 2016 GLA elections: mayor, Assembly constituencies and list, by ward. */
    static DemoImport london2016() {
        return new DemoImport("London mayor and Assembly 2016", List.of("uk/london-2016"), London2016Importer.NAME,
                (f, ingest) -> London2016Importer.load(f.get(0), ingest));
    }

    static LocalDate pollingDay(Path byCandidate) throws InputException {
        return HocCandidatesImporter.date(byCandidate, null);
    }

    /** Unpacks the files and runs the import as one transaction; input errors in shipped data are a broken build. */
    void run(Store store, DemoData data) {
        List<Path> paths = files.stream().map(data::get).toList();
        Source source;
        try {
            List<Path> all = new ArrayList<>();
            for (Path p : paths) {
                if (java.nio.file.Files.isDirectory(p)) {
                    try (var in = java.nio.file.Files.list(p)) {
                        in.filter(java.nio.file.Files::isRegularFile).sorted().forEach(all::add);
                    }
                } else {
                    all.add(p);
                }
            }
            source = Source.of("reference-data: " + String.join(" + ", files), all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            store.importSource(source, importer, "demo", ingest -> loader.load(paths, ingest));
        } catch (InputException e) {
            throw new IllegalStateException("the demo's shipped data does not import: " + e.getMessage(), e);
        }
    }
}
