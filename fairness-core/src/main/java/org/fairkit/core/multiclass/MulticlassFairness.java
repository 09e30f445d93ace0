package org.fairkit.core.multiclass;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.fairkit.core.EvaluationSpec;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.metrics.ZeroDivision;

/**
 * The front door of group fairness for multiclass classifiers, by one-vs-rest reduction: each class becomes a
 * binary problem ({@link MulticlassData#oneVsRest(String)}) evaluated by {@link Fairness}, and the per-group
 * macro average of any confusion metric is taken across classes.
 *
 * <pre>{@code
 * MulticlassReport report = MulticlassFairness.of(data)
 *     .groupBy("sex")
 *     .metrics(Metrics.TRUE_POSITIVE_RATE, Metrics.POSITIVE_PREDICTIVE_VALUE, Metrics.F1_SCORE)
 *     .evaluate();
 * report.forClass("dog");                           // the full binary report of one class
 * report.macro(Metrics.TRUE_POSITIVE_RATE);         // macro recall per group, with its disparities
 * }</pre>
 *
 * <p>The settings form one {@link EvaluationSpec} ({@link #spec()}), with its rules, and mean what they mean in
 * {@link Fairness}.
 */
public final class MulticlassFairness {
    private final MulticlassData data;
    private final EvaluationSpec.Builder settings = EvaluationSpec.builder();
    private Clock clock;

    private MulticlassFairness(MulticlassData data) {
        this.data = Objects.requireNonNull(data, "data");
    }

    /** Starts an evaluation of {@code data}. */
    public static MulticlassFairness of(MulticlassData data) {
        return new MulticlassFairness(data);
    }

    /** Groups by one sensitive feature or the intersection of several; optional with a single feature. */
    public MulticlassFairness groupBy(String... features) {
        settings.groupBy(features);
        return this;
    }

    /** The confusion metrics to report per class and macro-averaged (default {@link Metrics#defaults()}). */
    public MulticlassFairness metrics(GroupMetric... chosen) {
        settings.metrics(chosen);
        return this;
    }

    /** The named fairness metrics of each class's report (default as in {@link Fairness}). */
    public MulticlassFairness fairnessMetrics(FairnessMetric... chosen) {
        settings.fairnessMetrics(chosen);
        return this;
    }

    /** The reference group: one level per grouping feature. */
    public MulticlassFairness reference(String... levels) {
        settings.reference(levels);
        return this;
    }

    /** Groups with fewer rows are flagged and left out of disparities (default 0). */
    public MulticlassFairness minGroupSize(int n) {
        settings.minGroupSize(n);
        return this;
    }

    /** What a zero denominator gives in every class (default {@link ZeroDivision#UNDEFINED}). */
    public MulticlassFairness zeroDivision(ZeroDivision policy) {
        settings.zeroDivision(policy);
        return this;
    }

    /** The clock stamped into each class's provenance. */
    public MulticlassFairness clock(Clock c) {
        InputErrors.requireUnset(clock, "clock");
        clock = Objects.requireNonNull(c, "clock");
        return this;
    }

    /**
     * @return the settings every class's binary evaluation uses, with the defaults applied
     * @throws IllegalStateException if {@code groupBy} is needed (several sensitive features) and missing
     */
    public EvaluationSpec spec() {
        return settings.buildFor(data.sensitiveNames());
    }

    /** Evaluates every class one-vs-rest and derives the macro averages. */
    public MulticlassReport evaluate() {
        EvaluationSpec spec = spec();
        Map<String, FairnessReport> byClass = new LinkedHashMap<>();
        for (String cls : data.classes()) {
            Fairness f = Fairness.of(data.oneVsRest(cls), spec);
            if (clock != null) {
                f.clock(clock);
            }
            byClass.put(cls, f.evaluate());
        }
        return new MulticlassReport(List.copyOf(data.classes()), byClass);
    }
}
