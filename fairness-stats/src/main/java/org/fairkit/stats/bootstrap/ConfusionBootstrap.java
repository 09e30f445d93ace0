package org.fairkit.stats.bootstrap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.fairkit.core.EvaluationSpec;
import org.fairkit.core.Estimand;
import org.fairkit.core.FairnessData;
import org.fairkit.core.GroupResults;
import org.fairkit.core.IntervalRequest;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.group.Grouping;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.ZeroDivision;
import org.fairkit.core.tally.Cell;
import org.fairkit.core.tally.CellCounts;
import org.fairkit.core.tally.GroupConfusion;
import org.fairkit.stats.simultaneous.SimultaneousIntervals;

/**
 * The bootstrap engine: resamples the data, re-derives every reported quantity with
 * {@link GroupResults#derive} on each resampled tally, and turns the joint distributions into intervals.
 *
 * <h2>Two paths, one distribution</h2>
 * <ul>
 *   <li><b>Cell counts</b> (unweighted data, the default): resampling {@code n_g} rows of group {@code g} with
 *       replacement gives cell counts {@code Multinomial(n_g; TN/n_g, FP/n_g, FN/n_g, TP/n_g)}; this path draws
 *       those counts directly, by conditional binomials with {@link BinomialSampler} (O(1) expected per cell),
 *       so a resample costs O(groups) whatever the number of rows. Unstratified: one multinomial of {@code N}
 *       over all {@code 4·groups} cells.</li>
 *   <li><b>Rows</b> (weighted data, or when forced): draws row indices with replacement and tallies them. A
 *       resampled weight sum depends on which rows are drawn, not only on how many per cell, so weighted data
 *       always takes this path: O(rows) per resample.</li>
 * </ul>
 *
 * <h2>Stratified by default</h2>
 * Stratified resampling keeps each group's size fixed, as the sampling design usually does (group sizes are
 * known, not estimated); groups then never vanish from a resample and the group sizes that decide
 * {@code minGroupSize} eligibility stay put. Unstratified resampling treats the data as one i.i.d. sample of
 * {@code N} rows (Fairlearn's {@code MetricFrame(n_boot=...)} does this).
 *
 * <h2>Undefined values</h2>
 * A resample may leave a quantity undefined (a group drew no positives): the resample's value is NaN, counted
 * in {@link Interval#undefinedDraws()}; an interval is omitted, with a reason in {@link BootstrapResult#omitted()},
 * when the share exceeds {@link BootstrapSettings#maxUndefinedShare()}. Under {@link ZeroDivision#ERROR}
 * resamples are derived with {@link ZeroDivision#UNDEFINED} (the point estimate already passed the check; a
 * resample must not abort the run), under {@link ZeroDivision#ZERO} with the same substitution as the point.
 *
 * <h2>Extremes over groups, degenerate distributions, x / 0</h2>
 * Spreads ({@code max − min}, {@code min / max}, to-overall) and reference metrics (the worst group) are extremes
 * over groups, whose bootstrap is inconsistent at ties: their intervals come from
 * {@link SimultaneousIntervals} (closed-form families; the max-|t| band of these same joint resamples where no
 * closed form applies), their resampled distributions stay available here. Other values whose distribution is
 * degenerate (few events; see {@link DegenerateFallback}) get the closed form, with a note. A resampled ratio to
 * the reference whose denominator drew 0 while its numerator did not is {@code +∞}, ordered, not undefined.
 *
 * <h2>BCa acceleration</h2>
 * The delete-one jackknife in count space: deleting a row of cell {@code c} of group {@code g} lowers one count
 * by one, so unweighted data has at most {@code 4·groups} distinct jackknife tallies with multiplicity the
 * cell count. Weighted data groups the rows by (group, cell, weight): one tally per distinct weight.
 */
public final class ConfusionBootstrap {
    private ConfusionBootstrap() {
    }

