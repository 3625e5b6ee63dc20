package org.tallyroom.store;

/**
 * What an import did.
 *
 * @param alreadyImported the same bytes had been imported by the same importer: nothing was done
 * @param provenanceId    the provenance row (the earlier one, if already imported)
 * @param ballots         ballots the import touched
 * @param newVersions     result versions recorded
 * @param unchanged       results identical to the current version, so not recorded again
 * @param notes           what the importer wants the user to know (what the source lacks, what was derived)
 */
public record ImportOutcome(boolean alreadyImported, long provenanceId, int ballots, int newVersions, int unchanged,
                            java.util.List<String> notes) {
    public ImportOutcome {
        notes = java.util.List.copyOf(notes);
    }

    /** An outcome without notes. */
    public ImportOutcome(boolean alreadyImported, long provenanceId, int ballots, int newVersions, int unchanged) {
        this(alreadyImported, provenanceId, ballots, newVersions, unchanged, java.util.List.of());
    }

    /** A sentence for the command line. */
    public String describe(String source) {
        if (alreadyImported) {
            return source + ": already imported; nothing changed";
        }
        return String.format("%s: %,d ballots, %,d new result versions, %,d unchanged", source, ballots, newVersions, unchanged);
    }
}
