package org.fairkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.metrics.ZeroDivision;
import org.fairkit.core.scores.ScoreMetrics;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The one settings value: defaults, the set-once and validation rules with their wording, and its copies. */
class EvaluationSpecTest {

    static Stream<Arguments> settings() {
        return Stream.of(
                setting("groupBy", b -> b.groupBy("race")),
                setting("metrics", b -> b.metrics(Metrics.SELECTION_RATE)),
                setting("fairnessMetrics", b -> b.fairnessMetrics(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO)),
                setting("scoreMetrics", b -> b.scoreMetrics(ScoreMetrics.ROC_AUC)),
                setting("reference", b -> b.reference("a")),
                setting("minGroupSize", b -> b.minGroupSize(3)),
                setting("zeroDivision", b -> b.zeroDivision(ZeroDivision.ZERO)),
                setting("threads", b -> b.threads(2)));
    }

    private static Arguments setting(String name, Consumer<EvaluationSpec.Builder> set) {
        return Arguments.of(name, Named.of("set " + name, set));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void aSettingGivenTwiceFailsAtTheSecondCallWithTheOneWording(String name, Consumer<EvaluationSpec.Builder> set) {
        EvaluationSpec.Builder b = EvaluationSpec.builder();
        set.accept(b);
        assertThatThrownBy(() -> set.accept(b)).isInstanceOf(IllegalStateException.class)
                .hasMessage(name + " is already set; each setting is set once");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void aSpecTurnedBackIntoABuilderHasEverySettingSet(String name, Consumer<EvaluationSpec.Builder> set) {
        EvaluationSpec.Builder b = EvaluationSpec.builder().groupBy("race").reference("a").threads(1)
                .scoreMetrics(ScoreMetrics.ROC_AUC).build().toBuilder();
        assertThatThrownBy(() -> set.accept(b)).isInstanceOf(IllegalStateException.class)
                .hasMessage(name + " is already set; each setting is set once");
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        EvaluationSpec s = EvaluationSpec.builder().groupBy("race").build();
        assertThat(s.groupBy()).containsExactly("race");
        assertThat(s.metrics()).isEqualTo(Metrics.defaults());
        assertThat(s.fairnessMetrics()).isEqualTo(EvaluationSpec.defaultFairnessMetrics(false));
        assertThat(s.scoreMetrics()).isEmpty();
        assertThat(s.reference()).isEmpty();
        assertThat(s.minGroupSize()).isZero();
        assertThat(s.zeroDivision()).isEqualTo(ZeroDivision.UNDEFINED);
        assertThat(s.intervals()).isEmpty();
        assertThat(s.threads()).isEqualTo(OptionalInt.empty());
        assertThat(s.threadsFor(EvaluationSpec.PARALLEL_ROWS - 1)).isEqualTo(1);
        assertThat(s.threadsFor(EvaluationSpec.PARALLEL_ROWS))
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(EvaluationSpec.builder().groupBy("race").threads(3).build().threadsFor(1L << 30)).isEqualTo(3);
    }

    @Test
    void theDefaultFairnessMetricsNeedingAReferenceComeOnlyWithOne() {
        List<FairnessMetric> without = EvaluationSpec.defaultFairnessMetrics(false);
        List<FairnessMetric> with = EvaluationSpec.defaultFairnessMetrics(true);
        assertThat(with).containsExactly(FairnessMetric.values());
        assertThat(without).isNotEmpty().noneMatch(FairnessMetric::needsReference);
        assertThat(with).filteredOn(f -> !f.needsReference()).isEqualTo(without);
        assertThat(EvaluationSpec.builder().groupBy("race").reference("a").build().fairnessMetrics())
                .isEqualTo(with);
    }

    @Test
    void groupByIsRequired() {
        assertThatThrownBy(() -> EvaluationSpec.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("groupBy(...) is required: an evaluation groups by at least one sensitive feature");
        assertThatThrownBy(() -> EvaluationSpec.builder().buildFor(List.of("race", "sex")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("groupBy(...) is required: the data has sensitive features [race, sex]");
        assertThat(EvaluationSpec.builder().buildFor(List.of("race")).groupBy()).containsExactly("race");
        assertThat(EvaluationSpec.builder().groupBy("sex").buildFor(List.of("race", "sex")).groupBy())
                .containsExactly("sex");
    }

    @Test
    void badValuesAreRejectedNamingTheSettingAndTheValue() {
        assertThatThrownBy(() -> EvaluationSpec.builder().groupBy()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("groupBy must be at least one sensitive feature, got nothing");
        assertThatThrownBy(() -> EvaluationSpec.builder().metrics()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("metrics must be at least one metric, got nothing");
        assertThatThrownBy(() -> EvaluationSpec.builder().scoreMetrics())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("scoreMetrics must be at least one score metric, got nothing");
        assertThatThrownBy(() -> EvaluationSpec.builder().reference()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reference must be one level per grouping feature, got nothing");
        assertThatThrownBy(() -> EvaluationSpec.builder().minGroupSize(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("minGroupSize must be >= 0, got -1");
        assertThatThrownBy(() -> EvaluationSpec.builder().threads(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threads must be >= 1, got 0");
        assertThatThrownBy(() -> EvaluationSpec.builder().groupBy("race").reference("a", "F").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reference needs one level per grouping feature [race], got [a, F]");
    }

    @Test
    void aCopiedBuilderIsIndependent() {
        EvaluationSpec.Builder template = EvaluationSpec.builder().metrics(Metrics.SELECTION_RATE).minGroupSize(5);
        EvaluationSpec a = template.copy().groupBy("race").reference("a").build();
        EvaluationSpec b = template.copy().groupBy("sex").build();
        assertThat(a.reference()).contains(List.of("a"));
        assertThat(b.reference()).isEmpty();
        assertThat(List.of(a.minGroupSize(), b.minGroupSize())).containsExactly(5, 5);
        assertThatThrownBy(template::build).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withMethodsChangeOneSettingAndKeepTheOthers() {
        EvaluationSpec s = EvaluationSpec.builder().groupBy("race").reference("a").minGroupSize(2).threads(2)
                .zeroDivision(ZeroDivision.ERROR).build();
        EvaluationSpec noRef = s.withReference(Optional.empty());
        assertThat(noRef.reference()).isEmpty();
        assertThat(noRef.fairnessMetrics()).isEqualTo(s.fairnessMetrics());
        assertThat(noRef.withReference(s.reference())).isEqualTo(s).hasSameHashCodeAs(s);
        assertThat(s.withZeroDivision(ZeroDivision.UNDEFINED).zeroDivision()).isEqualTo(ZeroDivision.UNDEFINED);
        EvaluationSpec one = s.withMetrics(List.of(Metrics.SELECTION_RATE), List.of());
        assertThat(one.metrics()).containsExactly(Metrics.SELECTION_RATE);
        assertThat(one.fairnessMetrics()).isEmpty();
        assertThat(one.minGroupSize()).isEqualTo(2);
        assertThat(one.threads()).isEqualTo(OptionalInt.of(2));
        assertThatThrownBy(() -> EvaluationSpec.builder().groupBy("race").build()
                .withReference(Optional.of(List.of("a", "F")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reference needs one level per grouping feature [race], got [a, F]");
    }

    @Test
    void toStringListsTheSettings() {
        assertThat(EvaluationSpec.builder().groupBy("race", "sex").metrics(Metrics.COUNT, Metrics.SELECTION_RATE)
                .fairnessMetrics(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO).reference("a", "F").minGroupSize(30)
                .build()).hasToString("EvaluationSpec[groupBy=race,sex, metrics=count,selection_rate, "
                        + "fairnessMetrics=demographic_parity_ratio, reference=a,F, minGroupSize=30, "
                        + "zeroDivision=UNDEFINED, intervals=none]");
    }

    @Test
    void theFrontDoorEvaluatesAGivenSpecAsIfConfiguredByHand() {
        FairnessData data = org.fairkit.core.datasets.SyntheticLending.generate(2000, 7);
        EvaluationSpec spec = EvaluationSpec.builder().groupBy("ethnicity").reference("Group A")
                .metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE).minGroupSize(10).build();
        Fairness byHand = Fairness.of(data).groupBy("ethnicity").reference("Group A")
                .metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE).minGroupSize(10);
        assertThat(byHand.spec()).isEqualTo(spec);
        assertThat(Fairness.of(data, spec).spec()).isEqualTo(spec);
        assertThat(Fairness.of(data, spec).evaluate().results().values())
                .isEqualTo(byHand.evaluate().results().values());
        assertThatThrownBy(() -> Fairness.of(data, spec).minGroupSize(3)).isInstanceOf(IllegalStateException.class)
                .hasMessage("minGroupSize is already set; each setting is set once");
        assertThatThrownBy(() -> Fairness.of(data, EvaluationSpec.builder().groupBy("age").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no sensitive feature named 'age'");
    }
}
