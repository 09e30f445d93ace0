package org.fairkit.reports.pdf;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.fairkit.core.internal.Fingerprint;

/**
 * A small flowing layout on A4 pages with Apache PDFBox: a cover band, headings that stay with what follows
 * (a small table moves to the next page whole, with its heading),
 * wrapped paragraphs, bullets, key-value lists, callouts, and tables that wrap cell text, repeat their header on every
 * page and break between (or, for very tall rows, inside) rows. Page headers and "page k of n" footers are added at
 * the end.
 *
 * <p>Fonts are DejaVu Sans (regular, bold, oblique) and DejaVu Sans Mono, embedded as subsets with PDFBox's
 * {@link PDType0Font} (Identity-H with a ToUnicode map), so labels in Latin, Greek, Cyrillic, Arabic, Hebrew and the
 * other scripts DejaVu covers print as written and every text is extractable (e.g. by PDFBox's
 * {@code PDFTextStripper}). Chinese, Japanese and Korean characters come from the bundled Droid Sans Fallback, loaded
 * and embedded only when a text needs it; characters no font has are written as their code points ({@link PdfText}).
 *
 * <p>Deterministic: {@link #save} sets the document information dates from the given instant and the document
 * {@code /ID} to a SHA-256 digest of all the text laid out, so the same input gives the same bytes.
 *
 * <p>Mutable and single-use.
 */
public final class PdfLayout {
    /** Text styles. */
    public enum Style {
        /** Body text, 9.5 pt. */
        BODY,
        /** Smaller, muted text, 8 pt. */
        SMALL,
        /** Italic body text. */
        ITALIC,
        /** Bold body text. */
        BOLD,
        /** Monospaced, 8 pt (hashes). */
        MONO
    }

    /** Page width (A4). */
    public static final float WIDTH = PDRectangle.A4.getWidth();
    /** Page height (A4). */
    public static final float HEIGHT = PDRectangle.A4.getHeight();
    /** Left margin. */
    public static final float LEFT = 54;
    /** Right edge of the text. */
    public static final float RIGHT = WIDTH - 54;
    private static final float TOP = HEIGHT - 62;
    private static final float BOTTOM = 66;

    /** Ink. */
    public static final Color INK = new Color(0x1f, 0x29, 0x33);
    /** Secondary text. */
    public static final Color MUTED = new Color(0x52, 0x60, 0x6d);
    /** Good. */
    public static final Color OK = new Color(0x00, 0x7a, 0x5a);
    /** Bad. */
    public static final Color BAD = new Color(0xb2, 0x3c, 0x00);
    /** Warning. */
    public static final Color WARN = new Color(0x8a, 0x5a, 0x00);
    /** Accent. */
    public static final Color ACCENT = new Color(0x00, 0x72, 0xb2);
    private static final Color NAVY = new Color(0x10, 0x2a, 0x43);
    private static final Color LINE = new Color(0xd9, 0xe2, 0xec);
    private static final Color HEADER_FILL = new Color(0xe9, 0xee, 0xf3);
    private static final Color ZEBRA = new Color(0xf7, 0xf9, 0xfb);

    /** Where the DejaVu fonts sit on the class path (the {@code net.sf.jasperreports:jasperreports-fonts} jar). */
    private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";

    /**
     * Droid Sans Fallback (Apache License 2.0; Android Open Source Project, from Debian's fonts-droid-fallback
     * 1:6.0.1r16-1.1): CJK ideographs, kana and Hangul. See the README beside it.
     */
    private static final String FALLBACK_FONT = "/org/fairkit/reports/pdf/fonts/DroidSansFallback.ttf";

    private final PDDocument doc = new PDDocument();
    private final PDFont regular = font("DejaVuSans.ttf");
    private final PDFont bold = font("DejaVuSans-Bold.ttf");
    private final PDFont italic = font("DejaVuSans-Oblique.ttf");
    private final PDFont mono = font("DejaVuSansMono.ttf");
    private PDFont fallback;
    private boolean fallbackLoaded;
    private final PdfText regularText = new PdfText(regular, this::fallback);
    private final PdfText boldText = new PdfText(bold, this::fallback);
    private final PdfText italicText = new PdfText(italic, this::fallback);
    private final PdfText monoText = new PdfText(mono, this::fallback);
    private final MessageDigest digest;
    private final String kind;
    private final String title;
    private PDPageContentStream cs;
    private float y;
    private boolean saved;
    private String pendingHeading;
    private String pendingSubheading;

