package org.fairkit.core.scores;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.fairkit.core.metrics.Direction;
import org.fairkit.core.metrics.MetricFamily;
import org.fairkit.core.metrics.MetricInfo;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.Requirement;
import org.fairkit.core.internal.ScoreKernel;

/**
 * The catalog of group metrics computed from scores (probabilities of the positive label), labels and weights.
 *
 * <p>Each is a function of the group's {@link ScoreSummary}, which {@link ScoreKernel} computes from the group's
 * rows sorted by score. Every value is weighted when the data is weighted. Undefined values carry their reason.
 * Ids are stable; {@link #byId(String)} parses them and their aliases.
 *
 * <p>The threshold-free metrics ({@link #ROC_AUC}, {@link #AVERAGE_PRECISION}) need the rows themselves
 * ({@link Requirement#ROWS}): they are not functions of per-group sums, so they cannot be merged from partial
 * tallies, and the interval estimators of fairness-stats, which resample counts, do not cover them.
 */
public enum ScoreMetrics implements ScoreMetric {
    /** Area under the ROC curve, exact: the weighted Mann–Whitney statistic with ties counting ½. */
    ROC_AUC(info("roc_auc", "ROC AUC",
            "Probability that a random positive scores above a random negative of the group (ties count one half): "
                    + "how well the scores rank, whatever the threshold.",
            "AUC = Σ_{i: y=1} Σ_{j: y=0} w_i w_j ([s_i > s_j] + ½[s_i = s_j]) / (Σ_{y=1} w · Σ_{y=0} w)",
            0, 1, Direction.HIGHER_IS_BETTER, MetricFamily.DISCRIMINATION,
            EnumSet.of(Requirement.LABELS, Requirement.SCORES, Requirement.ROWS),
            "the group has no positives or no negatives (by weight)", List.of("auc", "auroc", "roc_auc_score"),
            "Hanley & McNeil 1982 (AUC = Mann–Whitney U / (n1 n0)); Fawcett 2006",
            "scikit-learn roc_auc_score (trapezoidal area of the weighted ROC curve, which equals this exactly); "
                    + "scikit-learn raises ValueError for a group with one class, FairKit reports undefined.",
            "Threshold-free: equal AUCs can hide very different error rates at the operating threshold (use the "
                    + "threshold sweep); within-group AUC says nothing about calibration across groups "
                    + "(Kallus & Zhou 2019, xAUC)."),
            g -> {
                if (g.positiveWeight() == 0) {
                    return MetricValue.undefined(ScoreReasons.NO_POSITIVES);
                }
                if (g.negativeWeight() == 0) {
                    return MetricValue.undefined(ScoreReasons.NO_NEGATIVES);
                }
                return MetricValue.of(g.mannWhitneyU() / (g.positiveWeight() * g.negativeWeight()));
            }),
    /** Average precision: the step-wise area under the precision–recall curve. */
    AVERAGE_PRECISION(info("average_precision", "Average precision",
            "Precision averaged over the recall levels reached at each distinct score threshold: the area under the "
                    + "precision-recall curve as a step function, for rare positive labels.",
            "AP = Σ_t (R_t - R_{t-1}) · P_t over distinct scores t, decreasing; P_t, R_t = precision and recall of "
                    + "'score >= t'",
            0, 1, Direction.HIGHER_IS_BETTER, MetricFamily.DISCRIMINATION,
            EnumSet.of(Requirement.LABELS, Requirement.SCORES, Requirement.ROWS),
            "the group has no positives (by weight)", List.of("ap", "average_precision_score"),
            "Zhu 2004; Manning, Raghavan & Schütze 2008 (ch. 8)",
            "scikit-learn average_precision_score (the step sum, no interpolation); scikit-learn returns 0.0 with a "
                    + "warning for a group without positives, FairKit reports undefined.",
            "Depends on the group's base rate (a random score has AP equal to it): compare groups with different "
                    + "prevalences with care."),
            g -> g.positiveWeight() == 0 ? MetricValue.undefined(ScoreReasons.NO_POSITIVES)
                    : MetricValue.of(g.precisionSum() / g.positiveWeight())),
    /** Brier score: mean squared difference between score and label. */
    BRIER_SCORE(info("brier_score", "Brier score",
            "Mean squared difference between the score and the 0/1 label: a proper scoring rule that rewards "
                    + "calibrated and sharp probabilities.",
            "Σ w (s - y)² / Σ w", 0, 1, Direction.LOWER_IS_BETTER, MetricFamily.CALIBRATION,
            EnumSet.of(Requirement.LABELS, Requirement.SCORES), "the group's total weight is 0",
            List.of("brier", "brier_score_loss"), "Brier 1950",
            "scikit-learn brier_score_loss (np.average with sample weights).",
            "Mixes calibration and discrimination, and depends on the base rate: groups with different base rates "
                    + "have different attainable Brier scores."),
            g -> g.weight() == 0 ? MetricValue.undefined(ScoreReasons.ZERO_TOTAL)
                    : MetricValue.of(g.brierSum() / g.weight())),
    /** Log loss (cross-entropy) with scikit-learn's clipping. */
    LOG_LOSS(info("log_loss", "Log loss",
            "Mean negative log-likelihood of the labels under the scores (cross-entropy): a proper scoring rule that "
                    + "punishes confident mistakes heavily.",
            "Σ w ℓ / Σ w, ℓ = -log(q_y / (q_0 + q_1)), q_1 = clip(s, ε, 1 - ε), q_0 = 1 - q_1, ε = 2^-52",
            0, -Math.log(0x1.0p-52), Direction.LOWER_IS_BETTER, MetricFamily.CALIBRATION,
            EnumSet.of(Requirement.LABELS, Requirement.SCORES), "the group's total weight is 0",
            List.of("cross_entropy", "logistic_loss"), "Good 1952",
            "scikit-learn 1.2 log_loss with eps='auto' (clip to [ε, 1 - ε], ε = float64 machine epsilon, then "
                    + "renormalize the two class probabilities). scikit-learn raises for a group with one class "
                    + "unless labels=[0, 1] is passed; FairKit always uses the classes {0, 1}.",
            "Unbounded in principle: a score of exactly 0 or 1 on the wrong label costs -log(ε) ≈ 36.04 because of "
                    + "the clipping, and dominates the mean."),
            g -> g.weight() == 0 ? MetricValue.undefined(ScoreReasons.ZERO_TOTAL)
                    : MetricValue.of(g.logLossSum() / g.weight())),
    /** Mean score. */
    MEAN_SCORE(info("mean_score", "Mean score",
            "Mean score (predicted probability of the positive label) of the group.",
            "Σ w s / Σ w", 0, 1, Direction.NONE, MetricFamily.DESCRIPTIVE,
            EnumSet.of(Requirement.SCORES), "the group's total weight is 0",
            List.of("average_score", "mean_predicted_probability"), "Fairlearn MetricFrame usage (numpy.average)",
            "numpy.average(score, weights=w), as the Fairlearn score MetricFrame computes it.",
            "Compare with the base rate (calibration ratio) before reading a difference as bias."),
            g -> g.weight() == 0 ? MetricValue.undefined(ScoreReasons.ZERO_TOTAL)
                    : MetricValue.of(g.scoreSum() / g.weight())),
    /** Mean score divided by base rate: calibration in the large. */
    CALIBRATION_RATIO(info("calibration_ratio", "Calibration ratio",
            "Mean score divided by the base rate: 1 when the group's scores are calibrated in the large, above 1 "
                    + "when the model over-predicts the positive label for the group, below 1 when it under-predicts.",
            "(Σ w s / Σ w) / (Σ w y / Σ w) = Σ w s / Σ w y", 0, Double.POSITIVE_INFINITY, Direction.ONE_IS_PARITY,
            MetricFamily.CALIBRATION, EnumSet.of(Requirement.LABELS, Requirement.SCORES),
            "the group has no positives (by weight)", List.of("expected_to_observed", "observed_expected_ratio"),
            "Kleinberg, Mullainathan & Raghavan 2016 (calibration within groups); Steyerberg 2019 (E/O ratio)",
            "Aequitas and Fairlearn have no such metric; equals the expected-to-observed (E/O) ratio of clinical "
                    + "prediction models.",
            "Calibration in the large only: a ratio of 1 can hide miscalibration that cancels across the score "
                    + "range (read a calibration curve too)."),
            g -> g.positiveWeight() == 0 ? MetricValue.undefined(ScoreReasons.NO_POSITIVES)
                    : MetricValue.of(g.scoreSum() / g.positiveWeight()));

