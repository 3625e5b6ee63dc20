package org.tallyroom.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded mutations of a small valid input, for the fuzz tests: bytes replaced, inserted and deleted
 * (biased to the ones parsers trip on: digits, separators, quotes, line ends, bytes invalid in UTF-8
 * or Windows-1252), lines duplicated, dropped and swapped, the file cut short, numbers replaced by
 * impossible ones. The same seed gives the same sequence, so a failure names its case exactly.
 * Hand-written: the allowed libraries have no mutation fuzzer (jqwik is excluded).
 */
final class Mutations {
    private static final byte[] INTERESTING = {'0', '1', '9', ',', '"', '\n', '\r', '-', '.', ' ', 0, (byte) 0x81,
            (byte) 0x9D, (byte) 0xC3, (byte) 0xFF, 'x', '{', '}', '[', ']', ':', '=', '\t', '\''};
    private static final String[] NUMBERS = {"-5", "12x", "1,2", "12,,3", "1,84,3", "99999999999999999999999",
            "1000000000000000000", "1e30", "0", "", "3.5", "-0", "2147483648", "9223372036854775807"};

    private final Random random;
    private final byte[] seed;

    Mutations(long seed, byte[] input) {
        this.random = new Random(seed);
        this.seed = input.clone();
    }

    Mutations(long seed, String input) {
        this(seed, input.getBytes(StandardCharsets.UTF_8));
    }

    /** The next mutant: one to three mutations of the seed input. */
    byte[] next() {
        byte[] b = seed;
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            b = mutate(b);
        }
        return b;
    }

    private byte[] mutate(byte[] b) {
        if (b.length == 0) {
            return new byte[] {INTERESTING[random.nextInt(INTERESTING.length)]};
        }
        int at = random.nextInt(b.length);
        return switch (random.nextInt(8)) {
            case 0 -> {
                byte[] c = b.clone();
                c[at] = pick();
                yield c;
            }
            case 1 -> splice(b, at, at, new byte[] {pick()});
            case 2 -> splice(b, at, Math.min(b.length, at + 1 + random.nextInt(10)), new byte[0]);
            case 3 -> {
                List<byte[]> lines = lines(b);
                int l = random.nextInt(lines.size());
                lines.add(l, lines.get(l));
                yield join(lines);
            }
            case 4 -> {
                List<byte[]> lines = lines(b);
                lines.remove(random.nextInt(lines.size()));
                yield join(lines);
            }
            case 5 -> Arrays.copyOf(b, at);
            case 6 -> {
                List<byte[]> lines = lines(b);
                int x = random.nextInt(lines.size());
                int y = random.nextInt(lines.size());
                byte[] t = lines.get(x);
                lines.set(x, lines.get(y));
                lines.set(y, t);
                yield join(lines);
            }
            default -> {
                int start = at;
                while (start < b.length && (b[start] < '0' || b[start] > '9')) {
                    start++;
                }
                int end = start;
                while (end < b.length && b[end] >= '0' && b[end] <= '9') {
                    end++;
                }
                yield splice(b, start, end, NUMBERS[random.nextInt(NUMBERS.length)].getBytes(StandardCharsets.US_ASCII));
            }
        };
    }

    private byte pick() {
        return random.nextInt(4) == 0 ? (byte) random.nextInt(256) : INTERESTING[random.nextInt(INTERESTING.length)];
    }

    private static byte[] splice(byte[] b, int from, int to, byte[] with) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + with.length);
        out.write(b, 0, from);
        out.write(with, 0, with.length);
        out.write(b, to, b.length - to);
        return out.toByteArray();
    }

    private static List<byte[]> lines(byte[] b) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n') {
                lines.add(Arrays.copyOfRange(b, start, i + 1));
                start = i + 1;
            }
        }
        if (start < b.length) {
            lines.add(Arrays.copyOfRange(b, start, b.length));
        }
        return lines;
    }

    private static byte[] join(List<byte[]> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        lines.forEach(l -> out.write(l, 0, l.length));
        return out.toByteArray();
    }

    /** The mutant shown in a failure message. */
    static String show(byte[] b) {
        String s = new String(b, StandardCharsets.ISO_8859_1);
        return s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }
}
