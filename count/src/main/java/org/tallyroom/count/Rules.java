package org.tallyroom.count;

/**
 * One voting system's counting rules. Implementations are stateless and thread-safe; each opens
 * with the statute or published rules it implements and their rule numbers.
 */
public interface Rules {

    /** The method id used on the command line and in reports ({@code fptp}, {@code stv-scotland}...). */
    String method();

    /** Decimal places the rules count to: 0 for whole votes, 5 for Scottish STV, 2 for NI... */
    int decimals();

    /**
     * Counts the contest. Never returns a partial report.
     *
     * @throws CountException if the contest cannot be counted under these rules as given
     */
    CountReport count(Contest contest, CountOptions options);
}
