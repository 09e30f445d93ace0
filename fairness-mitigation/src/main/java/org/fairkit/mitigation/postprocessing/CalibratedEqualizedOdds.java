package org.fairkit.mitigation.postprocessing;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.fairkit.core.FairnessData;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.internal.CompensatedSum;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.mitigation.FittedGroups;
import org.fairkit.mitigation.MitigationErrors;
import org.fairkit.mitigation.Mitigator;
import org.fairkit.mitigation.internal.Settings;

/**
 * Calibrated equalized odds (Pleiss, Raghavan, Wu, Kleinberg &amp; Weinberger 2017, "On Fairness and Calibration",
 * NeurIPS), as AIF360 0.6.1's {@code CalibratedEqOddsPostprocessing}: equalize one generalized error cost between the
 * privileged group and the other (unprivileged) rows by withholding the score of a random share of one group's rows,
 * replacing it with that group's base rate, which keeps the scores calibrated.
 *
 * <pre>{@code
 * CalibratedEqualizedOdds.Fitted ceo = CalibratedEqualizedOdds.cost(Cost.FALSE_NEGATIVE_RATE)
 *     .privileged("Male").groupBy("sex").seed(1).fit(train);   // or, without groupBy, .fit(scores, labels, groups)
 * double[] p = ceo.probabilityOfPositive(test);                 // deterministic P(yhat = 1)
 * int[] fair = ceo.predict(test);                               // randomized, reproducible for the seed
 * }</pre>
 *
 * <p><b>Fit</b> (on the fitting rows, with sample weights when given). For each role {@code r} (privileged, and the
 * pooled other groups): base rate {@code mu_r = P(y = 1 | r)}; generalized false negative rate
 * {@code GFNR_r = sum_{y=1} w (1 - s) / P_r} and false positive rate {@code GFPR_r = sum_{y=0} w s / N_r} (AIF360's
 * generalized rates); the cost {@code c_r} of the chosen {@link Cost}: {@code GFNR}, {@code GFPR}, or
 * {@code 0.5 GFPR (1 - mu) + 0.5 GFNR mu}; and the cost {@code t_r} of the trivial classifier that scores every row
 * {@code mu_r} (GFNR {@code 1 - mu_r}, GFPR {@code mu_r}). The cheaper role {@code r} (lower cost) is mixed: with
 * probability {@code alpha_r} a row's score is replaced by {@code mu_r}, so its expected cost becomes
 * {@code (1 - alpha_r) c_r + alpha_r t_r} (the generalized rates are linear in the scores), equal to the other role's
 * cost when {@code alpha_r = (c_other - c_r) / (t_r - c_r)}, the paper's Algorithm 1 and AIF360's formula.
 *
 * <p><b>Mixing rates are probabilities, so FairKit clips them to [0, 1]; AIF360 does not.</b> The paper's argument
 * (Section 4) is that the mixture of {@code h_r} and the trivial classifier moves the cost along the segment from
 * {@code c_r} to {@code t_r}: the other group's cost is reachable only when it lies on that segment, i.e. when the
 * formula gives a number in [0, 1]. When the target cost lies beyond the trivial classifier's ({@code alpha > 1};
 * on the Adult data with the {@code fpr} cost AIF360 reports 2.975 and with {@code weighted} 1.774), no mixing
 * probability equalizes the costs, and the cost closest to the target is the trivial classifier's: {@code alpha = 1}.
 * When the trivial classifier costs no more than {@code h_r} ({@code t_r <= c_r}), mixing cannot move the cost toward
 * the target and {@code alpha = 0}. So {@code alpha_r} is the probability in [0, 1] whose expected cost is closest to
 * the target (the smaller one on a tie), and {@link Fitted#equalized()} says whether the costs are then equal. AIF360's
 * randomized predictions are the same in distribution (a draw {@code u} in [0, 1) satisfies {@code u <= 2.975} as
 * it satisfies {@code u <= 1}), but its reported rate, and anything computed linearly from it (an "expected score"
 * {@code alpha mu + (1 - alpha) s} would leave [0, 1]), is not a probability; {@link Fitted#aif360MixRate(boolean)}
 * gives AIF360's unclipped number for comparison.
 *
 * <p><b>Predictions.</b> A row of role {@code r} keeps its score {@code s} with probability {@code 1 - alpha_r} and
 * gets {@code mu_r} otherwise; it is predicted 1 when the resulting score is {@code >= threshold} (default 0.5, as
 * AIF360's {@code predict(threshold=0.5)}). So {@code P(yhat = 1) = alpha_r [mu_r >= threshold] + (1 - alpha_r)
 * [s >= threshold]} ({@link Fitted#probabilityOfPositive(double[], String[])}, deterministic), and
 * {@link Fitted#predict(double[], String[])} draws: row {@code i} is replaced when {@code u_i < alpha_r}, with
 * {@code u_i} the {@code i}-th double of SplitMix64 seeded with {@link #seed(long)} (as {@link ThresholdOptimizer}),
 * so the same seed gives the same bits and any slice of rows the draws it gets in the whole. AIF360 draws from numpy's
 * global MT19937 instead (the unprivileged rows in file order, then the privileged rows; replaced when
 * {@code u <= alpha}).
 *
 * <p><b>Groups.</b> A two-group method: {@link #privileged(String)} names one group of the fitting data; every other
 * group is unprivileged, pooled (AIF360 with every other level in {@code unprivileged_groups}). Applying the model to
 * a row of a group it was not fitted on is refused. The cost needs label-1 rows in both roles ({@code fnr}), label-0
 * rows ({@code fpr}), or both ({@code weighted}); fit says which is missing.
 *
 * <p>Instances are immutable; each setting may be chosen once.
 */
