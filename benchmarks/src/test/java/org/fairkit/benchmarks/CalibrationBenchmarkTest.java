package org.fairkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.fairkit.mitigation.calibration.Calibration;
import org.fairkit.mitigation.calibration.CalibrationReport;
import org.fairkit.mitigation.calibration.GroupCalibration;
import org.junit.jupiter.api.Test;

/** The calibration benchmark measures what it says: per-group fits equal fitting each group alone. */
class CalibrationBenchmarkTest {

    @Test
    void benchmarkedVariantsComputeConsistentAnswers() {
        CalibrationBenchmark b = new CalibrationBenchmark();
        b.rows = 20_000;
        b.groups = 2;
        b.setUp();
        Calibration.Fitted global = b.isotonicFit();
        Calibration.Fitted perGroup = b.isotonicFitPerGroup();
        assertThat(perGroup.global()).isEqualTo(global.global());
        for (GroupCalibration g : perGroup.groups()) {
            assertThat(g.usesGlobal()).isFalse();
            int n = g.rows();
            double[] s = new double[n];
            int[] y = new int[n];
            for (int i = 0, j = 0; i < b.rows; i++) {
                if (b.groupNames[i].equals(g.group())) {
                    s[j] = b.scores[i];
                    y[j++] = b.labels[i];
                }
            }
            assertThat(g.map()).isEqualTo(Calibration.isotonic().fit(s, y).global());
        }
        CalibrationReport width = b.metricsEqualWidth();
        CalibrationReport mass = b.metricsEqualMass();
        assertThat(width.overall().brier()).isEqualTo(mass.overall().brier());
        assertThat(width.overall().ece().isDefined()).isTrue();
        for (long c : mass.overall().reliability().counts()) {
            assertThat(c).isBetween(1999L, 2001L);
        }
        assertThat(b.plattFit().global().apply(0.5)).isBetween(0.0, 1.0);
    }
}
