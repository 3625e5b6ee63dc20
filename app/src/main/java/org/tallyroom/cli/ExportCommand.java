package org.tallyroom.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.tallyroom.store.Store;
import org.tallyroom.store.StoreException;
import org.tallyroom.store.export.ResultsCsv;
import org.tallyroom.store.export.ResultsJson;
import org.tallyroom.store.export.StoredResult;
import org.tallyroom.store.nist.NistCdfWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tallyroom export}: stored results of an election or one ballot, to standard output. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the stored results of an election (any level) or one ballot to standard output.")
final class ExportCommand implements Callable<Integer> {
    enum Format { csv, json, nist_cdf }

    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db = new DbOption();

    @Option(names = "--format", defaultValue = "csv", paramLabel = "FORMAT",
            description = "csv, json or nist-cdf (NIST SP 1500-100 v2 JSON) (default ${DEFAULT-VALUE}).",
            converter = FormatConverter.class)
    Format format;

    @Parameters(paramLabel = "ELECTION_OR_BALLOT_ID",
            description = "e.g. local.2022-05-05, local.barnet.2022-05-05 or local.barnet.whetstone.2022-05-05.")
    String id;

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return Format.valueOf(value.replace('-', '_'));
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Store store = db.open()) {
            List<StoredResult> results = StoredResult.load(store, id);
            if (results.isEmpty()) {
                spec.commandLine().getErr().println("tallyroom export: nothing stored under '" + id
                        + "'; 'tallyroom elections' lists what is stored");
                return Main.BAD_INPUT;
            }
            out.print(switch (format) {
                case csv -> ResultsCsv.write(results);
                case json -> ResultsJson.write(results) + "\n";
                case nist_cdf -> NistCdfWriter.write(results, store.now(), "tallyroom 0.1.0") + "\n";
            });
            out.flush();
            return 0;
        } catch (StoreException e) {
            spec.commandLine().getErr().println("tallyroom export: " + e.getMessage());
            return Main.BAD_INPUT;
        }
    }
}
