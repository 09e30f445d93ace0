package org.fairkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.scores.ScoreMetrics;
import org.junit.jupiter.api.Test;

/**
 * Pins the score section of {@link FairnessReport#toString()}: a table headed "scores" after the confusion
 * disparities, then the score disparities, and undefined score values among the warnings.
 *
 * <p>The fixture, by hand: group a has positives scored 0.9, 0.6 and negatives 0.2, 0.6, so AUC = (1 + 1 + 1 + ½) / 4
 * = 0.875, Brier = (0.01 + 0.04 + 0.16 + 0.36) / 4 = 0.1425 and calibration ratio = 2.3 / 2 = 1.15; group b has
 * positive 0.3, negatives 0.8, 0.1: AUC ½, Brier 1.14 / 3 = 0.38, calibration ratio 1.2 / 1; group c is one positive
 * (AUC undefined: no negatives) and below minGroupSize 2. Overall AUC 11.5 / 16.
 */
class FairnessReportScoresFormatTest {

    @Test
    void toStringAddsTheScoreTableAndItsDisparities() {
        FairnessData d = FairnessData.builder().labels(new int[] {1, 0, 1, 0, 1, 0, 0, 1})
                .predictions(new int[] {1, 0, 1, 1, 0, 1, 0, 1})
                .scores(new double[] {0.9, 0.2, 0.6, 0.6, 0.3, 0.8, 0.1, 0.7})
                .sensitive("g", new String[] {"a", "a", "a", "a", "b", "b", "b", "c"}).build();
        FairnessReport report = Fairness.of(d).metrics(Metrics.SELECTION_RATE)
                .fairnessMetrics(FairnessMetric.DEMOGRAPHIC_PARITY_DIFFERENCE).minGroupSize(2)
                .scoreMetrics(ScoreMetrics.ROC_AUC, ScoreMetrics.BRIER_SCORE, ScoreMetrics.CALIBRATION_RATIO)
                .clock(Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC)).evaluate();
        assertThat(report.toString()).isEqualTo(""
                + "FairKit report: 3 groups by g, 8 rows, unweighted\n"
                + "reference: none; minGroupSize: 2; zero division: UNDEFINED\n"
                + "intervals: none\n"
                + "\n"
                + "group    n  selection_rate\n"
                + "a        4          0.7500\n"
                + "b        3          0.3333\n"
                + "c *      1          1.0000\n"
                + "overall  8          0.6250\n"
                + "* below minGroupSize 2: reported, left out of disparities\n"
                + "\n"
                + "disparity              selection_rate\n"
                + "difference                     0.4167\n"
                + "ratio                          0.4444\n"
                + "difference_to_overall          0.2917\n"
                + "ratio_to_overall               0.5333\n"
                + "\n"
                + "scores   n    roc_auc  brier_score  calibration_ratio\n"
                + "a        4     0.8750       0.1425             1.1500\n"
                + "b        3     0.5000       0.3800             1.2000\n"
                + "c *      1  undefined       0.0900             0.7000\n"
                + "overall  8     0.7188       0.2250             1.0500\n"
                + "\n"
                + "disparity              roc_auc  brier_score  calibration_ratio\n"
                + "difference              0.3750       0.2375             0.0500\n"
                + "ratio                   0.5714       0.3750             0.9583\n"
                + "difference_to_overall   0.2188       0.1550             0.1500\n"
                + "ratio_to_overall        0.6957       0.5921             0.8750\n"
                + "\n"
                + "fairness metric                 value  groups\n"
                + "demographic_parity_difference  0.4167  a vs b\n"
                + "\n"
                + "warnings: 2\n"
                + "- group g=c: n = 1 is below minGroupSize 2; reported, but left out of disparities\n"
                + "- roc_auc of group g=c is undefined: no negatives (weight of label 0 is 0)\n"
                // the input fingerprint\'s first 16 hex digits: SHA-256 of the header naming the columns, then the rows
                // (label, prediction, score, weight, levels; see org.fairkit.core.internal.Fingerprint)
                + "fairkit " + Provenance.currentLibraryVersion() + ", input sha256 96deb6e87e1b834b\n");
    }
}
