package org.fairkit.reports.svg;

import java.util.Locale;
import java.util.Objects;

/**
 * A small writer of well-formed, self-contained SVG 1.1 markup for inline use in HTML: presentation attributes
 * instead of style sheets (each chart renders the same on its own), coordinates with two decimals in
 * {@link Locale#ROOT} (the same bytes on every machine), and every piece of text escaped by {@link Escape}.
 *
 * <p>Classes (for tests and style hooks) are written with the prefix {@code fk-}; see {@link #cls(String)}.
 *
 * <p>Accessibility: the root element has {@code role="img"} and {@code aria-labelledby} pointing at its
 * {@code <title>} and {@code <desc>} (WAI-ARIA Graphics Module); elements can carry their own {@code <title>},
 * which browsers show as a tooltip and screen readers read.
 *
 * <p>Mutable and single-use: build one chart, then call {@link #toString()}.
 */
public final class Svg {
    /** Horizontal text anchor. */
    public enum Anchor {
        /** Text starts at x. */
        START,
        /** Text is centred on x. */
        MIDDLE,
        /** Text ends at x. */
        END;

        String attribute() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final StringBuilder b = new StringBuilder(4096);
    private int open;
    private boolean closed;

    private Svg(String id, double width, double height, String title, String description) {
        String t = id + "-title";
        String d = id + "-desc";
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"").append(Escape.html(id))
                .append("\" class=\"chart\" role=\"img\" aria-labelledby=\"").append(Escape.html(t)).append(' ')
                .append(Escape.html(d)).append("\" width=\"").append(num(width)).append("\" height=\"")
                .append(num(height)).append("\" viewBox=\"0 0 ").append(num(width)).append(' ').append(num(height))
                .append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n");
        b.append("<title id=\"").append(Escape.html(t)).append("\">").append(Escape.html(title)).append("</title>\n");
        b.append("<desc id=\"").append(Escape.html(d)).append("\">").append(Escape.html(description))
                .append("</desc>\n");
    }

