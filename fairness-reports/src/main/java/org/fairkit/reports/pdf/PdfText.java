package org.fairkit.reports.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Bidi;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Text for a PDF font: characters the font has are kept, except a few typographic ones replaced by ASCII stand-ins
 * ({@code −} by {@code -}, {@code ≤} by {@code <=}); any other character the font cannot show (or a control or format
 * character) is
 * written as its code point, e.g. {@code [U+4E2D]}, so that no user string can make PDFBox throw and two different
 * labels never print alike. Right-to-left runs (Arabic, Hebrew) are put in visual order with the JDK's
 * {@link Bidi}. Also measures and wraps text; a no-break space (U+00A0) keeps its neighbours on one line.
 *
 * <p>A character the main font lacks is looked up in a <em>fallback</em> font, loaded only when first needed; text
 * is then drawn in {@linkplain #runs runs}, each in the font that has its characters. With {@link PdfLayout}'s
 * embedded DejaVu fonts and the bundled Droid Sans Fallback (Chinese, Japanese kana and kanji, Korean Hangul), Latin,
 * Greek, Cyrillic, Arabic, Hebrew, Armenian, Georgian, CJK and more print as written. Arabic letters are joined
 * (shaped into their initial, medial, final and isolated presentation forms, with the lam-alef ligatures) by ICU4J's
 * {@link ArabicShaping} before the bidi reordering, since PDFBox does no shaping. Limits: CJK characters are shown in
 * the regular weight whatever the style; scripts that need complex shaping beyond Arabic (Devanagari and other
 * Indic scripts, Thai marks) are shown letter by letter. The HTML documents show every character.
 */
public final class PdfText {
    private static final Map<Character, String> STAND_INS = Map.ofEntries(
            Map.entry('\u2212', "-"), Map.entry('\u2264', "<="), Map.entry('\u2265', ">="), Map.entry('\u2248', "~"),
            Map.entry('\u2260', "!="), Map.entry('\u221e', "infinity"),
            Map.entry('\u2009', " "), Map.entry('\u202f', " "), Map.entry('\u2192', "->"), Map.entry('\u2190', "<-"),
            Map.entry('\u2011', "-"), Map.entry('\u2010', "-"), Map.entry('\u2032', "'"), Map.entry('\u00ad', ""));

    private static final ArabicShaping SHAPING = new ArabicShaping(ArabicShaping.LETTERS_SHAPE
            | ArabicShaping.TEXT_DIRECTION_LOGICAL | ArabicShaping.LENGTH_GROW_SHRINK);

    private final PDFont font;
    private final Supplier<PDFont> fallback;
    private final Map<Integer, String> cache = new HashMap<>();
    private final Map<Integer, PDFont> owners = new HashMap<>();

    /** Text helpers for one font, without a fallback. */
    public PdfText(PDFont font) {
        this(font, () -> null);
    }

    /**
     * Text helpers for one font and a fallback for the characters it lacks.
     *
     * @param fallback gives the fallback font (called at most once per character, and only for characters the main
     *     font lacks), or {@code null} when there is none
     */
    public PdfText(PDFont font, Supplier<PDFont> fallback) {
        this.font = Objects.requireNonNull(font, "font");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    /** A stretch of sanitized text drawn in one font. */
    public record Run(PDFont font, String text) {
    }

    /** @return {@code s} with every character the font cannot encode replaced; tabs and newlines become spaces */
    public String sanitize(String s) {
        String v = visual(s);
        StringBuilder b = new StringBuilder(v.length());
        v.codePoints().forEach(c -> b.append(cache.computeIfAbsent(c, this::map)));
        return b.toString();
    }

    /**
     * @return the text shaped (Arabic letters joined) and in visual order: right-to-left runs reversed and the runs
     *     reordered (Unicode bidi)
     */
    static String visual(String text) {
        char[] chars = text.toCharArray();
        if (!Bidi.requiresBidi(chars, 0, chars.length)) {
            return text;
        }
        String s = shapeArabic(text);
        Bidi bidi = new Bidi(s, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
        int n = bidi.getRunCount();
        byte[] levels = new byte[n];
        Object[] runs = new Object[n];
        for (int i = 0; i < n; i++) {
            String run = s.substring(bidi.getRunStart(i), bidi.getRunLimit(i));
            levels[i] = (byte) bidi.getRunLevel(i);
            runs[i] = (levels[i] & 1) == 1 ? new StringBuilder(run).reverse().toString() : run;
        }
        Bidi.reorderVisually(levels, 0, runs, 0, n);
        StringBuilder b = new StringBuilder(s.length());
        for (Object r : runs) {
            b.append((String) r);
        }
        return b.toString();
    }

    /** Arabic letters to their contextual presentation forms (logical order in and out). */
    static String shapeArabic(String s) {
        try {
            return SHAPING.shape(s);
        } catch (ArabicShapingException e) {
            // Only for options or buffer sizes this class never uses; unshaped letters still print (isolated forms).
            return s;
        }
    }

    private String map(int c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return " ";
        }
        String stand = c <= 0xffff ? STAND_INS.get((char) c) : null;
        if (stand != null) {
            return stand;
        }
        if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                || Character.getType(c) == Character.SURROGATE) {
            return codePoint(c);
        }
        return owner(c) != null ? new String(Character.toChars(c)) : codePoint(c);
    }

    /** @return the font that shows {@code c}: the main font, else the fallback, else {@code null} */
    private PDFont owner(int c) {
        if (owners.containsKey(c)) {
            return owners.get(c);
        }
        String text = new String(Character.toChars(c));
        PDFont owner = encodes(font, text) ? font : null;
        if (owner == null) {
            PDFont other = fallback.get();
            owner = other != null && encodes(other, text) ? other : null;
        }
        owners.put(c, owner);
        return owner;
    }

    /**
     * Splits sanitized text into runs of one font each, in order; characters no font has (none, after
     * {@link #sanitize}) stay with the main font.
     */
    public List<Run> runs(String sanitized) {
        List<Run> runs = new ArrayList<>(1);
        PDFont current = null;
        StringBuilder b = new StringBuilder(sanitized.length());
        for (int i = 0; i < sanitized.length(); ) {
            int c = sanitized.codePointAt(i);
            PDFont f = owner(c);
            if (f == null) {
                f = font;
            }
            if (f != current && b.length() > 0) {
                runs.add(new Run(current, b.toString()));
                b.setLength(0);
            }
            current = f;
            b.appendCodePoint(c);
            i += Character.charCount(c);
        }
        if (b.length() > 0 || runs.isEmpty()) {
            runs.add(new Run(current == null ? font : current, b.toString()));
        }
        return runs;
    }

    private static boolean encodes(PDFont font, String text) {
        try {
            font.encode(text);
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private static String codePoint(int c) {
        return String.format(java.util.Locale.ROOT, "[U+%04X]", c);
    }

    /** @return the width of sanitized text in points at {@code size} */
    public float width(String sanitized, float size) {
        try {
            float w = 0;
            for (Run r : runs(sanitized)) {
                w += r.font().getStringWidth(r.text());
            }
            return w / 1000f * size;
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
