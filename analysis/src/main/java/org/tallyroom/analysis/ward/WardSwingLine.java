package org.tallyroom.analysis.ward;

import org.tallyroom.analysis.contest.ShareChange;
import org.tallyroom.analysis.contest.Swing;

/** One ward's change in two parties' shares between two elections, and the Butler swing. */
public record WardSwingLine(String wardId, String wardName, ShareChange a, ShareChange b, Swing swing) {
}
