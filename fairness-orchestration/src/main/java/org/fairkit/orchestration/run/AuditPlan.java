package org.fairkit.orchestration.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fairkit.core.EvaluationSpec;
import org.fairkit.core.IntervalEstimator;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.Metrics;
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
 * <p>The evaluation settings are one {@link EvaluationSpec} per grouping ({@link #specs()}): the builder's
 * {@code metrics}, {@code scoreMetrics}, {@code fairnessMetrics}, {@code minGroupSize} and {@code intervals} are
 * shared, each grouping adds its features and reference group, and the defaults (including the default fairness
 * metrics) are {@link EvaluationSpec}'s. The builder follows {@link EvaluationSpec}'s rules: each setting is
 * validated at once and set once (a second call throws {@link IllegalStateException}); a missing source or grouping
 * is an {@link IllegalStateException} at {@link Builder#build()}, a bad value or combination an
 * {@link IllegalArgumentException}.
 *
 * @param id the plan's identifier (letters, digits, {@code . _ -}), used in run records and file names
 * @param source where the rows come from
 * @param specs the evaluation of each grouping, one report each, sharing every setting but the grouping and its
 *     reference group; score metrics need the rows' scores and intervals the rows, so a streamed source can have
 *     neither
 * @param outputs the output ids to produce, in order
 * @param timeline the time the run is allowed, if any (compared with the estimate and the measured duration)
 */
public record AuditPlan(String id, AuditSource source, List<EvaluationSpec> specs, List<String> outputs,
        Optional<Duration> timeline) {

    /** Validates and copies. */
    public AuditPlan {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("plan id must be letters, digits, '.', '_' or '-' (starting with a "
                    + "letter or digit), got '" + id + "'");
        }
        Objects.requireNonNull(source, "source");
        specs = List.copyOf(specs);
        outputs = List.copyOf(outputs);
        Objects.requireNonNull(timeline, "timeline");
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("a plan needs at least one grouping; set groupings(...)");
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
        boolean streamed = source instanceof AuditSource.Csv && ((AuditSource.Csv) source).streamed();
        if (streamed && specs.stream().anyMatch(s -> s.intervals().isPresent())) {
            throw new IllegalArgumentException("intervals need the rows, but the source is a streamed CSV; use "
                    + "AuditSource.csv(...) to load it, or drop intervals(...)");
        }
        if (streamed && specs.stream().anyMatch(s -> !s.scoreMetrics().isEmpty())) {
            throw new IllegalArgumentException("score metrics need the rows' scores, but the source is a streamed CSV; "
                    + "use AuditSource.csv(...) to load it, or drop scoreMetrics(...)");
        }
    }

    /** @return a builder for a plan with this id */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** @return the groupings, in order: each spec's features and reference group */
    public List<AuditGrouping> groupings() {
        return specs.stream().map(s -> new AuditGrouping(s.groupBy(), s.reference())).toList();
    }

    /**
     * @return the evaluation spec of one of the plan's groupings
     * @throws IllegalArgumentException if the grouping is not the plan's
     */
    public EvaluationSpec spec(AuditGrouping grouping) {
        return specs.stream().filter(s -> s.groupBy().equals(grouping.features())
                && s.reference().equals(grouping.reference())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("grouping " + grouping + " is not one of the plan's "
                        + groupings()));
    }

    /** @return the interval estimator the groupings share, if any */
    public Optional<IntervalEstimator> intervals() {
        return specs.get(0).intervals();
    }

    /** @return the score metrics the groupings share, empty for none */
    public List<ScoreMetric> scoreMetrics() {
        return specs.get(0).scoreMetrics();
    }

    /** Builds an {@link AuditPlan}; each setting once. */
    public static final class Builder {
        private final String id;
        private final EvaluationSpec.Builder settings = EvaluationSpec.builder();
        private AuditSource source;
        private List<AuditGrouping> groupings;
        private List<String> outputs;
        private Duration timeline;

        private Builder(String id) {
            this.id = id;
        }

        /** Where the rows come from. */
        public Builder source(AuditSource s) {
            InputErrors.requireUnset(source, "source");
            source = Objects.requireNonNull(s, "source");
            return this;
        }

        /** The groupings, one report each. */
        public Builder groupings(AuditGrouping... g) {
            InputErrors.requireUnset(groupings, "groupings");
            groupings = List.of(g);
            return this;
        }

        /** The group metrics (default {@link Metrics#defaults()}). */
        public Builder metrics(GroupMetric... m) {
            settings.metrics(m);
            return this;
        }

        /** The score metrics (default none); the source must have scores and be loaded, not streamed. */
        public Builder scoreMetrics(ScoreMetric... m) {
            settings.scoreMetrics(m);
            return this;
        }

        /** The named fairness metrics (default {@link EvaluationSpec#defaultFairnessMetrics}, per grouping). */
        public Builder fairnessMetrics(FairnessMetric... f) {
            settings.fairnessMetrics(f);
            return this;
        }

        /** The minimum group size (default 0). */
        public Builder minGroupSize(int n) {
            settings.minGroupSize(n);
            return this;
        }

        /** The interval estimator (default none). */
        public Builder intervals(IntervalEstimator e) {
            settings.intervals(e);
            return this;
        }

        /** The outputs to produce, by id. */
        public Builder outputs(String... ids) {
            InputErrors.requireUnset(outputs, "outputs");
            outputs = new ArrayList<>(List.of(ids));
            return this;
        }

        /** The time the run is allowed. */
        public Builder timeline(Duration t) {
            InputErrors.requireUnset(timeline, "timeline");
            timeline = Objects.requireNonNull(t, "timeline");
            return this;
        }

        /**
         * @return the plan
         * @throws IllegalStateException for a missing source
         * @throws IllegalArgumentException for a missing grouping or output, or a bad combination
         */
        public AuditPlan build() {
            if (source == null) {
                throw InputErrors.missingSetting("source", "a plan reads its rows from a source");
            }
            List<EvaluationSpec> specs = new ArrayList<>();
            for (AuditGrouping g : groupings == null ? List.<AuditGrouping>of() : groupings) {
                EvaluationSpec.Builder b = settings.copy().groupBy(g.features().toArray(new String[0]));
                g.reference().ifPresent(r -> b.reference(r.toArray(new String[0])));
                specs.add(b.build());
            }
            return new AuditPlan(id, source, specs, outputs == null ? List.of() : outputs,
                    Optional.ofNullable(timeline));
        }
    }
}
