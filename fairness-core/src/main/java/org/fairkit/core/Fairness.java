package org.fairkit.core;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.core.group.Grouping;
import org.fairkit.core.group.SensitiveFeature;
import org.fairkit.core.tally.CellCounts;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.metrics.ZeroDivision;
import org.fairkit.core.scores.ScoreMetric;
import org.fairkit.core.scores.ThresholdSweep;
import org.fairkit.core.tally.GroupConfusion;
import org.fairkit.core.internal.TallyKernel;

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
 * <p>The settings are collected into one {@link EvaluationSpec} ({@link #spec()}), with its rules: each setting
 * is validated at once ({@link IllegalArgumentException}) and can be set once (a second call throws
 * {@link IllegalStateException}). {@link #of(FairnessData, EvaluationSpec)} starts from a ready spec.
 * {@code evaluate()} makes one pass over the rows (the tally) and derives everything else from the per-group
 * counts. A configured builder can be evaluated again.
 *
 * <p>With scores in the data, {@link #scoreMetrics} adds score metrics (ROC AUC, Brier score, ...) to the report,
 * computed from the rows sorted once per grouping, and {@link #sweepThresholds} / {@link #sweepEveryScore} give
 * every confusion metric as a function of the decision threshold.
 */
public final class Fairness {
    private final FairnessData data;
    private final EvaluationSpec.Builder settings;
    private Clock clock;

    private Fairness(FairnessData data, EvaluationSpec.Builder settings) {
        this.data = Objects.requireNonNull(data, "data");
        this.settings = settings;
    }

    /** Starts an evaluation of {@code data}. */
    public static Fairness of(FairnessData data) {
        return new Fairness(data, EvaluationSpec.builder());
    }

    /**
     * Starts an evaluation of {@code data} with every setting of {@code spec} (which can then not be set again; the
     * clock, and intervals or threads when the spec has none, still can).
     *
     * @throws IllegalArgumentException if the data lacks a feature of the spec's grouping, or scores for its score
     *     metrics
     */
    public static Fairness of(FairnessData data, EvaluationSpec spec) {
        Objects.requireNonNull(data, "data");
        for (String f : spec.groupBy()) {
            data.sensitive(f);
        }
        if (!spec.scoreMetrics().isEmpty() && !data.hasScores()) {
            throw InputErrors.needsColumn("scoreMetrics", "scores", "FairnessData.builder().scores(...)");
        }
        return new Fairness(data, spec.toBuilder());
    }

    /**
     * The derive step alone: a report from per-group confusion counts computed elsewhere (a database's
     * {@code GROUP BY}, Spark executors, a merged stream), with everything after the tally unchanged: metrics,
     * disparities, warnings and, when the spec asks for them, intervals on the count path.
     *
     * <p>Groups are ordered as {@link FairnessData#grouping} orders string levels (each feature's levels in
     * {@link String} order, intersections lexicographically), so the same counts give the same report, bit for bit,
     * as {@code Fairness.of(data, spec).evaluate()} over the rows they came from. Groups whose counts hold no row
     * are left out, as in memory a level without rows does not exist. Score metrics need the rows and are not
     * computed here (the spec must ask for none). An interval estimator gets an {@link IntervalRequest} without
     * rows ({@link IntervalRequest#hasRows()} false): a bootstrap of weighted counts, which resamples rows,
     * refuses.
     *
     * @param spec what to compute; {@code groupBy} names the features, in the order of each key's levels
     * @param counts each group's counts, keyed by its levels (one per {@code groupBy} feature); all weighted or
     *     all unweighted
     * @param provenance where the counts came from (the caller knows its input's fingerprint)
     * @throws IllegalArgumentException if a key has another number of levels than {@code groupBy}, or a null
     *     level; if no group has rows; if counts mix weighted and unweighted; if the spec asks for score metrics;
     *     or if the reference group has no rows
     */
    public static FairnessReport fromCounts(EvaluationSpec spec, Map<List<String>, CellCounts> counts,
            Provenance provenance) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(provenance, "provenance");
        if (!spec.scoreMetrics().isEmpty()) {
            throw new IllegalArgumentException("scoreMetrics need the rows, not counts; expected none in the spec, got "
                    + spec.scoreMetrics());
        }
        List<String> features = spec.groupBy();
        List<List<String>> keys = new ArrayList<>();
        Boolean weighted = null;
        for (Map.Entry<List<String>, CellCounts> e : counts.entrySet()) {
            List<String> k = e.getKey();
            if (k.size() != features.size() || k.stream().anyMatch(Objects::isNull)) {
                throw new IllegalArgumentException("group " + k + ": expected one non-null level for each of "
                        + features);
            }
            CellCounts c = Objects.requireNonNull(e.getValue(), "counts of " + k);
            if (weighted != null && weighted != c.isWeighted()) {
                throw new IllegalArgumentException("group " + k + ": counts mix weighted and unweighted groups; "
                        + "expected all of one kind");
            }
            weighted = c.isWeighted();
            if (c.rows() > 0) {
                keys.add(List.copyOf(k));
            }
        }
        if (keys.isEmpty()) {
            throw InputErrors.empty();
        }
        keys.sort((a, b) -> {
            for (int j = 0; j < a.size(); j++) {
                int c = a.get(j).compareTo(b.get(j));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        });
        List<SensitiveFeature> fs = new ArrayList<>();
        for (int j = 0; j < features.size(); j++) {
            String[] column = new String[keys.size()];
            for (int r = 0; r < keys.size(); r++) {
                column[r] = keys.get(r).get(j);
            }
            fs.add(SensitiveFeature.of(features.get(j), column));
        }
        Grouping grouping = Grouping.of(fs);
        CellCounts[] byGroup = new CellCounts[grouping.groupCount()];
        long rows = 0;
        for (int g = 0; g < byGroup.length; g++) {
            byGroup[g] = counts.get(grouping.groups().get(g).levels());
            rows += byGroup[g].rows();
        }
        GroupConfusion tally = GroupConfusion.of(byGroup);
        GroupResults results = GroupResults.derive(spec, grouping, tally);
        int t = spec.threadsFor(rows);
        Map<Estimand, Interval> cis = spec.intervals().isEmpty() ? Map.of()
                : spec.intervals().get().estimate(new IntervalRequest(null, spec, grouping, tally, results, t));
        return new FairnessReport(results, ScoreResults.none(), cis, provenance);
    }

    /**
     * Groups by one sensitive feature, or by the intersection of several.
     * Optional when the data has exactly one sensitive feature.
     */
    public Fairness groupBy(String... features) {
        if (features.length == 0) {
            throw InputErrors.badSetting("groupBy", "nothing", "at least one sensitive feature of " + data.sensitiveNames());
        }
        for (String f : features) {
            data.sensitive(f);
        }
        settings.groupBy(features);
        return this;
    }

    /** The group metrics to report (default {@link Metrics#defaults()}). */
    public Fairness metrics(GroupMetric... chosen) {
        settings.metrics(chosen);
        return this;
    }

    /**
     * The named fairness metrics to report (default {@link EvaluationSpec#defaultFairnessMetrics}: all; those
     * needing a reference group only when one is set).
     */
    public Fairness fairnessMetrics(FairnessMetric... chosen) {
        settings.fairnessMetrics(chosen);
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
        if (!data.hasScores()) {
            throw InputErrors.needsColumn("scoreMetrics", "scores", "FairnessData.builder().scores(...)");
        }
        settings.scoreMetrics(chosen);
        return this;
    }

    /** The reference (privileged) group: one level per grouping feature, in grouping order. */
    public Fairness reference(String... levels) {
        settings.reference(levels);
        return this;
    }

    /** Groups with fewer rows are flagged in warnings and left out of disparities (default 0: none). */
    public Fairness minGroupSize(int n) {
        settings.minGroupSize(n);
        return this;
    }

    /** What a zero denominator gives (default {@link ZeroDivision#UNDEFINED}). */
    public Fairness zeroDivision(ZeroDivision policy) {
        settings.zeroDivision(policy);
        return this;
    }

    /** Attaches intervals from an estimator (for example {@code Bootstrap.bca(2000).seed(42)} in fairness-stats). */
    public Fairness intervals(IntervalEstimator estimator) {
        settings.intervals(estimator);
        return this;
    }

    /**
     * Threads for the tally (default: all processors from 2<sup>20</sup> rows, else 1). Results do not depend
     * on it.
     */
    public Fairness threads(int n) {
        settings.threads(n);
        return this;
    }

    /** The clock stamped into the provenance (default the system UTC clock). */
    public Fairness clock(Clock c) {
        InputErrors.requireUnset(clock, "clock");
        clock = Objects.requireNonNull(c, "clock");
        return this;
    }

    /**
     * @return the settings this configuration evaluates, with the defaults applied
     * @throws IllegalStateException if {@code groupBy} is needed (several sensitive features) and missing
     * @throws IllegalArgumentException if the reference has another number of levels than the grouping
     */
    public EvaluationSpec spec() {
        return settings.buildFor(data.sensitiveNames());
    }

    /**
     * Tallies the rows and derives the report.
     *
     * @throws IllegalArgumentException if the reference group has no rows
     * @throws org.fairkit.core.metrics.UndefinedMetricException under {@link ZeroDivision#ERROR}
     */
    public FairnessReport evaluate() {
        EvaluationSpec spec = spec();
        int t = spec.threadsFor(data.rows());
        Grouping grouping = data.grouping(spec.groupBy());
        GroupConfusion tally = TallyKernel.tally(data.tallyInput(spec.groupBy()), t);
        GroupResults results = GroupResults.derive(spec, grouping, tally);
        ScoreResults scores = spec.scoreMetrics().isEmpty() ? ScoreResults.none()
                : ScoreResults.derive(data.sortedScores(spec.groupBy()), grouping.groups(), spec.scoreMetrics(),
                        spec.minGroupSize(), spec.zeroDivision());
        Map<Estimand, Interval> cis = spec.intervals().isEmpty() ? Map.of()
                : spec.intervals().get().estimate(new IntervalRequest(data, spec, grouping, tally, results, t));
        Clock c = clock != null ? clock : Clock.systemUTC();
        // The fingerprint is deferred: hashing every row costs more than the whole tally (benchmarks/README.md).
        Provenance provenance = Provenance.deferred(Provenance.currentLibraryVersion(),
                spec.configuration(data.hasWeights(), t), data.rows(), data::fingerprint, c.instant());
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
}
