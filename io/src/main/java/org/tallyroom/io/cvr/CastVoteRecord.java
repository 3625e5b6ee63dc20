package org.tallyroom.io.cvr;

import java.util.List;

/**
 * One voter's markings in one contest, as a cast vote record file gives them, before candidate
 * names are matched to a contest's candidates.
 *
 * @param id       the record's own id where the file gives one, else file name and position
 * @param precinct the precinct (NIST GpUnit name, CSV precinct column), or null
 * @param choices  every mark counted, in file order
 */
public record CastVoteRecord(String id, String precinct, List<Choice> choices) {
    public CastVoteRecord {
        choices = List.copyOf(choices);
    }

    /**
     * One mark: a rank given to a name.
     *
     * @param rank   1 for a first choice
     * @param name   the candidate's name as the file gives it (null for write-ins and overvotes)
     * @param kind   what the mark is
     * @param where  where it is, for error messages
     */
    public record Choice(int rank, String name, Kind kind, Where where) {
    }

    /** A named candidate, an undeclared write-in, or the file's own overvote mark. */
    public enum Kind { CANDIDATE, WRITE_IN, OVERVOTE }
}
