package org.tallyroom.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.tallyroom.io.selection.SelectionCount;
import org.tallyroom.store.id.ElectionId;
import org.tallyroom.store.selection.SelectionImporter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options {@code selection count} and {@code import selection} share: the files, the freeze date, how to count. */
final class SelectionOptions {
    @Option(names = "--id", paramLabel = "ID",
            description = "The selection's ballot id, selection.<party>.<division>.<date>, e.g. selection.lab.chipping-barnet.2026-03-01.")
    String id;

    @Option(names = "--members", required = true, paramLabel = "FILE",
            description = "Members file: CSV membership_number,joined[,lapsed][,status].")
    Path members;

    @Option(names = "--freeze", required = true, paramLabel = "DATE",
            description = "Freeze date YYYY-MM-DD: members who joined after it, or lapsed before it, may not vote.")
    String freeze;

    @Option(names = "--shortlist", required = true, paramLabel = "FILE",
            description = "Shortlist: CSV candidate,shortlisted_by,shortlisted_on.")
    Path shortlist;

    @Option(names = "--places", defaultValue = "1", paramLabel = "N", description = "Places to fill (default ${DEFAULT-VALUE}).")
    int places;

    @Option(names = "--method", paramLabel = "METHOD",
            description = "av (one place) or an STV method (default: av for one place, stv-ers97 for several).")
    String method;

    @Option(names = "--party", paramLabel = "NAME",
            description = "The party's name (default: from the id's party slug, e.g. lab -> Labour).")
    String party;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for any lot the count must draw (recorded).")
    Long seed;

    @Parameters(paramLabel = "BALLOTS", description = "Members' papers: CSV membership_number,1,2,3... (names in preference order).")
    Path ballots;

    /** The freeze date, or an error in words. */
    LocalDate freezeDate() {
        try {
            if (!freeze.strip().matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("format", freeze, 0);
            }
            return LocalDate.parse(freeze.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expected --freeze as a date YYYY-MM-DD, found '" + freeze + "'");
        }
    }

    /** The id checked against the freeze date, or null where none was given. */
    ElectionId selectionId() {
        return id == null ? null : SelectionImporter.selectionId(id, freezeDate());
    }

    /** The inputs for the count, the id (may be null) naming the contest and its party. */
    SelectionCount.Inputs inputs(ElectionId sid) {
        String partyName = party != null ? party.strip()
                : sid != null ? SelectionImporter.partyName(sid.organisation()) : "";
        String title = sid != null ? sid.toString() : "selection " + ballots.getFileName();
        return new SelectionCount.Inputs(title, partyName, members, freezeDate(), shortlist, ballots, places,
                method == null ? null : method.strip(), seed);
    }

    /** What changes what the importer makes of the files, for provenance. */
    String importer(ElectionId sid) {
        return SelectionImporter.NAME + " " + sid + " freeze=" + freezeDate() + " places=" + places
                + (method == null ? "" : " method=" + method.strip()) + (party == null ? "" : " party=" + party.strip())
                + (seed == null ? "" : " seed=" + seed);
    }
}
