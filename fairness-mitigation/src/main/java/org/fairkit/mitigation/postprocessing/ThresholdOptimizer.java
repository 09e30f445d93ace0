package org.fairkit.mitigation.postprocessing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import org.fairkit.core.FairnessData;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.mitigation.FittedGroups;
import org.fairkit.mitigation.MitigationErrors;
import org.fairkit.mitigation.Mitigator;
import org.fairkit.mitigation.internal.Settings;
import org.fairkit.mitigation.internal.SplitMix;

/**
 * Group-specific, possibly randomized thresholds on a score that maximize accuracy or balanced accuracy subject
 * to a parity constraint (Hardt, Price &amp; Srebro 2016; Fairlearn's {@code ThresholdOptimizer}).
 *
 * <pre>{@code
 * ThresholdOptimizer.Fitted to = ThresholdOptimizer.constraint(Constraint.EQUALIZED_ODDS)
 *     .groupBy("race").objective(Objective.ACCURACY).tolerance(0.0).seed(1)
 *     .fit(data);                                       // or, without groupBy, .fit(scores, labels, groups)
 * int[] fair = to.predict(newData);                     // randomized, reproducible for the seed
 * double[] p = to.probabilityOfPositive(newData);       // deterministic P(yhat = 1)
 * }</pre>
 *
 * <p><b>What is optimized.</b> Each group {@code g} gets a rule {@link ThresholdRule}: a mixture of two thresholds
 * on the score (and, for equalized odds, a coin). On the fitting data, with sample weights, the rule's expected
 * rates satisfy the {@link Constraint}: {@code max_g r_g - min_g r_g <= tolerance} for the constrained rate
 * {@code r} (both rates for equalized odds), and the pooled {@link Objective} is as large as any such rules
 * allow. No other information than the score, the group and the label is used, as in the paper.
 *
 * <p><b>Method (exact, not a grid).</b> Per group, sort the scores; every threshold between two distinct scores
 * is a point of (weighted) false and true positive counts ({@code O(n log n)} overall; ties in scores are never
 * split). Randomizing between thresholds reaches exactly the convex hull of those points, and both the constrained
 * rates and the objective are linear in the counts, so:
 * <ul>
 *   <li><b>Demographic parity, true or false positive rate parity:</b> in the plane (constrained rate, the group's
 *       share of the objective), the upper concave hull {@code f_g} of the group's points is the best the group
 *       can do at each rate. The optimum maximizes {@code sum_g f_g(x_g)} over {@code max x_g - min x_g <= tol}.
 *       With a window {@code [c, c + tol]}, each group takes its own maximizer clamped to the window, so the total
 *       is piecewise linear in {@code c} with breakpoints at hull vertices {@code x} and {@code x - tol}; every
 *       breakpoint is evaluated, which is exact. Fairlearn instead evaluates the hulls on a grid of
 *       {@code grid_size + 1 = 1001} rates, so its rate is a multiple of 0.001 and its objective can be lower by
 *       the grid's interpolation error.</li>
 *   <li><b>Equalized odds:</b> each group's ROC hull {@code H_g} (FPR, TPR), and any point between it and the
 *       diagonal, is reachable (mixing in a coin that predicts 1 with probability {@code x}, as Fairlearn does).
 *       With tolerance 0 the best common point is {@code (x, h(x))}, {@code h = min_g H_g}, maximizing the
 *       objective {@code A h(x) - B x} (accuracy: {@code A = P/W, B = N/W}; balanced accuracy: {@code A = B = 1/2}),
 *       a concave function: one sweep over the union of all hull vertices, then the crossings of the hulls in the
 *       two intervals next to the best vertex (the envelope only bends there). Fairlearn evaluates {@code h} on a
 *       grid of 1001 false positive rates instead. With a positive tolerance the groups' points must share a window
 *       {@code [cx, cx + tol] x [cy, cy + tol]}: for a given window each group's best point is exact (the
 *       highest y, lowest x on its hull clipped to the window), and the total is a concave function of the
 *       window corner, maximized by nested golden-section searches to about 1e-15 in the corner. The constraint
 *       then holds exactly; the objective is optimal to that resolution (tests: within 1e-9 of an exact
 *       rational linear program).</li>
 * </ul>
 * A group's rule then mixes the two hull vertices around its chosen rate ({@code p0}, {@code p1}) and, for
 * equalized odds, the coin ({@code pIgnore}). Thresholds are the midpoints between consecutive distinct scores of
 * the group (Fairlearn's choice). The hulls have far fewer vertices than rows, so fitting is dominated by the
 * sort.
 *
 * <p><b>Differences from Fairlearn 0.13</b>, each deliberate: the optimum is exact rather than on a 1001-point
 * grid; sample weights are honoured (Fairlearn passes them to the estimator only); a tolerance relaxes the
 * constraint (Fairlearn 0.13 has none; the definition, the largest difference between any two groups, is that of
 * Cruz &amp; Hardt 2024's relaxed threshold optimizer); balanced accuracy is the pooled one for every constraint
 * (see {@link Objective#BALANCED_ACCURACY}); demographic parity accepts groups with one class only (Fairlearn
 * raises "Degenerate labels" for any such group); rules are never flipped (Fairlearn's {@code flip=False},
 * its default). Scores must lie in [0, 1].
 *
 * <p><b>Randomized predictions</b> ({@link Fitted#predict(double[], String[])}): row {@code i} draws
 * {@code u_i}, the {@code i}-th double of Commons RNG's SplitMix64 seeded with {@link #seed(long)} (default 0),
 * computed from (seed, i) alone, and predicts 1 when {@code u_i < P(yhat = 1)}. The same seed gives the same
 * predictions, and any slice of the rows gets the same draws as in the whole.
 *
 * <p>References: M. Hardt, E. Price, N. Srebro, "Equality of Opportunity in Supervised Learning", NeurIPS 2016;
 * A. F. Cruz, M. Hardt, "Unprocessing Seven Years of Algorithmic Fairness", ICLR 2024 (relaxed constraints);
 * Fairlearn {@code fairlearn.postprocessing.ThresholdOptimizer}. Instances are immutable; each setting may be
 * chosen once.
 */
