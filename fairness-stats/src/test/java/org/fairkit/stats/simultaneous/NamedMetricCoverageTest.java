package org.fairkit.stats.simultaneous;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import org.apache.commons.rng.UniformRandomProvider;
import org.fairkit.core.EvaluationSpec;
import org.fairkit.core.Estimand;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.GroupResults;
import org.fairkit.core.IntervalRequest;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.group.Grouping;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.metrics.ZeroDivision;
import org.fairkit.core.tally.CellCounts;
import org.fairkit.core.tally.GroupConfusion;
import org.fairkit.stats.bootstrap.BinomialSampler;
import org.fairkit.stats.bootstrap.Streams;
import org.junit.jupiter.api.Test;

/**
 * The coverage grid: a seeded simulation of every interval FairKit reports on a named fairness metric (and on the
 * spread aggregates {@code difference} and {@code ratio}), over group sizes 20, 50, 200 and 1000, rates 0.02, 0.05,
 * 0.3, 0.5 and 0.95, 2 and 4 groups, equal and unequal rates: 80 settings, {@value #REPLICATIONS} data sets each.
 *
 * <p>Model: in group g, {@code positives ~ Bin(n, 1/2)}, {@code TP ~ Bin(positives, p_g)},
 * {@code FP ~ Bin(negatives, p_g / 2)}; the reference group is A. Equal rates: {@code p_g = p} (parity, where a
 * bootstrap of {@code max − min} fails). Unequal: {@code p_g = p (1 − 0.4 g / (K − 1))}, or for {@code p = 0.95}
 * {@code 0.95 − 0.25 g / (K − 1)}. The true value of each metric is computed from the true rates with the metric's
 * own definition ({@link FairnessMetric#compute}).
 *
 * <p>Assertion: in every setting where an interval was given at least 200 times, coverage is at least
 * {@code 0.93 − 3 se}, with {@code se = sqrt(0.95 · 0.05 / R)} the Monte Carlo standard error of a 95% interval over
 * R data sets (0.0069 at R = 1000, so the bound is 0.909). The simulation is seeded, so the test is deterministic.
 * A defined estimate without an interval is counted and must not happen. The minimum coverage per metric is printed;
 * the stats README's table comes from this output.
 */
class NamedMetricCoverageTest {
    static final int REPLICATIONS = 1000;
    private static final double BASE = 0.5;
    private static final String[] NAMES = {"A", "B", "C", "D"};

    @Test
    void everyNamedMetricIntervalReachesNominalCoverageAcrossTheGrid() {
        Map<FairnessMetric, double[]> worst = new EnumMap<>(FairnessMetric.class);
        List<String> failures = new ArrayList<>();
        int settings = 0;
        for (int n : new int[] {20, 50, 200, 1000}) {
            for (double p : new double[] {0.02, 0.05, 0.3, 0.5, 0.95}) {
                for (int k : new int[] {2, 4}) {
                    for (boolean equal : new boolean[] {true, false}) {
                        settings++;
                        run(n, p, k, equal, 1000L * settings, worst, failures);
                    }
                }
            }
        }
        StringBuilder table = new StringBuilder("metric | lowest coverage | setting (n, p, groups, rates)\n");
        worst.forEach((m, w) -> table.append(String.format(Locale.ROOT, "%s | %.4f | n=%d p=%.2f K=%d %s%n", m.id(),
                w[0], (int) w[1], w[2], (int) w[3], w[4] == 1 ? "equal" : "unequal")));
        System.out.println("Coverage grid (" + settings + " settings x " + REPLICATIONS + " data sets):\n" + table);
        assertThat(settings).isEqualTo(80);
        assertThat(worst).hasSize(FairnessMetric.values().length);
        assertThat(failures).as(table.toString()).isEmpty();
    }

    private static double rate(double p, int g, int k, boolean equal) {
        if (equal || g == 0) {
            return p;
        }
        double share = (double) g / (k - 1);
        return p > 0.5 ? p - 0.25 * share : p * (1 - 0.4 * share);
    }

