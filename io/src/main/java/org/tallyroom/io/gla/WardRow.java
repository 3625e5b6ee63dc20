package org.tallyroom.io.gla;

import java.util.Arrays;

/**
 * One row of a London Elects ward-level results file: a ward, a postal pseudo-ward, or an area
 * counted without a ward split (the City of London).
 *
 * @param line          the line the row starts on, for messages
 * @param gssCode       the ward's GSS code as the file gives it; empty for postal pseudo-wards and the
 *                      City of London (the 2016 files also repeat a code on two rows in three places:
 *                      see {@link WardResultsFile#duplicateGssCodes()})
 * @param constituency  the Assembly constituency as the file names it ("Barnet &amp; Camden"); empty in
 *                      files that have no constituency column (one file per constituency)
 * @param ward          the ward name as given, white space folded
 * @param kind          what the row is
 * @param votes         votes per candidate column, in file order
 * @param reasons       counts per reason column, in file order
 */
public record WardRow(long line, String gssCode, String constituency, String ward, Kind kind, long[] votes,
                      long[] reasons) {
    public WardRow {
        votes = votes.clone();
        reasons = reasons.clone();
    }

    /** What a row stands for. */
    public enum Kind {
        /** A real ward, with a GSS code. */
        WARD,
        /** A borough's postal votes, counted as a pseudo-ward without a code. */
        POSTAL,
        /** An area counted whole, without a code: the City of London (row "London"). */
        UNDIVIDED_AREA
    }

    @Override
    public long[] votes() {
        return votes.clone();
    }

    @Override
    public long[] reasons() {
        return reasons.clone();
    }

    public long votesAt(int column) {
        return votes[column];
    }

    public long reasonAt(int column) {
        return reasons[column];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WardRow r && r.line == line && r.gssCode.equals(gssCode)
                && r.constituency.equals(constituency) && r.ward.equals(ward) && r.kind == kind
                && Arrays.equals(r.votes, votes) && Arrays.equals(r.reasons, reasons);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(line) * 31 + ward.hashCode();
    }

    @Override
    public String toString() {
        return "WardRow[" + line + ", " + gssCode + ", " + ward + ", " + kind + ", " + Arrays.toString(votes) + ", "
                + Arrays.toString(reasons) + "]";
    }
}
