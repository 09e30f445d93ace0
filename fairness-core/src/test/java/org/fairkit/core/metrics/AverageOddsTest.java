package org.fairkit.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.group.GroupKey;
import org.junit.jupiter.api.Test;

/**
 * The two-component reference metrics on a hand-counted fixture, small enough to check on paper. The golden
 * tests cover them against AIF360 too, but they share one memoized report per configuration.
 *
 * <p>Reference a (TP, FN, FP, TN): TPR 1/2, FPR 1/2. Group b (TP, TP, TN, TN): TPR 1, FPR 0, so dTPR = +1/2 and
 * dFPR = -1/2: signed average 0, absolute average 1/2. Group c (TP, FN, FP, FP): TPR 1/2, FPR 1, so dTPR = 0 and
 * dFPR = +1/2: signed and absolute average 1/4. The headline is the group farthest from parity.
 */
class AverageOddsTest {
    private static final double EXACT = 1e-15;

    private static FairnessReport report() {
        FairnessData data = FairnessData.builder()
                .labels(new int[] {1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0})
                .predictions(new int[] {1, 0, 1, 0, 1, 1, 0, 0, 1, 0, 1, 1})
                .sensitive("g", new String[] {"a", "a", "a", "a", "b", "b", "b", "b", "c", "c", "c", "c"})
                .build();
        return Fairness.of(data)
                .fairnessMetrics(FairnessMetric.AVERAGE_ODDS_DIFFERENCE, FairnessMetric.AVERAGE_ABS_ODDS_DIFFERENCE)
                .reference("a")
                .evaluate();
    }

    private static List<String> labels(Disparity d) {
        return d.groups().stream().map(GroupKey::label).toList();
    }

    @Test
    void averageOddsDifferenceIsTheSignedMeanOfTheRateDifferencesAndReportsTheFarthestGroup() {
        FairnessReport r = report();
        Disparity d = r.fairness(FairnessMetric.AVERAGE_ODDS_DIFFERENCE);
        assertThat(d.asDouble()).isCloseTo(0.25, within(EXACT));
        assertThat(labels(d)).containsExactly("c", "a");
        assertThat(r.fairnessByGroup(FairnessMetric.AVERAGE_ODDS_DIFFERENCE))
                .extracting(Disparity::asDouble).containsExactly(0.0, 0.25);
    }

    @Test
    void averageAbsOddsDifferenceIsTheMeanOfTheAbsoluteRateDifferences() {
        FairnessReport r = report();
        Disparity d = r.fairness(FairnessMetric.AVERAGE_ABS_ODDS_DIFFERENCE);
        assertThat(d.asDouble()).isCloseTo(0.5, within(EXACT));
        assertThat(labels(d)).containsExactly("b", "a");
        assertThat(r.fairnessByGroup(FairnessMetric.AVERAGE_ABS_ODDS_DIFFERENCE))
                .extracting(Disparity::asDouble).containsExactly(0.5, 0.25);
    }
}