    private PdfLayout(String kind, String title) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.title = Objects.requireNonNull(title, "title");
        digest = Fingerprint.sha256();
        newPage();
    }

    /** Loads an embedded (subset) Unicode font into this document. */
    private PDFont font(String file) {
        return load(FONTS + file, "net.sf.jasperreports:jasperreports-fonts");
    }

    /**
     * The fallback font for characters DejaVu lacks (CJK): loaded into the document the first time such a character
     * appears, so documents without one neither load nor embed it.
     */
    private PDFont fallback() {
        if (!fallbackLoaded) {
            fallbackLoaded = true;
            fallback = load(FALLBACK_FONT, "fairness-reports");
        }
        return fallback;
    }

    private PDFont load(String resource, String origin) {
        try (InputStream in = PdfLayout.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the font " + resource + " is missing from the class path (it comes "
                        + "with " + origin + ")");
            }
            return PDType0Font.load(doc, in, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the font " + resource + ": " + e, e);
        }
    }

    /**
     * Starts a document.
     *
     * @param kind the document type, shown in headers and footers (e.g. "Fairness Audit")
     * @param title the document title
     */
    public static PdfLayout create(String kind, String title) {
        return new PdfLayout(kind, title);
    }

    private void newPage() {
        try {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = TOP;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the vertical space left on the page, in points */
    public float remaining() {
        return y - BOTTOM;
    }

    /** Starts a new page unless at least {@code height} points remain. */
    public void ensure(float height) {
        if (remaining() < height) {
            newPage();
        }
    }

    /** Starts a new page. */
    public void pageBreak() {
        flush(0);
        newPage();
    }

    /** Vertical space. */
    public void spacer(float points) {
        flush(points);
        y -= points;
    }

    private PdfText text(PDFont f) {
        return f == bold ? boldText : f == italic ? italicText : f == mono ? monoText : regularText;
    }

    private void show(PDFont f, float size, Color color, float x, float baseline, String sanitized) {
        digest.update(sanitized.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        try {
            cs.beginText();
            cs.setNonStrokingColor(color);
            cs.newLineAtOffset(x, baseline);
            for (PdfText.Run run : text(f).runs(sanitized)) {
                cs.setFont(run.font(), size);
                cs.showText(run.text());
            }
            cs.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void fill(Color color, float x, float yBottom, float w, float h) {
        try {
            cs.setNonStrokingColor(color);
            cs.addRect(x, yBottom, w, h);
            cs.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void rule(Color color, float x1, float y1, float x2, float y2, float width) {
        try {
            cs.setStrokingColor(color);
            cs.setLineWidth(width);
            cs.moveTo(x1, y1);
            cs.lineTo(x2, y2);
            cs.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Draws on a region the width of the text column and {@code height} points tall, starting a new page first
     * unless it fits. The canvas's coordinates are in points from the region's top-left corner, {@code y} down.
     */
    public void drawing(float height, java.util.function.Consumer<Canvas> draw) {
        flush(height);
        ensure(height);
        float top = y;
        draw.accept(new Canvas(top));
        y = top - height;
        y -= 5;
    }

    /** What {@link #drawing} draws with: filled boxes, lines and one-line labels (sanitized and hashed as text). */
    public final class Canvas {
        private final float top;

        private Canvas(float top) {
            this.top = top;
        }

        /** @return the region's width */
        public float width() {
            return RIGHT - LEFT;
        }

        /** A filled rectangle from {@code (x, y)} (top-left), {@code w} wide and {@code h} tall. */
        public void box(Color color, float x, float yTop, float w, float h) {
            fill(color, LEFT + x, top - yTop - h, w, h);
        }

        /** A straight line. */
        public void line(Color color, float x1, float y1, float x2, float y2, float width) {
            rule(color, LEFT + x1, top - y1, LEFT + x2, top - y2, width);
        }

        /** A dashed straight line (3 points on, 2 off). */
        public void dashed(Color color, float x1, float y1, float x2, float y2, float width) {
            try {
                cs.setLineDashPattern(new float[] {3, 2}, 0);
                rule(color, LEFT + x1, top - y1, LEFT + x2, top - y2, width);
                cs.setLineDashPattern(new float[] {}, 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A one-line label whose baseline starts at {@code (x, baseline)}; centred on x when {@code centre}. */
        public void label(String text, float x, float baseline, float size, Color color, boolean centre) {
            String t = regularText.sanitize(text);
            float w = centre ? regularText.width(t, size) : 0;
            show(regular, size, color, LEFT + x - w / 2, top - baseline, t);
        }
    }

    /**
     * The cover band at the top of the first page: a kicker line, the title and a few lines of context.
     */
    public void cover(String kicker, String heading, List<String> lines) {
        float top = HEIGHT;
        List<String> titleLines = boldText.wrap(heading, 22, RIGHT - LEFT);
        float h = 58 + titleLines.size() * 27 + lines.size() * 14 + 18;
        fill(NAVY, 0, top - h, WIDTH, h);
        fill(new Color(0xe6, 0x9f, 0x00), 0, top - 5, WIDTH, 5);
        float yy = top - 36;
        show(bold, 8.5f, new Color(0xf0, 0xb4, 0x29), LEFT, yy, boldText.sanitize(kicker.toUpperCase(Locale.ROOT)));
        yy -= 30;
        for (String t : titleLines) {
            show(bold, 22, Color.WHITE, LEFT, yy, t);
            yy -= 27;
        }
        yy += 6;
        for (String l : lines) {
            for (String w : regularText.wrap(l, 9.5f, RIGHT - LEFT)) {
                show(regular, 9.5f, new Color(0xd9, 0xe2, 0xec), LEFT, yy, w);
                yy -= 14;
            }
        }
        y = top - h - 26;
    }

    /**
     * A section heading (14 pt bold). It is drawn with the next content, on the same page: before a small table the
     * heading moves to a new page with the whole table, before other content with at least its first lines.
     */
    public void heading(String text) {
        flush(0);
        pendingHeading = Objects.requireNonNull(text, "text");
    }

    /** A sub-heading (11 pt bold), kept with the next content like {@link #heading(String)}. */
    public void subheading(String text) {
        pendingSubheading = Objects.requireNonNull(text, "text");
    }

    private float headingHeight() {
        float h = 0;
        if (pendingHeading != null) {
            h += 10 + boldText.wrap(pendingHeading, 14, RIGHT - LEFT).size() * 18 + 12;
        }
        if (pendingSubheading != null) {
            h += 4 + boldText.wrap(pendingSubheading, 11, RIGHT - LEFT).size() * 15 + 3;
        }
        return h;
    }

    /** Draws pending headings, first moving to a new page unless they and {@code next} points fit. */
    private void flush(float next) {
        if (pendingHeading == null && pendingSubheading == null) {
            return;
        }
        ensure(headingHeight() + next);
        if (pendingHeading != null) {
            if (y < TOP) {
                y -= 10;
            }
            for (String l : boldText.wrap(pendingHeading, 14, RIGHT - LEFT)) {
                show(bold, 14, NAVY, LEFT, y - 14, l);
                y -= 18;
            }
            rule(ACCENT, LEFT, y - 2, LEFT + 40, y - 2, 2);
            y -= 12;
            pendingHeading = null;
        }
        if (pendingSubheading != null) {
            y -= 4;
            for (String l : boldText.wrap(pendingSubheading, 11, RIGHT - LEFT)) {
                show(bold, 11, INK, LEFT, y - 11, l);
                y -= 15;
            }
            y -= 3;
            pendingSubheading = null;
        }
    }

    /**
     * What {@link #figure} draws with (the trade-off chart; {@link #drawing} is the y-down canvas of the trend chart):
     * vector drawing in a figure's own coordinates: origin at the figure's bottom left, x to the right up to
     * {@code RIGHT - LEFT}, y up to the figure's height, in points.
     */
    public interface FigureCanvas {
        /** A straight line. */
        void line(float x1, float y1, float x2, float y2, Color color, float width);

        /** A dashed straight line. */
        void dashed(float x1, float y1, float x2, float y2, Color color, float width);

        /** A filled disc. */
        void disc(float cx, float cy, float r, Color color);

        /** A circle's outline. */
        void ring(float cx, float cy, float r, Color color, float width);

        /** One line of text starting at {@code x} with its baseline at {@code y} (regular font). */
        void text(float x, float y, String text, float size, Color color);

        /** One line of text ending at {@code x} with its baseline at {@code y} (regular font). */
        void textEndingAt(float x, float y, String text, float size, Color color);
    }

    /**
     * A figure of {@code height} points across the text width, drawn by {@code drawing}; starts a new page unless it
     * fits. Its text is part of the document's digest, as every other text.
     */
    public void figure(float height, java.util.function.Consumer<FigureCanvas> drawing) {
        flush(height);
        ensure(height);
        float x0 = LEFT;
        float y0 = y - height;
        drawing.accept(new FigureCanvas() {
            @Override
            public void line(float x1, float y1, float x2, float y2, Color color, float width) {
                rule(color, x0 + x1, y0 + y1, x0 + x2, y0 + y2, width);
            }

            @Override
            public void dashed(float x1, float y1, float x2, float y2, Color color, float width) {
                try {
                    cs.setLineDashPattern(new float[] {4, 3}, 0);
                    rule(color, x0 + x1, y0 + y1, x0 + x2, y0 + y2, width);
                    cs.setLineDashPattern(new float[0], 0);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void disc(float cx, float cy, float r, Color color) {
                try {
                    cs.setNonStrokingColor(color);
                    circlePath(x0 + cx, y0 + cy, r);
                    cs.fill();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void ring(float cx, float cy, float r, Color color, float width) {
                try {
                    cs.setStrokingColor(color);
                    cs.setLineWidth(width);
                    circlePath(x0 + cx, y0 + cy, r);
                    cs.stroke();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void text(float x, float y, String text, float size, Color color) {
                show(regular, size, color, x0 + x, y0 + y, regularText.sanitize(text));
            }

            @Override
            public void textEndingAt(float x, float y, String text, float size, Color color) {
                String t = regularText.sanitize(text);
                show(regular, size, color, x0 + x - regularText.width(t, size), y0 + y, t);
            }
        });
        y = y0 - 6;
    }

    /** A circle as four Bézier arcs (kappa = 0.5523). */
    private void circlePath(float cx, float cy, float r) throws IOException {
        float k = 0.5523f * r;
        cs.moveTo(cx + r, cy);
        cs.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        cs.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        cs.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        cs.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        cs.closePath();
    }

    /** A wrapped paragraph of body text. */
    public void paragraph(String text) {
        paragraph(text, Style.BODY);
    }

    /** A wrapped paragraph in a style. */
    public void paragraph(String text, Style style) {
        lines(text, style, LEFT, RIGHT - LEFT, style == Style.SMALL ? MUTED : INK);
        y -= 5;
    }

    private void lines(String text, Style style, float x, float width, Color color) {
        PDFont f = font(style);
        float size = size(style);
        float leading = size * 1.38f;
        List<String> wrapped = text(f).wrap(text, size, width);
        flush(leading * Math.min(3, wrapped.size()));
        for (String l : wrapped) {
            ensure(leading + 2);
            show(f, size, color, x, y - size, l);
            y -= leading;
        }
    }

    private PDFont font(Style s) {
        return switch (s) {
            case BOLD -> bold;
            case ITALIC -> italic;
            case MONO -> mono;
            default -> regular;
        };
    }

    private static float size(Style s) {
        return switch (s) {
            case SMALL, MONO -> 8f;
            default -> 9.5f;
        };
    }

    /** A bulleted list of wrapped items. */
    public void bullets(List<String> items) {
        flush(40);
        for (String item : items) {
            ensure(16);
            show(regular, 9.5f, ACCENT, LEFT + 2, y - 9.5f, "\u2022");
            lines(item, Style.BODY, LEFT + 14, RIGHT - LEFT - 14, INK);
            y -= 3;
        }
        y -= 3;
    }

    /** Key-value pairs: keys bold in a left column, values wrapped (monospaced when {@code mono}). */
    public void keyValues(List<String[]> pairs, boolean mono) {
        flush(40);
        float keyWidth = 130;
        for (String[] kv : pairs) {
            Style vs = mono ? Style.MONO : Style.BODY;
            List<String> values = text(font(vs)).wrap(kv[1], size(vs), RIGHT - LEFT - keyWidth);
            float leading = size(vs) * 1.45f;
            ensure(leading * Math.min(values.size(), 3) + 2);
            show(bold, 8.5f, INK, LEFT, y - 8.5f, boldText.sanitize(kv[0]));
            for (String v : values) {
                ensure(leading);
                show(font(vs), size(vs), INK, LEFT + keyWidth, y - size(vs), v);
                y -= leading;
            }
            y -= 2;
        }
        y -= 4;
    }

    /**
     * A callout: a tinted box with a coloured bar, a bold label and wrapped text.
     *
     * @param label e.g. "FAIL" or "3 concerns"
     * @param text the message
     * @param color the bar and label colour
     */
    public void callout(String label, String text, Color color) {
        float x = LEFT + 12;
        float w = RIGHT - x - 10;
        List<String> head = boldText.wrap(label, 9.5f, w - 4);
        List<String> body = regularText.wrap(text, 9.5f, w - 4);
        float h = 14 + head.size() * 13 + body.size() * 13 + 6;
        flush(h + 6);
        ensure(h + 6);
        Color tint = new Color(mix(color.getRed()), mix(color.getGreen()), mix(color.getBlue()));
        fill(tint, LEFT, y - h, RIGHT - LEFT, h);
        fill(color, LEFT, y - h, 4, h);
        float yy = y - 16;
        for (String l : head) {
            show(bold, 9.5f, color, x, yy, l);
            yy -= 13;
        }
        yy -= 1;
        for (String l : body) {
            show(regular, 9.5f, INK, x, yy, l);
            yy -= 13;
        }
        y -= h + 8;
    }

    private static int mix(int c) {
        return (int) Math.round(c * 0.08 + 255 * 0.92);
    }

    /** A table: see {@link Table}. */
    public void table(Table t) {
        float size = 8f;
        float leading = 10.5f;
        float pad = 4;
        float[] col = columnWidths(t, size, pad);
        float[] x = new float[col.length];
        float cx = LEFT;
        for (int i = 0; i < col.length; i++) {
            x[i] = cx;
            cx += col[i];
        }
        List<List<String>> header = new ArrayList<>();
        for (int i = 0; i < col.length; i++) {
            header.add(boldText.wrap(t.header().get(i), size, col[i] - 2 * pad));
        }
        int headerLines = header.stream().mapToInt(List::size).max().orElse(1);
        float headerHeight = headerLines * leading + 2 * pad;
        List<List<List<String>>> cells = new ArrayList<>();
        float total = headerHeight;
        for (List<String> row : t.rows()) {
            List<List<String>> c = new ArrayList<>();
            int lines = 1;
            for (int i = 0; i < col.length; i++) {
                PdfText pt = i == 0 ? boldText : regularText;
                c.add(pt.wrap(row.get(i), size, col[i] - 2 * pad));
                lines = Math.max(lines, c.get(i).size());
            }
            total += lines * leading + 2 * pad;
            cells.add(c);
        }
        float body = TOP - BOTTOM;
        flush(total <= 0.45f * body ? total : headerHeight + leading + 2 * pad + 4);
        if (total <= 0.45f * body) {
            ensure(total);
        }
        ensure(headerHeight + leading + 2 * pad + 4);
        drawHeader(header, x, col, headerHeight, size, leading, pad, t.align());
        for (int r = 0; r < cells.size(); r++) {
            List<List<String>> row = cells.get(r);
            int lines = row.stream().mapToInt(List::size).max().orElse(1);
            int from = 0;
            while (from < lines) {
                int fit = (int) Math.floor((remaining() - 2 * pad) / leading);
                if (fit < Math.min(lines - from, 2)) {
                    newPage();
                    drawHeader(header, x, col, headerHeight, size, leading, pad, t.align());
                    continue;
                }
                int to = Math.min(lines, from + fit);
                float h = (to - from) * leading + 2 * pad;
                if (r % 2 == 1) {
                    fill(ZEBRA, LEFT, y - h, RIGHT - LEFT, h);
                }
                for (int i = 0; i < col.length; i++) {
                    List<String> c = row.get(i);
                    Color color = t.colorOf(r, i);
                    PDFont f = i == 0 ? bold : regular;
                    for (int l = from; l < Math.min(to, c.size()); l++) {
                        String s = c.get(l);
                        float tx = t.align().charAt(i) == 'r' ? x[i] + col[i] - pad - text(f).width(s, size)
                                : x[i] + pad;
                        show(f, size, color, tx, y - pad - (l - from) * leading - size + 0.5f, s);
                    }
                }
                y -= h;
                rule(LINE, LEFT, y, RIGHT, y, 0.6f);
                from = to;
            }
        }
        y -= 10;
    }

    /**
     * Column widths: proportional to {@link Table#widths()}, but never narrower than the widest single word of the
     * header or of a cell (capped at 90 points), so that words are not broken when the page has room.
     */
    private float[] columnWidths(Table t, float size, float pad) {
        int n = t.header().size();
        float[] want = t.widths();
        float[] min = new float[n];
        for (int i = 0; i < n; i++) {
            float m = 0;
            for (String w : boldText.sanitize(t.header().get(i)).split(" ")) {
                m = Math.max(m, boldText.width(w, size));
            }
            for (List<String> row : t.rows()) {
                PdfText pt = i == 0 ? boldText : regularText;
                for (String w : pt.sanitize(row.get(i)).split(" ")) {
                    m = Math.max(m, Math.min(90, pt.width(w, size)));
                }
            }
            min[i] = m + 2 * pad + 0.5f;
        }
        float avail = RIGHT - LEFT;
        float[] col = new float[n];
        boolean[] fixed = new boolean[n];
        for (int round = 0; round < n; round++) {
            float free = avail;
            float share = 0;
            for (int i = 0; i < n; i++) {
                if (fixed[i]) {
                    free -= col[i];
                } else {
                    share += want[i];
                }
            }
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                if (!fixed[i]) {
                    col[i] = share > 0 ? free * want[i] / share : 0;
                    if (col[i] < min[i]) {
                        col[i] = min[i];
                        fixed[i] = true;
                        changed = true;
                    }
                }
            }
            if (!changed) {
                break;
            }
        }
        float sum = 0;
        for (float c : col) {
            sum += c;
        }
        if (sum > avail) {
            for (int i = 0; i < n; i++) {
                col[i] = col[i] * avail / sum;
            }
        }
        return col;
    }

    private void drawHeader(List<List<String>> header, float[] x, float[] col, float h, float size, float leading,
            float pad, String align) {
        fill(HEADER_FILL, LEFT, y - h, RIGHT - LEFT, h);
        for (int i = 0; i < col.length; i++) {
            List<String> c = header.get(i);
            for (int l = 0; l < c.size(); l++) {
                String s = c.get(l);
                float tx = align.charAt(i) == 'r' ? x[i] + col[i] - pad - boldText.width(s, size) : x[i] + pad;
                show(bold, size, INK, tx, y - pad - l * leading - size + 0.5f, s);
            }
        }
        y -= h;
        rule(MUTED, LEFT, y, RIGHT, y, 0.8f);
    }

    /**
     * Adds headers and footers, sets the document information and ID, and writes the PDF. The layout cannot be used
     * afterwards.
     *
     * @param subject the document information subject
     * @param producer the producer, e.g. "FairKit 0.1.0 (Apache PDFBox)"
     * @param at the creation and modification date
     * @throws IOException if writing fails
     */
    public void save(OutputStream out, String subject, String producer, Instant at) throws IOException {
        if (saved) {
            throw new IllegalStateException("the document is already saved");
        }
        flush(0);
        saved = true;
        cs.close();
        int pages = doc.getNumberOfPages();
        for (int p = 0; p < pages; p++) {
            try (PDPageContentStream c = new PDPageContentStream(doc, doc.getPage(p),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                cs = c;
                String left = regularText.sanitize("FairKit \u00b7 " + kind + " \u00b7 " + title);
                float max = RIGHT - LEFT - 70;
                while (regularText.width(left, 7.5f) > max && left.length() > 4) {
                    left = left.substring(0, left.length() - 2);
                }
                rule(LINE, LEFT, 48, RIGHT, 48, 0.6f);
                show(regular, 7.5f, MUTED, LEFT, 36, left);
                String right = "Page " + (p + 1) + " of " + pages;
                show(regular, 7.5f, MUTED, RIGHT - regularText.width(right, 7.5f), 36, right);
                if (p > 0) {
                    show(bold, 7.5f, MUTED, LEFT, HEIGHT - 36, regularText.sanitize(kind.toUpperCase(Locale.ROOT)));
                    rule(LINE, LEFT, HEIGHT - 42, RIGHT, HEIGHT - 42, 0.6f);
                }
            }
        }
        Calendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        when.setTimeInMillis(at.toEpochMilli());
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setSubject(subject);
        info.setAuthor("FairKit");
        info.setCreator("FairKit fairness-reports");
        info.setProducer(producer);
        info.setCreationDate(when);
        info.setModificationDate(when);
        digest.update(at.toString().getBytes(StandardCharsets.UTF_8));
        byte[] id = Arrays.copyOf(digest.digest(), 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        doc.getDocument().getTrailer().setItem(org.apache.pdfbox.cos.COSName.ID, ids);
        doc.save(out);
        doc.close();
        out.flush();
    }
}
