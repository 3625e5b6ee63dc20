package org.tallyroom.io;

import java.nio.file.Path;
import java.util.List;
import org.tallyroom.count.Contest;
import org.tallyroom.count.Votes;

/**
 * A supplementary-vote declaration as returning officers publish it: a header
 * {@code candidate,party,first,second} (any order, any case; extra columns ignored) and one row per
 * candidate with the first preference votes and, for the candidates remaining in the contest, the
 * second preference votes added to them. {@code second} is blank (or 0) for eliminated candidates and
 * for every candidate where one won outright. Numbers may carry thousands separators when quoted
 * ({@code "1,148,716"}).
 */
public final class SvTalliesCsv {
    private SvTalliesCsv() {
    }

    public static Contest read(Path path) throws InputException {
        TalliesCsv.Table t = TalliesCsv.readTable(path, "candidate,party,first,second", List.of(
                new TalliesCsv.NumberColumn("first", "first preference votes", false),
                new TalliesCsv.NumberColumn("second", "second preference votes (or a blank)", true)));
        return new Contest(TalliesCsv.title(path), t.candidates(),
                new Votes.SupplementaryTallies(t.columns()[0], t.columns()[1]));
    }
}