    private final MetricInfo info;
    private final Function<ScoreSummary, MetricValue> formula;

    ScoreMetrics(MetricInfo info, Function<ScoreSummary, MetricValue> formula) {
        this.info = info;
        this.formula = formula;
    }

    private static MetricInfo info(String id, String name, String description, String formula, double lo,
            double hi, Direction direction, MetricFamily family, Set<Requirement> requires, String undefinedWhen,
            List<String> aliases, String reference, String matches, String limitations) {
        return new MetricInfo(id, name, description, formula, lo, hi, direction, family, requires, undefinedWhen,
                aliases, reference, matches, limitations, 1);
    }

    @Override
    public MetricInfo info() {
        return info;
    }

    @Override
    public MetricValue compute(ScoreSummary group) {
        return formula.apply(group);
    }

    /**
     * Parses a score metric id or alias (case-insensitive).
     *
     * @throws IllegalArgumentException listing the valid ids if {@code id} is unknown
     */
    public static ScoreMetrics byId(String id) {
        String key = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (ScoreMetrics m : values()) {
            if (m.info.id().equals(key) || m.info.aliases().contains(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown score metric id '" + id + "'; valid ids: "
                + Arrays.stream(values()).map(m -> m.info.id()).collect(Collectors.joining(", ")));
    }
}
