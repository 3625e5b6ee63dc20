package org.tallyroom.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tallyroom.count.CountException;
import org.tallyroom.io.InputException;
import org.tallyroom.io.rctab.RctabReport;
import org.tallyroom.io.report.ReportCsv;

/** {@code tallyroom count --rctab CONFIG}: counts the contest an RCTab config describes. */
final class RctabCount {
    private RctabCount() {
    }

    static int run(Path config, boolean extraArguments, String format, Path outDir, PrintWriter out, PrintWriter err)
            throws IOException {
        if (extraArguments) {
            err.println("tallyroom count: --rctab takes the contest's files, method, seats and tie-break seed from"
                    + " the config; leave out --method, --seats, --seed, --lot and input files");
            return Main.BAD_INPUT;
        }
        RctabReport.Counted counted;
        try {
            counted = RctabReport.count(config);
        } catch (InputException e) {
            err.println(e.getMessage());
            return Main.BAD_INPUT;
        } catch (CountException e) {
            err.println(config + ": cannot count: " + e.getMessage());
            return Main.BAD_INPUT;
        } catch (IllegalArgumentException | ArithmeticException e) {
            err.println(config + ": " + e.getMessage());
            return Main.BAD_INPUT;
        }
        String rendered = switch (format) {
            case "json" -> RctabReport.json(counted) + "\n";
            case "csv" -> ReportCsv.render(counted.report());
            default -> RctabReport.text(counted);
        };
        if (outDir != null) {
            Files.createDirectories(outDir);
            // "-count" keeps a JSON report from replacing the config itself when DIR is the config's folder.
            String base = config.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            Files.writeString(outDir.resolve(base + "-count." + (format.equals("text") ? "txt" : format)), rendered,
                    StandardCharsets.UTF_8);
        } else {
            out.print(rendered);
            out.flush();
        }
        return 0;
    }
}