    /**
     * Bootstraps every quantity of a report.
     *
     * @param settings the configuration
     * @param request what the point estimates were computed from
     * @return the joint distributions and intervals
     */
    public static BootstrapResult run(BootstrapSettings settings, IntervalRequest request) {
        FairnessData data = request.data();
        if (!request.hasRows() && (settings.forceRows() || request.tally().isWeighted())) {
            throw new IllegalArgumentException("a bootstrap of " + (settings.forceRows() ? "rows" : "weighted counts")
                    + " resamples the rows, and these counts were computed without them (Fairness.fromCounts); "
                    + "expected unweighted counts, or an estimator on the count path (Bayesian, closed form)");
        }
        boolean rowPath = settings.forceRows() || data != null && data.hasWeights();
        EvaluationSpec spec = resampleSpec(request.spec());
        Grouping grouping = request.grouping();
        Map<Estimand, MetricValue> points = request.estimates().values();
        List<Estimand> estimands = new ArrayList<>(points.keySet());
        int e = estimands.size();
        int b = settings.resamples();
        double[][] draws = new double[e][b];
        GroupConfusion[] resampled = new GroupConfusion[b];
        Sampler sampler = rowPath ? new RowSampler(data, grouping, settings.stratified())
                : new CountSampler(request.tally(), settings.stratified());
        Streams.forEach(b, request.threads(), i -> {
            GroupConfusion t = sampler.draw(Streams.generator(settings.seed(), i));
            resampled[i] = t;
            GroupResults r = GroupResults.derive(spec, grouping, t);
            Map<Estimand, MetricValue> vs = r.values();
            for (int k = 0; k < e; k++) {
                Estimand est = estimands.get(k);
                MetricValue v = vs.get(est);
                draws[k][i] = est.kind() == Estimand.Kind.REFERENCE_RATIO ? orderedRatio(r, est, v)
                        : v == null || !v.isDefined() ? Double.NaN : v.value();
            }
        });
        double[][] jack = null;
        long[] mult = null;
        if (settings.method() == BootstrapMethod.BCA) {
            List<GroupConfusion> tallies = new ArrayList<>();
            List<Long> m = new ArrayList<>();
            if (rowPath && data.hasWeights()) {
                weightedJackknife(data, grouping, request.tally(), tallies, m);
            } else {
                countJackknife(request.tally(), tallies, m);
            }
            jack = new double[e][tallies.size()];
            mult = m.stream().mapToLong(Long::longValue).toArray();
            double[][] j = jack;
            Streams.forEach(tallies.size(), request.threads(), i -> {
                Map<Estimand, MetricValue> vs = GroupResults.derive(spec, grouping, tallies.get(i)).values();
                for (int k = 0; k < e; k++) {
                    MetricValue v = vs.get(estimands.get(k));
                    j[k][i] = v == null || !v.isDefined() ? Double.NaN : v.value();
                }
            });
        }
        String prefix = settings.prefix(rowPath);
        Map<Estimand, BootstrapDistribution> dists = new LinkedHashMap<>();
        Map<Estimand, Interval> intervals = new LinkedHashMap<>();
        Map<Estimand, String> omitted = new LinkedHashMap<>();
        List<GroupConfusion> joint = List.of(resampled);
        SimultaneousIntervals.Result family = SimultaneousIntervals.estimate(request, settings.level(),
                SimultaneousIntervals.Draws.of(x -> joint, b + " joint bootstrap resamples (" + prefix + ")"),
                settings.maxUndefinedShare());
        DegenerateFallback fallback = new DegenerateFallback(request, settings.level());
        for (int k = 0; k < e; k++) {
            Estimand est = estimands.get(k);
            MetricValue p = points.get(est);
            OptionalDouble a = OptionalDouble.empty();
            String note = null;
            if (jack != null) {
                if (allFinite(jack[k])) {
                    a = OptionalDouble.of(Jackknife.acceleration(jack[k], mult));
                } else {
                    note = "undefined in a jackknife replicate";
                }
            }
            BootstrapDistribution d = new BootstrapDistribution(p.isDefined() ? p.value() : Double.NaN, draws[k], a,
                    note);
            dists.put(est, d);
            if (SimultaneousIntervals.covers(est.kind())) {
                Interval iv = family.intervals().get(est);
                if (iv != null) {
                    intervals.put(est, iv);
                } else {
                    omitted.put(est, family.omitted().getOrDefault(est, "not estimated"));
                }
                continue;
            }
            Optional<String> degenerate = d.omissionReason(settings.maxUndefinedShare()).isPresent()
                    ? Optional.empty() : fallback.degenerate(est, d);
            if (degenerate.isPresent()) {
                Optional<Interval> closed = fallback.closedForm(est);
                if (closed.isPresent()) {
                    intervals.put(est, closed.get().withNote(degenerate.get()));
                } else {
                    omitted.put(est, degenerate.get() + ", and no closed form applies ("
                            + (rowPath && data.hasWeights() ? "weighted data" : "not a rate with a fixed denominator")
                            + ")");
                }
                continue;
            }
            d.interval(settings.method(), settings.level(), settings.maxUndefinedShare(), prefix)
                    .ifPresentOrElse(iv -> intervals.put(est, iv),
                            () -> omitted.put(est, d.omissionReason(settings.maxUndefinedShare()).orElseThrow()));
        }
        String description = prefix + ", " + settings.method().label() + ", level " + settings.level()
                + ", max undefined share " + settings.maxUndefinedShare();
        return new BootstrapResult(description, rowPath, dists, intervals, omitted);
    }

