package org.fairkit.core;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.metrics.ZeroDivision;
import org.fairkit.core.scores.ScoreMetric;

/**
 * The settings of an evaluation, as one immutable, validated value: what to group by, what to compute, and how.
 * Every front door holds one ({@link Fairness#spec()}, and in fairness-orchestration the monitor and the audit
 * plan, which the CLI builds); the derive step ({@link GroupResults#derive}) and every resample of an interval
 * estimator compute from it.
 *
 * <pre>{@code
 * EvaluationSpec spec = EvaluationSpec.builder()
 *     .groupBy("race", "sex")                   // required: one sensitive feature, or the intersection of several
 *     .metrics(Metrics.SELECTION_RATE)          // default Metrics.defaults()
 *     .reference("Caucasian", "Male")           // optional: one level per grouping feature
 *     .minGroupSize(30)                         // default 0
 *     .build();
 * FairnessReport report = Fairness.of(data, spec).evaluate();
 * }</pre>
 *
 * <p><b>Builder rules</b> (the same in every FairKit builder): each setter validates its value at once and throws an
 * {@link IllegalArgumentException} naming the setting and the bad value ({@code minGroupSize must be >= 0, got -1});
 * each setting can be set once, and a second call throws an {@link IllegalStateException}
 * ({@code minGroupSize is already set; each setting is set once}); {@link Builder#build()} checks the rules across
 * settings (a missing {@code groupBy} is an {@link IllegalStateException}, a reference of the wrong length an
 * {@link IllegalArgumentException}).
 *
 * <p><b>Defaults</b>: metrics {@link Metrics#defaults()}; fairness metrics {@link #defaultFairnessMetrics(boolean)};
 * no score metrics; no reference group; minimum group size 0; zero division {@link ZeroDivision#UNDEFINED}; no
 * intervals; threads chosen by {@link #threadsFor(long)}.
 */
public final class EvaluationSpec {
    /** From this many rows, the default is to tally on every processor. */
    public static final long PARALLEL_ROWS = 1L << 20;

    private final List<String> groupBy;
    private final List<GroupMetric> metrics;
    private final List<FairnessMetric> fairnessMetrics;
    private final List<ScoreMetric> scoreMetrics;
    private final Optional<List<String>> reference;
    private final int minGroupSize;
    private final ZeroDivision zeroDivision;
    private final Optional<IntervalEstimator> intervals;
    private final OptionalInt threads;

    private EvaluationSpec(List<String> groupBy, List<GroupMetric> metrics, List<FairnessMetric> fairnessMetrics,
            List<ScoreMetric> scoreMetrics, Optional<List<String>> reference, int minGroupSize,
            ZeroDivision zeroDivision, Optional<IntervalEstimator> intervals, OptionalInt threads) {
        this.groupBy = List.copyOf(groupBy);
        this.metrics = List.copyOf(metrics);
        this.fairnessMetrics = List.copyOf(fairnessMetrics);
        this.scoreMetrics = List.copyOf(scoreMetrics);
        this.reference = reference.map(List::copyOf);
        this.minGroupSize = minGroupSize;
        this.zeroDivision = Objects.requireNonNull(zeroDivision, "zeroDivision");
        this.intervals = Objects.requireNonNull(intervals, "intervals");
        this.threads = Objects.requireNonNull(threads, "threads");
        if (this.reference.isPresent() && this.reference.get().size() != this.groupBy.size()) {
            throw InputErrors.referenceLevels(this.groupBy, this.reference.get());
        }
    }

    /** @return a builder with every setting unset */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The one rule for the default named fairness metrics: all of {@link FairnessMetric}, except those that need a
     * reference group when there is none.
     *
     * @param withReference whether a reference group is set
     * @return the default fairness metrics, in catalog order
     */
    public static List<FairnessMetric> defaultFairnessMetrics(boolean withReference) {
        return Arrays.stream(FairnessMetric.values()).filter(f -> withReference || !f.needsReference()).toList();
    }

    /** @return the sensitive features grouped by (their intersection when several), never empty */
    public List<String> groupBy() {
        return groupBy;
    }

    /** @return the group metrics to report */
    public List<GroupMetric> metrics() {
        return metrics;
    }

    /** @return the named fairness metrics to report */
    public List<FairnessMetric> fairnessMetrics() {
        return fairnessMetrics;
    }

    /** @return the score metrics to report (they need the rows' scores), empty for none */
    public List<ScoreMetric> scoreMetrics() {
        return scoreMetrics;
    }

    /** @return the levels of the reference group, one per grouping feature, if any */
    public Optional<List<String>> reference() {
        return reference;
    }

    /** @return groups with fewer rows are flagged and left out of disparities */
    public int minGroupSize() {
        return minGroupSize;
    }

    /** @return what a zero denominator gives */
    public ZeroDivision zeroDivision() {
        return zeroDivision;
    }

    /** @return the interval estimator, if any */
    public Optional<IntervalEstimator> intervals() {
        return intervals;
    }

    /** @return the threads of the tally, if set; see {@link #threadsFor(long)} */
    public OptionalInt threads() {
        return threads;
    }

