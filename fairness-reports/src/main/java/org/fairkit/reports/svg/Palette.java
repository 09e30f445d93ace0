package org.fairkit.reports.svg;

/**
 * The colours of every FairKit chart and document: the Okabe–Ito palette (Okabe &amp; Ito 2008, "Color Universal
 * Design"), distinguishable with the common forms of colour-vision deficiency, plus neutral greys. Meaning is never
 * carried by colour alone: charts also label values, mark the reference group in text, and write "undefined".
 */
public final class Palette {
    /** Bars of ordinary groups. */
    public static final String BLUE = "#0072B2";
    /** The reference group. */
    public static final String ORANGE = "#E69F00";
    /** Within the threshold. */
    public static final String GREEN = "#009E73";
    /** Beyond the threshold, failures. */
    public static final String RED = "#D55E00";
    /** Series colours. */
    public static final String PURPLE = "#CC79A7";
    /** Series colours. */
    public static final String SKY = "#56B4E9";
    /** Series colours. */
    public static final String YELLOW = "#F0E442";
    /** Text. */
    public static final String INK = "#1f2933";
    /** Secondary text, axes. */
    public static final String MUTED = "#52606d";
    /** Grid lines. */
    public static final String GRID = "#d9e2ec";
    /** Light backgrounds, acceptable bands. */
    public static final String WASH = "#c9ecdc";
    /** Warnings (small groups). */
    public static final String AMBER = "#b7791f";

    private static final String[] SERIES = {BLUE, ORANGE, GREEN, RED, PURPLE, SKY, INK, AMBER};

    private Palette() {
    }

    /** @return the colour of the {@code i}-th series (cycles after eight) */
    public static String series(int i) {
        return SERIES[Math.floorMod(i, SERIES.length)];
    }
}
