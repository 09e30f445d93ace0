package org.fairkit.mitigation.calibration;

/**
 * Neumaier's compensated summation (Neumaier 1974, "Rundungsfehleranalyse einiger Verfahren zur Summation
 * endlicher Summen"): a running sum and a running compensation that carries the rounding error of every
 * addition, so weighted sums over a million rows keep full precision.
 */
final class Sum {
    private double sum;
    private double comp;

    void add(double x) {
        double t = sum + x;
        if (Math.abs(sum) >= Math.abs(x)) {
            comp += (sum - t) + x;
        } else {
            comp += (x - t) + sum;
        }
        sum = t;
    }

    double value() {
        return sum + comp;
    }
}
