package org.fairkit.reports.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Text for the standard 14 fonts, which encode WinAnsi (Latin-1 plus a few typographic characters) only:
 * characters the font cannot encode are replaced by ASCII stand-ins ({@code −} by {@code -}, {@code ≤} by
 * {@code <=}, {@code ≥} by {@code >=}) or, failing that, by {@code ?}, so that no user string can make PDFBox throw.
 * Also measures and wraps text; a no-break space (U+00A0) keeps its neighbours on one line.
 *
 * <p>Limit: labels in scripts outside WinAnsi (Greek, Cyrillic, CJK) print as {@code ?}; embedding a Unicode font is
 * not done, to keep documents small and free of font licensing questions. The HTML documents show every
 * character.
 */
public final class PdfText {
    private static final Map<Character, String> STAND_INS = Map.ofEntries(
            Map.entry('\u2212', "-"), Map.entry('\u2264', "<="), Map.entry('\u2265', ">="), Map.entry('\u2248', "~"),
            Map.entry('\u2260', "!="), Map.entry('\u221e', "infinity"),
            Map.entry('\u2009', " "), Map.entry('\u202f', " "), Map.entry('\u2192', "->"), Map.entry('\u2190', "<-"),
            Map.entry('\u2011', "-"), Map.entry('\u2010', "-"), Map.entry('\u2032', "'"), Map.entry('\u00ad', ""));

    private final PDFont font;
    private final Map<Character, String> cache = new HashMap<>();

    /** Text helpers for one font. */
    public PdfText(PDFont font) {
        this.font = font;
    }

    /** @return {@code s} with every character the font cannot encode replaced; tabs and newlines become spaces */
    public String sanitize(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(cache.computeIfAbsent(c, this::map));
        }
        return b.toString();
    }

    private String map(char c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return " ";
        }
        if (Character.isSurrogate(c) || Character.isISOControl(c)) {
            return "?";
        }
        String stand = STAND_INS.get(c);
        if (stand != null) {
            return stand;
        }
        try {
            font.encode(String.valueOf(c));
            return String.valueOf(c);
        } catch (IllegalArgumentException | IOException e) {
            return "?";
        }
    }

    /** @return the width of sanitized text in points at {@code size} */
    public float width(String sanitized, float size) {
        try {
            return font.getStringWidth(sanitized) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Breaks text into lines no wider than {@code max} points: at spaces where possible, inside a word (a hash, a
     * long identifier) where it alone is too wide.
     *
     * @return at least one line (empty text gives one empty line)
     */
    public List<String> wrap(String text, float size, float max) {
        String s = sanitize(text);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ", -1)) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (width(candidate, size) <= max) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (width(rest, size) > max && rest.length() > 1) {
                int cut = rest.length() - 1;
                while (cut > 1 && width(rest.substring(0, cut), size) > max) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        lines.add(line.toString());
        return lines;
    }
}
