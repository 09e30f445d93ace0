package org.fairkit.orchestration.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * A reader of UTF-8 text that refuses malformed input instead of replacing it: {@link java.io.InputStreamReader}
 * turns every invalid byte into U+FFFD, so Latin-1 labels such as {@code caf\xe9} and {@code caf\xe8} would silently
 * become one group. The first invalid byte (or a sequence cut off by the end of the file) throws an
 * {@link IllegalArgumentException} naming the file, the line and the column (in characters, 1-based) where it
 * stands, and the byte's value.
 *
 * <pre>{@code
 * try (Reader r = Utf8Input.reader(Files.newInputStream(file), file)) { ... }
 * }</pre>
 */
public final class Utf8Input extends Reader {
    private final InputStream in;
    private final Path file;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private final CharBuffer chars = CharBuffer.allocate(1 << 16).flip();
    private boolean endOfInput;
    private boolean done;
    private long line = 1;
    private long column = 1;

    private Utf8Input(InputStream in, Path file) {
        this.in = Objects.requireNonNull(in, "in");
        this.file = Objects.requireNonNull(file, "file");
    }

    /**
     * A strict UTF-8 reader of {@code in}, whose errors name {@code file}.
     *
     * @param in the bytes (closed with the reader)
     * @param file the file they come from, for messages
     */
    public static Reader reader(InputStream in, Path file) {
        return new Utf8Input(in, file);
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, cbuf.length);
        if (len == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !fill()) {
            return -1;
        }
        int n = Math.min(len, chars.remaining());
        chars.get(cbuf, off, n);
        return n;
    }

    /** Decodes at least one character into {@code chars}; false at the end of the input. */
    private boolean fill() throws IOException {
        if (done) {
            return false;
        }
        chars.clear();
        while (true) {
            int start = chars.position();
            CoderResult r = decoder.decode(bytes, chars, endOfInput);
            track(start);
            if (r.isError()) {
                throw malformed(bytes.hasRemaining() ? bytes.get(bytes.position()) & 0xff : -1);
            }
            if (chars.position() > 0) {
                chars.flip();
                return true;
            }
            if (endOfInput) {
                start = chars.position();
                decoder.flush(chars);
                track(start);
                done = true;
                chars.flip();
                return chars.hasRemaining();
            }
            bytes.compact();
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                endOfInput = true;
            } else {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
        }
    }

    /** Counts lines and columns over the characters decoded since {@code start}. */
    private void track(int start) {
        for (int i = start; i < chars.position(); i++) {
            if (chars.get(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
    }

    private Malformed malformed(int b) {
        String what = (endOfInput ? "a UTF-8 sequence cut off by the end of the file" : "")
                + (b < 0 ? "" : (endOfInput ? ", " : "") + String.format(Locale.ROOT, "byte 0x%02X", b));
        return new Malformed("file '" + file + "', line " + line + ", column " + column
                + ": not valid UTF-8 (" + what + "); expected UTF-8 text (convert the file, e.g. with iconv -f "
                + "latin1 -t utf-8)");
    }

    /**
     * The input is not valid UTF-8; the message names the file, line, column and byte. A CSV parser may wrap it:
     * {@link #in(Throwable)} finds it in a cause chain.
     */
    public static final class Malformed extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        private Malformed(String message) {
            super(message);
        }

        /** @return the {@code Malformed} in {@code t}'s cause chain, or null */
        public static Malformed in(Throwable t) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof Malformed m) {
                    return m;
                }
            }
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
