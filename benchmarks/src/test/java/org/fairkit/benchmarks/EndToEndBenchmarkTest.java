package org.fairkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.junit.jupiter.api.Test;

/** Both variants of {@link EndToEndBenchmark} compute the report of {@link EvaluateBenchmark} on the same rows. */
class EndToEndBenchmarkTest {
    @Test
    void arraysToReportEqualsTheEvaluateBenchmarkReportAndItsFingerprint() {
        EndToEndBenchmark b = new EndToEndBenchmark();
        b.rows = 20_000;
        b.setUp();
        FairnessReport viaArrays = b.arraysToReport();
        FairnessData data = EvaluateBenchmark.data(b.rows);
        FairnessReport expected = EvaluateBenchmark.evaluate(data, 1);
        assertThat(viaArrays.byGroup()).isEqualTo(expected.byGroup());
        assertThat(viaArrays.fairnessMetrics()).isEqualTo(expected.fairnessMetrics());
        // String levels and int codes of the same levels are the same rows: the same input fingerprint.
        assertThat(b.arraysToReportWithFingerprint()).isEqualTo(data.fingerprint())
                .isEqualTo(Fairness.of(data).evaluate().provenance().inputSha256());
    }
}
