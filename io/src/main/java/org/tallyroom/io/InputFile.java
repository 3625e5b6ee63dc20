package org.tallyroom.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * How every reader takes a file in: within the size and line-length limits (refused early, naming
 * the limit and the option that sets it, before a huge file or line is held in memory), and in an
 * encoding the bytes really are (UTF-8, else Windows-1252; bytes that are neither are refused at their
 * line and column rather than becoming U+FFFD in a candidate's name).
 */
public final class InputFile {
    /** The limits applied to every file read. */
    public record Limits(long maxFileSize, int maxLineLength) {
        public Limits {
            if (maxFileSize < 1 || maxLineLength < 1) {
                throw new IllegalArgumentException("limits must be 1 or more");
            }
        }
    }

    /** 1 GiB: a whole borough's ballots as a CSV is a few hundred MB at most. */
    public static final long DEFAULT_MAX_FILE_SIZE = 1L << 30;
    /** 1 MiB: a ballot line or a header row of hundreds of candidates is a few KB. */
    public static final int DEFAULT_MAX_LINE_LENGTH = 1 << 20;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static volatile Limits limits = new Limits(DEFAULT_MAX_FILE_SIZE, DEFAULT_MAX_LINE_LENGTH);

    private InputFile() {
    }

    public static Limits limits() {
        return limits;
    }

    /** Sets the limits for every file read from now on (the command line's --max-file-size, --max-line-length). */
    public static void setLimits(Limits l) {
        limits = l;
    }

    /** A file refused by a limit or its encoding, as an IOException for callers that open readers. */
    public static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;
        private final InputException input;

        public Refused(InputException input) {
            super(input.getMessage());
            this.input = input;
        }

        public InputException input() {
            return input;
        }
    }

    /** The file's bytes, within the limits and in UTF-8 or Windows-1252. */
    public static byte[] read(Path path) throws InputException {
        String name = CsvFile.nameOf(path);
        byte[] bytes;
        try {
            bytes = readBytes(path, name);
        } catch (Refused r) {
            throw r.input();
        } catch (IOException | RuntimeException e) {
            throw CsvFile.unreadable(name, e);
        }
        charset(name, bytes, 0);
        return bytes;
    }

    /** As {@link #read}, for callers that handle IOException: a refusal is a {@link Refused}. */
    static byte[] readOrRefuse(Path path) throws IOException {
        String name = CsvFile.nameOf(path);
        byte[] bytes = readBytes(path, name);
        try {
            charset(name, bytes, 0);
        } catch (InputException e) {
            throw new Refused(e);
        }
        return bytes;
    }

    private static byte[] readBytes(Path path, String name) throws IOException {
        Limits l = limits;
        long size = Files.size(path);
        if (size > l.maxFileSize()) {
            throw new Refused(new InputException(name, 0, 0, "a file of at most " + l.maxFileSize()
                    + " bytes (the limit set by --max-file-size)", "one of " + size + " bytes"));
        }
        byte[] buf = new byte[(int) Math.min(Math.max(size, 8192), Integer.MAX_VALUE - 16)];
        int n = 0;
        long line = 1;
        int lineStart = 0;
        try (InputStream in = Files.newInputStream(path)) {
            while (true) {
                if (n == buf.length) {
                    if ((long) n + 1 > l.maxFileSize() || n >= Integer.MAX_VALUE - 16) {
                        if (in.read() < 0) {
                            break;
                        }
                        throw new Refused(new InputException(name, 0, 0, "a file of at most " + l.maxFileSize()
                                + " bytes (the limit set by --max-file-size)", "a longer one"));
                    }
                    buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, Integer.MAX_VALUE - 16));
                }
                int r = in.read(buf, n, Math.min(buf.length - n, 1 << 16));
                if (r < 0) {
                    break;
                }
                for (int i = n; i < n + r; i++) {
                    if (buf[i] == '\n') {
                        line++;
                        lineStart = i + 1;
                    } else if (i - lineStart >= l.maxLineLength()) {
                        throw new Refused(new InputException(name, line, l.maxLineLength() + 1L, "a line of at most "
                                + l.maxLineLength() + " bytes (the limit set by --max-line-length)",
                                "a longer line"));
                    }
                }
                n += r;
                if (n > l.maxFileSize()) {
                    throw new Refused(new InputException(name, 0, 0, "a file of at most " + l.maxFileSize()
                            + " bytes (the limit set by --max-file-size)", "a longer one"));
                }
            }
        }
        return n == buf.length ? buf : Arrays.copyOf(buf, n);
    }

    /**
     * The encoding of {@code bytes} from {@code offset}: UTF-8 if they are valid UTF-8, else Windows-1252
     * if every byte is one it defines; else refused at the first byte Windows-1252 leaves undefined.
     */
    public static Charset charset(String name, byte[] bytes, int offset) throws InputException {
        boolean ascii = true;
        for (int i = offset; i < bytes.length && ascii; i++) {
            ascii = bytes[i] >= 0;
        }
        if (ascii || decodes(StandardCharsets.UTF_8.newDecoder(), bytes, offset)) {
            return StandardCharsets.UTF_8;
        }
        if (decodes(WINDOWS_1252.newDecoder(), bytes, offset)) {
            return WINDOWS_1252;
        }
        int at = offset;
        while (at < bytes.length && !undefinedIn1252(bytes[at] & 0xFF)) {
            at++;
        }
        long line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int startAt = Math.max(lineStart, offset);
        long column = new String(bytes, startAt, Math.max(0, at - startAt), WINDOWS_1252).length() + 1;
        throw new InputException(name, line, column, "text in UTF-8 or Windows-1252",
                String.format("the byte 0x%02X, which is neither (the file is not valid UTF-8, and Windows-1252 leaves "
                        + "0x%02X undefined)", bytes[Math.min(at, bytes.length - 1)] & 0xFF,
                        bytes[Math.min(at, bytes.length - 1)] & 0xFF));
    }

    private static boolean undefinedIn1252(int b) {
        return b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D;
    }

    private static boolean decodes(CharsetDecoder decoder, byte[] bytes, int offset) {
        try {
            decoder.onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
