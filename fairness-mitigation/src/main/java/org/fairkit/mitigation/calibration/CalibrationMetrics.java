package org.fairkit.mitigation.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.fairkit.core.FairnessData;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.core.internal.CompensatedSum;
import org.fairkit.core.metrics.MetricValue;

/**
 * Calibration metrics, overall and per group: Brier score, log loss, expected and maximum calibration error and
 * reliability-diagram data (see {@link CalibrationSummary} for the formulas), and their disparities across groups
 * ({@link CalibrationReport}).
 *
 * <pre>{@code
 * CalibrationReport r = CalibrationMetrics.bins(10, Binning.EQUAL_WIDTH).evaluate(scores, labels, sex);
 * r.eceDifference();         // max - min ECE over groups, naming both groups
 * r.overall().reliability(); // bins ready to plot
 * }</pre>
 *
 * <p>Binned measures use {@link Binning}'s right-closed bins; equal-mass edges are computed separately for all
 * rows and for each group (each from its own scores). With unweighted data and {@code bins(10, ...)}, the
 * reliability diagram equals scikit-learn 1.2's {@code calibration_curve(y, s, n_bins=10, strategy='uniform' or
 * 'quantile')}. Inputs are validated like {@link Calibration}'s (scores in [0, 1], labels 0/1, weights
 * {@code >= 0}); unlike fitting, a set with one class or no rows is measured (values undefined where nothing is
 * averaged). Immutable configuration; each setting is set once.
 */
public final class CalibrationMetrics {
    private final int bins;
    private final Binning binning;
    private final Integer minGroupSize;

    private CalibrationMetrics(int bins, Binning binning, Integer minGroupSize) {
        this.bins = bins;
        this.binning = binning;
        this.minGroupSize = minGroupSize;
    }

    /**
     * @param bins the number of bins, {@code >= 1} (scikit-learn's {@code n_bins}; 10 or 15 are common)
     * @param binning equal width ({@code strategy='uniform'}) or equal mass ({@code strategy='quantile'})
     * @return the metric configuration
     */
    public static CalibrationMetrics bins(int bins, Binning binning) {
        if (bins < 1) {
            throw InputErrors.badSetting("bins", bins, ">= 1");
        }
        if (binning == null) {
            throw InputErrors.badSetting("binning", null, "EQUAL_WIDTH or EQUAL_MASS");
        }
        return new CalibrationMetrics(bins, binning, null);
    }

    /**
     * @param rows groups with fewer rows are reported but left out of disparities, {@code >= 0} (default 0)
     * @return this configuration with the minimum group size
     */
    public CalibrationMetrics minGroupSize(int rows) {
        if (minGroupSize != null) {
            throw InputErrors.settingTwice("minGroupSize");
        }
        if (rows < 0) {
            throw InputErrors.badSetting("minGroupSize", rows, ">= 0");
        }
        return new CalibrationMetrics(bins, binning, rows);
    }

    /** @return calibration of all rows */
    public CalibrationSummary evaluate(double[] scores, int[] labels) {
        return summarize(Inputs.of(scores, labels, null, null).all());
    }

    /** @return calibration of all rows, weighted */
    public CalibrationSummary evaluate(double[] scores, int[] labels, double[] weights) {
        return summarize(Inputs.of(scores, labels, null, weights).all());
    }

    /** @return calibration overall and per group, with disparities */
    public CalibrationReport evaluate(double[] scores, int[] labels, String[] groups) {
        return report(Inputs.of(scores, labels, requireGroups(groups), null));
    }

    /** @return calibration overall and per group, weighted, with disparities */
    public CalibrationReport evaluate(double[] scores, int[] labels, String[] groups, double[] weights) {
        return report(Inputs.of(scores, labels, requireGroups(groups), weights));
    }

    /**
     * @param features one or more sensitive features of the data (their intersection when several)
     * @return calibration of the data's scores overall and per group, weighted when the data is
     */
    public CalibrationReport evaluate(FairnessData data, String... features) {
        if (features.length == 0) {
            throw new IllegalArgumentException("features: expected at least one sensitive feature to group by; "
                    + "the data has " + data.sensitiveNames());
        }
        return report(Inputs.of(data, Arrays.asList(features)));
    }

    /** @return calibration of the data's scores over all rows */
    public CalibrationSummary evaluate(FairnessData data) {
        return summarize(Inputs.of(data, List.of()).all());
    }

    private static String[] requireGroups(String[] groups) {
        if (groups == null) {
            throw new IllegalArgumentException("column 'groups' is required; got null");
        }
        return groups;
    }

    private CalibrationReport report(Inputs in) {
        CalibrationSummary overall = summarize(in.all());
        Sample[] samples = in.byGroup();
        List<CalibrationSummary> groups = new ArrayList<>();
        for (Sample s : samples) {
            groups.add(summarize(s));
        }
        return new CalibrationReport(this.toString(), overall, in.groupKeys, groups,
                minGroupSize == null ? 0 : minGroupSize);
    }

