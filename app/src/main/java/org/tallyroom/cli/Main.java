package org.tallyroom.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

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

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        return run(null, null, args);
    }

    /** Runs with the given output and error writers (null for the console); tests capture them here. */
    static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
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
