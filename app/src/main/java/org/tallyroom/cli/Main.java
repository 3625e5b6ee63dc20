package org.tallyroom.cli;

import java.util.Locale;
import org.tallyroom.io.InputFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.ScopeType;

/** The {@code tallyroom} command: one subcommand per job. */
@Command(name = "tallyroom", mixinStandardHelpOptions = true, version = "tallyroom 0.1.0",
        description = "Counts, declares, publishes and analyses UK elections.",
        subcommands = {CountCommand.class, GenerateCommand.class, ImportCommand.class, ExportCommand.class,
                ElectionsCommand.class, ShowCommand.class, AnalyseCommand.class, EventCommand.class,
                ServeCommand.class, DemoCommand.class, NiAssemblyCommands.Check.class,
                CommandLine.HelpCommand.class})
public final class Main {
    /** Exit code for bad input or usage: the message says what to fix. */
    public static final int BAD_INPUT = 2;

    @Spec
    CommandSpec spec;

    /** Every command's input limits: a file larger, or with a longer line, is refused naming the limit. */
    @Option(names = "--max-file-size", scope = ScopeType.INHERIT, paramLabel = "SIZE",
            description = "Refuse input files larger than this: bytes, or with K, M or G (default 1G).")
    void maxFileSize(String size) {
        InputFile.setLimits(new InputFile.Limits(parseSize(size, "--max-file-size"), InputFile.limits().maxLineLength()));
    }

    private long parseSize(String size, String option) {
        try {
            return sizeOf(size, option);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    @Option(names = "--max-line-length", scope = ScopeType.INHERIT, paramLabel = "SIZE",
            description = "Refuse input files with a line longer than this: bytes, or with K, M or G (default 1M).")
    void maxLineLength(String size) {
        long n = parseSize(size, "--max-line-length");
        if (n > Integer.MAX_VALUE - 16) {
            throw new CommandLine.ParameterException(spec.commandLine(), "expected --max-line-length below 2G, found "
                    + size);
        }
        InputFile.setLimits(new InputFile.Limits(InputFile.limits().maxFileSize(), (int) n));
    }

    static long sizeOf(String text, String option) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        long unit = 1;
        if (t.endsWith("K") || t.endsWith("M") || t.endsWith("G")) {
            unit = switch (t.charAt(t.length() - 1)) {
                case 'K' -> 1L << 10;
                case 'M' -> 1L << 20;
                default -> 1L << 30;
            };
            t = t.substring(0, t.length() - 1);
        }
        if (!t.matches("\\d{1,12}") || Long.parseLong(t) < 1) {
            throw new IllegalArgumentException("expected " + option + " as a size of 1 or more (bytes, or with K, M or G),"
                    + " found '" + text + "'");
        }
        return Long.parseLong(t) * unit;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        return run(null, null, args);
    }

    /** Runs with the given output and error writers (null for the console); tests capture them here. */
    static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        InputFile.setLimits(new InputFile.Limits(InputFile.DEFAULT_MAX_FILE_SIZE, InputFile.DEFAULT_MAX_LINE_LENGTH));
        CommandLine cl = new CommandLine(new Main());
        if (out != null) {
            cl.setOut(out);
        }
        if (err != null) {
            cl.setErr(err);
        }
        cl.setExitCodeExceptionMapper(e -> BAD_INPUT);
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("tallyroom: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Run 'tallyroom help " + ex.getCommandLine().getCommandName()
                    + "' for the options.");
            return BAD_INPUT;
        });
        return cl.execute(args);
    }
}
