package org.tallyroom.cli;

import picocli.CommandLine.Option;

/** {@code --quiet}: no progress display, even on a terminal. */
final class QuietOption {
    @Option(names = "--quiet", description = "Show no progress, even on a terminal (progress goes to standard error, "
            + "only when it is a terminal).")
    boolean quiet;
}
