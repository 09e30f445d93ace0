package org.fairkit.reports.svg;

/**
 * Escapes user text (group labels, titles, reasons) for HTML and SVG, so that no input can open a tag, close an
 * attribute or start an entity.
 *
 * <p>Replaces {@code &}, {@code <}, {@code >}, {@code "} and {@code '} by character references; the result is
 * safe both as element content and inside a double- or single-quoted attribute value. Control characters other than
 * tab, line feed and carriage return (not allowed in XML 1.0) become U+FFFD, so inline SVG stays well-formed XML.
 */
public final class Escape {
    private Escape() {
    }

    /**
     * @param text any text, {@code null} allowed
     * @return the text with markup characters replaced, {@code ""} for {@code null}
     */
    public static String html(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String r = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF ? "\uFFFD"
                        : null;
            };
            if (r != null && b == null) {
                b = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (b != null) {
                if (r != null) {
                    b.append(r);
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? text : b.toString();
    }

    /**
     * Shortens text to at most {@code max} characters (code points), ending with an ellipsis when cut. Apply before
     * {@link #html(String)}, never after (an entity must not be cut).
     *
     * @throws IllegalArgumentException if {@code max < 2}
     */
    public static String shorten(String text, int max) {
        if (max < 2) {
            throw new IllegalArgumentException("max must be >= 2, got " + max);
        }
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        int end = text.offsetByCodePoints(0, max - 1);
        return text.substring(0, end).stripTrailing() + "\u2026";
    }
}