    /**
     * @param rows the number of rows to tally
     * @return the threads set, or by default all processors from {@value #PARALLEL_ROWS} rows and 1 below
     */
    public int threadsFor(long rows) {
        return threads.orElse(rows >= PARALLEL_ROWS ? Runtime.getRuntime().availableProcessors() : 1);
    }

    /** @return this spec with another reference group (empty for none); the fairness metrics are kept as they are */
    public EvaluationSpec withReference(Optional<List<String>> levels) {
        return new EvaluationSpec(groupBy, metrics, fairnessMetrics, scoreMetrics, levels, minGroupSize,
                zeroDivision, intervals, threads);
    }

    /** @return this spec computing only the given group and fairness metrics (either list may be empty) */
    public EvaluationSpec withMetrics(List<GroupMetric> groupMetrics, List<FairnessMetric> named) {
        return new EvaluationSpec(groupBy, groupMetrics, named, scoreMetrics, reference, minGroupSize, zeroDivision,
                intervals, threads);
    }

    /** @return this spec with another zero-division policy */
    public EvaluationSpec withZeroDivision(ZeroDivision policy) {
        return new EvaluationSpec(groupBy, metrics, fairnessMetrics, scoreMetrics, reference, minGroupSize,
                Objects.requireNonNull(policy, "zeroDivision"), intervals, threads);
    }

