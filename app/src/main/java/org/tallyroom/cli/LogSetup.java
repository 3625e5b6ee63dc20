package org.tallyroom.cli;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/**
 * {@code --log-level} and {@code --log-file} for the long-running commands ({@code serve}, {@code demo}).
 * Logs go to standard error (logback.xml) and to a file: by default {@code tallyroom.log} under
 * {@code $XDG_STATE_HOME/tallyroom} or {@code ~/.local/state/tallyroom}, rolled daily and at 50 MB, 14
 * files kept; both are written by a background thread (logback's AsyncAppender). The level applies to Tallyroom's loggers (requests, errors, the store); the libraries'
 * (Jetty, Flyway, H2) log from WARN up, or from the level given if it is DEBUG or TRACE.
 */
final class LogSetup {
    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "INFO",
            description = "Log level: ERROR, WARN, INFO (default: one line per request), DEBUG or TRACE.")
    String level;

    @Option(names = "--log-file", paramLabel = "FILE",
            description = "Log file (default: $XDG_STATE_HOME/tallyroom/tallyroom.log or ~/.local/state/tallyroom/tallyroom.log); "
                    + "'-' for standard error only.")
    String file;

    /** Applies the options; returns the log file (null when none), or throws IllegalArgumentException for a bad level. */
    Path apply(Map<String, String> env) {
        String l = level.strip().toUpperCase(Locale.ROOT);
        if (!l.matches("ERROR|WARN|INFO|DEBUG|TRACE")) {
            throw new IllegalArgumentException("expected --log-level ERROR, WARN, INFO, DEBUG or TRACE, found '" + level + "'");
        }
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return null;
        }
        Level lv = Level.toLevel(l);
        context.getLogger("org.tallyroom").setLevel(lv);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        if (lv.toInt() < Level.INFO_INT) {
            root.setLevel(lv);
        }
        if ("-".equals(file)) {
            return null;
        }
        Path path = file != null ? Path.of(file) : defaultFile(env);
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create the directory of the log file " + path + ": " + e.getMessage());
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();
        RollingFileAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName("FILE");
        appender.setFile(path.toString());
        SizeAndTimeBasedRollingPolicy<ch.qos.logback.classic.spi.ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(appender);
        policy.setFileNamePattern(path + ".%d{yyyy-MM-dd}.%i.gz");
        policy.setMaxFileSize(FileSize.valueOf("50MB"));
        policy.setMaxHistory(14);
        policy.start();
        appender.setRollingPolicy(policy);
        appender.setEncoder(encoder);
        appender.start();
        // As for standard error (logback.xml): a background thread writes the file, so a request never
        // waits for the disk; nothing is dropped, and what is queued is written at exit (the shutdown hook).
        AsyncAppender async = new AsyncAppender();
        async.setContext(context);
        async.setName("ASYNC-FILE");
        async.setQueueSize(8192);
        async.setDiscardingThreshold(0);
        async.addAppender(appender);
        async.start();
        root.addAppender(async);
        return path;
    }

    static Path defaultFile(Map<String, String> env) {
        String xdg = env.get("XDG_STATE_HOME");
        Path dir = xdg != null && !xdg.isBlank() ? Path.of(xdg, "tallyroom")
                : Path.of(System.getProperty("user.home"), ".local", "state", "tallyroom");
        return dir.resolve("tallyroom.log");
    }
}
