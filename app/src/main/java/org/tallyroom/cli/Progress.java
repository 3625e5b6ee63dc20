package org.tallyroom.cli;

import java.io.Console;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Progress on standard error for work that may take more than a second (imports, counting many files,
 * generating, the demo's start): shown only when standard error is a terminal, never with
 * {@code --quiet}, so pipes, files and scripts see exactly the output they saw before.
 *
 * <p>Drawn by me.tongfei:progressbar. Whether standard error is a terminal: the {@code ./tallyroom}
 * launcher knows ({@code [ -t 2 ]}) and says so in {@code -Dtallyroom.tty}; run any other way, the JVM's
 * console decides.
 */
final class Progress implements AutoCloseable {
    /** The system property the launcher sets to true when standard error is a terminal. */
    static final String TTY = "tallyroom.tty";

    private static final Progress SILENT = new Progress(null);
    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /** True when progress may be drawn: standard error is a terminal. */
    static boolean terminal() {
        String told = System.getProperty(TTY);
        if (told != null) {
            return Boolean.parseBoolean(told);
        }
        Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            // Java 22+ has a console even when redirected; isTerminal says whether it is one.
            return (Boolean) Console.class.getMethod("isTerminal").invoke(c);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /**
     * Starts a bar named {@code task} on the command's standard error, counting to {@code max} (0 or less
     * when the end is not known: the bar then shows the time taken), or a silent one.
     */
    static Progress start(CommandSpec spec, boolean quiet, String task, long max, String unit) {
        if (quiet || !terminal()) {
            return SILENT;
        }
        int width = 100;
        try {
            String columns = System.getenv("COLUMNS");
            if (columns != null) {
                width = Math.max(40, Integer.parseInt(columns.strip()));
            }
        } catch (NumberFormatException ignored) {
            // keep the default width
        }
        ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(task).setInitialMax(max > 0 ? max : -1)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).continuousUpdate()
                .setConsumer(new ConsoleProgressBarConsumer(stream(spec.commandLine().getErr()), width - 1));
        if (unit != null) {
            b.setUnit(" " + unit, 1);
        }
        return new Progress(b.build());
    }

    boolean shown() {
        return bar != null;
    }

    void step() {
        if (bar != null) {
            bar.step();
        }
    }

    void stepTo(long n) {
        if (bar != null) {
            bar.stepTo(n);
        }
    }

    /** Text after the bar, such as the file being worked on. */
    void message(String text) {
        if (bar != null) {
            bar.setExtraMessage(text);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }

    /** The command's error writer as the stream the library draws on. */
    private static PrintStream stream(PrintWriter err) {
        return new PrintStream(new OutputStream() {
            private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();

            @Override
            public void write(int b) {
                pending.write(b);
            }

            @Override
            public void flush() {
                err.print(pending.toString(StandardCharsets.UTF_8));
                err.flush();
                pending.reset();
            }
        }, true, StandardCharsets.UTF_8);
    }
}
