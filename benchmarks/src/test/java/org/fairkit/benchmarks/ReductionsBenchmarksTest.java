package org.fairkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.Arrays;
import org.fairkit.mitigation.reductions.ExponentiatedGradient;
import org.fairkit.mitigation.reductions.GridSearch;
import org.fairkit.mitigation.reductions.LogisticRegression;
import org.junit.jupiter.api.Test;

/** The reductions benchmarks fit valid models: mixtures summing to 1, a grid of 11, a learner at its optimum. */
class ReductionsBenchmarksTest {
    @Test
    void reductionsBenchmarkFitsValidModelsOnTheSyntheticStandIn() throws IOException {
        String previous = System.getProperty("fairkit.adult");
        System.setProperty("fairkit.adult", "no-such-file.csv");
        try {
            ReductionsBenchmark b = new ReductionsBenchmark();
            b.setUp();
            assertThat(b.source).isEqualTo("synthetic");
            assertThat(b.x.rows()).isEqualTo(21_708);
            for (ExponentiatedGradient.Fitted f : new ExponentiatedGradient.Fitted[] {
                b.exponentiatedGradientDemographicParity(), b.exponentiatedGradientEqualizedOdds()}) {
                assertThat(Arrays.stream(f.weights()).sum()).isCloseTo(1.0, within(1e-12));
                assertThat(f.oracleCalls()).isPositive();
            }
            GridSearch.Fitted g = b.gridSearchDemographicParity();
            assertThat(g.grid()).hasSize(11);
        } finally {
            if (previous == null) {
                System.clearProperty("fairkit.adult");
            } else {
                System.setProperty("fairkit.adult", previous);
            }
        }
    }

    @Test
    void logisticRegressionBenchmarkReachesTheOptimum() {
        LogisticRegressionBenchmark b = new LogisticRegressionBenchmark();
        b.rows = 20_000;
        b.features = 10;
        b.setUp();
        LogisticRegression.Model m = b.fit();
        assertThat(m.gradientMaxAbs()).isLessThan(1e-8);
        assertThat(m.coefficients()).hasSize(10);
    }
}
