package org.tallyroom.count;

/**
 * The contest cannot be counted under these rules as given (no seats, tallies given to a method
 * that needs ballot papers, more seats than candidates...). The message says what to change.
 */
public final class CountException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CountException(String message) {
        super(message);
    }
}