    /**
     * Starts a chart.
     *
     * @param id the element id, unique within the page (also prefixes the title and description ids)
     * @param width width in CSS pixels
     * @param height height in CSS pixels
     * @param title the accessible name
     * @param description the accessible description (what the chart shows, in words)
     * @throws IllegalArgumentException if the id is not a simple identifier or a size is not positive
     */
    public static Svg of(String id, double width, double height, String title, String description) {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            throw new IllegalArgumentException("svg id must match [A-Za-z][A-Za-z0-9_-]*, got '" + id + "'");
        }
        if (!(width > 0) || !(height > 0)) {
            throw new IllegalArgumentException("svg size must be positive, got " + width + " x " + height);
        }
        return new Svg(id, width, height, Objects.requireNonNull(title, "title"),
                Objects.requireNonNull(description, "description"));
    }

    /**
     * Prefixes every class with {@code fk-}, so that the page's own style sheet (".note", ".bad") cannot restyle
     * chart elements: {@code "row reference"} becomes {@code "fk-row fk-reference"}.
     */
    static String cls(String cssClass) {
        StringBuilder b = new StringBuilder();
        for (String c : cssClass.trim().split("\\s+")) {
            if (!c.matches("[A-Za-z][A-Za-z0-9_-]*")) {
                throw new IllegalArgumentException("css class must match [A-Za-z][A-Za-z0-9_-]*, got '" + c + "'");
            }
            b.append(b.length() == 0 ? "" : " ").append("fk-").append(c);
        }
        return b.toString();
    }

    /** @return {@code x} with two decimals in {@link Locale#ROOT}, without "-0.00" */
    public static String num(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("svg coordinates must be finite, got " + x);
        }
        String s = String.format(Locale.ROOT, "%.2f", x);
        return s.equals("-0.00") ? "0.00" : s;
    }

    /** Opens a group with a class (for tests and style hooks) and an optional tooltip. */
    public Svg group(String cssClass, String tooltip) {
        check();
        b.append("<g class=\"").append(cls(cssClass)).append("\">");
        tooltip(tooltip);
        b.append('\n');
        open++;
        return this;
    }

    /** Closes the innermost group. */
    public Svg end() {
        check();
        if (open == 0) {
            throw new IllegalStateException("no open group to end");
        }
        b.append("</g>\n");
        open--;
        return this;
    }

    /** A rectangle; negative widths or heights are not allowed (the caller orders the corners). */
    public Svg rect(String cssClass, double x, double y, double w, double h, String fill, String tooltip) {
        check();
        if (w < 0 || h < 0) {
            throw new IllegalArgumentException("rect needs w, h >= 0, got " + w + ", " + h);
        }
        b.append("<rect class=\"").append(cls(cssClass)).append("\" x=\"").append(num(x)).append("\" y=\"")
                .append(num(y)).append("\" width=\"").append(num(w)).append("\" height=\"").append(num(h))
                .append("\" fill=\"").append(Escape.html(fill)).append('"');
        closeElement("rect", tooltip);
        return this;
    }

    /** A straight line; {@code dash} is an SVG dash array or {@code null} for solid. */
    public Svg line(String cssClass, double x1, double y1, double x2, double y2, String stroke, double width,
            String dash) {
        check();
        b.append("<line class=\"").append(cls(cssClass)).append("\" x1=\"").append(num(x1)).append("\" y1=\"")
                .append(num(y1)).append("\" x2=\"").append(num(x2)).append("\" y2=\"").append(num(y2))
                .append("\" stroke=\"").append(Escape.html(stroke)).append("\" stroke-width=\"").append(num(width))
                .append('"');
        if (dash != null) {
            b.append(" stroke-dasharray=\"").append(Escape.html(dash)).append('"');
        }
        b.append("/>\n");
        return this;
    }

    /** A circle. */
    public Svg circle(String cssClass, double cx, double cy, double r, String fill, String tooltip) {
        check();
        b.append("<circle class=\"").append(cls(cssClass)).append("\" cx=\"").append(num(cx))
                .append("\" cy=\"").append(num(cy)).append("\" r=\"").append(num(r)).append("\" fill=\"")
                .append(Escape.html(fill)).append("\" stroke=\"#ffffff\" stroke-width=\"1\"");
        closeElement("circle", tooltip);
        return this;
    }

    /** An open polyline through the points {@code (xs[i], ys[i])}. */
    public Svg polyline(String cssClass, double[] xs, double[] ys, String stroke, double width) {
        check();
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("polyline needs as many x as y, got " + xs.length + " and " + ys.length);
        }
        b.append("<polyline class=\"").append(cls(cssClass)).append("\" fill=\"none\" stroke=\"")
                .append(Escape.html(stroke)).append("\" stroke-width=\"").append(num(width)).append("\" points=\"");
        for (int i = 0; i < xs.length; i++) {
            b.append(i == 0 ? "" : " ").append(num(xs[i])).append(',').append(num(ys[i]));
        }
        b.append("\"/>\n");
        return this;
    }

    /**
     * A line of text (escaped).
     *
     * @param style extra presentation attributes, e.g. {@code font-weight="bold"}, written verbatim: pass constants
     *     only, never user text ({@code null} for none)
     */
    public Svg text(String cssClass, double x, double y, String text, Anchor anchor, String fill, String style) {
        check();
        b.append("<text class=\"").append(cls(cssClass)).append("\" x=\"").append(num(x)).append("\" y=\"")
                .append(num(y)).append("\" text-anchor=\"").append(anchor.attribute()).append("\" fill=\"")
                .append(Escape.html(fill)).append('"');
        if (style != null) {
            b.append(' ').append(style);
        }
        b.append('>').append(Escape.html(text)).append("</text>\n");
        return this;
    }

    private void closeElement(String name, String tooltip) {
        if (tooltip == null) {
            b.append("/>\n");
        } else {
            b.append('>');
            tooltip(tooltip);
            b.append("</").append(name).append(">\n");
        }
    }

    private void tooltip(String tooltip) {
        if (tooltip != null) {
            b.append("<title>").append(Escape.html(tooltip)).append("</title>");
        }
    }

    private void check() {
        if (closed) {
            throw new IllegalStateException("the svg is finished");
        }
    }

    /** @return the finished {@code <svg>} element (closes it on first call) */
    @Override
    public String toString() {
        if (!closed) {
            if (open != 0) {
                throw new IllegalStateException(open + " group(s) still open");
            }
            b.append("</svg>\n");
            closed = true;
        }
        return b.toString();
    }
}
