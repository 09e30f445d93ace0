package org.fairkit.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.GroupResults;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.Metrics;
import org.junit.jupiter.api.Test;

/**
 * Coverage of {@link FairnessComparison}'s change intervals in a seeded simulation: two independent runs of two
 * groups of 400 rows, the candidate lowering group B's selection rate from 0.35 to 0.25 (group A stays at 0.50), so
 * the true changes are known: B's selection rate -0.10, demographic parity difference +0.10, demographic parity
 * ratio 0.5 - 0.7 = -0.20. Each interval, at 95%, must contain its true change in at least {@code 0.95 - 3 se} of
 * the repetitions ({@code se = sqrt(0.95 * 0.05 / R)}).
 */
class ComparisonCoverageTest {
    private static final int N = 400;
    private static final int R = 2000;

    private static GroupResults run(SplittableRandom rng, double pA, double pB) {
        int[] y = new int[2 * N];
        int[] p = new int[2 * N];
        String[] g = new String[2 * N];
        for (int i = 0; i < 2 * N; i++) {
            boolean a = i < N;
            g[i] = a ? "A" : "B";
            y[i] = rng.nextDouble() < 0.5 ? 1 : 0;
            p[i] = rng.nextDouble() < (a ? pA : pB) ? 1 : 0;
        }
        FairnessData d = FairnessData.builder().labels(y).predictions(p).sensitive("g", g).build();
        return Fairness.of(d).groupBy("g").metrics(Metrics.SELECTION_RATE)
                .fairnessMetrics(FairnessMetric.DEMOGRAPHIC_PARITY_DIFFERENCE,
                        FairnessMetric.DEMOGRAPHIC_PARITY_RATIO)
                .evaluate().results();
    }

    @Test
    void changeIntervalsCoverTheTrueChanges() {
        SplittableRandom rng = new SplittableRandom(20261207);
        int sr = 0;
        int dpd = 0;
        int dpr = 0;
        for (int rep = 0; rep < R; rep++) {
            FairnessComparison c = FairnessComparison.of(run(rng, 0.50, 0.35), run(rng, 0.50, 0.25));
            Interval b = c.group(Metrics.SELECTION_RATE, GroupKey.of("g", "B")).orElseThrow().interval()
                    .orElseThrow();
            Interval d = c.fairness(FairnessMetric.DEMOGRAPHIC_PARITY_DIFFERENCE).orElseThrow().interval()
                    .orElseThrow();
            Interval q = c.fairness(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO).orElseThrow().interval().orElseThrow();
            sr += b.contains(-0.10) ? 1 : 0;
            dpd += d.contains(0.10) ? 1 : 0;
            dpr += q.contains(0.5 - 0.7) ? 1 : 0;
        }
        double floor = 0.95 - 3 * Math.sqrt(0.95 * 0.05 / R);
        assertThat((double) sr / R).as("selection rate of B").isGreaterThanOrEqualTo(floor);
        assertThat((double) dpd / R).as("demographic parity difference").isGreaterThanOrEqualTo(floor);
        assertThat((double) dpr / R).as("demographic parity ratio").isGreaterThanOrEqualTo(floor);
        System.out.printf(java.util.Locale.ROOT, "comparison coverage (R=%d): selection rate %.4f, dpd %.4f, "
                + "dpr %.4f, floor %.4f%n", R, (double) sr / R, (double) dpd / R, (double) dpr / R, floor);
    }
}