    /**
     * The Brier score {@code sum w_i (y_i - s_i)^2 / sum w_i} (scikit-learn {@code brier_score_loss}).
     *
     * @param weights may be null
     */
    public static MetricValue brierScore(double[] scores, int[] labels, double[] weights) {
        Sample s = Inputs.of(scores, labels, null, weights).all();
        Undefined u = Undefined.of(s);
        return u != null ? MetricValue.undefined(u.reason) : brier(s);
    }

    /**
     * The log loss with scikit-learn 1.2's clipping (see {@link CalibrationSummary}).
     *
     * @param weights may be null
     */
    public static MetricValue logLoss(double[] scores, int[] labels, double[] weights) {
        Sample s = Inputs.of(scores, labels, null, weights).all();
        Undefined u = Undefined.of(s);
        return u != null ? MetricValue.undefined(u.reason) : logLoss(s);
    }

    /** Machine epsilon, {@code numpy.finfo(float64).eps}: scikit-learn 1.2's {@code log_loss(eps='auto')} clip. */
    static final double LOG_LOSS_EPS = Math.ulp(1.0);

    private enum Undefined {
        NONE(CalibrationSummary.NO_ROWS), ZERO(CalibrationSummary.NO_WEIGHT);

        final String reason;

        Undefined(String reason) {
            this.reason = reason;
        }

        static Undefined of(Sample s) {
            if (s.rows() == 0) {
                return NONE;
            }
            return s.totalWeight > 0 ? null : ZERO;
        }
    }

    private static MetricValue brier(Sample s) {
        CompensatedSum sum = new CompensatedSum();
        for (int i = 0; i < s.rows(); i++) {
            double d = s.labels[i] - s.scores[i];
            sum.add(s.weights[i] * d * d);
        }
        return MetricValue.of(sum.value() / s.totalWeight);
    }

    private static MetricValue logLoss(Sample s) {
        CompensatedSum sum = new CompensatedSum();
        for (int i = 0; i < s.rows(); i++) {
            double p1 = Math.min(Math.max(s.scores[i], LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
            double p0 = 1 - p1;
            double total = p0 + p1;
            double q = (s.labels[i] == 1 ? p1 : p0) / total;
            sum.add(-s.weights[i] * Math.log(q));
        }
        return MetricValue.of(sum.value() / s.totalWeight);
    }

    CalibrationSummary summarize(Sample s) {
        int n = s.rows();
        double[] edges;
        if (n == 0 && binning == Binning.EQUAL_MASS) {
            edges = new double[bins + 1];
            Arrays.fill(edges, Double.NaN); // no scores, no quantiles
        } else {
            edges = binning.edges(bins, s.scores);
        }
        long[] count = new long[bins];
        CompensatedSum[] w = new CompensatedSum[bins];
        CompensatedSum[] ws = new CompensatedSum[bins];
        CompensatedSum[] wy = new CompensatedSum[bins];
        for (int b = 0; b < bins; b++) {
            w[b] = new CompensatedSum();
            ws[b] = new CompensatedSum();
            wy[b] = new CompensatedSum();
        }
        for (int i = 0; i < n; i++) {
            int b = Binning.binOf(edges, s.scores[i]);
            double wi = s.weights[i];
            count[b]++;
            w[b].add(wi);
            ws[b].add(wi * s.scores[i]);
            wy[b].add(wi * s.labels[i]);
        }
        List<ReliabilityBin> list = new ArrayList<>(bins);
        CompensatedSum ece = new CompensatedSum();
        double mce = 0;
        for (int b = 0; b < bins; b++) {
            double wb = w[b].value();
            MetricValue mean;
            MetricValue rate;
            if (count[b] == 0) {
                mean = MetricValue.undefined(ReliabilityBin.EMPTY);
                rate = mean;
            } else if (!(wb > 0)) {
                mean = MetricValue.undefined(ReliabilityBin.NO_WEIGHT);
                rate = mean;
            } else {
                mean = MetricValue.of(ws[b].value() / wb);
                rate = MetricValue.of(wy[b].value() / wb);
                double gap = Math.abs(rate.value() - mean.value());
                ece.add(wb * gap);
                mce = Math.max(mce, gap);
            }
            list.add(new ReliabilityBin(b, edges[b], edges[b + 1], count[b], wb, mean, rate));
        }
        ReliabilityDiagram diagram = new ReliabilityDiagram(binning, list);
        Undefined u = Undefined.of(s);
        if (u != null) {
            MetricValue x = MetricValue.undefined(u.reason);
            return new CalibrationSummary(n, s.totalWeight, x, x, x, x, diagram);
        }
        // ECE is a weighted mean of the gaps, so it cannot exceed their maximum; min() removes rounding excess.
        double e = Math.min(ece.value() / s.totalWeight, mce);
        return new CalibrationSummary(n, s.totalWeight, brier(s), logLoss(s), MetricValue.of(e), MetricValue.of(mce),
                diagram);
    }

    /** @return e.g. {@code 10 equal-width bins} */
    @Override
    public String toString() {
        return bins + (binning == Binning.EQUAL_WIDTH ? " equal-width" : " equal-mass") + " bins"
                + (minGroupSize == null ? "" : ", minGroupSize " + minGroupSize);
    }
}
