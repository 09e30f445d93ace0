package org.fairkit.mitigation.reductions;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A classifier's accuracy and disparity under a {@link ParityConstraint} on some rows, from each row's probability
 * of a positive prediction (0/1 for a deterministic classifier; a mixture's {@code probabilityOfPositive} gives the
 * EXPECTED values, as Fairlearn's {@code _pmf_predict}). Immutable.
 *
 * <ul>
 *   <li>{@code accuracy = 1 - sum_i w_i |p_i - y_i| / W};</li>
 *   <li>{@code disparity = max gamma}: the largest constraint violation as Fairlearn's moments define it, the
 *       moment loaded with THESE rows (for demographic parity: {@code max_g |rate(g) - rate(all)|});</li>
 *   <li>{@code disparityBetweenGroups}: the largest difference between two groups' utility means within one event
 *       (demographic parity: selection rates; equalized odds: the larger of the TPR and FPR differences; error-rate
 *       parity: error rates);</li>
 *   <li>{@code selectionRate}: each group's (weighted) mean {@code p}, over all its rows;</li>
 *   <li>{@code rates}: per event, the overall and per-group utility means ({@code gamma}'s ingredients).</li>
 * </ul>
 *
 * @param rows the number of rows
 * @param accuracy the (expected) accuracy
 * @param disparity {@code max gamma}
 * @param disparityBetweenGroups the largest difference between two groups within an event
 * @param selectionRate each group's (expected) selection rate, groups sorted
 * @param rates per event ({@code all}, {@code label=0}, {@code label=1}): {@code overall} and each group's mean
 * @param index the constraint entries {@code sign|event|group}
 * @param gamma {@code gamma} in index order
 */
public record ConstraintEvaluation(int rows, double accuracy, double disparity, double disparityBetweenGroups,
        Map<String, Double> selectionRate, Map<String, Map<String, Double>> rates, List<String> index,
        List<Double> gamma) {

    /**
     * Evaluates predictions {@code p} on labelled rows.
     *
     * @throws IllegalArgumentException naming the first bad row, or when no row falls under the constraint
     */
    public static ConstraintEvaluation of(ParityConstraint constraint, double[] p, int[] labels, String[] groups,
            double[] weights) {
        int n = p.length;
        for (int i = 0; i < n; i++) {
            if (!(p[i] >= -1e-9 && p[i] <= 1 + 1e-9)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "probability of a positive prediction, row %d: got %s; expected a number in [0, 1]", i, p[i]));
            }
        }
        Inputs in = Inputs.of(FeatureMatrix.ofColumns(new double[n]), labels, groups, weights);
        Moment m = new Moment(constraint, in.labels(), in.groups(), in.weights());
        double[] gamma = m.gamma(p);
        double max = Double.NEGATIVE_INFINITY;
        for (double g : gamma) {
            max = Math.max(max, g);
        }
        double[][] means = m.means(p);
        Map<String, Map<String, Double>> rates = new LinkedHashMap<>();
        double between = 0;
        for (int e = 0; e < m.events.size(); e++) {
            Map<String, Double> r = new LinkedHashMap<>();
            r.put("overall", means[1][e]);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < m.cells(); c++) {
                if (m.cellEvent[c] == e) {
                    r.put(m.groups.get(m.cellGroup[c]), means[0][c]);
                    lo = Math.min(lo, means[0][c]);
                    hi = Math.max(hi, means[0][c]);
                }
            }
            between = Math.max(between, hi - lo);
            rates.put(m.events.get(e), Collections.unmodifiableMap(r));
        }
        TreeMap<String, double[]> sel = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            double wi = weights == null ? 1.0 : weights[i];
            double[] acc = sel.computeIfAbsent(groups[i], k -> new double[2]);
            acc[0] += wi * p[i];
            acc[1] += wi;
        }
        Map<String, Double> selection = new LinkedHashMap<>();
        sel.forEach((g, a) -> selection.put(g, a[1] > 0 ? a[0] / a[1] : Double.NaN));
        Double[] boxed = new Double[gamma.length];
        for (int k = 0; k < gamma.length; k++) {
            boxed[k] = gamma[k];
        }
        return new ConstraintEvaluation(n, 1 - m.error(p), max, between, Collections.unmodifiableMap(selection),
                Collections.unmodifiableMap(rates), m.index, List.of(boxed));
    }

    /** Evaluates hard 0/1 predictions. */
    public static ConstraintEvaluation of(ParityConstraint constraint, int[] predictions, int[] labels,
            String[] groups, double[] weights) {
        return of(constraint, Lagrangian.asDoubles(predictions), labels, groups, weights);
    }
}
