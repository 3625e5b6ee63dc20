package org.tallyroom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code ./tallyroom} script against fake JDKs: directories with a {@code release} file and a
 * {@code bin/java} that only records how it was started. Proves the choice is made from the release files
 * (no JVM is started but the one that runs the jar), cached, and made again when the environment or the
 * JDK changes.
 */
class LauncherTest {
    @TempDir
    Path tmp;

    Path root;
    Path jvms;
    Path calls;

    @BeforeEach
    void setUp() throws IOException {
        root = tmp.resolve("tallyroom");
        Files.createDirectories(root.resolve("app/target"));
        Path script = Path.of(System.getProperty("user.dir")).getParent().resolve("tallyroom");
        Files.copy(script, root.resolve("tallyroom"));
        executable(root.resolve("tallyroom"));
        // A jar newer than every source (there are none here), so the launcher does not build.
        Files.writeString(root.resolve("app/target/tallyroom.jar"), "");
        jvms = Files.createDirectories(tmp.resolve("jvm"));
        calls = tmp.resolve("calls.log");
        fakeJdk("jdk-17", "JAVA_VERSION=\"17.0.15\"");
        fakeJdk("jdk-8", "JAVA_VERSION=\"1.8.0_402\"");
        fakeJdk("jdk-21", "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"21.0.4\"\nJAVA_VERSION_DATE=\"2024-07-16\"");
        fakeJdk("jdk-25", "JAVA_VERSION=\"25.0.1\"");
        Files.createDirectories(tmp.resolve("bin"));
        Files.createSymbolicLink(tmp.resolve("bin/java"), jvms.resolve("jdk-17/bin/java"));
    }

