package org.tallyroom.io.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import java.util.Random;

/**
 * Makes realistic synthetic elections for benchmarks and demos, reproducibly from a seed.
 *
 * <p>The shape follows real UK preferential voting: candidates belong to parties whose support
 * falls away roughly as a power law; a voter picks a party by popularity and a candidate within it
 * (the first-listed candidates of a party doing better, as ballot position does), then gives later
 * preferences mostly down the same party's ticket before moving to other parties by popularity; a
 * good share of voters mark only one preference ("plumping"). That skew is what makes real ballots
 * bundle 5-10 times, and senate-style ticket voting far more.
 *
 * <p>{@link Random} is used rather than a newer generator because its sequence is fixed by its
 * specification, so the same seed writes the same file on every JVM.
 */
public final class ElectionGenerator {
    /** How often (in papers, a power of two) the writers report progress. */
    public static final int REPORT_EVERY = 1 << 16;

    /** What to make. */
    public record Spec(int candidates, int parties, int seats, int maxRanks, long ballots, long seed) {
        public Spec {
            if (candidates < 2 || candidates > 10_000) {
                throw new IllegalArgumentException("candidates must be from 2 to 10000, was " + candidates);
            }
            if (parties < 1 || parties > candidates) {
                throw new IllegalArgumentException("parties must be from 1 to the number of candidates, was " + parties);
            }
            if (seats < 1 || seats >= candidates) {
                throw new IllegalArgumentException("seats must be from 1 to one fewer than the candidates, was " + seats);
            }
            if (maxRanks < 1) {
                throw new IllegalArgumentException("max ranks must be at least 1, was " + maxRanks);
            }
            if (ballots < 1) {
                throw new IllegalArgumentException("ballots must be at least 1, was " + ballots);
            }
        }
    }

    private final Spec spec;
    private final Random random;
    private final int[] partyOf;
    private final int[][] ticket;          // candidates of each party, in list order
    private final long[] partyCumulative;  // cumulative popularity weights, for sampling
    private final int[] scratch;
    private final boolean[] used;

    public ElectionGenerator(Spec spec) {
        this.spec = spec;
        this.random = new Random(spec.seed());
        int c = spec.candidates();
        int p = spec.parties();
        partyOf = new int[c];
        int[] size = new int[p];
        for (int i = 0; i < c; i++) {
            partyOf[i] = i % p;
            size[i % p]++;
        }
        ticket = new int[p][];
        int[] filled = new int[p];
        for (int k = 0; k < p; k++) {
            ticket[k] = new int[size[k]];
        }
        for (int i = 0; i < c; i++) {
            ticket[partyOf[i]][filled[partyOf[i]]++] = i;
        }
        // Popularity ~ 1000 / (rank+1)^1.2 in integers, party order shuffled by the seed.
        long[] weight = new long[p];
        int[] order = new int[p];
        for (int k = 0; k < p; k++) {
            order[k] = k;
        }
        for (int k = p - 1; k > 0; k--) {
            int j = random.nextInt(k + 1);
            int t = order[k];
            order[k] = order[j];
            order[j] = t;
        }
        for (int k = 0; k < p; k++) {
            long w = 1_000_000L;
            for (int r = 0; r < k; r++) {
                w = w * 10 / 13;
            }
            weight[order[k]] = Math.max(1, w);
        }
        partyCumulative = new long[p];
        long sum = 0;
        for (int k = 0; k < p; k++) {
            sum += weight[k];
            partyCumulative[k] = sum;
        }
        scratch = new int[Math.min(spec.maxRanks(), c)];
        used = new boolean[c];
    }

    public String candidateName(int i) {
        return "Candidate " + (char) ('A' + (i % 26)) + (i >= 26 ? Integer.toString(i / 26) : "")
                + " (Party " + (partyOf[i] + 1) + ")";
    }