    /**
     * A resample's ratio to the reference, ordered: {@code x / 0} with {@code x > 0} is {@code +∞} (the largest
     * value, not an undefined one), {@code 0 / 0} is undefined.
     */
    private static double orderedRatio(GroupResults r, Estimand e, MetricValue v) {
        if (v != null && v.isDefined()) {
            return v.value();
        }
        GroupKey ref = r.reference().orElseThrow();
        GroupMetric m = r.spec().metrics().stream().filter(x -> x.id().equals(e.metricId())).findFirst()
                .orElseThrow();
        MetricValue num = r.value(m, e.group().orElseThrow());
        MetricValue den = r.value(m, ref);
        if (r.isSmall(e.group().get()) || r.isSmall(ref) || !num.isDefined() || !den.isDefined()) {
            return Double.NaN;
        }
        return den.value() == 0 && num.value() > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
    }

    /**
     * Bootstraps a statistic of one sample of numbers (rows resampled with replacement; jackknife over the
     * observations for BCa).
     *
     * @param settings the configuration ({@code stratified} and {@code forceRows} do not apply)
     * @param sample the observations
     * @param statistic the statistic; NaN marks an undefined value
     * @param threads threads to use
     */
    public static BootstrapDistribution sample(BootstrapSettings settings, double[] sample,
            ToDoubleFunction<double[]> statistic, int threads) {
        int n = sample.length;
        if (n < 1) {
            throw new IllegalArgumentException("the sample must hold at least one value");
        }
        double[] x = sample.clone();
        double[] draws = new double[settings.resamples()];
        Streams.forEach(draws.length, threads, i -> {
            UniformRandomProvider rng = Streams.generator(settings.seed(), i);
            double[] r = new double[n];
            for (int j = 0; j < n; j++) {
                r[j] = x[rng.nextInt(n)];
            }
            draws[i] = statistic.applyAsDouble(r);
        });
        OptionalDouble a = OptionalDouble.empty();
        String note = null;
        if (settings.method() == BootstrapMethod.BCA) {
            if (n < 2) {
                note = "the jackknife needs two observations";
            } else {
                double[] jack = jackknifeValues(x, statistic);
                if (allFinite(jack)) {
                    a = OptionalDouble.of(Jackknife.acceleration(jack));
                } else {
                    note = "undefined in a jackknife replicate";
                }
            }
        }
        return new BootstrapDistribution(statistic.applyAsDouble(x.clone()), draws, a, note);
    }

