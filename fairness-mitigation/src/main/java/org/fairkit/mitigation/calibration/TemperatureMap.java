package org.fairkit.mitigation.calibration;

import java.util.Locale;
import java.util.Objects;
import org.fairkit.core.internal.CompensatedSum;

/**
 * Temperature scaling (Guo, Pleiss, Sun &amp; Weinberger 2017, "On calibration of modern neural networks", ICML,
 * section 4.2), for a binary score: one temperature {@code T > 0} divides the logit.
 *
 * <p><b>Model.</b> {@code P(y = 1 | s) = sigma(z / T)} with {@code z = logit(clip(s, 1e-12, 1 - 1e-12))}; no bias
 * term, so the score 0.5 stays 0.5 and the ranking never changes. {@code T > 1} softens over-confident scores,
 * {@code T < 1} sharpens under-confident ones.
 *
 * <p><b>Fit.</b> T minimizes the weighted log loss {@code sum_i w_i [softplus(beta z_i) - y_i beta z_i]} over the
 * inverse temperature {@code beta = 1/T >= 0}, a convex one-dimensional problem solved by Newton's method
 * safeguarded by bisection on a bracket of the derivative's sign change. If the derivative at {@code beta = 0},
 * {@code sum_i w_i (1/2 - y_i) z_i}, is {@code >= 0} (the logit does not rank positives above negatives), the
 * optimum is {@code beta = 0}: {@code T} is infinite and every score maps to 0.5. If no row is on the wrong side of
 * 0.5 (every positive has {@code z >= 0} and every negative {@code z <= 0}), the loss decreases towards its infimum
 * as {@code T -> 0}: there is no finite optimum and the fit is rejected.
 */
public final class TemperatureMap implements ScoreMap {
    private final double inverse;
    private final int rows;

    private TemperatureMap(double inverse, int rows) {
        this.inverse = inverse;
        this.rows = rows;
    }

    static TemperatureMap fit(Sample sample) {
        int n = sample.rows();
        double[] z = new double[n];
        double[] w = sample.weights;
        int[] y = sample.labels;
        CompensatedSum atZero = new CompensatedSum();
        CompensatedSum atInfinity = new CompensatedSum();
        for (int i = 0; i < n; i++) {
            z[i] = LogisticFit.logit(sample.scores[i], PlattMap.CLIP);
            atZero.add(w[i] * (0.5 - y[i]) * z[i]);
            if (z[i] > 0 && y[i] == 0 || z[i] < 0 && y[i] == 1) {
                atInfinity.add(w[i] * Math.abs(z[i]));
            }
        }
        if (atZero.value() >= 0) {
            return new TemperatureMap(0.0, n);
        }
        if (!(atInfinity.value() > 0)) {
            throw new FitFailure(FitFailure.Kind.SEPARATED, "every row is on the correct side of 0.5 (the scores "
                    + "separate the classes), so the log loss keeps decreasing as the temperature goes to 0");
        }
        double lo = 0;
        double hi = 1;
        while (derivative(z, y, w, hi) < 0) {
            lo = hi;
            hi *= 2;
            if (hi > 1e300) {
                throw new FitFailure(FitFailure.Kind.SEPARATED, "no finite temperature minimizes the log loss");
            }
        }
        double beta = 1.0 > lo && 1.0 < hi ? 1.0 : (lo + hi) / 2;
        for (int iter = 0; iter < 200; iter++) {
            double d = derivative(z, y, w, beta);
            if (d == 0) {
                break;
            }
            if (d < 0) {
                lo = beta;
            } else {
                hi = beta;
            }
            double h = second(z, w, beta);
            double next = h > 0 ? beta - d / h : Double.NaN;
            if (!(next > lo && next < hi)) {
                next = (lo + hi) / 2;
            }
            if (Math.abs(next - beta) <= 1e-13 * (1 + beta) || hi - lo <= 1e-15 * (1 + hi)) {
                beta = next;
                break;
            }
            beta = next;
        }
        return new TemperatureMap(beta, n);
    }

    private static double derivative(double[] z, int[] y, double[] w, double beta) {
        CompensatedSum d = new CompensatedSum();
        for (int i = 0; i < z.length; i++) {
            if (w[i] != 0) {
                d.add(w[i] * (LogisticFit.sigmoid(beta * z[i]) - y[i]) * z[i]);
            }
        }
        return d.value();
    }

    private static double second(double[] z, double[] w, double beta) {
        CompensatedSum h = new CompensatedSum();
        for (int i = 0; i < z.length; i++) {
            if (w[i] != 0) {
                double q = LogisticFit.sigmoid(beta * z[i]);
                h.add(w[i] * q * (1 - q) * z[i] * z[i]);
            }
        }
        return h.value();
    }

    /**
     * A temperature map with a given temperature.
     *
     * @param temperature {@code T > 0}, or {@link Double#POSITIVE_INFINITY} for the constant map 0.5
     */
    public static TemperatureMap of(double temperature) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
        }
        return new TemperatureMap(1.0 / temperature, 0);
    }

    @Override
    public double apply(double score) {
        return LogisticFit.sigmoid(inverse * LogisticFit.logit(ScoreMap.checkScore(score), PlattMap.CLIP));
    }

    /** @return T; {@link Double#POSITIVE_INFINITY} when the fit found the scores uninformative */
    public double temperature() {
        return 1.0 / inverse;
    }

    @Override
    public String method() {
        return "temperature";
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public String describe() {
        if (inverse == 0) {
            return "temperature: T = infinity (the logit does not rank positives above negatives; every score -> 0.5)";
        }
        return String.format(Locale.ROOT, "temperature: P = sigma(logit(s) / T), T = %.6g", temperature());
    }

    @Override
    public String toString() {
        return describe();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TemperatureMap m && Double.compare(inverse, m.inverse) == 0 && rows == m.rows;
    }

    @Override
    public int hashCode() {
        return Objects.hash(inverse, rows);
    }
}
