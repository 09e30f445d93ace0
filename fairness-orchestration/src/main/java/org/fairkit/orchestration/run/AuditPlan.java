package org.fairkit.orchestration.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fairkit.core.EvaluationSpec;
import org.fairkit.core.IntervalEstimator;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.metrics.ZeroDivision;
import org.fairkit.core.scores.ScoreMetric;

/**
 * What an audit run does: the data source, the groupings, the metrics and intervals, the outputs to produce (by
 * output id, see {@link StandardOutputs}), and the timeline it must fit in. Immutable; built with
 * {@link #builder(String)}.
 *
 * <pre>{@code
 * AuditPlan plan = AuditPlan.builder("credit-q2")
 *     .source(AuditSource.csv(Path.of("predictions.csv"), columns))
 *     .groupings(AuditGrouping.of("race").reference("Caucasian"), AuditGrouping.of("race", "sex"))
 *     .metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE, Metrics.FALSE_POSITIVE_RATE)
 *     .intervals(Bootstrap.bca(2000).seed(42))
 *     .outputs(StandardOutputs.METRICS_EXPORT, StandardOutputs.DETAILED_REPORT, StandardOutputs.FLAGGED_CASES)
 *     .timeline(Duration.ofMinutes(30))
 *     .build();
 * }</pre>
 *
 * @param id the plan's identifier (letters, digits, {@code . _ -}), used in run records and file names
 * @param source where the rows come from
 * @param groupings the groupings to evaluate, each giving one report
 * @param metrics the group metrics
 * @param scoreMetrics the score metrics (ROC AUC, Brier score, ...), empty for none; they need the rows' scores, so
 *     a streamed source cannot have them
 * @param fairnessMetrics the named fairness metrics, or empty for core's default (all; those needing a reference
 *     group only for groupings that have one)
 * @param minGroupSize groups with fewer rows are flagged and left out of disparities
 * @param intervals the interval estimator, if any
 * @param outputs the output ids to produce, in order
 * @param timeline the time the run is allowed, if any (compared with the estimate and the measured duration)
 */
