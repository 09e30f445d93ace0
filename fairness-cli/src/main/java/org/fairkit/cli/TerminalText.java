package org.fairkit.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Keeps raw control characters from input (group labels, column names, cells, file names) away from the terminal:
 * every ISO control character except line feed and tab (and carriage return where the platform's line separator
 * holds one, or on the error stream, where {@link Progress} redraws with it) is written as the escape
 * {@code \}{@code uXXXX}, so ESC and BEL sequences are shown, never executed. JSON output is unchanged in meaning:
 * Jackson already escapes the C0 controls, and the escape of DEL or a C1 control inside a JSON string decodes to the
 * same character.
 */
final class TerminalText {
    private TerminalText() {
    }

    /** @return {@code s} with control characters escaped (line feed and tab kept) */
    static String escape(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (escaped(c, false)) {
                if (b == null) {
                    b = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                b.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    private static boolean escaped(char c, boolean keepCarriageReturn) {
        if (c == '\n' || c == '\t') {
            return false;
        }
        if (c == '\r') {
            return !keepCarriageReturn;
        }
        return Character.isISOControl(c);
    }

    /**
     * A print writer over {@code out} that escapes control characters.
     *
     * @param keepCarriageReturn whether carriage returns pass (the error stream's progress line, or a platform whose
     *     line separator holds one)
     */
    static PrintWriter writer(Writer out, boolean keepCarriageReturn) {
        boolean keep = keepCarriageReturn || System.lineSeparator().indexOf('\r') >= 0;
        return new PrintWriter(new FilterWriter(out) {
            @Override
            public void write(int c) throws IOException {
                if (escaped((char) c, keep)) {
                    out.write(String.format(java.util.Locale.ROOT, "\\u%04X", c));
                } else {
                    out.write(c);
                }
            }

            @Override
            public void write(char[] cbuf, int off, int len) throws IOException {
                int start = off;
                for (int i = off; i < off + len; i++) {
                    if (escaped(cbuf[i], keep)) {
                        out.write(cbuf, start, i - start);
                        out.write(String.format(java.util.Locale.ROOT, "\\u%04X", (int) cbuf[i]));
                        start = i + 1;
                    }
                }
                out.write(cbuf, start, off + len - start);
            }

            @Override
            public void write(String str, int off, int len) throws IOException {
                write(str.toCharArray(), off, len);
            }
        }, true);
    }
}
