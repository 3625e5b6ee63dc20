package org.tallyroom.io.uk;

import org.tallyroom.io.InputException;

/**
 * Receives each contest a streaming reader finishes. It may throw {@link InputException} (an
 * importer rejecting a result, say), which stops the read and reaches the reader's caller unchanged.
 */
@FunctionalInterface
public interface ResultConsumer<T> {
    void accept(T result) throws InputException;
}