    private void fakeJdk(String name, String release) throws IOException {
        Path home = Files.createDirectories(jvms.resolve(name).resolve("bin"));
        Files.writeString(jvms.resolve(name).resolve("release"), release + "\n");
        Path java = home.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"" + name + " $*\" >> '" + calls + "'\n");
        executable(java);
    }

    private static void executable(Path p) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", tmp.resolve("bin") + ":/usr/bin:/bin");
        env.put("HOME", tmp.toString());
        env.put("TALLYROOM_CACHE_DIR", tmp.resolve("cache").toString());
        env.put("TALLYROOM_JDK_DIRS", jvms + "/*");
        return env;
    }

    /** Runs the launcher (optionally under a pseudo-terminal) and returns the one java start it made. */
    private String launch(Map<String, String> env, boolean tty, String... args) throws Exception {
        Files.deleteIfExists(calls);
        String cmd = root.resolve("tallyroom") + " " + String.join(" ", args);
        List<String> command = tty ? List.of("script", "-qec", cmd, "/dev/null") : List.of("bash", "-c", cmd + " 2>/dev/null");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE);
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        List<String> lines = Files.readAllLines(calls);
        assertThat(lines).as("JVMs started").hasSize(1);
        return lines.get(0);
    }

    @Test
    void picksTheNewestJdk21PlusWhenJavaOnThePathIsOlder() throws Exception {
        String run = launch(env(), false, "count", "x.csv");
        assertThat(run).startsWith("jdk-25 ").contains("-XX:+UseSerialGC").endsWith("-jar " + root + "/app/target/tallyroom.jar count x.csv");
    }

    @Test
    void javaHomeAndThePathWinWhenTheyAre21Plus() throws Exception {
        Map<String, String> env = env();
        env.put("JAVA_HOME", jvms.resolve("jdk-21").toString());
        assertThat(launch(env, false, "--help")).startsWith("jdk-21 ");
        env.put("JAVA_HOME", jvms.resolve("jdk-8").toString());
        assertThat(launch(env, false, "--help")).as("JAVA_HOME 8 is passed over").startsWith("jdk-25 ");
        env.remove("JAVA_HOME");
        Files.delete(tmp.resolve("bin/java"));
        Files.createSymbolicLink(tmp.resolve("bin/java"), jvms.resolve("jdk-21/bin/java"));
        env.put("PATH", env.get("PATH") + ":/usr/local/bin");
        assertThat(launch(env, false, "--help")).startsWith("jdk-21 ");
    }

    @Test
    void theChoiceIsCachedUntilTheEnvironmentOrTheJdkChanges() throws Exception {
        Map<String, String> env = env();
        assertThat(launch(env, false, "--help")).startsWith("jdk-25 ");
        fakeJdk("jdk-26", "JAVA_VERSION=\"26\"");
        assertThat(launch(env, false, "--help")).as("cached").startsWith("jdk-25 ");
        Files.setLastModifiedTime(jvms.resolve("jdk-25/release"), FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(launch(env, false, "--help")).as("the chosen JDK was updated").startsWith("jdk-26 ");
        fakeJdk("jdk-27", "JAVA_VERSION=\"27-ea\"");
        env.put("PATH", env.get("PATH") + ":/usr/local/bin");
        assertThat(launch(env, false, "--help")).as("PATH changed").startsWith("jdk-27 ");
    }

    @Test
    void shortRunsUseTheQuickCompilerOnly_bigCountsAndServersKeepC2() throws Exception {
        Path small = Files.writeString(tmp.resolve("small.csv"), "candidate,votes\nA,1\n");
        Path big = tmp.resolve("big.blt");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(49L << 20);
        }
        String c1 = "-XX:TieredStopAtLevel=1";
        assertThat(launch(env(), false, "--help")).contains(c1);
        assertThat(launch(env(), false, "count", "--method", "av", small.toString())).contains(c1);
        assertThat(launch(env(), false, "count", "--method", "stv-meek", small.toString(), big.toString())).doesNotContain(c1);
        assertThat(launch(env(), false, "serve")).doesNotContain(c1);
        assertThat(launch(env(), false, "generate", "--ballots", "5000000", "x.blt")).doesNotContain(c1);
        assertThat(launch(env(), false, "generate", "--ballots", "1000", "x.blt")).contains(c1);
    }

    @Test
    void importsUnder48MbStayOnC1_butAWholeFolderGetsC2() throws Exception {
        Path uk = Files.createDirectories(tmp.resolve("data/uk/westminster"));
        Path a = Files.write(uk.resolve("ge2019-results-by-candidate.csv"), new byte[600 << 10]);
        Path b = Files.write(uk.resolve("ge2019-results-by-constituency.csv"), new byte[600 << 10]);
        String c1 = "-XX:TieredStopAtLevel=1";
        assertThat(launch(env(), false, "import", "hoc-candidates", a.toString(), "--constituencies", b.toString()))
                .contains(c1);
        String folder = launch(env(), false, "import", "uk", tmp.resolve("data").toString());
        assertThat(folder).doesNotContain(c1).contains("-XX:+UseSerialGC", "-XX:-DoEscapeAnalysis", "-XX:FreqInlineSize=150")
                .doesNotContain("-Xmn2g");
        // The leaner C2 is for the folder alone: the big counts and the server keep the default.
        assertThat(launch(env(), false, "serve")).doesNotContain("-XX:-DoEscapeAnalysis", "-XX:FreqInlineSize");
        // A young generation of its own where the default heap leaves room for it (4 GB of memory or more).
        if (memoryKb() >= 4L << 20) {
            assertThat(folder).contains("-Xmn256m");
        } else {
            assertThat(folder).doesNotContain("-Xmn");
        }
    }

    /** The machine's memory as the launcher reads it. */
    private static long memoryKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return 0;
    }

    @Test
    void noJdk21IsAClearError() throws Exception {
        Map<String, String> env = env();
        env.put("TALLYROOM_JDK_DIRS", jvms + "/jdk-1*");
        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("tallyroom").toString(), "--help").redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isEqualTo(1);
        assertThat(out).contains("needs Java 21 or newer");
        assertThat(calls).doesNotExist();
    }

    @Test
    void theJarLearnsWhetherStandardErrorIsATerminal() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux 'script' is needed for a pseudo-terminal");
        assertThat(launch(env(), true, "generate", "x.csv")).contains("-Dtallyroom.tty=true");
        assertThat(launch(env(), false, "generate", "x.csv")).contains("-Dtallyroom.tty=false").doesNotContain("tty=true");
    }
}
