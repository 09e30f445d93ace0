package org.fairkit.core.regression;

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.fairkit.core.Provenance;
import org.fairkit.core.errors.InputErrors;
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
 * <p>Every setting can be set once. {@code evaluate()} makes one pass over the rows into per-group
 * {@link ErrorSums} and derives everything from them. Intervals are not estimated for regression metrics.
 */
public final class RegressionFairness {
    private final RegressionData data;
    private List<String> groupBy;
    private List<RegressionMetric> metrics;
    private List<RegressionFairnessMetric> fairnessMetrics;
    private List<String> reference;
    private Integer minGroupSize;
    private ZeroDivision zeroDivision;
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
        requireUnset(groupBy, "groupBy");
        if (features.length == 0) {
            throw InputErrors.badSetting("groupBy", "nothing", "at least one sensitive feature of "
                    + data.sensitiveNames());
        }
        for (String f : features) {
            data.sensitive(f);
        }
        groupBy = List.of(features);
        return this;
    }

    /** The group metrics to report (default {@link RegressionMetrics#defaults()}). */
    public RegressionFairness metrics(RegressionMetric... chosen) {
        requireUnset(metrics, "metrics");
        if (chosen.length == 0) {
            throw InputErrors.badSetting("metrics", "nothing", "at least one metric");
        }
        metrics = List.of(chosen);
        return this;
    }

    /** The named fairness metrics to report (default: all). */
    public RegressionFairness fairnessMetrics(RegressionFairnessMetric... chosen) {
        requireUnset(fairnessMetrics, "fairnessMetrics");
        fairnessMetrics = List.of(chosen);
        return this;
    }

    /** The reference group: one level per grouping feature, for {@code toReference} comparisons. */
    public RegressionFairness reference(String... levels) {
        requireUnset(reference, "reference");
        if (levels.length == 0) {
            throw InputErrors.badSetting("reference", "nothing", "one level per grouping feature");
        }
        reference = List.of(levels);
        return this;
    }

    /** Groups with fewer rows are flagged and left out of disparities (default 0). */
    public RegressionFairness minGroupSize(int n) {
        requireUnset(minGroupSize, "minGroupSize");
        if (n < 0) {
            throw InputErrors.badSetting("minGroupSize", n, ">= 0");
        }
        minGroupSize = n;
        return this;
    }

    /** What an undefined value gives (default {@link ZeroDivision#UNDEFINED}). */
    public RegressionFairness zeroDivision(ZeroDivision policy) {
        requireUnset(zeroDivision, "zeroDivision");
        zeroDivision = Objects.requireNonNull(policy, "zeroDivision");
        return this;
    }

    /** The clock stamped into the provenance (default the system UTC clock). */
    public RegressionFairness clock(Clock c) {
        requireUnset(clock, "clock");
        clock = Objects.requireNonNull(c, "clock");
        return this;
    }

    private static void requireUnset(Object setting, String name) {
        if (setting != null) {
            throw InputErrors.settingTwice(name);
        }
    }

    /**
     * Tallies the rows and derives the report.
     *
     * @throws IllegalStateException if {@code groupBy} is needed and missing
     * @throws IllegalArgumentException if the reference group has no rows
     */
    public RegressionReport evaluate() {
        List<String> by = groupBy;
        if (by == null) {
            if (data.sensitiveNames().size() != 1) {
                throw new IllegalStateException("groupBy(...) is required: the data has sensitive features "
                        + data.sensitiveNames());
            }
            by = data.sensitiveNames();
        }
        if (reference != null && reference.size() != by.size()) {
            throw InputErrors.referenceLevels(by, reference);
        }
        List<RegressionMetric> ms = metrics == null ? RegressionMetrics.defaults() : metrics;
        List<RegressionFairnessMetric> fs = fairnessMetrics == null
                ? Arrays.asList(RegressionFairnessMetric.values()) : fairnessMetrics;
        int min = minGroupSize == null ? 0 : minGroupSize;
        ZeroDivision zd = zeroDivision == null ? ZeroDivision.UNDEFINED : zeroDivision;
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
