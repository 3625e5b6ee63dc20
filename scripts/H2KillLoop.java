import java.io.*;
import java.nio.file.*;
import java.sql.*;
import java.util.*;
import java.util.concurrent.*;

/**
 * Does H2 keep every acknowledged commit through kill -9? A child JVM runs four writers, each committing
 * (and CHECKPOINT SYNC) a counter row plus 40 padding rows, and prints each commit once it returned; a
 * second pair of threads writes noise in auto-commit. The parent waits for 20 acknowledgements, kills the
 * child at a random moment up to 1 s later (every fifth cycle SIGTERM instead), reopens the file and
 * checks every counter is at least the highest value acknowledged. Exits 1 at the first loss ("LOST"),
 * having copied the killed file to DIR.killed.mv.db for MVStoreTool. Run by scripts/h2-kill-loop.sh.
 * System properties: -Dlock=true serialises the writers; -Dsync=false drops the CHECKPOINT SYNC;
 * -Dterm=false kills every cycle. The third argument adds URL options (e.g. ";REUSE_SPACE=TRUE").
 */
public class H2KillLoop {
    static final int ROWS = 4;
    static final java.util.concurrent.locks.ReentrantLock LOCK = new java.util.concurrent.locks.ReentrantLock();
    static final boolean USE_LOCK = Boolean.getBoolean("lock");
    static final boolean SYNC = !"false".equals(System.getProperty("sync"));
    static void lock() { if (USE_LOCK) LOCK.lock(); }
    static void unlock() { if (USE_LOCK) LOCK.unlock(); }

    public static void main(String[] a) throws Exception {
        if (a[0].equals("child")) {
            child(a[1], Integer.parseInt(a[2]));
            return;
        }
        String url = "jdbc:h2:file:" + a[1] + ";WRITE_DELAY=0" + (a.length > 3 ? a[3] : "");
        int cycles = Integer.parseInt(a[2]);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS r(id INT PRIMARY KEY, v INT)");
            s.execute("CREATE TABLE IF NOT EXISTS h(id INT, v INT, pad VARCHAR(400))");
            s.execute("CREATE TABLE IF NOT EXISTS noise(id IDENTITY, pad VARCHAR(400))");
            for (int i = 0; i < ROWS; i++) {
                s.execute("MERGE INTO r KEY(id) VALUES (" + i + ", 0)");
            }
        }
        long[] acked = new long[ROWS];
        java.util.concurrent.atomic.AtomicReference<Process> running = new java.util.concurrent.atomic.AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Process child = running.get();
            if (child != null) {
                child.destroyForcibly(); // the loop stopped (Ctrl-C, timeout): its writer goes too
            }
        }));
        Random rnd = new Random();
        String java = ProcessHandle.current().info().command().orElse("java");
        for (int cycle = 1; cycle <= cycles; cycle++) {
            Process p = new ProcessBuilder(java, "-Dlock=" + USE_LOCK, "-Dsync=" + SYNC, "-cp", System.getProperty("java.class.path"), "H2KillLoop", "child", url,
                    String.valueOf(cycle)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            running.set(p);
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()));
            long[] ackedNow = acked.clone();
            Thread reader = new Thread(() -> {
                try {
                    String line;
                    while ((line = r.readLine()) != null) {
                        String[] f = line.split(" ");
                        int id = Integer.parseInt(f[0]);
                        long v = Long.parseLong(f[1]);
                        synchronized (ackedNow) {
                            ackedNow[id] = Math.max(ackedNow[id], v);
                        }
                    }
                } catch (IOException e) {
                }
            });
            reader.start();
            long[] start = ackedNow.clone();
            for (int waited = 0; waited < 600; waited++) {
                long n = 0;
                synchronized (ackedNow) {
                    for (int i = 0; i < ROWS; i++) n += ackedNow[i] - start[i];
                }
                if (n >= 20) break;
                Thread.sleep(100);
            }
            Thread.sleep(rnd.nextInt(1000));
            if (cycle % 5 == 0 && !"false".equals(System.getProperty("term"))) {
                p.destroy();
            } else {
                p.destroyForcibly();
            }
            p.waitFor();
            reader.join();
            synchronized (ackedNow) {
                acked = ackedNow.clone();
            }
            Files.copy(Path.of(a[1] + ".mv.db"), Path.of(a[1] + ".killed.mv.db"), StandardCopyOption.REPLACE_EXISTING);
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, v FROM r ORDER BY id")) {
                StringBuilder sb = new StringBuilder("cycle " + cycle + ":");
                boolean lost = false;
                while (rs.next()) {
                    int id = rs.getInt(1);
                    long v = rs.getLong(2);
                    sb.append(" ").append(id).append("=").append(v).append("/").append(acked[id]);
                    if (v < acked[id]) {
                        lost = true;
                    }
                    acked[id] = Math.max(acked[id], v);
                }
                System.out.println(sb + (lost ? "  LOST" : ""));
                if (lost) {
                    System.exit(1);
                }
            }
        }
    }

    static void child(String url, int cycle) throws Exception {
        Connection keeper = DriverManager.getConnection(url);
        ExecutorService pool = Executors.newFixedThreadPool(ROWS + 2);
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false);
        for (int i = 0; i < ROWS; i++) {
            int id = i;
            pool.submit(() -> {
                try {
                    while (true) {
                        try (Connection c = DriverManager.getConnection(url)) {
                            c.setAutoCommit(false);
                            int v;
                            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT v FROM r WHERE id=" + id)) {
                                rs.next();
                                v = rs.getInt(1) + 1;
                            }
                            lock();
                            try (Statement s = c.createStatement()) {
                                s.executeUpdate("UPDATE r SET v=" + v + " WHERE id=" + id);
                                for (int k = 0; k < 40; k++) {
                                    s.executeUpdate("INSERT INTO h VALUES (" + id + "," + v + ", REPEAT('x', 300))");
                                }
                            }
                            c.commit();
                            try (Statement s = c.createStatement()) {
                                if (SYNC) {
                                    s.execute("CHECKPOINT SYNC");
                                }
                            } finally {
                                unlock();
                            }
                            synchronized (out) {
                                out.println(id + " " + v);
                                out.flush();
                            }
                        }
                    }
                } catch (Throwable t) {
                    t.printStackTrace();
                }
                return null;
            });
        }
        for (int i = 0; i < 2; i++) {
            pool.submit(() -> {
                try (Connection c = DriverManager.getConnection(url)) {
                    while (true) {
                        lock();
                        try (Statement s = c.createStatement()) {
                            s.executeUpdate("INSERT INTO noise(pad) VALUES (REPEAT('n', 200))");
                            if (SYNC) {
                                s.execute("CHECKPOINT SYNC");
                            }
                        } finally {
                            unlock();
                        }
                    }
                } catch (Throwable t) {
                    t.printStackTrace();
                }
                return null;
            });
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
