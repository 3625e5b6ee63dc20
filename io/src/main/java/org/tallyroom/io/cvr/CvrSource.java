package org.tallyroom.io.cvr;

import java.nio.file.Path;

/**
 * One cast vote record file and how to read it, as an RCTab config's {@code cvrFileSources} entry
 * says. Column and row indices count from 1, as RCTab's do; 0 where not given.
 *
 * @param provider              the file's format
 * @param path                  the file
 * @param contestId             NIST: the contest to read, by Name (or by id)
 * @param firstVoteColumn       CSV, ES&S: column of the first rank
 * @param firstVoteRow          CSV, ES&S: row of the first cast vote record
 * @param idColumn              CSV, ES&S: column of the record's id, or 0
 * @param precinctColumn        CSV, ES&S: column of the precinct, or 0
 * @param overvoteDelimiter     ES&S: separates several candidates in one cell; empty for none
 * @param overvoteLabel         the file's word for an overvoted rank; empty for none
 * @param skippedRankLabel      ES&S: the file's word for an unmarked rank; empty for none
 * @param writeInLabel          the file's name for undeclared write-ins; empty for none
 * @param blankIsWriteIn        ES&S: an empty rank cell is an undeclared write-in
 * @param maxRankings           ES&S: rank columns to read
 */
public record CvrSource(Provider provider, Path path, String contestId, int firstVoteColumn, int firstVoteRow,
                        int idColumn, int precinctColumn, String overvoteDelimiter, String overvoteLabel,
                        String skippedRankLabel, String writeInLabel, boolean blankIsWriteIn, int maxRankings) {

    /** The formats read. */
    public enum Provider {
        /** NIST SP 1500-103 cast vote records, JSON or XML (RCTab's "cdf"). */
        NIST("cdf"),
        /** RCTab's generic CSV: a column per candidate, the rank in the cell. */
        GENERIC_CSV("genericCsv"),
        /** ES&S's xlsx export: a column per rank, the candidate in the cell. */
        ESS("ess");

        private final String label;

        Provider(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Provider byLabel(String label) {
            for (Provider p : values()) {
                if (p.label.equals(label)) {
                    return p;
                }
            }
            return null;
        }
    }

    /** Reads the file. */
    public java.util.List<CastVoteRecord> read() throws org.tallyroom.io.InputException {
        return switch (provider) {
            case NIST -> NistCvrReader.read(this);
            case GENERIC_CSV -> GenericCsvCvrReader.read(this);
            case ESS -> EssXlsxCvrReader.read(this);
        };
    }
}
