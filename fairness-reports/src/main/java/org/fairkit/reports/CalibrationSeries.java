package org.fairkit.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.fairkit.core.FairnessData;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.group.Grouping;

/**
 * One group's calibration curve (reliability diagram): for each non-empty score bin, the mean score, the observed
 * positive rate and the number of rows. Immutable; arrays are copied in and out.
 *
 * <p>{@link #uniformBins(FairnessData, int, String...)} computes the curves from data; a calibration module can
 * equally map its own curves to this type with {@link #of}.
 */
public final class CalibrationSeries {
    private final String group;
    private final double[] binMeanScore;
    private final double[] observedRate;
    private final long[] count;

    private CalibrationSeries(String group, double[] binMeanScore, double[] observedRate, long[] count) {
        this.group = group;
        this.binMeanScore = binMeanScore;
        this.observedRate = observedRate;
        this.count = count;
    }

    /**
     * A curve from its points.
     *
     * @param group the group's label
     * @param binMeanScore mean score per bin, in [0, 1], strictly increasing
     * @param observedRate observed positive rate per bin, in [0, 1]
     * @param count rows per bin, each at least 1
     * @throws IllegalArgumentException naming the argument and bin when lengths differ or a value is out of range
     */
    public static CalibrationSeries of(String group, double[] binMeanScore, double[] observedRate, long[] count) {
        Objects.requireNonNull(group, "group");
        double[] s = binMeanScore.clone();
        double[] r = observedRate.clone();
        long[] n = count.clone();
        if (s.length != r.length || s.length != n.length) {
            throw new IllegalArgumentException("binMeanScore, observedRate and count must have the same length, got "
                    + s.length + ", " + r.length + ", " + n.length + " for group " + group);
        }
        for (int i = 0; i < s.length; i++) {
            if (!(s[i] >= 0 && s[i] <= 1)) {
                throw new IllegalArgumentException("binMeanScore[" + i + "] of group " + group
                        + " must be in [0, 1], got " + s[i]);
            }
            if (i > 0 && !(s[i] > s[i - 1])) {
                throw new IllegalArgumentException("binMeanScore of group " + group
                        + " must be strictly increasing, got " + s[i - 1] + " then " + s[i] + " at bin " + i);
            }
            if (!(r[i] >= 0 && r[i] <= 1)) {
                throw new IllegalArgumentException("observedRate[" + i + "] of group " + group
                        + " must be in [0, 1], got " + r[i]);
            }
            if (n[i] < 1) {
                throw new IllegalArgumentException("count[" + i + "] of group " + group
                        + " must be >= 1 (leave empty bins out), got " + n[i]);
            }
        }
        return new CalibrationSeries(group, s, r, n);
    }

