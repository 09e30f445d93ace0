package org.fairkit.core;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.fairkit.core.errors.InputErrors;
import org.fairkit.core.group.Grouping;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.metrics.ZeroDivision;
import org.fairkit.core.scores.ScoreMetric;
import org.fairkit.core.scores.ThresholdSweep;
import org.fairkit.core.tally.GroupConfusion;
import org.fairkit.core.tally.TallyKernel;

/**
 * The front door of FairKit: configure an evaluation fluently and {@link #evaluate()} it.
 *
 * <pre>{@code
 * FairnessReport report = Fairness.of(data)
 *     .groupBy("race")                  // or groupBy("race", "sex") for intersections
 *     .metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE, Metrics.FALSE_POSITIVE_RATE)
 *     .reference("Caucasian")           // optional: comparisons against a reference group
 *     .minGroupSize(30)                 // smaller groups are flagged and left out of disparities
 *     .evaluate();
 * }</pre>
 *
 * <p>Every setting can be set once; a second call fails. {@code evaluate()} makes one pass over the rows (the
 * tally) and derives everything else from the per-group counts. A configured builder can be evaluated again.
 *
 * <p>With scores in the data, {@link #scoreMetrics} adds score metrics (ROC AUC, Brier score, ...) to the report,
 * computed from the rows sorted once per grouping, and {@link #sweepThresholds} / {@link #sweepEveryScore} give
 * every confusion metric as a function of the decision threshold.
 */
public final class Fairness {
    private final FairnessData data;
    private List<String> groupBy;
    private List<GroupMetric> metrics;
    private List<FairnessMetric> fairnessMetrics;
    private List<ScoreMetric> scoreMetrics;
    private List<String> reference;
    private Integer minGroupSize;
    private ZeroDivision zeroDivision;
    private IntervalEstimator intervals;
    private Integer threads;
    private Clock clock;

    private Fairness(FairnessData data) {
        this.data = Objects.requireNonNull(data, "data");
    }

    /** Starts an evaluation of {@code data}. */
    public static Fairness of(FairnessData data) {
        return new Fairness(data);
    }

    /**
     * Groups by one sensitive feature, or by the intersection of several.
     * Optional when the data has exactly one sensitive feature.
     */
    public Fairness groupBy(String... features) {
        requireUnset(groupBy, "groupBy");
        if (features.length == 0) {
            throw InputErrors.badSetting("groupBy", "nothing", "at least one sensitive feature of " + data.sensitiveNames());
        }
        for (String f : features) {
            data.sensitive(f);
        }
        groupBy = List.of(features);
        return this;
    }

    /** The group metrics to report (default {@link Metrics#defaults()}). */
    public Fairness metrics(GroupMetric... chosen) {
        requireUnset(metrics, "metrics");
        if (chosen.length == 0) {
            throw InputErrors.badSetting("metrics", "nothing", "at least one metric");
        }
        metrics = List.of(chosen);
        return this;
    }

    /**
     * The named fairness metrics to report (default: all; those needing a reference group only when one is
     * set).
     */
    public Fairness fairnessMetrics(FairnessMetric... chosen) {
        requireUnset(fairnessMetrics, "fairnessMetrics");
        fairnessMetrics = List.of(chosen);
        return this;
    }

    /**
     * Score metrics to report beside the confusion metrics (default none), e.g.
     * {@code ScoreMetrics.ROC_AUC, ScoreMetrics.BRIER_SCORE}. They are reported per group with the same
     * disparities, but without intervals.
     *
     * @throws IllegalArgumentException if the data has no scores or nothing is chosen
     */
    public Fairness scoreMetrics(ScoreMetric... chosen) {
        requireUnset(scoreMetrics, "scoreMetrics");
        if (!data.hasScores()) {
            throw InputErrors.needsColumn("scoreMetrics", "scores", "FairnessData.builder().scores(...)");
        }
        if (chosen.length == 0) {
            throw InputErrors.badSetting("scoreMetrics", "nothing", "at least one score metric");
        }
        scoreMetrics = List.of(chosen);
        return this;
    }

    /** The reference (privileged) group: one level per grouping feature, in grouping order. */
    public Fairness reference(String... levels) {
        requireUnset(reference, "reference");
        if (levels.length == 0) {
            throw InputErrors.badSetting("reference", "nothing", "one level per grouping feature");
        }
        reference = List.of(levels);
        return this;
    }

    /** Groups with fewer rows are flagged in warnings and left out of disparities (default 0: none). */
    public Fairness minGroupSize(int n) {
        requireUnset(minGroupSize, "minGroupSize");
        if (n < 0) {
            throw InputErrors.badSetting("minGroupSize", n, ">= 0");
        }
        minGroupSize = n;
        return this;
    }

    /** What a zero denominator gives (default {@link ZeroDivision#UNDEFINED}). */
    public Fairness zeroDivision(ZeroDivision policy) {
        requireUnset(zeroDivision, "zeroDivision");
        zeroDivision = Objects.requireNonNull(policy, "zeroDivision");
        return this;
    }

    /** Attaches intervals from an estimator (for example {@code Bootstrap.bca(2000).seed(42)} in fairness-stats). */
    public Fairness intervals(IntervalEstimator estimator) {
        requireUnset(intervals, "intervals");
        intervals = Objects.requireNonNull(estimator, "intervals");
        return this;
    }

