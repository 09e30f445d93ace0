package org.fairkit.core.multiclass;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.errors.InputErrors;
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
 * <p>Every setting can be set once and means what it means in {@link Fairness}.
 */
public final class MulticlassFairness {
    private final MulticlassData data;
    private String[] groupBy;
    private GroupMetric[] metrics;
    private FairnessMetric[] fairnessMetrics;
    private String[] reference;
    private Integer minGroupSize;
    private ZeroDivision zeroDivision;
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
        requireUnset(groupBy, "groupBy");
        groupBy = features.clone();
        return this;
    }

    /** The confusion metrics to report per class and macro-averaged (default {@link Metrics#defaults()}). */
    public MulticlassFairness metrics(GroupMetric... chosen) {
        requireUnset(metrics, "metrics");
        if (chosen.length == 0) {
            throw InputErrors.badSetting("metrics", "nothing", "at least one metric");
        }
        metrics = chosen.clone();
        return this;
    }

    /** The named fairness metrics of each class's report (default as in {@link Fairness}). */
    public MulticlassFairness fairnessMetrics(FairnessMetric... chosen) {
        requireUnset(fairnessMetrics, "fairnessMetrics");
        fairnessMetrics = chosen.clone();
        return this;
    }

    /** The reference group: one level per grouping feature. */
    public MulticlassFairness reference(String... levels) {
        requireUnset(reference, "reference");
        reference = levels.clone();
        return this;
    }

    /** Groups with fewer rows are flagged and left out of disparities (default 0). */
    public MulticlassFairness minGroupSize(int n) {
        requireUnset(minGroupSize, "minGroupSize");
        if (n < 0) {
            throw InputErrors.badSetting("minGroupSize", n, ">= 0");
        }
        minGroupSize = n;
        return this;
    }

    /** What a zero denominator gives in every class (default {@link ZeroDivision#UNDEFINED}). */
    public MulticlassFairness zeroDivision(ZeroDivision policy) {
        requireUnset(zeroDivision, "zeroDivision");
        zeroDivision = Objects.requireNonNull(policy, "zeroDivision");
        return this;
    }

    /** The clock stamped into each class's provenance. */
    public MulticlassFairness clock(Clock c) {
        requireUnset(clock, "clock");
        clock = Objects.requireNonNull(c, "clock");
        return this;
    }

    private static void requireUnset(Object setting, String name) {
        if (setting != null) {
            throw InputErrors.settingTwice(name);
        }
    }

    /** Evaluates every class one-vs-rest and derives the macro averages. */
    public MulticlassReport evaluate() {
        Map<String, FairnessReport> byClass = new LinkedHashMap<>();
        for (String cls : data.classes()) {
            Fairness f = Fairness.of(data.oneVsRest(cls));
            if (groupBy != null) {
                f.groupBy(groupBy);
            }
            if (metrics != null) {
                f.metrics(metrics);
            }
            if (fairnessMetrics != null) {
                f.fairnessMetrics(fairnessMetrics);
            }
            if (reference != null) {
                f.reference(reference);
            }
            if (minGroupSize != null) {
                f.minGroupSize(minGroupSize);
            }
            if (zeroDivision != null) {
                f.zeroDivision(zeroDivision);
            }
            if (clock != null) {
                f.clock(clock);
            }
            byClass.put(cls, f.evaluate());
        }
        return new MulticlassReport(List.copyOf(data.classes()), byClass);
    }
}