    /**
     * Calibration curves per group with {@code bins} equal-width score bins, as scikit-learn's
     * {@code calibration_curve(y_true, y_prob, n_bins=bins, strategy="uniform")}: edges {@code k / bins} (the
     * products {@code k * (1.0 / bins)} of {@code numpy.linspace}), bins {@code [0, e1], (e1, e2], ..., (e_{n-1}, 1]},
     * empty bins left out; per bin the mean score and the share of positive labels.
     *
     * <p>Weighted data gives weighted means ({@code sum w·s / sum w}, {@code sum w·y / sum w}; scikit-learn 1.2 has
     * no weights here); a bin whose weights sum to 0 is left out like an empty one. {@link #count()} is always the
     * number of rows. A group without rows (or with zero total weight) gets a curve with no points.
     *
     * @param data data with scores
     * @param bins number of bins, 2 to 1000
     * @param groupBy the sensitive features to group by (their intersection when several)
     * @throws IllegalArgumentException if the data has no scores, bins is out of range, or a feature is unknown
     */
    public static List<CalibrationSeries> uniformBins(FairnessData data, int bins, String... groupBy) {
        Objects.requireNonNull(data, "data");
        if (!data.hasScores()) {
            throw new IllegalArgumentException("calibration curves need scores: the data has none; set them with "
                    + "FairnessData.builder().scores(...)");
        }
        if (bins < 2 || bins > 1000) {
            throw new IllegalArgumentException("bins must be in [2, 1000], got " + bins);
        }
        if (groupBy.length == 0) {
            throw new IllegalArgumentException("groupBy needs at least one sensitive feature of "
                    + data.sensitiveNames());
        }
        Grouping grouping = data.grouping(List.of(groupBy));
        int groups = grouping.groupCount();
        double[] inner = new double[bins - 1];
        double step = 1.0 / bins;
        for (int k = 1; k < bins; k++) {
            inner[k - 1] = k * step;
        }
        double[][] w = new double[groups][bins];
        double[][] ws = new double[groups][bins];
        double[][] wy = new double[groups][bins];
        long[][] n = new long[groups][bins];
        for (int i = 0; i < data.rows(); i++) {
            int g = grouping.groupOf(i);
            double s = data.score(i);
            int b = binOf(inner, s);
            double wi = data.weight(i);
            w[g][b] += wi;
            ws[g][b] += wi * s;
            wy[g][b] += wi * data.label(i);
            n[g][b]++;
        }
        List<CalibrationSeries> out = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            List<Integer> used = new ArrayList<>();
            for (int b = 0; b < bins; b++) {
                if (n[g][b] > 0 && w[g][b] > 0) {
                    used.add(b);
                }
            }
            double[] s = new double[used.size()];
            double[] r = new double[used.size()];
            long[] c = new long[used.size()];
            for (int j = 0; j < used.size(); j++) {
                int b = used.get(j);
                s[j] = Math.min(1, ws[g][b] / w[g][b]);
                r[j] = Math.min(1, wy[g][b] / w[g][b]);
                c[j] = n[g][b];
            }
            GroupKey key = grouping.groups().get(g);
            out.add(new CalibrationSeries(key.label(), s, r, c));
        }
        return out;
    }

    /** numpy.searchsorted(inner, p, side="left"): the number of inner edges strictly below p. */
    private static int binOf(double[] inner, double p) {
        int lo = 0;
        int hi = inner.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (inner[mid] < p) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** @return the group's label */
    public String group() {
        return group;
    }

    /** @return the mean score per bin (a copy) */
    public double[] binMeanScore() {
        return binMeanScore.clone();
    }

    /** @return the observed positive rate per bin (a copy) */
    public double[] observedRate() {
        return observedRate.clone();
    }

    /** @return the rows per bin (a copy) */
    public long[] count() {
        return count.clone();
    }

    /** @return the number of points */
    public int size() {
        return count.length;
    }

    /**
     * @return the expected calibration error {@code sum_b n_b |rate_b - score_b| / sum_b n_b} (Naeini, Cooper &amp;
     *     Hauskrecht 2015) over this curve's bins, or {@code NaN} for a curve without points
     */
    public double expectedCalibrationError() {
        long total = 0;
        double sum = 0;
        for (int i = 0; i < count.length; i++) {
            total += count[i];
            sum += count[i] * Math.abs(observedRate[i] - binMeanScore[i]);
        }
        return total == 0 ? Double.NaN : sum / total;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CalibrationSeries c && group.equals(c.group) && Arrays.equals(binMeanScore, c.binMeanScore)
                && Arrays.equals(observedRate, c.observedRate) && Arrays.equals(count, c.count);
    }

    @Override
    public int hashCode() {
        return Objects.hash(group, Arrays.hashCode(binMeanScore), Arrays.hashCode(observedRate),
                Arrays.hashCode(count));
    }

    /** @return the group and its points, e.g. {@code Group A: (0.05, 0.03, n=120) ...} */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(group).append(':');
        for (int i = 0; i < count.length; i++) {
            b.append(String.format(Locale.ROOT, " (%.3f, %.3f, n=%d)", binMeanScore[i], observedRate[i], count[i]));
        }
        return b.toString();
    }
}