public final class ThresholdOptimizer implements Mitigator<ThresholdOptimizer.Fitted> {
    private static final String WHAT = "threshold optimizer";

    private final Constraint constraint;
    private final Objective objective;
    private final Double tolerance;
    private final Long seed;
    private final List<String> groupBy;

    private ThresholdOptimizer(Constraint constraint, Objective objective, Double tolerance, Long seed,
            List<String> groupBy) {
        this.constraint = constraint;
        this.objective = objective;
        this.tolerance = tolerance;
        this.seed = seed;
        this.groupBy = groupBy;
    }

    /** An optimizer for this constraint; objective {@link Objective#ACCURACY}, tolerance 0 and seed 0 by default. */
    public static ThresholdOptimizer constraint(Constraint constraint) {
        return new ThresholdOptimizer(Objects.requireNonNull(constraint, "constraint"), null, null, null, null);
    }

    /** What to maximize (default {@link Objective#ACCURACY}). */
    public ThresholdOptimizer objective(Objective o) {
        Settings.once(objective, "objective");
        return new ThresholdOptimizer(constraint, Objects.requireNonNull(o, "objective"), tolerance, seed, groupBy);
    }

    /**
     * The largest allowed difference between any two groups' constrained rates on the fitting data (default 0),
     * in [0, 1].
     */
    public ThresholdOptimizer tolerance(double t) {
        Settings.once(tolerance, "tolerance");
        if (!(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException("tolerance must be in [0, 1], got " + t);
        }
        return new ThresholdOptimizer(constraint, objective, t, seed, groupBy);
    }

    /** The seed of randomized predictions (default 0). */
    public ThresholdOptimizer seed(long s) {
        Settings.once(seed, "seed");
        return new ThresholdOptimizer(constraint, objective, tolerance, s, groupBy);
    }

    /**
     * The sensitive features of {@link FairnessData} to group by (their intersection when several); needed when
     * the data has more than one.
     *
     * @throws IllegalArgumentException if no feature is named
     * @throws IllegalStateException if set twice
     */
    public ThresholdOptimizer groupBy(String... features) {
        Settings.once(groupBy, "groupBy");
        return new ThresholdOptimizer(constraint, objective, tolerance, seed, Settings.features(features));
    }

    /** @return the constraint */
    public Constraint constraint() {
        return constraint;
    }

    /** @return the objective (default filled in) */
    public Objective objective() {
        return objective == null ? Objective.ACCURACY : objective;
    }

    /** @return the tolerance (default filled in) */
    public double tolerance() {
        return tolerance == null ? 0.0 : tolerance;
    }

    /** @return the seed (default filled in) */
    public long seed() {
        return seed == null ? 0L : seed;
    }

    /** @return the sensitive features to group by, empty when not set (the data's only feature) */
    public List<String> features() {
        return groupBy == null ? List.of() : groupBy;
    }

    /**
     * Fits on the data's scores, labels and weights (when present).
     *
     * @throws IllegalArgumentException if the data has no scores, the grouping is ambiguous or unknown, or a group
     *     lacks the class the constraint needs
     */
    @Override
    public Fitted fit(FairnessData data) {
        Roles.Columns c = Roles.Columns.of(data, "the threshold optimizer");
        FittedGroups groups = FittedGroups.of(data, Settings.grouping(groupBy, data));
        return fit(groups, groups.assign(data), c.scores(), c.labels(), c.weights(), false);
    }

    /**
     * Fits on unweighted rows given as columns.
     *
     * @throws IllegalStateException if {@link #groupBy(String...)} was set (the groups are the column)
     */
    public Fitted fit(double[] scores, int[] labels, String[] groups) {
        return fit(scores, labels, groups, null);
    }

    /**
     * Fits on rows given as columns: scores in [0, 1], 0/1 labels, group labels and optional weights
     * ({@code null}: unweighted).
     *
     * @throws IllegalArgumentException naming the column and first bad row of any problem, or a group that lacks
     *     the class the constraint needs
     * @throws IllegalStateException if {@link #groupBy(String...)} was set (the groups are the column)
     */
    public Fitted fit(double[] scores, int[] labels, String[] groups, double[] weights) {
        Settings.requireColumnGrouping(groupBy);
        Roles.check(scores, labels, groups, weights);
        FittedGroups fg = FittedGroups.of(groups);
        return fit(fg, fg.assign(groups), scores, labels, weights, false);
    }

    /** Package-private: {@code search} forces the window search for equalized odds (tests compare both). */
    Fitted fit(FittedGroups groups, int[] codes, double[] scores, int[] labels, double[] weights, boolean search) {
        GroupCurve[] curves = GroupCurve.build(scores, labels, weights, codes, groups.size());
        check(groups, curves);
        Solver.Solution s = Solver.solve(curves, constraint, objective(), tolerance(), search);
        return new Fitted(this, groups, curves, s, weights != null);
    }

    private void check(FittedGroups groups, GroupCurve[] curves) {
        double p = 0;
        double n = 0;
        for (int g = 0; g < curves.length; g++) {
            GroupCurve c = curves[g];
            GroupKey key = groups.group(g);
            if (!(c.weight() > 0)) {
                throw MitigationErrors.missingClass(WHAT, key.label(), "total weight 0",
                        "every group needs rows of positive weight to have rates");
            }
            String needs = constraint.label() + " needs " + (constraint.needsPositives() && constraint.needsNegatives()
                    ? "positives and negatives" : constraint.needsPositives() ? "positives" : "negatives")
                    + " in every group";
            if (constraint.needsPositives() && !(c.positives > 0)) {
                throw MitigationErrors.missingClass(WHAT, key.label(),
                        "no positives (no label-1 rows of positive weight)", needs);
            }
            if (constraint.needsNegatives() && !(c.negatives > 0)) {
                throw MitigationErrors.missingClass(WHAT, key.label(),
                        "no negatives (no label-0 rows of positive weight)", needs);
            }
            p += c.positives;
            n += c.negatives;
        }
        if (objective() == Objective.BALANCED_ACCURACY && !(p > 0 && n > 0)) {
            throw new IllegalArgumentException(WHAT + ": balanced accuracy needs positives and negatives; the data "
                    + "has " + (p > 0 ? "no negatives" : "no positives"));
        }
    }

    @Override
    public String toString() {
        return "ThresholdOptimizer[" + constraint + ", maximizing " + objective() + ", tolerance " + tolerance()
                + ", seed " + seed() + (groupBy == null ? "" : ", by " + String.join(" x ", groupBy)) + "]";
    }

    /**
     * A fitted threshold optimizer: one {@link ThresholdRule} per group, what each achieves on the fitting data,
     * and the pooled objective. Immutable; {@link #toString()} prints the table.
     */
    public static final class Fitted {
        private final Constraint constraint;
        private final Objective objective;
        private final double tolerance;
        private final long seed;
        private final FittedGroups groups;
        private final List<GroupSolution> solutions;
        private final ThresholdRule[] rules;
        private final double objectiveValue;
        private final double disparity;
        private final long rows;
        private final boolean weighted;

        private Fitted(ThresholdOptimizer config, FittedGroups groups, GroupCurve[] curves, Solver.Solution s,
                boolean weighted) {
            this.constraint = config.constraint;
            this.objective = config.objective();
            this.tolerance = config.tolerance();
            this.seed = config.seed();
            this.groups = groups;
            this.weighted = weighted;
            int k = curves.length;
            this.rules = new ThresholdRule[k];
            List<GroupSolution> out = new ArrayList<>(k);
            double tpSum = 0;
            double tnSum = 0;
            double[] totals = Solver.totals(curves);
            long n = 0;
            double[][] rates = new double[k][];
            for (int g = 0; g < k; g++) {
                GroupCurve c = curves[g];
                Hull h = s.hulls()[g];
                Solver.Target t = s.targets()[g];
                int a = h.point[t.segment()];
                int b = h.size() == 1 ? a : h.point[t.segment() + 1];
                double p1 = h.size() == 1 ? 0 : t.share();
                ThresholdRule rule;
                if (p1 == 0 || a == b) {
                    rule = new ThresholdRule(c.threshold[a], 1, c.threshold[a], 0, t.pIgnore(), t.constant());
                    b = a;
                    p1 = 0;
                } else if (p1 == 1) {
                    rule = new ThresholdRule(c.threshold[b], 1, c.threshold[b], 0, t.pIgnore(), t.constant());
                    a = b;
                    p1 = 0;
                } else {
                    rule = new ThresholdRule(c.threshold[a], 1 - p1, c.threshold[b], p1, t.pIgnore(), t.constant());
                }
                rules[g] = rule;
                double keep = 1 - t.pIgnore();
                double tp = keep * ((1 - p1) * c.tp[a] + p1 * c.tp[b]) + t.pIgnore() * t.constant() * c.positives;
                double fp = keep * ((1 - p1) * c.fp[a] + p1 * c.fp[b]) + t.pIgnore() * t.constant() * c.negatives;
                double tn = c.negatives - fp;
                tpSum += tp;
                tnSum += tn;
                n += c.rows;
                double w = c.weight();
                MetricValue tpr = c.positives > 0 ? MetricValue.of(tp / c.positives)
                        : MetricValue.undefined("no positives (the group's label-1 rows weigh 0)");
                MetricValue fpr = c.negatives > 0 ? MetricValue.of(fp / c.negatives)
                        : MetricValue.undefined("no negatives (the group's label-0 rows weigh 0)");
                rates[g] = new double[] {(tp + fp) / w, tpr.value(), fpr.value()};
                out.add(new GroupSolution(groups.group(g), rule,
                        new GroupRates(c.rows, w, c.positives, (tp + fp) / w, tpr, fpr, (tp + tn) / w)));
            }
            this.solutions = List.copyOf(out);
            this.rows = n;
            this.objectiveValue = objective == Objective.ACCURACY ? (tpSum + tnSum) / totals[0]
                    : 0.5 * tpSum / totals[1] + 0.5 * tnSum / totals[2];
            this.disparity = disparity(constraint, rates);
        }

        private static double disparity(Constraint c, double[][] rates) {
            int[] which = c == Constraint.DEMOGRAPHIC_PARITY ? new int[] {0}
                    : c == Constraint.TRUE_POSITIVE_RATE_PARITY ? new int[] {1}
                    : c == Constraint.FALSE_POSITIVE_RATE_PARITY ? new int[] {2} : new int[] {1, 2};
            double worst = 0;
            for (int r : which) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (double[] g : rates) {
                    lo = Math.min(lo, g[r]);
                    hi = Math.max(hi, g[r]);
                }
                worst = Math.max(worst, hi - lo);
            }
            return worst;
        }

        /** @return the constraint it was fitted under */
        public Constraint constraint() {
            return constraint;
        }

        /** @return the objective it maximized */
        public Objective objective() {
            return objective;
        }

        /** @return the tolerance it was fitted with */
        public double tolerance() {
            return tolerance;
        }

        /** @return the seed of {@link #predict(double[], String[])} */
        public long seed() {
            return seed;
        }

        /** @return the groups, in the order of {@link #solutions()} */
        public FittedGroups groups() {
            return groups;
        }

        /** @return per group: its rule and the rates the rule achieves on the fitting data */
        public List<GroupSolution> solutions() {
            return solutions;
        }

        /**
         * @return the solution of one group
         * @throws IllegalArgumentException if the model has no such group
         */
        public GroupSolution solution(GroupKey group) {
            int g = groups.indexOf(group.levels()).orElseThrow(() -> new IllegalArgumentException("group "
                    + group.describe() + " was not in the fitting data; the model has " + groups.groups()));
            return solutions.get(g);
        }

        /** @return the objective (accuracy or balanced accuracy) of the expected predictions on the fitting data */
        public double objectiveValue() {
            return objectiveValue;
        }

        /**
         * @return the largest difference between two groups' constrained rates on the fitting data (the larger of
         *     the TPR and FPR differences for equalized odds): at most the tolerance, up to rounding
         */
        public double disparity() {
            return disparity;
        }

        /**
         * {@code P(yhat = 1)} of each row: the rule of its group applied to its score.
         *
         * @throws IllegalArgumentException naming the first row with a score outside [0, 1] or NaN, or of a group
         *     the model was not fitted on
         */
        public double[] probabilityOfPositive(double[] scores, String[] groups) {
            Roles.checkScores(scores, groups);
            return probabilities(scores, this.groups.assign(groups));
        }

        /** {@code P(yhat = 1)} of each row of {@code data}, from its scores and groups. */
        public double[] probabilityOfPositive(FairnessData data) {
            return probabilities(scoresOf(data), groups.assign(data));
        }

        /**
         * Randomized 0/1 predictions, reproducible for the seed: row {@code i} predicts 1 when its draw
         * {@code u_i} (see {@link ThresholdOptimizer}) is below its {@code P(yhat = 1)}.
         *
         * @throws IllegalArgumentException as {@link #probabilityOfPositive(double[], String[])}
         */
        public int[] predict(double[] scores, String[] groups) {
            return draw(probabilityOfPositive(scores, groups));
        }

        /** Randomized 0/1 predictions for the rows of {@code data}, reproducible for the seed. */
        public int[] predict(FairnessData data) {
            return draw(probabilityOfPositive(data));
        }

        /**
         * {@code P(yhat = 1)} of one row: the rule of its group applied to its score. For row-at-a-time callers such
         * as a stream of cases; {@code group} has one level per feature the model was fitted on.
         *
         * @throws IllegalArgumentException for a score outside [0, 1] or NaN, or a group the model was not fitted on
         */
        public double probabilityOfPositive(double score, GroupKey group) {
            if (!(score >= 0 && score <= 1)) {
                throw new IllegalArgumentException("score must be a finite number in [0, 1], got " + score);
            }
            OptionalInt g = groups.indexOf(group.levels());
            if (g.isEmpty() || !group.features().equals(groups.features())) {
                throw new IllegalArgumentException("group " + group.describe()
                        + " is not one the model was fitted on; expected one of " + groups.groups());
            }
            return rules[g.getAsInt()].probabilityOfPositive(score);
        }

        /**
         * The randomized decision of one row: exactly the decision {@link #predict(double[], String[])} gives the row
         * at 0-based index {@code row}, so deciding rows one by one reproduces the array form.
         *
         * @throws IllegalArgumentException as {@link #probabilityOfPositive(double, GroupKey)}, or for a negative row
         */
        public int predict(long row, double score, GroupKey group) {
            if (row < 0) {
                throw new IllegalArgumentException("row must be >= 0 (0-based), got " + row);
            }
            return uniform(seed, row) < probabilityOfPositive(score, group) ? 1 : 0;
        }

        private static double[] scoresOf(FairnessData data) {
            if (!data.hasScores()) {
                throw new IllegalArgumentException("the data has no scores; set them with scores(...)");
            }
            double[] s = new double[data.rows()];
            for (int i = 0; i < s.length; i++) {
                s[i] = data.score(i);
            }
            return s;
        }

        private double[] probabilities(double[] scores, int[] codes) {
            double[] p = new double[scores.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = rules[codes[i]].probabilityOfPositive(scores[i]);
            }
            return p;
        }

        private int[] draw(double[] p) {
            return SplitMix.draw(seed, p);
        }

        /**
         * The {@code i}-th (0-based) double of a SplitMix64 generator seeded with {@code seed} (Commons RNG's
         * {@code SPLIT_MIX_64}): state {@code seed + (i + 1) * 0x9E3779B97F4A7C15}, Stafford's mix 13, top 53 bits.
         */
        static double uniform(long seed, long i) {
            return SplitMix.uniform(seed, i);
        }

        /** @return the configuration, the pooled objective, the disparity and one line per group */
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "ThresholdOptimizer: %s, maximizing %s, tolerance %s, seed %d; "
                    + "fitted by %s on %d %srows%n", constraint, objective, num(tolerance), seed,
                    String.join(" x ", groups.features()), rows, weighted ? "weighted " : ""));
            b.append(String.format(Locale.ROOT, "%s on the fitting data %.6f; largest difference in %s %.6f%n",
                    objective, objectiveValue, constraint.rates(), disparity));
            int width = "group".length();
            for (GroupKey k : groups.groups()) {
                width = Math.max(width, k.label().length());
            }
            String line = "%-" + width + "s  %8s  %12s  %9s  %8s  %8s  %8s  %s%n";
            b.append(String.format(Locale.ROOT, line, "group", "rows", "weight", "selection", "TPR", "FPR",
                    "accuracy", "rule: P(yhat = 1 | score s)"));
            for (GroupSolution s : solutions) {
                GroupRates r = s.rates();
                b.append(String.format(Locale.ROOT, line, s.group().label(), r.rows(), num(r.weight()),
                        String.format(Locale.ROOT, "%.4f", r.selectionRate()), rate(r.truePositiveRate()),
                        rate(r.falsePositiveRate()), String.format(Locale.ROOT, "%.4f", r.accuracy()), s.rule()));
            }
            return b.toString().replace(System.lineSeparator(), "\n");
        }

        private static String rate(MetricValue v) {
            return v.isDefined() ? String.format(Locale.ROOT, "%.4f", v.value()) : "undef.";
        }

        private static String num(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%.0f", v)
                    : String.format(Locale.ROOT, "%.4f", v);
        }
    }
}