    /**
     * The provenance configuration of a report computed from this spec, keys in a fixed order: {@code groupBy,
     * metrics, fairnessMetrics, [scoreMetrics when any], reference, minGroupSize, zeroDivision, weighted, intervals,
     * threads}.
     *
     * @param weighted whether the rows carry weights
     * @param threadsUsed the threads the tally used
     */
    public Map<String, String> configuration(boolean weighted, int threadsUsed) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("groupBy", String.join(",", groupBy));
        m.put("metrics", metrics.stream().map(GroupMetric::id).collect(Collectors.joining(",")));
        m.put("fairnessMetrics", fairnessMetrics.stream().map(FairnessMetric::id).collect(Collectors.joining(",")));
        if (!scoreMetrics.isEmpty()) {
            m.put("scoreMetrics", scoreMetrics.stream().map(ScoreMetric::id).collect(Collectors.joining(",")));
        }
        m.put("reference", reference.map(r -> String.join(",", r)).orElse("none"));
        m.put("minGroupSize", Integer.toString(minGroupSize));
        m.put("zeroDivision", zeroDivision.name());
        m.put("weighted", Boolean.toString(weighted));
        m.put("intervals", intervals.map(IntervalEstimator::description).orElse("none"));
        m.put("threads", Integer.toString(threadsUsed));
        return m;
    }

    /**
     * @return a builder with every setting of this spec set (so each can not be set again), except the absent
     *     optional ones ({@code intervals}, {@code threads}), which can still be set
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.groupBy = groupBy;
        b.metrics = metrics;
        b.fairnessMetrics = fairnessMetrics;
        b.scoreMetrics = scoreMetrics;
        b.reference = reference.orElse(null);
        b.minGroupSize = minGroupSize;
        b.zeroDivision = zeroDivision;
        b.intervals = intervals.orElse(null);
        b.threads = threads.isPresent() ? threads.getAsInt() : null;
        return b;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof EvaluationSpec)) {
            return false;
        }
        EvaluationSpec s = (EvaluationSpec) o;
        return groupBy.equals(s.groupBy) && metrics.equals(s.metrics) && fairnessMetrics.equals(s.fairnessMetrics)
                && scoreMetrics.equals(s.scoreMetrics) && reference.equals(s.reference)
                && minGroupSize == s.minGroupSize && zeroDivision == s.zeroDivision && intervals.equals(s.intervals)
                && threads.equals(s.threads);
    }

    @Override
    public int hashCode() {
        return Objects.hash(groupBy, metrics, fairnessMetrics, scoreMetrics, reference, minGroupSize, zeroDivision,
                intervals, threads);
    }

    @Override
    public String toString() {
        return "EvaluationSpec" + configuration(false, threads.orElse(0)).entrySet().stream()
                .filter(e -> !e.getKey().equals("weighted") && (threads.isPresent() || !e.getKey().equals("threads")))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ", "[", "]"));
    }

    /**
     * Collects the settings of an {@link EvaluationSpec}. Each setter validates at once and can be called once (see
     * the class comment); {@link #build()} applies the defaults and checks the rules across settings. Not
     * thread-safe.
     */
    public static final class Builder {
        private List<String> groupBy;
        private List<GroupMetric> metrics;
        private List<FairnessMetric> fairnessMetrics;
        private List<ScoreMetric> scoreMetrics;
        private List<String> reference;
        private Integer minGroupSize;
        private ZeroDivision zeroDivision;
        private IntervalEstimator intervals;
        private Integer threads;

        private Builder() {
        }

        /** @return an independent copy of this builder, with the same settings set */
        public Builder copy() {
            Builder b = new Builder();
            b.groupBy = groupBy;
            b.metrics = metrics;
            b.fairnessMetrics = fairnessMetrics;
            b.scoreMetrics = scoreMetrics;
            b.reference = reference;
            b.minGroupSize = minGroupSize;
            b.zeroDivision = zeroDivision;
            b.intervals = intervals;
            b.threads = threads;
            return b;
        }

        /** Groups by one sensitive feature, or by the intersection of several (required unless built for data). */
        public Builder groupBy(String... features) {
            InputErrors.requireUnset(groupBy, "groupBy");
            if (features.length == 0) {
                throw InputErrors.badSetting("groupBy", "nothing", "at least one sensitive feature");
            }
            groupBy = List.of(features);
            return this;
        }

        /** The group metrics to report (default {@link Metrics#defaults()}). */
        public Builder metrics(GroupMetric... chosen) {
            InputErrors.requireUnset(metrics, "metrics");
            if (chosen.length == 0) {
                throw InputErrors.badSetting("metrics", "nothing", "at least one metric");
            }
            metrics = List.of(chosen);
            return this;
        }

        /** The named fairness metrics to report, possibly none (default {@link #defaultFairnessMetrics}). */
        public Builder fairnessMetrics(FairnessMetric... chosen) {
            InputErrors.requireUnset(fairnessMetrics, "fairnessMetrics");
            fairnessMetrics = List.of(chosen);
            return this;
        }

        /** Score metrics to report beside the confusion metrics (default none); they need the rows' scores. */
        public Builder scoreMetrics(ScoreMetric... chosen) {
            InputErrors.requireUnset(scoreMetrics, "scoreMetrics");
            if (chosen.length == 0) {
                throw InputErrors.badSetting("scoreMetrics", "nothing", "at least one score metric");
            }
            scoreMetrics = List.of(chosen);
            return this;
        }

        /** The reference (privileged) group: one level per grouping feature, in grouping order. */
        public Builder reference(String... levels) {
            InputErrors.requireUnset(reference, "reference");
            if (levels.length == 0) {
                throw InputErrors.badSetting("reference", "nothing", "one level per grouping feature");
            }
            reference = List.of(levels);
            return this;
        }

        /** Groups with fewer rows are flagged in warnings and left out of disparities (default 0: none). */
        public Builder minGroupSize(int n) {
            InputErrors.requireUnset(minGroupSize, "minGroupSize");
            if (n < 0) {
                throw InputErrors.badSetting("minGroupSize", n, ">= 0");
            }
            minGroupSize = n;
            return this;
        }

        /** What a zero denominator gives (default {@link ZeroDivision#UNDEFINED}). */
        public Builder zeroDivision(ZeroDivision policy) {
            InputErrors.requireUnset(zeroDivision, "zeroDivision");
            zeroDivision = Objects.requireNonNull(policy, "zeroDivision");
            return this;
        }

        /** Attaches intervals from an estimator (for example {@code Bootstrap.bca(2000).seed(42)}). */
        public Builder intervals(IntervalEstimator estimator) {
            InputErrors.requireUnset(intervals, "intervals");
            intervals = Objects.requireNonNull(estimator, "intervals");
            return this;
        }

        /** Threads for the tally (default {@link EvaluationSpec#threadsFor}); results do not depend on it. */
        public Builder threads(int n) {
            InputErrors.requireUnset(threads, "threads");
            if (n < 1) {
                throw InputErrors.badSetting("threads", n, ">= 1");
            }
            threads = n;
            return this;
        }

        /**
         * @return the spec
         * @throws IllegalStateException if {@code groupBy} is not set
         * @throws IllegalArgumentException if the reference group has another number of levels than groupBy
         */
        public EvaluationSpec build() {
            if (groupBy == null) {
                throw InputErrors.missingSetting("groupBy", "an evaluation groups by at least one sensitive feature");
            }
            return build(groupBy);
        }

        /**
         * Builds the spec for data with the given sensitive features: without {@code groupBy}, groups by the only
         * one.
         *
         * @param sensitiveFeatures the data's sensitive features
         * @throws IllegalStateException if {@code groupBy} is not set and the data has several sensitive features
         * @throws IllegalArgumentException if the reference group has another number of levels than groupBy
         */
        public EvaluationSpec buildFor(List<String> sensitiveFeatures) {
            if (groupBy != null) {
                return build(groupBy);
            }
            if (sensitiveFeatures.size() != 1) {
                throw InputErrors.missingSetting("groupBy", "the data has sensitive features " + sensitiveFeatures);
            }
            return build(sensitiveFeatures);
        }

        private EvaluationSpec build(List<String> by) {
            return new EvaluationSpec(by, metrics == null ? Metrics.defaults() : metrics,
                    fairnessMetrics == null ? defaultFairnessMetrics(reference != null) : fairnessMetrics,
                    scoreMetrics == null ? List.of() : scoreMetrics, Optional.ofNullable(reference),
                    minGroupSize == null ? 0 : minGroupSize,
                    zeroDivision == null ? ZeroDivision.UNDEFINED : zeroDivision, Optional.ofNullable(intervals),
                    threads == null ? OptionalInt.empty() : OptionalInt.of(threads));
        }
    }
}
