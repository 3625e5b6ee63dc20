package org.tallyroom.io.ni;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One constituency's count sheet from an NI Assembly election as the Electoral Office publishes it and
 * ElectionsNI compiles it (data/stv/ni-assembly/schema.md): the poll, the candidates, and every
 * candidate's transfers and running total at every stage, with the non-transferable papers of each
 * stage. No ballots are published in Northern Ireland, so this is all there is of the count.
 *
 * <p>Vote figures are hundredths (the NI rules count to two decimal places), as longs.
 *
 * @param election     the election the sheet belongs to
 * @param constituency the constituency
 * @param poll         the ballot paper account and quota as the sheet states them
 * @param candidates   the candidates in the order of Candidate.csv (the ballot paper's, alphabetical)
 * @param stages       the stages, first preferences first; each has one figure per candidate, in
 *                     {@code candidates}' order
 * @param files        where each figure came from, for messages
 * @param notes        what the reader found and worked round (Candidate.csv disagreeing with Count.csv)
 */
public record NiSheet(Election election, Constituency constituency, Poll poll, List<Candidate> candidates,
                      List<Stage> stages, Files files, List<String> notes) {
    public NiSheet {
        Objects.requireNonNull(election, "election");
        candidates = List.copyOf(candidates);
        stages = List.copyOf(stages);
        notes = List.copyOf(notes);
    }

    /** A short name for messages: {@code 2017 belfast-east}. */
    public String label() {
        return election.date().getYear() + " " + constituency.directory();
    }

    /**
     * The election (contest.csv).
     *
     * @param contestId the sheet's own id ({@code nia.2017-03-02})
     * @param name      its name ("Northern Ireland Assembly Election 2017")
     * @param date      polling day
     */
    public record Election(String contestId, String name, LocalDate date) {
    }

    /**
     * A constituency (NI/constituencies.csv and the constituency's own files).
     *
     * @param number    the NI Assembly's constituency number
     * @param name      the official name ("Fermanagh and South Tyrone")
     * @param directory the sheet's folder name ({@code fermanagh-south-tyrone})
     * @param onsCode   the GSS code of the Westminster constituency it matches, or null
     * @param seats     members to elect
     */
    public record Constituency(int number, String name, String directory, String onsCode, int seats) {
    }

    /**
     * The poll as ConstituencyCount.csv states it (a blank figure is taken from
     * NI/all-constituency-info.csv where that has it; else null).
     *
     * @param electorate electors on the register, or null
     * @param totalPoll  ballot papers counted, or null
     * @param spoiled    rejected papers, or null
     * @param validPoll  valid papers, or null
     * @param quota      the quota, or null
     * @param line       the line of ConstituencyCount.csv the figures are on
     * @param filledIn   names of figures taken from NI/all-constituency-info.csv
     */
    public record Poll(Long electorate, Long totalPoll, Long spoiled, Long validPoll, Long quota, long line,
                       List<String> filledIn) {
        public Poll {
            filledIn = List.copyOf(filledIn);
        }
    }

    /**
     * A candidate, as Count.csv names them (with the party id from Candidate.csv where it lists them).
     *
     * @param id        ElectionsNI's candidate id (the same person keeps it across elections)
     * @param firstName first name
     * @param surname   surname
     * @param partyId   ElectionsNI's party id, or ""
     * @param partyName the party as Count.csv prints it ("Independent" for independents)
     */
    public record Candidate(String id, String firstName, String surname, String partyId, String partyName) {
        /** "Firstname Surname". */
        public String name() {
            return (firstName + " " + surname).strip().replaceAll("\\s+", " ");
        }
    }

    /**
     * One stage: what each candidate gained or lost and their total after it.
     *
     * @param number          1 for first preferences
     * @param figures         one per candidate, in the sheet's candidate order
     * @param nonTransferable the stage's non-transferable figure (hundredths), or null where
     *                        NonTransferable.csv gives none for this stage
     * @param ntLine          the line of NonTransferable.csv it is on, or 0
     */
    public record Stage(int number, List<Figure> figures, Long nonTransferable, long ntLine) {
        public Stage {
            figures = List.copyOf(figures);
        }

        /** The sum of the stage's transfers. */
        public long transferred() {
            return figures.stream().mapToLong(Figure::transfers).sum();
        }

        /** The sum of the candidates' totals. */
        public long total() {
            return figures.stream().mapToLong(Figure::total).sum();
        }
    }

    /**
     * One candidate at one stage (a row of Count.csv).
     *
     * @param firstPreferences the candidate's first preferences, as this row repeats them
     * @param transfers        gained (or lost, negative) at this stage
     * @param total            total after this stage
     * @param status           ELECTED, EXCLUDED or null, as the row says
     * @param occurredOn       the stage the row says the status arose at, or null
     * @param line             the row's line in Count.csv
     */
    public record Figure(long firstPreferences, long transfers, long total, Status status, Integer occurredOn,
                         long line) {
    }

    /** A candidate's status as a row of Count.csv gives it. */
    public enum Status { ELECTED, EXCLUDED }

    /** The sheet's files, for messages. */
    public record Files(String candidates, String constituencyCount, String count, String nonTransferable) {
    }
}
