package org.fairkit.sql;

import java.util.List;
import java.util.Set;

/**
 * How the values of a binary column (label or prediction) map to 1 and 0, as the CLI's
 * {@code --positive-label/--negative-label}: e.g. {@code ">50K"} to 1 and {@code "<=50K"} to 0. The database compares
 * the column's text ({@code TRIM(CAST(column AS VARCHAR))}) with these values, passed as bind parameters;
 * {@link #ZERO_ONE} on a numeric column compares numbers instead ({@code column = 1}, {@code column = 0}), so a
 * {@code DOUBLE} 1.0 means 1. Any other value, and NULL, is an input error (see {@link SqlSource#tally()}).
 *
 * @param positives the values that mean 1 (non-blank, trimmed)
 * @param negatives the values that mean 0 (non-blank, trimmed, none also in {@code positives})
 */
public record BinaryCoding(Set<String> positives, Set<String> negatives) {
    /** {@code 1} means 1, {@code 0} means 0: the default. */
    public static final BinaryCoding ZERO_ONE = of(List.of("1"), List.of("0"));

    /** Validates: both non-empty, disjoint, no blank or untrimmed value. */
    public BinaryCoding {
        positives = Set.copyOf(positives);
        negatives = Set.copyOf(negatives);
        if (positives.isEmpty() || negatives.isEmpty()) {
            throw new IllegalArgumentException("a binary column needs at least one positive and one negative value, "
                    + "got positives " + positives + " and negatives " + negatives);
        }
        for (String v : positives) {
            requireTrimmed(v);
            if (negatives.contains(v)) {
                throw new IllegalArgumentException("'" + v + "' cannot mean both 1 and 0");
            }
        }
        negatives.forEach(BinaryCoding::requireTrimmed);
    }

    private static void requireTrimmed(String v) {
        if (v.isBlank() || !v.equals(v.trim())) {
            throw new IllegalArgumentException("binary values must be non-blank and trimmed, got '" + v + "'");
        }
    }

    /** The values that mean 1 and those that mean 0. */
    public static BinaryCoding of(List<String> positives, List<String> negatives) {
        return new BinaryCoding(Set.copyOf(positives), Set.copyOf(negatives));
    }

    /** One value for 1 and one for 0, e.g. {@code of("yes", "no")}. */
    public static BinaryCoding of(String positive, String negative) {
        return of(List.of(positive), List.of(negative));
    }

    /** @return the expected domain, in the words of the CSV reader: {@code 1 for [1] or 0 for [0]} */
    public String expected() {
        return "1 for " + positives.stream().sorted().toList() + " or 0 for " + negatives.stream().sorted().toList();
    }

    boolean isZeroOne() {
        return equals(ZERO_ONE);
    }
}
