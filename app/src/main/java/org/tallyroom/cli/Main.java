package org.tallyroom.cli;

import java.util.List;
import java.util.Locale;
import org.tallyroom.io.InputFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code tallyroom} command: one subcommand per job.
 *
 * <p>Subcommands are built lazily: picocli builds a command's whole model (every option of every
 * subcommand, by reflection) when it is registered, which was most of the time {@code --help} took.
 * Only the subcommand being run is registered with its real class; the others are stand-ins that carry
 * just the name, aliases, header and description from their {@code @Command}, enough for the command list in
 * the help and for picocli's "did you mean" on a typo.
 */
@Command(name = "tallyroom", mixinStandardHelpOptions = true, version = "tallyroom 0.1.0",
        description = "Counts, declares, publishes and analyses UK elections.")
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

    /** Every subcommand, in the order the help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(CountCommand.class, GenerateCommand.class, ImportCommand.class,
            ExportCommand.class, ElectionsCommand.class, ShowCommand.class, AnalyseCommand.class, EventCommand.class,
            ServeCommand.class, DemoCommand.class, CompactCommand.class, NiAssemblyCommands.Check.class, SelectionCommand.class,
            CommandLine.HelpCommand.class);

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        return run(null, null, args);
    }

    /** Runs with the given output and error writers (null for the console); tests capture them here. */
    static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        InputFile.setLimits(new InputFile.Limits(InputFile.DEFAULT_MAX_FILE_SIZE, InputFile.DEFAULT_MAX_LINE_LENGTH));
        CommandLine cl = commandLine(args);
        if (out != null) {
            cl.setOut(out);
        }
        if (err != null) {
            cl.setErr(err);
        }
        cl.setExitCodeExceptionMapper(e -> BAD_INPUT);
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("tallyroom: " + ex.getMessage());
            CommandLine at = ex.getCommandLine();
            at.getErr().println(at.getParent() == null ? "Run 'tallyroom --help' for the commands."
                    : "Run '" + at.getCommandSpec().qualifiedName() + " --help' for the options.");
            return BAD_INPUT;
        });
        return cl.execute(args);
    }

    /**
     * The command line for these arguments: the subcommand they name (and, for {@code help X}, X) built
     * in full, every other one a stand-in.
     */
    static CommandLine commandLine(String... args) {
        List<String> named = named(args);
        CommandLine cl = new CommandLine(new Main());
        for (Class<?> type : SUBCOMMANDS) {
            Command c = type.getAnnotation(Command.class);
            if (named.contains(c.name()) || List.of(c.aliases()).stream().anyMatch(named::contains)) {
                cl.addSubcommand(type);
            } else {
                CommandSpec stub = CommandSpec.create().name(c.name()).aliases(c.aliases());
                stub.usageMessage().header(c.header()).description(c.description());
                stub.mixinStandardHelpOptions(true);
                cl.addSubcommand(c.name(), new CommandLine(stub), c.aliases());
            }
        }
        return cl;
    }

    /**
     * The subcommands the arguments name: the first word that is a subcommand's name or alias (options
     * of the top-level command and their values may come before it), and after {@code help} the next.
     */
    private static List<String> named(String... args) {
        List<String> names = new java.util.ArrayList<>();
        for (Class<?> type : SUBCOMMANDS) {
            Command c = type.getAnnotation(Command.class);
            names.add(c.name());
            names.addAll(List.of(c.aliases()));
        }
        for (int i = 0; i < args.length; i++) {
            if (names.contains(args[i])) {
                return args[i].equals("help") && i + 1 < args.length ? List.of("help", args[i + 1]) : List.of(args[i]);
            }
        }
        return List.of();
    }
}
