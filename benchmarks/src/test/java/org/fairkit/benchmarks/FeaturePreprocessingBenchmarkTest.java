package org.fairkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.fairkit.mitigation.preprocessing.DisparateImpactRemover;
import org.fairkit.mitigation.preprocessing.FeatureTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The feature pre-processing benchmarks measure valid work on seeded data. */
class FeaturePreprocessingBenchmarkTest {
    @ParameterizedTest(name = "{0} groups, {1}")
    @CsvSource({"2,integer", "8,continuous"})
    void benchmarkedTransformsDoWhatTheyPromise(int groups, String values) {
        FeaturePreprocessingBenchmark b = new FeaturePreprocessingBenchmark();
        b.rows = 20_000;
        b.groups = groups;
        b.values = values;
        b.setUp();
        FeatureTable decorrelated = b.correlationRemover();
        String[] g = new String[b.rows];
        for (int i = 0; i < g.length; i++) {
            g[i] = b.table.sensitive("group").level(i);
        }
        // zero covariance with the indicator of every group
        double[] x = decorrelated.numeric("x0");
        double mean = 0;
        for (double v : x) {
            mean += v / x.length;
        }
        for (int k = 0; k < groups; k++) {
            double cov = 0;
            for (int i = 0; i < x.length; i++) {
                cov += (x[i] - mean) * (g[i].equals("g" + k) ? 1 : 0);
            }
            assertThat(cov / x.length).isCloseTo(0, within(1e-9));
        }
        FeatureTable repaired = b.disparateImpactRemover();
        assertThat(repaired.numeric("x0")).isNotEqualTo(b.table.numeric("x0"));
        assertThat(DisparateImpactRemover.repairLevel(1.0).groupBy("group").fit(b.table).buckets("x0"))
                .isPositive();
        assertThat(b.sortOneColumn()).isSorted().hasSize(b.rows);
        FeaturePreprocessingBenchmark again = new FeaturePreprocessingBenchmark();
        again.rows = 20_000;
        again.groups = groups;
        again.values = values;
        again.setUp();
        assertThat(again.table).isEqualTo(b.table);
    }
}
