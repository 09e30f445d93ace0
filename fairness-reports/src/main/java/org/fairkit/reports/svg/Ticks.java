package org.fairkit.reports.svg;

import java.util.ArrayList;
import java.util.List;

/**
 * "Nice" axis ticks: steps of 1, 2 or 5 times a power of ten (Heckbert 1990, "Nice numbers for graph labels",
 * Graphics Gems).
 */
public final class Ticks {
    private Ticks() {
    }

    /**
     * @param max a positive value
     * @return the smallest number of the form {1, 2, 2.5, 5, 10} × 10^k that is {@code >= max}
     * @throws IllegalArgumentException unless {@code max} is positive and finite
     */
    public static double niceCeiling(double max) {
        if (!(max > 0) || Double.isInfinite(max)) {
            throw new IllegalArgumentException("max must be positive and finite, got " + max);
        }
        double p = Math.pow(10, Math.floor(Math.log10(max)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= max * (1 - 1e-12)) {
                return m * p;
            }
        }
        return 10 * p;
    }

    /**
     * Evenly spaced ticks inside {@code [lo, hi]} at the largest nice step not above {@code (hi - lo) / (count - 1)}:
     * at least {@code count} ticks when the ends fall on a step, never none, at most about {@code 2.5 count}.
     *
     * @throws IllegalArgumentException unless {@code lo < hi}, both finite, and {@code count >= 2}
     */
    public static List<Double> between(double lo, double hi, int count) {
        if (!(lo < hi) || Double.isInfinite(lo) || Double.isInfinite(hi) || count < 2) {
            throw new IllegalArgumentException("need finite lo < hi and count >= 2, got [" + lo + ", " + hi + "], "
                    + count);
        }
        double raw = (hi - lo) / (count - 1);
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = p;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p <= raw * (1 + 1e-12)) {
                step = m * p;
            }
        }
        List<Double> out = new ArrayList<>();
        long first = (long) Math.ceil(lo / step - 1e-9);
        for (long k = first; k * step <= hi + step * 1e-9; k++) {
            double t = java.math.BigDecimal.valueOf(k).multiply(java.math.BigDecimal.valueOf(step)).doubleValue();
            out.add(t == 0 ? 0.0 : t);
        }
        return out;
    }
}
