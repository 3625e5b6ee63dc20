package org.tallyroom.io.ni;

import java.util.ArrayList;
import java.util.List;

/** What both checks of a sheet share: the sheet, its findings and a few ways to read it. */
abstract class SheetView {
    final NiSheet s;
    final int n;
    final NiSheet.Files f;
    final List<NiSheetCheck.Finding> findings;

    SheetView(NiSheet s, List<NiSheetCheck.Finding> findings) {
        this.s = s;
        this.n = s.candidates().size();
        this.f = s.files();
        this.findings = findings;
    }

    void find(NiSheetCheck.Concern concern, String file, long line, int stage, String message) {
        findings.add(new NiSheetCheck.Finding(concern, file, line, stage, message));
    }

    String name(int c) {
        return s.candidates().get(c).name();
    }

    NiSheet.Figure fig(int stage, int c) {
        return s.stages().get(stage - 1).figures().get(c);
    }

    long votes(int stage, int c) {
        return fig(stage, c).total();
    }

    static String fmt(long hundredths) {
        return NiSheetCheck.fmt(hundredths);
    }

    /** Candidates whose votes moved out at a stage (negative transfers). */
    List<Integer> subjects(int stage) {
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            if (fig(stage, c).transfers() < 0) {
                out.add(c);
            }
        }
        return out;
    }
}
