package org.fairkit.mitigation.tradeoff;

import java.util.Objects;

/**
 * The Pareto-optimal (non-dominated) points of a cloud with one coordinate to maximize ({@code gain}, e.g. accuracy)
 * and one to minimize ({@code loss}, e.g. a disparity's distance from parity).
 *
 * <p><b>Definition.</b> Point {@code a} dominates point {@code b} when {@code gain[a] >= gain[b]} and
 * {@code loss[a] <= loss[b]} with at least one of the two strict. A point is Pareto-optimal when it is defined (both
 * coordinates are numbers, not NaN) and no defined point dominates it. Comparisons are exact ({@code double}
 * comparisons, no tolerance). <b>Ties:</b> points with equal coordinates do not dominate each other, so every copy of a
 * non-dominated point is Pareto-optimal. An undefined point (a NaN coordinate) is never Pareto-optimal and never
 * dominates. The result depends only on the coordinates, not on the order of the points. {@code O(n^2)}: sweeps have
 * tens of points.
 */
public final class Pareto {
    private Pareto() {
    }

    /**
     * @param gain the coordinate to maximize, NaN for undefined
     * @param loss the coordinate to minimize, NaN for undefined
     * @return per point, whether it is Pareto-optimal
     * @throws IllegalArgumentException if the lengths differ
     */
    public static boolean[] optimal(double[] gain, double[] loss) {
        Objects.requireNonNull(gain, "gain");
        Objects.requireNonNull(loss, "loss");
        if (gain.length != loss.length) {
            throw new IllegalArgumentException("gain and loss need one value per point, got " + gain.length + " and "
                    + loss.length);
        }
        int n = gain.length;
        boolean[] out = new boolean[n];
        for (int b = 0; b < n; b++) {
            if (Double.isNaN(gain[b]) || Double.isNaN(loss[b])) {
                continue;
            }
            boolean dominated = false;
            for (int a = 0; a < n && !dominated; a++) {
                dominated = dominates(gain[a], loss[a], gain[b], loss[b]);
            }
            out[b] = !dominated;
        }
        return out;
    }

    /** Whether point {@code a} dominates point {@code b} (false when either is undefined). */
    public static boolean dominates(double gainA, double lossA, double gainB, double lossB) {
        if (Double.isNaN(gainA) || Double.isNaN(lossA) || Double.isNaN(gainB) || Double.isNaN(lossB)) {
            return false;
        }
        return gainA >= gainB && lossA <= lossB && (gainA > gainB || lossA < lossB);
    }
}