    /** The leave-one-out values of a statistic over a sample. */
    public static double[] jackknifeValues(double[] sample, ToDoubleFunction<double[]> statistic) {
        int n = sample.length;
        double[] out = new double[n];
        double[] rest = new double[n - 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(sample, 0, rest, 0, i);
            System.arraycopy(sample, i + 1, rest, i, n - 1 - i);
            out[i] = statistic.applyAsDouble(rest.clone());
        }
        return out;
    }

    private static boolean allFinite(double[] xs) {
        for (double x : xs) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    private static EvaluationSpec resampleSpec(EvaluationSpec s) {
        if (s.zeroDivision() != ZeroDivision.ERROR) {
            return s;
        }
        return s.withZeroDivision(ZeroDivision.UNDEFINED);
    }

    private static void countJackknife(GroupConfusion tally, List<GroupConfusion> out, List<Long> mult) {
        int g = tally.groupCount();
        for (int gi = 0; gi < g; gi++) {
            for (Cell c : Cell.values()) {
                long n = tally.group(gi).rows(c);
                if (n == 0) {
                    continue;
                }
                CellCounts[] cs = new CellCounts[g];
                for (int k = 0; k < g; k++) {
                    cs[k] = tally.group(k);
                }
                long[] r = rows(cs[gi]);
                r[c.index()]--;
                cs[gi] = CellCounts.of(r[0], r[1], r[2], r[3]);
                out.add(GroupConfusion.of(cs));
                mult.add(n);
            }
        }
    }

    private static void weightedJackknife(FairnessData data, Grouping grouping, GroupConfusion tally,
            List<GroupConfusion> out, List<Long> mult) {
        int g = tally.groupCount();
        // (group, cell) -> weight -> rows with that weight, in first-seen order
        List<Map<Double, Long>> byCell = new ArrayList<>();
        for (int k = 0; k < 4 * g; k++) {
            byCell.add(new LinkedHashMap<>());
        }
        for (int i = 0; i < data.rows(); i++) {
            int key = 4 * grouping.groupOf(i) + Cell.of(data.label(i), data.prediction(i)).index();
            byCell.get(key).merge(data.weight(i), 1L, Long::sum);
        }
        CellCounts[] base = new CellCounts[g];
        for (int k = 0; k < g; k++) {
            base[k] = tally.group(k);
        }
        for (int key = 0; key < 4 * g; key++) {
            int gi = key / 4;
            int ci = key % 4;
            for (Map.Entry<Double, Long> w : byCell.get(key).entrySet()) {
                CellCounts[] cs = base.clone();
                long[] r = rows(base[gi]);
                double[] m = masses(base[gi]);
                r[ci]--;
                m[ci] = r[ci] == 0 ? 0.0 : Math.max(0.0, m[ci] - w.getKey());
                cs[gi] = CellCounts.weighted(r[0], r[1], r[2], r[3], m[0], m[1], m[2], m[3]);
                out.add(GroupConfusion.of(cs));
                mult.add(w.getValue());
            }
        }
    }

    private static long[] rows(CellCounts c) {
        return new long[] {c.rows(Cell.TN), c.rows(Cell.FP), c.rows(Cell.FN), c.rows(Cell.TP)};
    }

    private static double[] masses(CellCounts c) {
        return new double[] {c.mass(Cell.TN), c.mass(Cell.FP), c.mass(Cell.FN), c.mass(Cell.TP)};
    }

    /** Draws one resampled tally. */
    private interface Sampler {
        GroupConfusion draw(UniformRandomProvider rng);
    }

    /** Multinomial cell counts: cost independent of the number of rows. */
    private static final class CountSampler implements Sampler {
        private final int groups;
        private final long[] sizes;
        private final double[][] strata;
        private final double[] all;
        private final long total;

        CountSampler(GroupConfusion tally, boolean stratified) {
            groups = tally.groupCount();
            sizes = new long[groups];
            strata = new double[groups][];
            all = stratified ? null : new double[4 * groups];
            long n = 0;
            for (int g = 0; g < groups; g++) {
                CellCounts c = tally.group(g);
                sizes[g] = c.rows();
                n += c.rows();
                strata[g] = new double[4];
                for (Cell cell : Cell.values()) {
                    strata[g][cell.index()] = c.rows(cell);
                    if (all != null) {
                        all[4 * g + cell.index()] = c.rows(cell);
                    }
                }
            }
            total = n;
        }

        @Override
        public GroupConfusion draw(UniformRandomProvider rng) {
            CellCounts[] cs = new CellCounts[groups];
            if (all == null) {
                long[] out = new long[4];
                for (int g = 0; g < groups; g++) {
                    BinomialSampler.multinomial(rng, sizes[g], strata[g], out);
                    cs[g] = CellCounts.of(out[0], out[1], out[2], out[3]);
                }
            } else {
                long[] out = new long[4 * groups];
                BinomialSampler.multinomial(rng, total, all, out);
                for (int g = 0; g < groups; g++) {
                    cs[g] = CellCounts.of(out[4 * g], out[4 * g + 1], out[4 * g + 2], out[4 * g + 3]);
                }
            }
            return GroupConfusion.of(cs);
        }
    }

    /** Resamples row indices and tallies them (with weight sums when weighted). */
    private static final class RowSampler implements Sampler {
        private final int groups;
        private final int[] keys;
        private final double[] weights;
        private final int[][] strata;

        RowSampler(FairnessData data, Grouping grouping, boolean stratified) {
            int n = data.rows();
            groups = grouping.groupCount();
            keys = new int[n];
            weights = data.hasWeights() ? new double[n] : null;
            int[] sizes = new int[groups];
            for (int i = 0; i < n; i++) {
                int g = grouping.groupOf(i);
                keys[i] = 4 * g + Cell.of(data.label(i), data.prediction(i)).index();
                if (weights != null) {
                    weights[i] = data.weight(i);
                }
                sizes[g]++;
            }
            if (stratified) {
                strata = new int[groups][];
                int[] fill = new int[groups];
                for (int g = 0; g < groups; g++) {
                    strata[g] = new int[sizes[g]];
                }
                for (int i = 0; i < n; i++) {
                    int g = keys[i] >> 2;
                    strata[g][fill[g]++] = i;
                }
            } else {
                strata = null;
            }
        }

        @Override
        public GroupConfusion draw(UniformRandomProvider rng) {
            long[] c = new long[4 * groups];
            double[] w = weights == null ? null : new double[4 * groups];
            if (strata != null) {
                for (int[] rows : strata) {
                    for (int j = 0; j < rows.length; j++) {
                        add(rows[rng.nextInt(rows.length)], c, w);
                    }
                }
            } else {
                int n = keys.length;
                for (int j = 0; j < n; j++) {
                    add(rng.nextInt(n), c, w);
                }
            }
            CellCounts[] cs = new CellCounts[groups];
            for (int g = 0; g < groups; g++) {
                int o = 4 * g;
                cs[g] = w == null ? CellCounts.of(c[o], c[o + 1], c[o + 2], c[o + 3])
                        : CellCounts.weighted(c[o], c[o + 1], c[o + 2], c[o + 3], w[o], w[o + 1], w[o + 2], w[o + 3]);
            }
            return GroupConfusion.of(cs);
        }

        private void add(int row, long[] c, double[] w) {
            int k = keys[row];
            c[k]++;
            if (w != null) {
                w[k] += weights[row];
            }
        }
    }
}