public record AuditPlan(String id, AuditSource source, List<AuditGrouping> groupings, List<GroupMetric> metrics,
        List<ScoreMetric> scoreMetrics, Optional<List<FairnessMetric>> fairnessMetrics, int minGroupSize, Optional<IntervalEstimator> intervals,
        List<String> outputs, Optional<Duration> timeline) {

    /** Validates and copies. */
    public AuditPlan {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("plan id must be letters, digits, '.', '_' or '-' (starting with a "
                    + "letter or digit), got '" + id + "'");
        }
        Objects.requireNonNull(source, "source");
        groupings = List.copyOf(groupings);
        metrics = List.copyOf(metrics);
        scoreMetrics = List.copyOf(scoreMetrics);
        fairnessMetrics = fairnessMetrics.map(List::copyOf);
        Objects.requireNonNull(intervals, "intervals");
        outputs = List.copyOf(outputs);
        Objects.requireNonNull(timeline, "timeline");
        if (groupings.isEmpty()) {
            throw new IllegalArgumentException("a plan needs at least one grouping; set groupings(...)");
        }
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("a plan needs at least one metric");
        }
        if (minGroupSize < 0) {
            throw new IllegalArgumentException("minGroupSize must be >= 0, got " + minGroupSize);
        }
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("a plan needs at least one output; set outputs(...)");
        }
        if (new LinkedHashSet<>(outputs).size() != outputs.size()) {
            throw new IllegalArgumentException("outputs must be distinct, got " + outputs);
        }
        if (timeline.isPresent() && (timeline.get().isNegative() || timeline.get().isZero())) {
            throw new IllegalArgumentException("timeline must be positive, got " + timeline.get());
        }
        if (intervals.isPresent() && source instanceof AuditSource.Csv && ((AuditSource.Csv) source).streamed()) {
            throw new IllegalArgumentException("intervals need the rows, but the source is a streamed CSV; use "
                    + "AuditSource.csv(...) to load it, or drop intervals(...)");
        }
        if (!scoreMetrics.isEmpty() && source instanceof AuditSource.Csv && ((AuditSource.Csv) source).streamed()) {
            throw new IllegalArgumentException("score metrics need the rows' scores, but the source is a streamed CSV; "
                    + "use AuditSource.csv(...) to load it, or drop scoreMetrics(...)");
        }
    }

    /** @return a builder for a plan with this id */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /**
     * The evaluation spec of one of the plan's groupings, with the same defaults as {@code Fairness.spec()}.
     */
    public EvaluationSpec spec(AuditGrouping grouping) {
        List<FairnessMetric> named = fairnessMetrics.orElseGet(() -> Arrays.stream(FairnessMetric.values())
                .filter(f -> grouping.reference().isPresent() || !f.needsReference()).toList());
        return new EvaluationSpec(grouping.features(), metrics, named, grouping.reference(), minGroupSize,
                ZeroDivision.UNDEFINED);
    }

    /** Builds an {@link AuditPlan}; each setting once. */
    public static final class Builder {
        private final String id;
        private AuditSource source;
        private List<AuditGrouping> groupings;
        private List<GroupMetric> metrics;
        private List<ScoreMetric> scoreMetrics;
        private List<FairnessMetric> fairnessMetrics;
        private Integer minGroupSize;
        private IntervalEstimator intervals;
        private List<String> outputs;
        private Duration timeline;

        private Builder(String id) {
            this.id = id;
        }

        private static void once(Object current, String name) {
            if (current != null) {
                throw new IllegalStateException(name + " is already set; each setting is set once");
            }
        }

        /** Where the rows come from. */
        public Builder source(AuditSource s) {
            once(source, "source");
            source = Objects.requireNonNull(s, "source");
            return this;
        }

        /** The groupings, one report each. */
        public Builder groupings(AuditGrouping... g) {
            once(groupings, "groupings");
            groupings = List.of(g);
            return this;
        }

        /** The group metrics (default {@link Metrics#defaults()}). */
        public Builder metrics(GroupMetric... m) {
            once(metrics, "metrics");
            metrics = List.of(m);
            return this;
        }

        /** The score metrics (default none); the source must have scores and be loaded, not streamed. */
        public Builder scoreMetrics(ScoreMetric... m) {
            once(scoreMetrics, "scoreMetrics");
            scoreMetrics = List.of(m);
            return this;
        }

        /** The named fairness metrics (default as core's). */
        public Builder fairnessMetrics(FairnessMetric... f) {
            once(fairnessMetrics, "fairnessMetrics");
            fairnessMetrics = List.of(f);
            return this;
        }

        /** The minimum group size (default 0). */
        public Builder minGroupSize(int n) {
            once(minGroupSize, "minGroupSize");
            minGroupSize = n;
            return this;
        }

        /** The interval estimator (default none). */
        public Builder intervals(IntervalEstimator e) {
            once(intervals, "intervals");
            intervals = Objects.requireNonNull(e, "intervals");
            return this;
        }

        /** The outputs to produce, by id. */
        public Builder outputs(String... ids) {
            once(outputs, "outputs");
            outputs = new ArrayList<>(List.of(ids));
            return this;
        }

        /** The time the run is allowed. */
        public Builder timeline(Duration t) {
            once(timeline, "timeline");
            timeline = Objects.requireNonNull(t, "timeline");
            return this;
        }

        /**
         * @return the plan
         * @throws IllegalArgumentException for a missing source, grouping or output, or a bad combination
         */
        public AuditPlan build() {
            if (source == null) {
                throw new IllegalArgumentException("a plan needs a source; set source(...)");
            }
            return new AuditPlan(id, source, groupings == null ? List.of() : groupings,
                    metrics == null ? Metrics.defaults() : metrics, scoreMetrics == null ? List.of() : scoreMetrics,
                    Optional.ofNullable(fairnessMetrics),
                    minGroupSize == null ? 0 : minGroupSize, Optional.ofNullable(intervals),
                    outputs == null ? List.of() : outputs, Optional.ofNullable(timeline));
        }
    }
}
