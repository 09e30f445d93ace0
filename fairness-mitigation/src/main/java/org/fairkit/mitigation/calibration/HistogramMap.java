package org.fairkit.mitigation.calibration;

import java.util.Arrays;
import java.util.Locale;
import org.fairkit.core.internal.CompensatedSum;

/**
 * Histogram-binning calibration (Zadrozny &amp; Elkan 2001, "Obtaining calibrated probability estimates from
 * decision trees and naive Bayesian classifiers", ICML): the calibrated probability of a score is the weighted
 * positive rate of the training rows in its bin, {@code sum_{i in bin} w_i y_i / sum_{i in bin} w_i}.
 *
 * <p>Bins follow {@link Binning} (equal width, or equal mass with edges learned from the training scores; both
 * right-closed as scikit-learn's {@code calibration_curve}). A bin without training weight has no estimate: a score
 * falling there is returned unchanged, and {@link #describe()} counts such bins.
 *
 * <p><b>Not monotone.</b> Bin rates need not increase with the score, so unlike isotonic regression this map can
 * reorder scores across bins; it is piecewise constant with values in [0, 1].
 */
public final class HistogramMap implements ScoreMap {
    private final Binning binning;
    private final double[] edges;
    private final double[] values;
    private final double[] weights;
    private final int rows;

    private HistogramMap(Binning binning, double[] edges, double[] values, double[] weights, int rows) {
        this.binning = binning;
        this.edges = edges;
        this.values = values;
        this.weights = weights;
        this.rows = rows;
    }

    static HistogramMap fit(Sample sample, int bins, Binning binning) {
        double[] edges = binning.edges(bins, sample.scores);
        CompensatedSum[] wy = new CompensatedSum[bins];
        CompensatedSum[] w = new CompensatedSum[bins];
        for (int j = 0; j < bins; j++) {
            wy[j] = new CompensatedSum();
            w[j] = new CompensatedSum();
        }
        for (int i = 0; i < sample.rows(); i++) {
            int b = Binning.binOf(edges, sample.scores[i]);
            w[b].add(sample.weights[i]);
            wy[b].add(sample.weights[i] * sample.labels[i]);
        }
        double[] values = new double[bins];
        double[] weights = new double[bins];
        for (int j = 0; j < bins; j++) {
            weights[j] = w[j].value();
            values[j] = weights[j] > 0 ? Math.min(1.0, Math.max(0.0, wy[j].value() / weights[j])) : Double.NaN;
        }
        return new HistogramMap(binning, edges, values, weights, sample.rows());
    }

    @Override
    public double apply(double score) {
        double s = ScoreMap.checkScore(score);
        double v = values[Binning.binOf(edges, s)];
        return Double.isNaN(v) ? s : v;
    }

    /** @return the binning */
    public Binning binning() {
        return binning;
    }

    /** @return the bin edges, a copy */
    public double[] edges() {
        return edges.clone();
    }

    /** @return each bin's positive rate, NaN for a bin without training weight, a copy */
    public double[] values() {
        return values.clone();
    }

    /** @return each bin's training weight, a copy */
    public double[] binWeights() {
        return weights.clone();
    }

    @Override
    public String method() {
        return "histogram";
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public String describe() {
        long empty = Arrays.stream(values).filter(Double::isNaN).count();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "histogram: %d %s bins, rates [",
                values.length, binning == Binning.EQUAL_WIDTH ? "equal-width" : "equal-mass"));
        for (int j = 0; j < values.length; j++) {
            b.append(j == 0 ? "" : ", ").append(Double.isNaN(values[j]) ? "-" : String.format(Locale.ROOT, "%.3f",
                    values[j]));
        }
        b.append(']');
        if (empty > 0) {
            b.append(", ").append(empty).append(" empty bin(s) leave scores unchanged");
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return describe();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HistogramMap m && binning == m.binning && Arrays.equals(edges, m.edges)
                && Arrays.equals(values, m.values) && Arrays.equals(weights, m.weights) && rows == m.rows;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(edges) + Arrays.hashCode(values);
    }
}