public final class CalibratedEqualizedOdds implements Mitigator<CalibratedEqualizedOdds.Fitted> {
    private static final String WHAT = "calibrated equalized odds";

    /** The generalized error rate to equalize (AIF360's {@code cost_constraint}). */
    public enum Cost {
        /** {@code fnr}: the generalized false negative rate {@code sum_{y=1} w (1 - s) / P}. */
        FALSE_NEGATIVE_RATE("fnr"),
        /** {@code fpr}: the generalized false positive rate {@code sum_{y=0} w s / N}. */
        FALSE_POSITIVE_RATE("fpr"),
        /** {@code weighted}: {@code 0.5 GFPR (1 - mu) + 0.5 GFNR mu}, AIF360's weighted cost with equal weights. */
        WEIGHTED("weighted");

        private final String id;

        Cost(String id) {
            this.id = id;
        }

        /** @return the id: {@code fnr}, {@code fpr} or {@code weighted} (AIF360's names) */
        public String id() {
            return id;
        }

        /**
         * @return the cost with this id
         * @throws IllegalArgumentException listing the valid ids
         */
        public static Cost byId(String id) {
            for (Cost c : values()) {
                if (c.id.equals(id)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("unknown cost '" + id + "'; valid: fnr, fpr, weighted");
        }

        @Override
        public String toString() {
            return id;
        }
    }

    private final Cost cost;
    private final String privileged;
    private final Double threshold;
    private final Long seed;
    private final List<String> groupBy;

    private CalibratedEqualizedOdds(Cost cost, String privileged, Double threshold, Long seed, List<String> groupBy) {
        this.cost = cost;
        this.privileged = privileged;
        this.threshold = threshold;
        this.seed = seed;
        this.groupBy = groupBy;
    }

    /** Equalizes this cost; threshold 0.5 and seed 0 by default; {@link #privileged(String)} is required. */
    public static CalibratedEqualizedOdds cost(Cost cost) {
        return new CalibratedEqualizedOdds(Objects.requireNonNull(cost, "cost"), null, null, null, null);
    }

    /** The privileged group's label (its level; levels joined by {@code " & "} for an intersection). Required. */
    public CalibratedEqualizedOdds privileged(String group) {
        Settings.once(privileged, "privileged");
        if (group == null || group.isEmpty()) {
            throw new IllegalArgumentException("privileged must name a group, got " + (group == null ? "null" : "''"));
        }
        return new CalibratedEqualizedOdds(cost, group, threshold, seed, groupBy);
    }

    /** The score at or above which a row is predicted 1 (default 0.5), in [0, 1]. */
    public CalibratedEqualizedOdds threshold(double t) {
        Settings.once(threshold, "threshold");
        if (!(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException("threshold must be in [0, 1], got " + t);
        }
        return new CalibratedEqualizedOdds(cost, privileged, t, seed, groupBy);
    }

    /** The seed of randomized predictions (default 0). */
    public CalibratedEqualizedOdds seed(long s) {
        Settings.once(seed, "seed");
        return new CalibratedEqualizedOdds(cost, privileged, threshold, s, groupBy);
    }

    /** The sensitive features of {@link FairnessData} to group by; needed when the data has more than one. */
    public CalibratedEqualizedOdds groupBy(String... features) {
        Settings.once(groupBy, "groupBy");
        return new CalibratedEqualizedOdds(cost, privileged, threshold, seed, Settings.features(features));
    }

    /** @return the cost */
    public Cost costConstraint() {
        return cost;
    }

    /** @return the threshold (default filled in) */
    public double threshold() {
        return threshold == null ? 0.5 : threshold;
    }

    /** @return the seed (default filled in) */
    public long seed() {
        return seed == null ? 0L : seed;
    }

    /** Fits on the data's scores, labels and weights (when present). */
    @Override
    public Fitted fit(FairnessData data) {
        return fit(Roles.Fit.of(WHAT, data, groupBy, privileged));
    }

    /** Fits on unweighted rows given as columns. */
    public Fitted fit(double[] scores, int[] labels, String[] groups) {
        return fit(scores, labels, groups, null);
    }

    /**
     * Fits on rows given as columns: scores in [0, 1], 0/1 labels, group labels and optional weights.
     *
     * @throws IllegalStateException if {@link #groupBy(String...)} was set, or {@link #privileged(String)} was not
     */
    public Fitted fit(double[] scores, int[] labels, String[] groups, double[] weights) {
        return fit(Roles.Fit.of(WHAT, scores, labels, groups, weights, groupBy, privileged));
    }

    private Fitted fit(Roles.Fit f) {
        return fit(f.roles(), f.role(), f.scores(), f.labels(), f.weights());
    }

    private Fitted fit(Roles roles, int[] role, double[] s, int[] y, double[] w) {
        // [role][0 weight, 1 positives, 2 negatives, 3 GFN sum, 4 GFP sum]
        double[][] sums = new double[2][5];
        double[][] comp = new double[2][5];
        for (int i = 0; i < s.length; i++) {
            double wi = w == null ? 1.0 : w[i];
            int r = role[i];
            CompensatedSum.add(sums[r], comp[r], 0, wi);
            if (y[i] == 1) {
                CompensatedSum.add(sums[r], comp[r], 1, wi);
                CompensatedSum.add(sums[r], comp[r], 3, wi * (1.0 - s[i]));
            } else {
                CompensatedSum.add(sums[r], comp[r], 2, wi);
                CompensatedSum.add(sums[r], comp[r], 4, wi * s[i]);
            }
        }
        for (int r = 0; r < 2; r++) {
            for (int k = 0; k < 5; k++) {
                sums[r][k] += comp[r][k];
            }
        }
        double[] base = new double[2];
        double[] costs = new double[2];
        double[] trivial = new double[2];
        for (int r = 0; r < 2; r++) {
            double[] t = sums[r];
            String label = r == Roles.PRIVILEGED ? roles.privilegedLabel()
                    : "unprivileged " + roles.unprivilegedLabels();
            if (!(t[0] > 0)) {
                throw MitigationErrors.missingClass(WHAT, label, "total weight 0",
                        "both roles need rows of positive weight");
            }
            boolean needP = cost != Cost.FALSE_POSITIVE_RATE;
            boolean needN = cost != Cost.FALSE_NEGATIVE_RATE;
            if (needP && !(t[1] > 0)) {
                throw MitigationErrors.missingClass(WHAT, label, "no positives (no label-1 rows of positive weight)",
                        "the " + cost + " cost needs positives in both roles");
            }
            if (needN && !(t[2] > 0)) {
                throw MitigationErrors.missingClass(WHAT, label, "no negatives (no label-0 rows of positive weight)",
                        "the " + cost + " cost needs negatives in both roles");
            }
            double mu = t[1] / t[0];
            base[r] = mu;
            double gfnr = t[1] > 0 ? t[3] / t[1] : Double.NaN;
            double gfpr = t[2] > 0 ? t[4] / t[2] : Double.NaN;
            switch (cost) {
                case FALSE_NEGATIVE_RATE:
                    costs[r] = gfnr;
                    trivial[r] = 1.0 - mu;
                    break;
                case FALSE_POSITIVE_RATE:
                    costs[r] = gfpr;
                    trivial[r] = mu;
                    break;
                default:
                    costs[r] = 0.5 * gfpr * (1 - mu) + 0.5 * gfnr * mu;
                    trivial[r] = 0.5 * mu * (1 - mu) + 0.5 * (1 - mu) * mu;
                    break;
            }
        }
        return new Fitted(this, roles, sums, base, costs, trivial);
    }

    @Override
    public String toString() {
        return "CalibratedEqualizedOdds[cost " + cost + ", privileged " + privileged + ", threshold " + threshold()
                + ", seed " + seed() + (groupBy == null ? "" : ", by " + String.join(" x ", groupBy)) + "]";
    }

    /**
     * A fitted calibrated equalized odds post-processor: per role the base rate, cost, trivial cost and mixing rate
     * learned on the fitting data. Immutable; {@link #toString()} prints the table.
     */
    public static final class Fitted {
        private final Cost cost;
        private final double threshold;
        private final long seed;
        private final Roles roles;
        private final double[] weight;
        private final double[] base;
        private final double[] costs;
        private final double[] trivial;
        private final double[] mix;
        private final MetricValue[] raw;
        private final boolean equalized;

        private Fitted(CalibratedEqualizedOdds config, Roles roles, double[][] sums, double[] base, double[] costs,
                double[] trivial) {
            this.cost = config.cost;
            this.threshold = config.threshold();
            this.seed = config.seed();
            this.roles = roles;
            this.weight = new double[] {sums[0][0], sums[1][0]};
            this.base = base;
            this.costs = costs;
            this.trivial = trivial;
            this.mix = new double[2];
            this.raw = new MetricValue[] {MetricValue.of(0), MetricValue.of(0)};
            int u = Roles.UNPRIVILEGED;
            int p = Roles.PRIVILEGED;
            // AIF360: unpriv_costs_more = unpriv_cost > priv_cost; the cheaper role is mixed.
            int mixed = costs[u] > costs[p] ? p : u;
            int other = 1 - mixed;
            double num = costs[other] - costs[mixed];
            double den = trivial[mixed] - costs[mixed];
            if (num == 0 && den == 0) {
                raw[mixed] = MetricValue.undefined("0/0: equal costs and a trivial classifier that costs the same");
            } else {
                raw[mixed] = MetricValue.of(num / den);
            }
            mix[mixed] = num > 0 && den > 0 ? Math.min(1.0, num / den) : 0.0;
            equalized = num == 0 || (den > 0 && num / den <= 1);
        }

        /** @return the cost that was equalized */
        public Cost cost() {
            return cost;
        }

        /** @return the score at or above which a row is predicted 1 */
        public double threshold() {
            return threshold;
        }

        /** @return the seed of {@link #predict(double[], String[])} */
        public long seed() {
            return seed;
        }

        /** @return the groups of the fitting data */
        public FittedGroups groups() {
            return roles.groups();
        }

        /** @return the privileged group's label */
        public String privilegedGroup() {
            return roles.privilegedLabel();
        }

        /** @return the labels of the other groups, pooled as the unprivileged rows */
        public List<String> unprivilegedGroups() {
            return roles.unprivilegedLabels();
        }

        private static int r(boolean privileged) {
            return privileged ? Roles.PRIVILEGED : Roles.UNPRIVILEGED;
        }

        /** @return the role's base rate {@code P(y = 1)} on the fitting data */
        public double baseRate(boolean privileged) {
            return base[r(privileged)];
        }

        /** @return the role's cost (the chosen generalized rate) on the fitting data, before mixing */
        public double costBefore(boolean privileged) {
            return costs[r(privileged)];
        }

        /** @return the cost of the role's trivial classifier (every score replaced by its base rate) */
        public double trivialCost(boolean privileged) {
            return trivial[r(privileged)];
        }

        /** @return the expected cost after mixing, {@code (1 - alpha) c + alpha t}, on the fitting data */
        public double costAfter(boolean privileged) {
            int k = r(privileged);
            return (1 - mix[k]) * costs[k] + mix[k] * trivial[k];
        }

        /** @return the role's mixing rate {@code alpha} in [0, 1]: the probability that a row's score is replaced */
        public double mixRate(boolean privileged) {
            return mix[r(privileged)];
        }

        /**
         * AIF360's unclipped mixing rate {@code (c_other - c_r) / (t_r - c_r)} (0 for the role it does not mix),
         * which can exceed 1 or be negative; undefined for 0/0.
         */
        public MetricValue aif360MixRate(boolean privileged) {
            return raw[r(privileged)];
        }

        /**
         * @return whether the expected costs after mixing are equal on the fitting data: the costs were equal already,
         *     or AIF360's mixing rate lies in [0, 1]
         */
        public boolean equalized() {
            return equalized;
        }

        /** {@code P(yhat = 1)} of each row. */
        public double[] probabilityOfPositive(double[] scores, String[] groups) {
            Roles.checkScores(scores, groups);
            return probabilities(scores, roles.of(groups));
        }

        /** {@code P(yhat = 1)} of each row of {@code data}. */
        public double[] probabilityOfPositive(FairnessData data) {
            return probabilities(Roles.Columns.of(data, WHAT).scores(), roles.of(data));
        }

        /** {@code P(yhat = 1)} of one row. */
        public double probabilityOfPositive(double score, GroupKey group) {
            checkScore(score);
            return probability(score, roles.of(group));
        }

        /** Randomized 0/1 predictions, reproducible for the seed. */
        public int[] predict(double[] scores, String[] groups) {
            Roles.checkScores(scores, groups);
            return draw(scores, roles.of(groups));
        }

        /** Randomized 0/1 predictions for the rows of {@code data}, reproducible for the seed. */
        public int[] predict(FairnessData data) {
            return draw(Roles.Columns.of(data, WHAT).scores(), roles.of(data));
        }

        /** The randomized decision of the row at 0-based index {@code row}: the same as the array form gives it. */
        public int predict(long row, double score, GroupKey group) {
            if (row < 0) {
                throw new IllegalArgumentException("row must be >= 0 (0-based), got " + row);
            }
            checkScore(score);
            return decide(row, score, roles.of(group));
        }

        private static void checkScore(double score) {
            if (!(score >= 0 && score <= 1)) {
                throw new IllegalArgumentException("score must be a finite number in [0, 1], got " + score);
            }
        }

        private double probability(double s, int k) {
            double a = mix[k];
            return a * (base[k] >= threshold ? 1 : 0) + (1 - a) * (s >= threshold ? 1 : 0);
        }

        private int decide(long i, double s, int k) {
            double score = ThresholdOptimizer.Fitted.uniform(seed, i) < mix[k] ? base[k] : s;
            return score >= threshold ? 1 : 0;
        }

        private double[] probabilities(double[] scores, int[] role) {
            double[] p = new double[scores.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = probability(scores[i], role[i]);
            }
            return p;
        }

        private int[] draw(double[] scores, int[] role) {
            int[] out = new int[scores.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = decide(i, scores[i], role[i]);
            }
            return out;
        }

        /** @return the settings and one line per role */
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "CalibratedEqualizedOdds: cost %s, threshold %s, seed %d; "
                    + "privileged %s, unprivileged %s%n", cost, threshold, seed, privilegedGroup(),
                    unprivilegedGroups()));
            String line = "%-12s  %12s  %9s  %11s  %12s  %10s  %10s  %10s%n";
            b.append(String.format(Locale.ROOT, line, "role", "weight", "base rate", "cost before", "trivial cost",
                    "AIF360 mix", "mix rate", "cost after"));
            for (int k = 1; k >= 0; k--) {
                boolean priv = k == Roles.PRIVILEGED;
                b.append(String.format(Locale.ROOT, line, priv ? "privileged" : "unprivileged",
                        String.format(Locale.ROOT, "%.0f", weight[k]), f(base[k]), f(costs[k]), f(trivial[k]),
                        raw[k].isDefined() ? f(raw[k].value()) : "undef.", f(mix[k]), f(costAfter(priv))));
            }
            b.append(equalized() ? "costs equalized on the fitting data\n"
                    : "costs NOT equalized: the target cost lies beyond the trivial classifier's; mix rate clipped to "
                            + "[0, 1]\n");
            return b.toString().replace(System.lineSeparator(), "\n");
        }

        private static String f(double v) {
            return String.format(Locale.ROOT, "%.4f", v);
        }
    }
}
