package org.fairkit.stats.golden;

import static org.assertj.core.api.Assertions.assertThat;

/** Tolerances of {@code stats.json -> conventions.tolerances}, applied with the producing call as description. */
public final class Tol {
    /** Closed forms: 1e-12 relative. */
    public static final double CLOSED = 1e-12;
    /** Root-found or iterative values (quantiles, solved power): 1e-9 relative. */
    public static final double ITERATIVE = 1e-9;

    private Tol() {
    }

    /**
     * Asserts {@code |actual - expected| <= rel * |expected| + abs}; infinities must be equal; NaN expected means the
     * caller must check undefinedness instead, so it fails here.
     */
    public static void close(double actual, double expected, double rel, double abs, String description) {
        if (Double.isInfinite(expected)) {
            assertThat(actual).as(description).isEqualTo(expected);
            return;
        }
        assertThat(expected).as(description + " (expected is NaN: compare undefinedness instead)").isNotNaN();
        assertThat(actual).as(description).isCloseTo(expected,
                org.assertj.core.data.Offset.offset(rel * Math.abs(expected) + abs));
    }

    /** Relative closeness with a 1e-300 absolute floor (for exact zeros). */
    public static void close(double actual, double expected, double rel, String description) {
        close(actual, expected, rel, 1e-300, description);
    }
}
