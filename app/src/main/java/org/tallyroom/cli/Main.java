package org.tallyroom.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

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

    /** Every subcommand, in the order the help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(CountCommand.class, GenerateCommand.class, ImportCommand.class,
            ExportCommand.class, ElectionsCommand.class, ShowCommand.class, AnalyseCommand.class, EventCommand.class,
            ServeCommand.class, DemoCommand.class, CommandLine.HelpCommand.class);

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        return run(null, null, args);
    }

    /** Runs with the given output and error writers (null for the console); tests capture them here. */
    static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
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