    /**
     * Threads for the tally (default: all processors from 2<sup>20</sup> rows, else 1). Results do not depend
     * on it.
     */
    public Fairness threads(int n) {
        requireUnset(threads, "threads");
        if (n < 1) {
            throw InputErrors.badSetting("threads", n, ">= 1");
        }
        threads = n;
        return this;
    }

    /** The clock stamped into the provenance (default the system UTC clock). */
    public Fairness clock(Clock c) {
        requireUnset(clock, "clock");
        clock = Objects.requireNonNull(c, "clock");
        return this;
    }

    private static void requireUnset(Object setting, String name) {
        if (setting != null) {
            throw InputErrors.settingTwice(name);
        }
    }

    /** @return the specification this configuration evaluates */
    public EvaluationSpec spec() {
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
        List<FairnessMetric> named = fairnessMetrics;
        if (named == null) {
            named = Arrays.stream(FairnessMetric.values()).filter(f -> reference != null || !f.needsReference())
                    .collect(Collectors.toList());
        }
        return new EvaluationSpec(by, metrics == null ? Metrics.defaults() : metrics, named,
                Optional.ofNullable(reference), minGroupSize == null ? 0 : minGroupSize,
                zeroDivision == null ? ZeroDivision.UNDEFINED : zeroDivision);
    }

    /**
     * Tallies the rows and derives the report.
     *
     * @throws IllegalArgumentException if the reference group has no rows
     * @throws org.fairkit.core.metrics.UndefinedMetricException under {@link ZeroDivision#ERROR}
     */
    public FairnessReport evaluate() {
        EvaluationSpec spec = spec();
        int t = threads != null ? threads
                : data.rows() >= (1 << 20) ? Runtime.getRuntime().availableProcessors() : 1;
        Grouping grouping = data.grouping(spec.groupBy());
        GroupConfusion tally = TallyKernel.tally(data.tallyInput(spec.groupBy()), t);
        GroupResults results = GroupResults.derive(spec, grouping, tally);
        ScoreResults scores = scoreMetrics == null ? ScoreResults.none()
                : ScoreResults.derive(data.sortedScores(spec.groupBy()), grouping.groups(), scoreMetrics,
                        spec.minGroupSize(), spec.zeroDivision());
        Map<Estimand, Interval> cis = intervals == null ? Map.of()
                : intervals.estimate(new IntervalRequest(data, spec, grouping, tally, results, t));
        Clock c = clock != null ? clock : Clock.systemUTC();
        Provenance provenance = new Provenance(Provenance.currentLibraryVersion(), configuration(spec, t), data.rows(),
                data.fingerprint(), c.instant());
        return new FairnessReport(results, scores, cis, provenance);
    }

    /**
     * Every confusion metric of every group at the given decision thresholds ("positive when score &gt;= t"),
     * from one walk down each group's rows sorted by score. Uses {@code groupBy}, {@code minGroupSize} and
     * {@code zeroDivision}; the metric settings do not apply.
     *
     * @param thresholds any non-NaN values; kept sorted and without duplicates
     * @throws IllegalArgumentException if the data has no scores, or a threshold is NaN
     */
    public ThresholdSweep sweepThresholds(double... thresholds) {
        if (!data.hasScores()) {
            throw InputErrors.needsColumn("sweepThresholds", "scores", "FairnessData.builder().scores(...)");
        }
        EvaluationSpec spec = spec();
        return ThresholdSweep.at(data.sortedScores(spec.groupBy()), data.grouping(spec.groupBy()).groups(),
                thresholds, spec.minGroupSize(), spec.zeroDivision());
    }

    /**
     * As {@link #sweepThresholds}, at every distinct score of the data.
     *
     * @throws IllegalArgumentException if the data has no scores, or holds more distinct scores × groups than
     *     {@link ThresholdSweep#MAX_CELLS}
     */
    public ThresholdSweep sweepEveryScore() {
        if (!data.hasScores()) {
            throw InputErrors.needsColumn("sweepEveryScore", "scores", "FairnessData.builder().scores(...)");
        }
        EvaluationSpec spec = spec();
        return ThresholdSweep.atEveryScore(data.sortedScores(spec.groupBy()), data.grouping(spec.groupBy()).groups(),
                spec.minGroupSize(), spec.zeroDivision());
    }

    private Map<String, String> configuration(EvaluationSpec spec, int t) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("groupBy", String.join(",", spec.groupBy()));
        List<String> ids = new ArrayList<>();
        spec.metrics().forEach(x -> ids.add(x.id()));
        m.put("metrics", String.join(",", ids));
        m.put("fairnessMetrics", spec.fairnessMetrics().stream().map(FairnessMetric::id)
                .collect(Collectors.joining(",")));
        if (scoreMetrics != null) {
            m.put("scoreMetrics", scoreMetrics.stream().map(ScoreMetric::id).collect(Collectors.joining(",")));
        }
        m.put("reference", spec.reference().map(r -> String.join(",", r)).orElse("none"));
        m.put("minGroupSize", Integer.toString(spec.minGroupSize()));
        m.put("zeroDivision", spec.zeroDivision().name());
        m.put("weighted", Boolean.toString(data.hasWeights()));
        m.put("intervals", intervals == null ? "none" : intervals.description());
        m.put("threads", Integer.toString(t));
        return m;
    }
}
