package org.fairkit.core.tally;

/**
 * Neumaier's improved Kahan summation (Neumaier 1974, "Rundungsfehleranalyse einiger Verfahren zur Summation
 * endlicher Summen"): a running sum and a running compensation whose sum carries the error of every addition.
 */
final class Neumaier {
    private Neumaier() {
    }

    /** Adds {@code x} to the pair ({@code sum[k]}, {@code comp[k]}). */
    static void add(double[] sum, double[] comp, int k, double x) {
        double s = sum[k];
        double t = s + x;
        if (Math.abs(s) >= Math.abs(x)) {
            comp[k] += (s - t) + x;
        } else {
            comp[k] += (x - t) + s;
        }
        sum[k] = t;
    }
}
