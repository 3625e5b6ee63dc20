package org.tallyroom.io.uk;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One row of the 2022 London wards file: the ward, its seats and its ballot paper account.
 *
 * @param ward          the ward
 * @param electionDate  the poll date as the file gives it
 * @param seats         councillors to elect ({@code num_councillors})
 * @param poll          the ballot paper account
 * @param line          the line of the file the row is on
 */
public record WardPollRow(Ward ward, Optional<LocalDate> electionDate, int seats, WardPoll poll, long line) {
}
