package org.fairkit.mitigation.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.fairkit.core.FairnessData;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.testkit.Markdown;
import org.fairkit.testkit.TestSource;
import org.junit.jupiter.api.Test;

/** Docs are tests: every code line of the README's "Calibration" section is here, compiled and run. */
class CalibrationReadmeTest {

    @Test
    void calibrationSnippetRunsAndShrinksTheCalibrationGap() {
        FairnessData train = SyntheticLending.generate(20_000, 1);
        FairnessData test = SyntheticLending.generate(20_000, 2);
        CalibrationMetrics metrics = CalibrationMetrics.bins(10, Binning.EQUAL_WIDTH);
        CalibrationReport before = metrics.evaluate(test, "ethnicity");
        System.out.println(before);

        Calibration.Fitted cal = Calibration.isotonic().groupBy("ethnicity").minGroupSize(100).fit(train);
        System.out.println(cal);
        double[] calibrated = cal.apply(test);
        double p = cal.apply(0.62, "Group B");

        int[] labels = new int[test.rows()];
        String[] groups = new String[test.rows()];
        for (int i = 0; i < test.rows(); i++) {
            labels[i] = test.label(i);
            groups[i] = test.sensitive("ethnicity").level(i);
        }
        CalibrationReport after = metrics.evaluate(calibrated, labels, groups);
        Disparity gap = after.eceDifference();

        assertThat(before.eceDifference().asDouble()).isGreaterThan(0.05);
        assertThat(gap.asDouble()).isLessThan(before.eceDifference().asDouble() / 3);
        assertThat(p).isBetween(0.0, 1.0);
        assertThat(cal.group("Group B").usesGlobal()).isFalse();
        assertThat(before.eceDifference()).hasToString(
                "expected_calibration_error.difference = 0.1247 (Group B vs Group A)");
        assertThat(gap).hasToString("expected_calibration_error.difference = 0.0139 (Group B vs Group A)");
    }

    @Test
    void everyReadmeCalibrationLineIsInThisTest() {
        Markdown section = Markdown.read(Path.of("README.md")).section("## Calibration");
        String self = TestSource.of(CalibrationReadmeTest.class).text();
        List<String> lines = section.codeLines("java");
        assertThat(lines).hasSizeGreaterThan(6);
        assertThat(section.text()).as("README states the measured gaps").contains("0.1247 before and 0.0139 after");
        for (String code : lines) {
            assertThat(self).as("README line %s", code).contains(code);
        }
    }
}
