package org.fairkit.orchestration.io;

import java.util.regex.Pattern;

/**
 * The one grammar of numbers in FairKit's text inputs (CSV cells, policy thresholds, command-line numbers): plain
 * decimal notation with an optional sign, fraction and exponent, e.g. {@code 0.5}, {@code -2}, {@code .25},
 * {@code 1e-3}, {@code 2.5E+4}. Java's number literals that {@link Double#parseDouble(String)} also accepts are
 * refused: type suffixes ({@code 0.5d}, {@code 3F}), hexadecimal floating point ({@code 0x1p-2}), {@code NaN} and
 * {@code Infinity}, and surrounding whitespace (trim first).
 */
public final class Decimals {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

    private Decimals() {
    }

    /** @return whether {@code text} is a number in decimal notation */
    public static boolean isDecimal(String text) {
        return text != null && DECIMAL.matcher(text).matches();
    }

    /**
     * Parses a number in decimal notation (a magnitude beyond the double range gives an infinity).
     *
     * @throws NumberFormatException if {@code text} is not in decimal notation
     */
    public static double parse(String text) {
        if (!isDecimal(text)) {
            throw new NumberFormatException("'" + text + "' is not a decimal number");
        }
        return Double.parseDouble(text);
    }
}
