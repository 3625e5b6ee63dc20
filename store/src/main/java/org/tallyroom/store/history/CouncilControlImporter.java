package org.tallyroom.store.history;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tallyroom.io.InputException;
import org.tallyroom.io.council.CouncilCompositionCsv;
import org.tallyroom.io.council.CouncilYear;
import org.tallyroom.store.CouncilControlFacts;
import org.tallyroom.store.Ingest;

/**
 * {@code tallyroom import council-control}: Open Council Data UK's council composition files (read by
 * {@link CouncilCompositionCsv}) stored as control and composition facts ({@link CouncilControlFacts}),
 * every file read before anything is stored, all in the import's one transaction.
 */
public final class CouncilControlImporter {
    /** The importer's name in provenance. */
    public static final String NAME = "council-control";

    /** Attribution the licence asks for. */
    public static final String ATTRIBUTION = "Open Council Data UK (opencouncildata.co.uk), CC BY-SA 4.0";

    /** How many unmatched names a note lists before it only counts the rest. */
    private static final int LISTED = 60;

    private CouncilControlImporter() {
    }

    public static CouncilControlFacts.Outcome load(List<Path> files, Ingest ingest) throws InputException {
        List<CouncilYear> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Path f : files) {
            CouncilCompositionCsv.Read read = CouncilCompositionCsv.read(f);
            rows.addAll(read.rows());
            notes.addAll(read.notes());
        }
        CouncilControlFacts.Outcome o = CouncilControlFacts.add(ingest, rows);
        ingest.note(String.format("%,d council-years of %,d councils: %,d new, %,d unchanged, %,d replaced; source %s",
                o.added() + o.unchanged() + o.replaced().size(), o.councils(), o.added(), o.unchanged(), o.replaced().size(),
                ATTRIBUTION));
        ingest.note(o.matched() + " councils matched to organisations already stored; " + o.unmatched().size()
                + " names matched none and are stored as new organisations (local.<slug of the name>)"
                + (o.unmatched().isEmpty() ? "" : ": " + String.join(", ", o.unmatched())));
        if (!o.replaced().isEmpty()) {
            ingest.note("replaced with this file's figures: " + listed(o.replaced()));
        }
        if (!o.ambiguous().isEmpty()) {
            ingest.note("not stored, two councils of one name in one year (told apart by nothing but their figures): "
                    + listed(o.ambiguous()));
        }
        notes.forEach(ingest::note);
        return o;
    }

    private static String listed(List<String> names) {
        return names.size() <= LISTED ? String.join(", ", names)
                : String.join(", ", names.subList(0, LISTED)) + " and " + (names.size() - LISTED) + " more";
    }
}