    /** Fills the next ballot's preferences into the returned array's prefix; returns its length. */
    int nextBallot() {
        int c = spec.candidates();
        int max = scratch.length;
        int ranks = random.nextInt(100) < 30 ? 1 : 1 + random.nextInt(max);
        java.util.Arrays.fill(used, false);
        int n = 0;
        int party = pickParty();
        while (n < ranks) {
            int cand = -1;
            for (int x : ticket[party]) {
                if (!used[x]) {
                    cand = x;
                    // Later names on a list are chosen less often (ballot position effect).
                    if (random.nextInt(100) < 70) {
                        break;
                    }
                }
            }
            if (cand < 0 || (n > 0 && random.nextInt(100) < 35)) {
                party = pickParty();
                int tries = 0;
                while (allUsed(party) && tries++ < 4 * spec.parties()) {
                    party = pickParty();
                }
                if (allUsed(party)) {
                    cand = firstUnused(c);
                    if (cand < 0) {
                        break;
                    }
                } else {
                    continue;
                }
            }
            used[cand] = true;
            scratch[n++] = cand;
        }
        return n;
    }

    private boolean allUsed(int party) {
        for (int x : ticket[party]) {
            if (!used[x]) {
                return false;
            }
        }
        return true;
    }

    private int firstUnused(int c) {
        for (int i = 0; i < c; i++) {
            if (!used[i]) {
                return i;
            }
        }
        return -1;
    }

    private int pickParty() {
        long total = partyCumulative[partyCumulative.length - 1];
        long r = (random.nextLong() >>> 1) % total;
        for (int k = 0; k < partyCumulative.length; k++) {
            if (r < partyCumulative[k]) {
                return k;
            }
        }
        return partyCumulative.length - 1;
    }

    /** Writes a Tallyroom ballots CSV: header of names, one row per paper, each cell a rank. */
    public void writeBallotsCsv(Path file) throws IOException {
        writeBallotsCsv(file, n -> { });
    }

    /** As {@link #writeBallotsCsv(Path)}, telling {@code written} the papers written so far every {@value #REPORT_EVERY}. */
    public void writeBallotsCsv(Path file, LongConsumer written) throws IOException {
        int c = spec.candidates();
        try (Writer w = writer(file)) {
            for (int i = 0; i < c; i++) {
                w.write(i == 0 ? "" : ",");
                w.write(csvQuote(candidateName(i)));
            }
            w.write('\n');
            int[] rankOf = new int[c];
            char[] line = new char[c * 6 + 2];
            for (long b = 0; b < spec.ballots(); b++) {
                int n = nextBallot();
                java.util.Arrays.fill(rankOf, 0);
                for (int k = 0; k < n; k++) {
                    rankOf[scratch[k]] = k + 1;
                }
                int len = 0;
                for (int i = 0; i < c; i++) {
                    if (i > 0) {
                        line[len++] = ',';
                    }
                    if (rankOf[i] > 0) {
                        String s = Integer.toString(rankOf[i]);
                        s.getChars(0, s.length(), line, len);
                        len += s.length();
                    }
                }
                line[len++] = '\n';
                w.write(line, 0, len);
                if ((b & (REPORT_EVERY - 1)) == REPORT_EVERY - 1) {
                    written.accept(b + 1);
                }
            }
            written.accept(spec.ballots());
        }
    }

    /** Writes a BLT file, one line per paper with weight 1. */
    public void writeBlt(Path file, String title) throws IOException {
        writeBlt(file, title, n -> { });
    }

    /** As {@link #writeBlt(Path, String)}, telling {@code written} the papers written so far every {@value #REPORT_EVERY}. */
    public void writeBlt(Path file, String title, LongConsumer written) throws IOException {
        int c = spec.candidates();
        try (Writer w = writer(file)) {
            w.write(c + " " + spec.seats() + "\n");
            StringBuilder sb = new StringBuilder(64);
            for (long b = 0; b < spec.ballots(); b++) {
                int n = nextBallot();
                sb.setLength(0);
                sb.append('1');
                for (int k = 0; k < n; k++) {
                    sb.append(' ').append(scratch[k] + 1);
                }
                sb.append(" 0\n");
                w.append(sb);
                if ((b & (REPORT_EVERY - 1)) == REPORT_EVERY - 1) {
                    written.accept(b + 1);
                }
            }
            written.accept(spec.ballots());
            w.write("0\n");
            for (int i = 0; i < c; i++) {
                w.write("\"" + candidateName(i) + "\"\n");
            }
            w.write("\"" + title + "\"\n");
        }
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
    }

    private static String csvQuote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
