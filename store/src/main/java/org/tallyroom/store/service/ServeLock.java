package org.tallyroom.store.service;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.tallyroom.store.StoreException;

/**
 * One {@code serve} per H2 database. H2 is the single-node store: its sessions, login limits and live
 * feed are shared through the database, but only PostgreSQL tells other processes about a change
 * (LISTEN/NOTIFY), so a second server on the same H2 file would show stale live pages. {@code serve}
 * therefore holds an operating-system lock on {@code <database>.serve.lock} beside the H2 file for as
 * long as it runs (released by the OS even on kill -9); a second one is refused with a message saying
 * to use PostgreSQL. Other commands (import, show, ...) do not take it: they share the database with
 * the server through H2's automatic mixed mode (see {@code Store}).
 */
public final class ServeLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private ServeLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock for serving the database at {@code jdbcUrl}; nothing to hold for PostgreSQL or an in-memory H2. */
    public static ServeLock claim(String jdbcUrl) {
        Optional<Path> file = h2File(jdbcUrl);
        if (file.isEmpty()) {
            return new ServeLock(null, null);
        }
        Path lockFile = Path.of(file.get() + ".serve.lock");
        FileChannel ch = null;
        try {
            ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l = ch.tryLock();
            if (l == null) {
                throw busy(file.get(), null);
            }
            return new ServeLock(ch, l);
        } catch (OverlappingFileLockException e) {
            close(ch);
            throw busy(file.get(), e);
        } catch (IOException e) {
            close(ch);
            throw new StoreException("cannot lock " + lockFile + ": " + e.getMessage(), e);
        } catch (StoreException e) {
            close(ch);
            throw e;
        }
    }

    private static StoreException busy(Path file, Exception cause) {
        return new StoreException("another tallyroom serve is already running on the H2 database " + file
                + ". H2 serves one node; to run several serve processes on one database, use PostgreSQL "
                + "(--db jdbc:postgresql://host/db?user=...). Other commands (import, show, elections...) can run "
                + "while serve does.", cause);
    }

    /** The file an H2 URL names (jdbc:h2:file:PATH or jdbc:h2:PATH), without its options. */
    static Optional<Path> h2File(String url) {
        if (!url.startsWith("jdbc:h2:") || url.startsWith("jdbc:h2:mem:") || url.startsWith("jdbc:h2:tcp:")
                || url.startsWith("jdbc:h2:ssl:")) {
            return Optional.empty();
        }
        String rest = url.substring("jdbc:h2:".length());
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        int semi = rest.indexOf(';');
        return Optional.of(Path.of(semi >= 0 ? rest.substring(0, semi) : rest).toAbsolutePath());
    }

    private static void close(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing held
            }
        }
    }

    @Override
    public void close() {
        try {
            if (lock != null) {
                lock.release();
            }
        } catch (IOException ignored) {
            // the channel's close releases it too
        }
        close(channel);
    }
}
