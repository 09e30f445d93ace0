package org.fairkit.core.scores;

/**
 * A running sum with Neumaier's compensation (Neumaier 1974): the error of every addition is carried in a second
 * term, so the result is within a few ulps of the exact sum whatever the order of the terms.
 */
final class CompensatedSum {
    private double sum;
    private double compensation;

    void add(double x) {
        double t = sum + x;
        if (Math.abs(sum) >= Math.abs(x)) {
            compensation += (sum - t) + x;
        } else {
            compensation += (x - t) + sum;
        }
        sum = t;
    }

    double value() {
        return sum + compensation;
    }
}