    private static void run(int n, double p, int k, boolean equal, long seed, Map<FairnessMetric, double[]> worst,
            List<String> failures) {
        double[] tpr = new double[k];
        double[] fpr = new double[k];
        for (int g = 0; g < k; g++) {
            tpr[g] = rate(p, g, k, equal);
            fpr[g] = tpr[g] / 2;
        }
        // a skeleton data set: one row per cell and group, only so that the grouping knows the groups
        int rows = 4 * k;
        int[] y = new int[rows];
        int[] pred = new int[rows];
        String[] s = new String[rows];
        for (int i = 0; i < rows; i++) {
            s[i] = NAMES[i / 4];
            y[i] = (i % 4) / 2;
            pred[i] = i % 2;
        }
        FairnessData skeleton = FairnessData.builder().labels(y).predictions(pred).sensitive("s", s).build();
        EvaluationSpec spec = Fairness.of(skeleton).groupBy("s")
                .metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE, Metrics.FALSE_POSITIVE_RATE)
                .fairnessMetrics(FairnessMetric.values()).reference("A").spec();
        Grouping grouping = skeleton.grouping(spec.groupBy());
        int[] order = new int[k];
        for (int g = 0; g < k; g++) {
            order[g] = grouping.groups().indexOf(GroupKey.of("s", NAMES[g]));
        }
        Map<FairnessMetric, Double> truth = truth(tpr, fpr, grouping, order);
        Map<FairnessMetric, long[]> hits = new EnumMap<>(FairnessMetric.class);
        for (int r = 0; r < REPLICATIONS; r++) {
            UniformRandomProvider rng = Streams.generator(seed, r);
            CellCounts[] cs = new CellCounts[k];
            for (int g = 0; g < k; g++) {
                long pos = BinomialSampler.sample(rng, n, BASE);
                long tp = BinomialSampler.sample(rng, pos, tpr[g]);
                long fp = BinomialSampler.sample(rng, n - pos, fpr[g]);
                cs[order[g]] = CellCounts.of(n - pos - fp, fp, pos - tp, tp);
            }
            GroupConfusion tally = GroupConfusion.of(cs);
            GroupResults est = GroupResults.derive(spec, grouping, tally);
            IntervalRequest req = new IntervalRequest(skeleton, spec, grouping, tally, est, 1);
            Map<Estimand, Interval> cis = SimultaneousIntervals.estimate(req, 0.95, SimultaneousIntervals.NO_DRAWS,
                    0.1).intervals();
            for (FairnessMetric f : FairnessMetric.values()) {
                long[] h = hits.computeIfAbsent(f, x -> new long[3]);
                if (!est.fairness(f).isDefined()) {
                    continue;
                }
                Interval i = cis.get(Estimand.fairness(f));
                if (i == null) {
                    h[2]++;
                    continue;
                }
                h[1]++;
                double t = truth.get(f);
                if (f.form().referenced()) {
                    // the headline's interval is its selected group's: it covers that group's true comparison
                    GroupKey chosen = est.fairness(f).groups().get(0);
                    t = trueComparison(f, tpr, fpr, grouping, order, chosen);
                }
                if (i.contains(t) || Math.abs(t - i.lower()) < 1e-12 || Math.abs(t - i.upper()) < 1e-12) {
                    h[0]++;
                }
            }
        }
        for (Map.Entry<FairnessMetric, long[]> e : hits.entrySet()) {
            long[] h = e.getValue();
            String where = String.format(Locale.ROOT, "%s n=%d p=%.2f K=%d %s", e.getKey().id(), n, p, k,
                    equal ? "equal" : "unequal");
            if (h[2] > 0) {
                failures.add(where + ": " + h[2] + " defined estimates without an interval");
            }
            if (h[1] < 200) {
                continue;
            }
            double cov = (double) h[0] / h[1];
            double bound = 0.93 - 3 * Math.sqrt(0.95 * 0.05 / h[1]);
            if (cov < bound) {
                failures.add(String.format(Locale.ROOT, "%s: coverage %.4f below %.4f over %d", where, cov, bound,
                        h[1]));
            }
            double[] w = worst.get(e.getKey());
            if (w == null || cov < w[0]) {
                worst.put(e.getKey(), new double[] {cov, n, p, k, equal ? 1 : 0});
            }
        }
    }

    private static GroupValues values(Metrics m, double[] tpr, double[] fpr, Grouping grouping, int[] order) {
        int k = tpr.length;
        MetricValue[] vs = new MetricValue[k];
        for (int g = 0; g < k; g++) {
            double sr = BASE * tpr[g] + (1 - BASE) * fpr[g];
            double v;
            switch (m) {
                case SELECTION_RATE:
                    v = sr;
                    break;
                case TRUE_POSITIVE_RATE:
                    v = tpr[g];
                    break;
                case FALSE_POSITIVE_RATE:
                    v = fpr[g];
                    break;
                case POSITIVE_PREDICTIVE_VALUE:
                    v = BASE * tpr[g] / sr;
                    break;
                default:
                    v = BASE * (1 - tpr[g]) + (1 - BASE) * fpr[g];
            }
            vs[order[g]] = MetricValue.of(v);
        }
        List<String> eligible = new ArrayList<>();
        for (int g = 0; g < k; g++) {
            eligible.add(null);
        }
        return new GroupValues(m.id(), grouping.groups(), List.of(vs), eligible, MetricValue.of(0.5),
                ZeroDivision.UNDEFINED);
    }

    private static Map<FairnessMetric, Double> truth(double[] tpr, double[] fpr, Grouping grouping, int[] order) {
        Map<FairnessMetric, Double> out = new EnumMap<>(FairnessMetric.class);
        for (FairnessMetric f : FairnessMetric.values()) {
            out.put(f, f.compute(m -> values(m, tpr, fpr, grouping, order), OptionalInt.of(order[0])).asDouble());
        }
        return out;
    }

    private static double trueComparison(FairnessMetric f, double[] tpr, double[] fpr, Grouping grouping,
            int[] order, GroupKey group) {
        return f.compareEach(m -> values(m, tpr, fpr, grouping, order), OptionalInt.of(order[0])).stream()
                .filter(d -> d.groups().get(0).equals(group)).findFirst().orElseThrow().asDouble();
    }
}
