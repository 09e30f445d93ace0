package org.fairkit.stats.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.stats.correction.Correction;
import org.fairkit.stats.correction.MultipleTesting;
import org.fairkit.stats.drift.DistributionDrift;
import org.fairkit.stats.drift.PsiSmoothing;
import org.fairkit.stats.power.MinimumDetectableDifference;
import org.fairkit.stats.power.TwoProportionPower;
import org.fairkit.stats.proportion.ComparisonInterval;
import org.fairkit.stats.proportion.ProportionInterval;
import org.fairkit.stats.proportion.TwoProportionIntervals;
import org.fairkit.stats.tests.CountStatistic;
import org.fairkit.stats.tests.PermutationResult;
import org.fairkit.stats.tests.PermutationTest;
import org.fairkit.stats.tests.ProportionTests;
import org.fairkit.stats.tests.TestResult;
import org.junit.jupiter.api.Test;

/** Runs the snippet of the README section "Closed-form intervals, tests, corrections, power and drift". */
class ClosedFormReadmeTest {

    @Test
    void readmeSnippetRunsAndPrintsWhatTheReadmeSays() throws IOException {
        Interval ci = ProportionInterval.WILSON.interval(12, 40, 0.95);
        ComparisonInterval diff = TwoProportionIntervals.newcombeDifference(30, 100, 45, 100, 0.95);
        TestResult z = ProportionTests.twoProportionZTest(30, 100, 45, 100);
        Correction holm = MultipleTesting.HOLM.correct(new double[] {0.01, 0.04, 0.03}, 0.05);
        PermutationResult perm = PermutationTest.of(9999, 42).test(new long[][] {{30, 70}, {45, 55}},
                CountStatistic.rateDifference(new int[] {0}, new int[] {0, 1}));
        MinimumDetectableDifference mdd = TwoProportionPower.minimumDetectableDifference(0.3, 500, 500, 0.05, 0.8);
        MetricValue psi = DistributionDrift.populationStabilityIndex(new long[] {50, 30, 15, 4, 1},
                new long[] {40, 35, 20, 5, 0}, PsiSmoothing.EPSILON_1E_4);

        List<String> printed = List.of(ci.toString(), diff.toString(), z.pValue().toString(),
                holm.toString(), perm.pValue().toString(), mdd.differenceUp() + " / " + mdd.differenceDown(),
                psi.toString());
        assertThat(printed).containsExactly("[0.1807, 0.4543]", "-0.1500 [-0.2768, -0.0159]", "0.0285",
                "HOLM at 0.05: 1 of 3 rejected", "0.0406", "0.0839 / 0.0776", "0.0922");

        String readme = Files.readString(Path.of("README.md"));
        for (String line : List.of(
                "Interval ci = ProportionInterval.WILSON.interval(12, 40, 0.95);",
                "ComparisonInterval diff = TwoProportionIntervals.newcombeDifference(30, 100, 45, 100, 0.95);",
                "TestResult z = ProportionTests.twoProportionZTest(30, 100, 45, 100);",
                "Correction holm = MultipleTesting.HOLM.correct(new double[] {0.01, 0.04, 0.03}, 0.05);",
                "PermutationResult perm = PermutationTest.of(9999, 42).test(new long[][] {{30, 70}, {45, 55}},",
                "        CountStatistic.rateDifference(new int[] {0}, new int[] {0, 1}));",
                "MinimumDetectableDifference mdd = TwoProportionPower.minimumDetectableDifference(0.3, 500, 500, 0.05, 0.8);",
                "MetricValue psi = DistributionDrift.populationStabilityIndex(new long[] {50, 30, 15, 4, 1},",
                "        new long[] {40, 35, 20, 5, 0}, PsiSmoothing.EPSILON_1E_4);")) {
            assertThat(readme).as("README snippet line").contains(line);
        }
        for (String value : printed) {
            assertThat(readme).as("README states the printed value").contains(value);
        }
    }
}
