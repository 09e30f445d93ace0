package org.fairkit.orchestration.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Refitting the two rates from measured runs, and the estimate error before and after. */
class RateFitTest {
    private static final LoadModel SPEC = LoadModel.defaults();

    /** Runs timed by a machine with the given rates, with multiplicative noise of the given relative size. */
    private static List<MeasuredRun> history(int runs, double inputRate, double outputRate, double noise,
            long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<MeasuredRun> out = new ArrayList<>();
        for (int k = 0; k < runs; k++) {
            double in = 100 + random.nextInt(2000);
            double o = 1 + random.nextInt(600) / 10.0;
            double truth = 2 * in / inputRate + o / outputRate;
            double measured = truth * (1 + noise * (2 * random.nextDouble() - 1));
            out.add(new MeasuredRun(in, o, SPEC.estimatedSeconds(in, o), measured));
        }
        return out;
    }

    @Test
    void exactTimesGiveBackTheMachinesRates() {
        RateFit c = SPEC.calibrate(history(20, 42.0, 3.0, 0, 1));
        assertThat(c.fit()).isEqualTo(RateFit.Fit.SEPARATE_RATES);
        assertThat(c.note()).isEmpty();
        assertThat(c.inputRate()).isCloseTo(42.0, within(1e-9));
        assertThat(c.outputRate()).isCloseTo(3.0, within(1e-9));
        assertThat(c.after().rmseSeconds()).isLessThan(1e-9);
        assertThat(c.before().rmseSeconds()).isGreaterThan(10);
        assertThat(c.calibrated().timeFormula()).isEqualTo(TimeFormula.SEPARATE_RATES);
        assertThat(c.calibrated().inputLoad(InputProfile.of(1, 1, 1))).isEqualTo(135.0);
    }

    @Test
    void noisyTimesGiveRatesNearTheTruthAndASmallerError() {
        RateFit c = SPEC.calibrate(history(200, 30.0, 5.0, 0.05, 2));
        assertThat(c.inputRate()).isCloseTo(30.0, within(0.6));
        assertThat(c.outputRate()).isCloseTo(5.0, within(0.5));
        assertThat(c.after().meanAbsoluteRelativeError()).isLessThan(0.03);
        assertThat(c.before().meanAbsoluteRelativeError()).isGreaterThan(0.4);
        assertThat(c.before().meanRelativeError()).as("the spec's rates overestimate on a faster machine")
                .isGreaterThan(0.4);
        assertThat(c.after().rmseSeconds()).isLessThan(c.before().rmseSeconds());
    }

    @Test
    void errorsAreTheDocumentedAverages() {
        List<MeasuredRun> h = List.of(new MeasuredRun(100, 2.5, 0, 10), new MeasuredRun(200, 0, 0, 40));
        // the spec estimates 202.5 / 11.5 and 400 / 11.5
        double e1 = 202.5 / 11.5 - 10;
        double e2 = 400 / 11.5 - 40;
        EstimateError before = SPEC.calibrate(h).before();
        assertThat(before.runs()).isEqualTo(2);
        assertThat(before.rmseSeconds()).isCloseTo(Math.sqrt((e1 * e1 + e2 * e2) / 2), within(1e-12));
        assertThat(before.meanAbsoluteRelativeError()).isCloseTo((Math.abs(e1) / 10 + Math.abs(e2) / 40) / 2,
                within(1e-12));
        assertThat(before.meanRelativeError()).isCloseTo((e1 / 10 + e2 / 40) / 2, within(1e-12));
    }

    @Test
    void oneRunOrOneOutputRatioFitsOneCommonRate() {
        RateFit one = SPEC.calibrate(List.of(new MeasuredRun(100, 2.5, 17.6, 20.25)));
        assertThat(one.fit()).isEqualTo(RateFit.Fit.COMMON_RATE);
        assertThat(one.note()).isEqualTo("one run cannot separate input from output time; one common rate was "
                + "fitted");
        assertThat(one.inputRate()).isCloseTo(10.0, within(1e-12));
        assertThat(one.outputRate()).isCloseTo(10.0, within(1e-12));
        assertThat(one.after().rmseSeconds()).isCloseTo(0.0, within(1e-12));

        RateFit proportional = SPEC.calibrate(List.of(new MeasuredRun(100, 10, 0, 21),
                new MeasuredRun(200, 20, 0, 44)));
        assertThat(proportional.fit()).isEqualTo(RateFit.Fit.COMMON_RATE);
        assertThat(proportional.note()).startsWith("every run has the same ratio of output to input load");
    }

    @Test
    void aNonPositiveFittedTimePerUnitFallsBackToOneCommonRate() {
        // more output took less time: the separate fit gives a negative output time per unit
        RateFit c = SPEC.calibrate(List.of(new MeasuredRun(100, 1, 0, 20), new MeasuredRun(100, 60, 0, 19),
                new MeasuredRun(300, 5, 0, 60)));
        assertThat(c.fit()).isEqualTo(RateFit.Fit.COMMON_RATE);
        assertThat(c.note()).startsWith("the separate fit gives a non-positive output time per unit (");
        assertThat(c.note()).endsWith("s), which no rate can have: the history does not show the output time apart "
                + "from noise; one common rate was fitted");
        assertThat(c.inputRate()).isEqualTo(c.outputRate());
    }

    @Test
    void calibrationNeverIncreasesTheRootMeanSquaredErrorOfTheSpecificationFormula() {
        qt().withFixedSeed(17).withExamples(300)
                .forAll(integers().between(1, 30), longs().all(), integers().between(0, 3))
                .checkAssert((runs, seed, shape) -> {
                    double[] rates = {15, 8, 40, 2, 3, 50, 11.5, 11.5};
                    List<MeasuredRun> h = history(runs, rates[2 * shape], rates[2 * shape + 1], 0.3, seed);
                    RateFit c = SPEC.calibrate(h);
                    assertThat(c.after().rmseSeconds()).as("%s", c)
                            .isLessThanOrEqualTo(c.before().rmseSeconds() * (1 + 1e-12) + 1e-12);
                    assertThat(c.inputRate()).isPositive();
                    assertThat(c.outputRate()).isPositive();
                });
    }

    @Test
    void aHistoryMustHoldRuns() {
        assertThatThrownBy(() -> SPEC.calibrate(List.of()))
                .hasMessage("history must hold at least one measured run, got none");
        assertThatThrownBy(() -> SPEC.calibrate(Arrays.asList(new MeasuredRun(1, 1, 1, 1), null)))
                .hasMessage("history[1] is null; expected a measured run");
        assertThatThrownBy(() -> new MeasuredRun(0, 0, 0, 1))
                .hasMessage("inputLoad + outputLoad must be > 0 (a run without load tells nothing), got 0.0");
    }

    @Test
    void aCalibrationPrintsTheRatesAndErrorsBeforeAndAfter() {
        RateFit c = SPEC.calibrate(history(20, 42.0, 3.0, 0, 1));
        assertThat(c.toString()).matches("(?s)Calibration on 20 runs \\(SEPARATE_RATES\\):\\R"
                + "  input rate 15\\.000 -> 42\\.000 units/s, output rate 8\\.000 -> 3\\.000 units/s\\R"
                + "  before \\(AVERAGE_RATE\\): RMSE [0-9.]+ s, mean \\|relative error\\| [0-9.]+%, bias [-+][0-9.]+%\\R"
                + "  after  \\(SEPARATE_RATES\\): RMSE 0\\.00 s, mean \\|relative error\\| 0\\.0%, bias [-+]0\\.0%");
    }
}
