package org.fairkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.metrics.ZeroDivision;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad settings of the {@link Fairness} builder fail at once, with messages asserted word for word. */
class FairnessSettingsTest {
    private static final FairnessData DATA = FairnessData.builder()
            .labels(new int[] {0, 1, 1, 0, 1, 0})
            .predictions(new int[] {0, 1, 0, 1, 1, 0})
            .sensitive("race", new String[] {"a", "b", "a", "b", "a", "b"})
            .sensitive("sex", new String[] {"F", "F", "M", "M", "F", "M"})
            .build();

    private static final IntervalEstimator NO_INTERVALS = new IntervalEstimator() {
        @Override
        public String description() {
            return "none";
        }

        @Override
        public Map<Estimand, org.fairkit.core.metrics.Interval> estimate(IntervalRequest request) {
            return Map.of();
        }
    };

    static Stream<Arguments> settings() {
        return Stream.of(
                setting("groupBy", f -> f.groupBy("race")),
                setting("metrics", f -> f.metrics(Metrics.SELECTION_RATE)),
                setting("fairnessMetrics", f -> f.fairnessMetrics(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO)),
                setting("reference", f -> f.reference("a")),
                setting("minGroupSize", f -> f.minGroupSize(3)),
                setting("zeroDivision", f -> f.zeroDivision(ZeroDivision.ZERO)),
                setting("intervals", f -> f.intervals(NO_INTERVALS)),
                setting("threads", f -> f.threads(2)),
                setting("clock", f -> f.clock(Clock.systemUTC())));
    }

    private static Arguments setting(String name, Consumer<Fairness> set) {
        return Arguments.of(name, Named.of("set " + name, set));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void aSettingGivenTwiceFailsAtTheSecondCall(String name, Consumer<Fairness> set) {
        Fairness f = Fairness.of(DATA);
        set.accept(f);
        assertThatThrownBy(() -> set.accept(f)).isInstanceOf(IllegalStateException.class)
                .hasMessage(name + " is already set; each setting is set once");
    }

    @Test
    void groupByAnUnknownFeatureListsTheKnownOnes() {
        assertThatThrownBy(() -> Fairness.of(DATA).groupBy("age")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no sensitive feature named 'age'; the data has [race, sex]");
    }

    @Test
    void groupByAnIntersectionWithAnUnknownFeatureListsTheKnownOnes() {
        assertThatThrownBy(() -> Fairness.of(DATA).groupBy("race", "Sex"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no sensitive feature named 'Sex'; the data has [race, sex]");
    }

    @Test
    void groupByNothingIsRejected() {
        assertThatThrownBy(() -> Fairness.of(DATA).groupBy()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("groupBy must be at least one sensitive feature of [race, sex], got nothing");
    }

    @Test
    void groupByIsRequiredWhenTheDataHasSeveralSensitiveFeatures() {
        assertThatThrownBy(() -> Fairness.of(DATA).evaluate()).isInstanceOf(IllegalStateException.class)
                .hasMessage("groupBy(...) is required: the data has sensitive features [race, sex]");
    }

    @Test
    void aReferenceGroupWithoutRowsIsRejectedListingTheGroups() {
        assertThatThrownBy(() -> Fairness.of(DATA).groupBy("race").reference("c").evaluate())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reference group [c] has no rows; the groups of [race] are [a, b]");
    }

    @Test
    void aReferenceGroupOfAnEmptyIntersectionCellIsRejected() {
        FairnessData d = FairnessData.builder().labels(new int[] {0, 1, 1}).predictions(new int[] {0, 1, 0})
                .sensitive("race", new String[] {"a", "b", "b"}).sensitive("sex", new String[] {"F", "M", "F"})
                .build();
        assertThatThrownBy(() -> Fairness.of(d).groupBy("race", "sex").reference("a", "M").evaluate())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reference group [a, M] has no rows; the groups of [race, sex] are [a & F, b & F, b & M]");
    }

    @Test
    void aReferenceWithAnotherNumberOfLevelsThanGroupingFeaturesIsRejected() {
        assertThatThrownBy(() -> Fairness.of(DATA).groupBy("race").reference("a", "F").evaluate())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reference needs one level per grouping feature [race], got [a, F]");
    }

    @Test
    void aReferenceOfNoLevelIsRejected() {
        assertThatThrownBy(() -> Fairness.of(DATA).reference()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reference must be one level per grouping feature, got nothing");
    }

    @Test
    void aNegativeMinGroupSizeIsRejected() {
        assertThatThrownBy(() -> Fairness.of(DATA).minGroupSize(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("minGroupSize must be >= 0, got -1");
    }

    @Test
    void fewerThanOneThreadIsRejected() {
        assertThatThrownBy(() -> Fairness.of(DATA).threads(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threads must be >= 1, got 0");
    }

    @Test
    void noMetricIsRejected() {
        assertThatThrownBy(() -> Fairness.of(DATA).metrics()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("metrics must be at least one metric, got nothing");
    }

    @Test
    void aRejectedSettingCanBeGivenAgainCorrectly() {
        Fairness f = Fairness.of(DATA);
        assertThatThrownBy(() -> f.minGroupSize(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.groupBy("age")).isInstanceOf(IllegalArgumentException.class);
        assertThat(f.minGroupSize(2).groupBy("sex").spec().minGroupSize()).isEqualTo(2);
    }
}
