package org.tallyroom.io.cvr;

import org.tallyroom.io.InputException;

/** Where something was read, to report a problem with it there: {@code file:line:column: problem}. */
public interface Where {
    /** A located error saying {@code problem}. */
    InputException error(String problem);

    /** A fixed position in a file (CSV field, spreadsheet cell). */
    static Where at(String file, long line, long column) {
        return problem -> new InputException(file, line, column, problem);
    }
}
