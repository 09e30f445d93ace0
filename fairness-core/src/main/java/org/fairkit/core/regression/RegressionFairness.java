package org.fairkit.core.regression;

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.fairkit.core.EvaluationSpec;
import org.fairkit.core.Provenance;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.core.metrics.ZeroDivision;

/**
 * The front door of group fairness for regression models: configure fluently and {@link #evaluate()}.
 *
 * <pre>{@code
 * RegressionReport report = RegressionFairness.of(data)
 *     .groupBy("sex")
 *     .metrics(RegressionMetrics.MEAN_ABSOLUTE_ERROR, RegressionMetrics.MEAN_ERROR, RegressionMetrics.R2_SCORE)
 *     .reference("Male")
 *     .minGroupSize(30)
 *     .evaluate();
 * }</pre>
 *
 * <p>The grouping, reference, minimum group size and zero division are held in an {@link EvaluationSpec} builder,
 * with its rules (each setting validated at once and set once); the regression metrics, of their own types, are
 * chosen beside it. {@code evaluate()} makes one pass over the rows into per-group {@link ErrorSums} and derives
 * everything from them. Intervals are not estimated for regression metrics.
 */
public final class RegressionFairness {
    private final RegressionData data;
    /** The settings shared with every front door (grouping, reference, minimum group size, zero division). */
    private final EvaluationSpec.Builder settings = EvaluationSpec.builder();
    private List<RegressionMetric> metrics;
    private List<RegressionFairnessMetric> fairnessMetrics;
    private Clock clock;

    private RegressionFairness(RegressionData data) {
        this.data = Objects.requireNonNull(data, "data");
    }

    /** Starts an evaluation of {@code data}. */
    public static RegressionFairness of(RegressionData data) {
        return new RegressionFairness(data);
    }

    /** Groups by one sensitive feature or the intersection of several; optional with a single feature. */
    public RegressionFairness groupBy(String... features) {
        if (features.length == 0) {
            throw InputErrors.badSetting("groupBy", "nothing", "at least one sensitive feature of "
                    + data.sensitiveNames());
        }
        for (String f : features) {
            data.sensitive(f);
        }
        settings.groupBy(features);
        return this;
    }

    /** The group metrics to report (default {@link RegressionMetrics#defaults()}). */
    public RegressionFairness metrics(RegressionMetric... chosen) {
        InputErrors.requireUnset(metrics, "metrics");
        if (chosen.length == 0) {
            throw InputErrors.badSetting("metrics", "nothing", "at least one metric");
        }
        metrics = List.of(chosen);
        return this;
    }

    /** The named fairness metrics to report (default: all). */
    public RegressionFairness fairnessMetrics(RegressionFairnessMetric... chosen) {
        InputErrors.requireUnset(fairnessMetrics, "fairnessMetrics");
        fairnessMetrics = List.of(chosen);
        return this;
    }

    /** The reference group: one level per grouping feature, for {@code toReference} comparisons. */
    public RegressionFairness reference(String... levels) {
        settings.reference(levels);
        return this;
    }

    /** Groups with fewer rows are flagged and left out of disparities (default 0). */
    public RegressionFairness minGroupSize(int n) {
        settings.minGroupSize(n);
        return this;
    }

    /** What an undefined value gives (default {@link ZeroDivision#UNDEFINED}). */
    public RegressionFairness zeroDivision(ZeroDivision policy) {
        settings.zeroDivision(policy);
        return this;
    }

    /** The clock stamped into the provenance (default the system UTC clock). */
    public RegressionFairness clock(Clock c) {
        InputErrors.requireUnset(clock, "clock");
        clock = Objects.requireNonNull(c, "clock");
        return this;
    }

    /**
     * Tallies the rows and derives the report.
     *
     * @throws IllegalStateException if {@code groupBy} is needed and missing
     * @throws IllegalArgumentException if the reference group has no rows
     */
    public RegressionReport evaluate() {
        EvaluationSpec spec = settings.buildFor(data.sensitiveNames());
        List<String> by = spec.groupBy();
        List<String> reference = spec.reference().orElse(null);
        List<RegressionMetric> ms = metrics == null ? RegressionMetrics.defaults() : metrics;
        List<RegressionFairnessMetric> fs = fairnessMetrics == null
                ? Arrays.asList(RegressionFairnessMetric.values()) : fairnessMetrics;
        int min = spec.minGroupSize();
        ZeroDivision zd = spec.zeroDivision();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("groupBy", String.join(",", by));
        config.put("metrics", ms.stream().map(RegressionMetric::id).collect(Collectors.joining(",")));
        config.put("fairnessMetrics", fs.stream().map(RegressionFairnessMetric::id).collect(Collectors.joining(",")));
        config.put("reference", reference == null ? "none" : String.join(",", reference));
        config.put("minGroupSize", Integer.toString(min));
        config.put("zeroDivision", zd.name());
        config.put("weighted", Boolean.toString(data.hasWeights()));
        Provenance provenance = new Provenance(Provenance.currentLibraryVersion(), config, data.rows(),
                data.fingerprint(), (clock != null ? clock : Clock.systemUTC()).instant());
        return RegressionReport.derive(data.grouping(by), data.tally(by), ms, fs, reference, min, zd, provenance);
    }
}
