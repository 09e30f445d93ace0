package org.fairkit.mitigation.postprocessing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.fairkit.core.FairnessData;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.internal.CompensatedSum;
import org.fairkit.mitigation.FittedGroups;
import org.fairkit.mitigation.MitigationErrors;
import org.fairkit.mitigation.Mitigator;
import org.fairkit.mitigation.internal.Settings;

/**
 * Reject option classification (Kamiran, Karim &amp; Zhang 2012, "Decision Theory for Discrimination-Aware
 * Classification", ICDM), as AIF360 0.6.1's {@code RejectOptionClassification}: around a classification threshold
 * {@code t}, in the critical region {@code t - m < s <= t + m} of width {@code 2m} (the ROC margin), give the
 * unprivileged rows the favorable decision and the privileged rows the unfavorable one; elsewhere decide
 * {@code s > t}. Deterministic.
 *
 * <pre>{@code
 * RejectOptionClassification.Fitted roc = RejectOptionClassification.metric(Metric.STATISTICAL_PARITY)
 *     .bound(0.05).privileged("Male").groupBy("sex").fit(train);   // exact search (default)
 * int[] fair = roc.predict(test);
 * }</pre>
 *
 * <p><b>The rule is two thresholds.</b> An unprivileged row is predicted 1 exactly when {@code s > t - m}, a
 * privileged row exactly when {@code s > t + m} (the critical region and the base rule {@code s > t} combine to
 * that, also in floating point, with {@code t - m} and {@code t + m} rounded once as AIF360 computes them). The
 * model stores the two thresholds {@code lo = t - m <= hi = t + m}, both in [0, 1] (AIF360's margins run from 0 to
 * {@code min(t, 1 - t)}).
 *
 * <p><b>What is chosen.</b> On the fitting rows (with sample weights when given), the pair with the highest
 * balanced accuracy {@code (TPR + TNR) / 2} (pooled over all rows) among those whose fairness {@link Metric},
 * unprivileged minus privileged, lies within {@code [-bound, bound]}.
 * <ul>
 *   <li><b>Exact search (default).</b> The decisions depend only on which of the group's distinct scores lie above
 *       each threshold, so every distinct outcome is a pair (cut of the unprivileged scores, cut of the privileged
 *       scores) whose threshold ranges admit {@code lo <= hi} within [0, 1]. Balanced accuracy is a sum of one term
 *       per group, and the metric (computed as AIF360 does, in floating point) is monotone in each cut, so for each
 *       privileged cut the feasible unprivileged cuts form a window whose ends only move forward: a sliding-window
 *       maximum covers all pairs in {@code O(n log n)} for the sort and {@code O(n)} after it. Ties (equal balanced
 *       accuracy, compared exactly: {@code TP N + TN P} in counts) go to the lowest privileged threshold, then the
 *       lowest unprivileged one. The stored thresholds are the midpoints of the chosen cuts' ranges (Fairlearn's
 *       and {@link ThresholdOptimizer}'s choice), or one common midpoint ({@code m = 0}) when the midpoints would
 *       cross. The pair "everyone unfavorable" always meets a bound around 0, so the exact search always finds a
 *       feasible point.</li>
 *   <li><b>AIF360's grid</b> ({@link #grid(Grid)}, {@link Grid#aif360()}): thresholds
 *       {@code numpy.linspace(low, high, thresholds)} and, for each, margins
 *       {@code numpy.linspace(0, t <= 0.5 ? t : 1 - t, margins)}, bit for bit ({@code t_i = i * ((high - low) /
 *       (thresholds - 1)) + low}, the last exactly {@code high}). Among the feasible points, the FIRST in grid order
 *       (t ascending, then m) with the maximal balanced accuracy (exact {@code ==} on AIF360's floating-point
 *       value). The exact search's balanced accuracy is never lower than the grid's.</li>
 * </ul>
 * <b>When no point meets the bound</b> (only possible on a grid): by default ({@link Fallback#NEAREST}) the point
 * whose metric is nearest the interval {@code [-bound, bound]}, ties by balanced accuracy, then grid order. AIF360
 * takes the point with the minimal SIGNED metric ({@link Fallback#AIF360_SIGNED_MINIMUM}): the most negative
 * difference, i.e. the decisions most unfavorable to the unprivileged group, the opposite of the constraint's
 * intent; it is offered only to replay AIF360.
 *
 * <p><b>Groups.</b> A two-group method: {@link #privileged(String)} names one group; every other group is
 * unprivileged, pooled. A row of a group the model was not fitted on is refused.
 *
 * <p>Instances are immutable; each setting may be chosen once.
 */
public final class RejectOptionClassification implements Mitigator<RejectOptionClassification.Fitted> {
    private static final String WHAT = "reject option classification";

    /** The fairness metric bounded on the fitting data; unprivileged minus privileged, as AIF360. */
    public enum Metric {
        /** {@code statistical_parity}: {@code P(yhat = 1 | unpriv) - P(yhat = 1 | priv)} (AIF360 "Statistical parity difference"). */
        STATISTICAL_PARITY("statistical_parity"),
        /** {@code average_odds}: {@code ((FPR_u - FPR_p) + (TPR_u - TPR_p)) / 2} (AIF360 "Average odds difference"). */
        AVERAGE_ODDS("average_odds"),
        /** {@code equal_opportunity}: {@code TPR_u - TPR_p} (AIF360 "Equal opportunity difference"). */
        EQUAL_OPPORTUNITY("equal_opportunity");

        private final String id;

        Metric(String id) {
            this.id = id;
        }

        /** @return the id */
        public String id() {
            return id;
        }

        /**
         * @return the metric with this id
         * @throws IllegalArgumentException listing the valid ids
         */
        public static Metric byId(String id) {
            for (Metric m : values()) {
                if (m.id.equals(id)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown metric '" + id
                    + "'; valid: statistical_parity, average_odds, equal_opportunity");
        }

        @Override
        public String toString() {
            return id;
        }
    }

    /** What to choose when no point of a grid meets the bound. */
    public enum Fallback {
        /** The point whose metric is nearest the bound's interval; ties by balanced accuracy, then grid order. */
        NEAREST,
        /** AIF360's rule: the first point with the minimal signed metric (for replaying AIF360 only). */
        AIF360_SIGNED_MINIMUM
    }

    /**
     * AIF360's search grid: {@code thresholds} classification thresholds from {@code low} to {@code high}, and
     * {@code margins} ROC margins from 0 to {@code min(t, 1 - t)} for each.
     *
     * @param low the lowest threshold, in [0, 1]
     * @param high the highest threshold, in [low, 1]
     * @param thresholds the number of thresholds, at least 1
     * @param margins the number of margins per threshold, at least 1
     */
    public record Grid(double low, double high, int thresholds, int margins) {
        /** Validates. */
        public Grid {
            if (!(low >= 0 && low <= high && high <= 1)) {
                throw new IllegalArgumentException("grid thresholds must satisfy 0 <= low <= high <= 1, got low "
                        + low + ", high " + high);
            }
            if (thresholds < 1 || margins < 1) {
                throw new IllegalArgumentException("grid needs at least 1 threshold and 1 margin, got " + thresholds
                        + " and " + margins);
            }
        }

        /** AIF360's defaults: {@code low_class_thresh=0.01, high_class_thresh=0.99, num_class_thresh=100,
         * num_ROC_margin=50}. */
        public static Grid aif360() {
            return new Grid(0.01, 0.99, 100, 50);
        }

        /** {@code numpy.linspace(start, stop, num)} (numpy 1.24), bit for bit. */
        static double[] linspace(double start, double stop, int num) {
            double[] y = new double[num];
            if (num == 1) {
                y[0] = start;
                return y;
            }
            int div = num - 1;
            double delta = stop - start;
            double step = delta / div;
            for (int i = 0; i < num; i++) {
                y[i] = step == 0 ? i / (double) div * delta + start : i * step + start;
            }
            y[num - 1] = stop;
            return y;
        }
    }

    private final Metric metric;
    private final Double bound;
    private final String privileged;
    private final Grid grid;
    private final Fallback fallback;
    private final List<String> groupBy;

    private RejectOptionClassification(Metric metric, Double bound, String privileged, Grid grid, Fallback fallback,
            List<String> groupBy) {
        this.metric = metric;
        this.bound = bound;
        this.privileged = privileged;
        this.grid = grid;
        this.fallback = fallback;
        this.groupBy = groupBy;
    }

    /** Bounds this metric; bound 0.05, exact search by default; {@link #privileged(String)} is required. */
    public static RejectOptionClassification metric(Metric metric) {
        return new RejectOptionClassification(Objects.requireNonNull(metric, "metric"), null, null, null, null, null);
    }

    /** The largest allowed |metric| on the fitting data (default 0.05, AIF360's metric_ub = -metric_lb), in [0, 1]. */
    public RejectOptionClassification bound(double b) {
        Settings.once(bound, "bound");
        if (!(b >= 0 && b <= 1)) {
            throw new IllegalArgumentException("bound must be in [0, 1], got " + b);
        }
        return new RejectOptionClassification(metric, b, privileged, grid, fallback, groupBy);
    }

    /** The privileged group's label. Required. */
    public RejectOptionClassification privileged(String group) {
        Settings.once(privileged, "privileged");
        if (group == null || group.isEmpty()) {
            throw new IllegalArgumentException("privileged must name a group, got " + (group == null ? "null" : "''"));
        }
        return new RejectOptionClassification(metric, bound, group, grid, fallback, groupBy);
    }

    /** Search AIF360's grid instead of every distinct outcome (to replay AIF360). */
    public RejectOptionClassification grid(Grid g) {
        Settings.once(grid, "grid");
        return new RejectOptionClassification(metric, bound, privileged, Objects.requireNonNull(g, "grid"), fallback,
                groupBy);
    }

    /** The rule when no grid point meets the bound (default {@link Fallback#NEAREST}). */
    public RejectOptionClassification fallback(Fallback f) {
        Settings.once(fallback, "fallback");
        return new RejectOptionClassification(metric, bound, privileged, grid, Objects.requireNonNull(f, "fallback"),
                groupBy);
    }

    /** The sensitive features of {@link FairnessData} to group by; needed when the data has more than one. */
    public RejectOptionClassification groupBy(String... features) {
        Settings.once(groupBy, "groupBy");
        return new RejectOptionClassification(metric, bound, privileged, grid, fallback, Settings.features(features));
    }

    /** @return the bound (default filled in) */
    public double bound() {
        return bound == null ? 0.05 : bound;
    }

    /** @return the grid, empty for the exact search */
    public Optional<Grid> grid() {
        return Optional.ofNullable(grid);
    }

    /** @return the fallback (default filled in) */
    public Fallback fallback() {
        return fallback == null ? Fallback.NEAREST : fallback;
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
        Side u = Side.of(s, y, w, role, Roles.UNPRIVILEGED);
        Side p = Side.of(s, y, w, role, Roles.PRIVILEGED);
        check(u, "unprivileged " + roles.unprivilegedLabels());
        check(p, roles.privilegedLabel());
        double bigP = u.pos + p.pos;
        double bigN = u.neg + p.neg;
        if (!(bigP > 0 && bigN > 0)) {
            throw new IllegalArgumentException(WHAT + ": balanced accuracy needs positives and negatives; the data "
                    + "has " + (bigP > 0 ? "no negatives" : "no positives"));
        }
        Scorer sc = new Scorer(metric, u, p, -bound(), bound());
        return grid == null ? exact(roles, u, p, sc) : grid(roles, u, p, sc);
    }

    private void check(Side side, String label) {
        if (!(side.weight > 0)) {
            throw MitigationErrors.missingClass(WHAT, label, "total weight 0", "both roles need rows of positive weight");
        }
        boolean needP = metric != Metric.STATISTICAL_PARITY;
        boolean needN = metric == Metric.AVERAGE_ODDS;
        if (needP && !(side.pos > 0)) {
            throw MitigationErrors.missingClass(WHAT, label, "no positives (no label-1 rows of positive weight)",
                    metric + " needs positives in both roles");
        }
        if (needN && !(side.neg > 0)) {
            throw MitigationErrors.missingClass(WHAT, label, "no negatives (no label-0 rows of positive weight)",
                    metric + " needs negatives in both roles");
        }
    }

    private Fitted exact(Roles roles, Side u, Side p, Scorer sc) {
        int ku = u.values.length;
        int kp = p.values.length;
        int cu0 = ku > 0 && u.values[0] > 0 ? 0 : 1;
        int dp0 = kp > 0 && p.values[0] > 0 ? 0 : 1;
        double[] keyU = new double[ku + 1];
        for (int c = 0; c <= ku; c++) {
            keyU[c] = sc.keyU(c);
        }
        int[] deque = new int[ku + 2];
        int head = 0;
        int tail = 0;
        int next = cu0;
        int lo = cu0;
        int prefixEnd = cu0 - 1;
        int orderEnd = cu0 - 1;
        double bestKey = Double.NEGATIVE_INFINITY;
        int bestC = -1;
        int bestD = -1;
        for (int d = dp0; d <= kp; d++) {
            double hsup = d == kp ? Double.POSITIVE_INFINITY : p.values[d];
            while (orderEnd + 1 <= ku && lmin(u, orderEnd + 1) < hsup) {
                orderEnd++;
            }
            while (lo <= ku && sc.metric(lo, d) > sc.ub) {
                lo++;
            }
            while (prefixEnd + 1 <= ku && sc.metric(prefixEnd + 1, d) >= sc.lb) {
                prefixEnd++;
            }
            int end = Math.min(prefixEnd, orderEnd);
            while (next <= end) {
                while (tail > head && keyU[deque[tail - 1]] < keyU[next]) {
                    tail--;
                }
                deque[tail++] = next++;
            }
            while (tail > head && deque[head] < lo) {
                head++;
            }
            if (tail > head && lo <= end) {
                int c = deque[head];
                double key = keyU[c] + sc.keyP(d);
                if (key > bestKey) {
                    bestKey = key;
                    bestC = c;
                    bestD = d;
                }
            }
        }
        if (bestC < 0) {
            throw new IllegalStateException("no feasible pair: impossible, the all-unfavorable pair meets any bound");
        }
        double[] loRange = {lmin(u, bestC), bestC == ku ? 1.0 : u.values[bestC]};
        double[] hiRange = {bestD == 0 ? 0.0 : p.values[bestD - 1], bestD == kp ? 1.0 : p.values[bestD]};
        double tlo = mid(loRange[0], loRange[1]);
        double thi = mid(hiRange[0], hiRange[1]);
        if (tlo > thi) {
            double x = mid(Math.max(loRange[0], hiRange[0]), Math.min(loRange[1], hiRange[1]));
            tlo = x;
            thi = x;
        }
        return new Fitted(this, roles, tlo, thi, (tlo + thi) / 2, (thi - tlo) / 2, sc.metric(bestC, bestD),
                sc.balancedAccuracy(bestC, bestD), true, null);
    }

    private static double lmin(Side u, int c) {
        return c == 0 ? 0.0 : u.values[c - 1];
    }

    /** A point strictly inside [a, b) (or a itself when the midpoint rounds to b). */
    private static double mid(double a, double b) {
        double m = a + (b - a) / 2;
        return m >= b ? a : m;
    }

    private Fitted grid(Roles roles, Side u, Side p, Scorer sc) {
        double[] ts = Grid.linspace(grid.low(), grid.high(), grid.thresholds());
        int n = ts.length * grid.margins();
        double[] metrics = new double[n];
        double[] ba = new double[n];
        double[] tArr = new double[n];
        double[] mArr = new double[n];
        int k = 0;
        for (double t : ts) {
            double[] ms = Grid.linspace(0.0, t <= 0.5 ? t : 1.0 - t, grid.margins());
            for (double m : ms) {
                int c = u.cut(t - m);
                int d = p.cut(t + m);
                metrics[k] = sc.metric(c, d);
                ba[k] = sc.balancedAccuracy(c, d);
                tArr[k] = t;
                mArr[k] = m;
                k++;
            }
        }
        int best = -1;
        int feasible = 0;
        for (int i = 0; i < n; i++) {
            if (metrics[i] >= sc.lb && metrics[i] <= sc.ub) {
                feasible++;
                if (best < 0 || ba[i] > ba[best]) {
                    best = i;
                }
            }
        }
        int ties = 0;
        if (best >= 0) {
            for (int i = 0; i < n; i++) {
                if (metrics[i] >= sc.lb && metrics[i] <= sc.ub && ba[i] == ba[best]) {
                    ties++;
                }
            }
        } else if (fallback() == Fallback.AIF360_SIGNED_MINIMUM) {
            best = 0;
            for (int i = 1; i < n; i++) {
                if (metrics[i] < metrics[best]) {
                    best = i;
                }
            }
        } else {
            best = 0;
            for (int i = 1; i < n; i++) {
                double di = distance(metrics[i], sc);
                double db = distance(metrics[best], sc);
                if (di < db || (di == db && ba[i] > ba[best])) {
                    best = i;
                }
            }
        }
        double t = tArr[best];
        double m = mArr[best];
        return new Fitted(this, roles, t - m, t + m, t, m, metrics[best], ba[best], feasible > 0,
                new GridReplay(n, feasible, ties, best / grid.margins(), best % grid.margins()));
    }

    private static double distance(double m, Scorer sc) {
        return Math.max(sc.lb - m, m - sc.ub);
    }

    @Override
    public String toString() {
        return "RejectOptionClassification[" + metric + " within " + bound() + ", privileged " + privileged + ", "
                + (grid == null ? "exact" : grid.toString()) + ", fallback " + fallback()
                + (groupBy == null ? "" : ", by " + String.join(" x ", groupBy)) + "]";
    }

    /**
     * The grid search's bookkeeping, as the golden file's {@code grid_replay}.
     *
     * @param points the number of grid points
     * @param feasible the points whose metric met the bound
     * @param tied the feasible points with the chosen balanced accuracy (1: no tie; 0 when none was feasible)
     * @param thresholdIndex the chosen threshold's index in the grid
     * @param marginIndex the chosen margin's index
     */
    public record GridReplay(int points, int feasible, int tied, int thresholdIndex, int marginIndex) {
    }

    /** One role's sorted distinct scores with the weight of positives and negatives at or above each. */
    private static final class Side {
        final double[] values;
        final double[] sufPos;
        final double[] sufNeg;
        final double pos;
        final double neg;
        final double weight;

        private Side(double[] values, double[] sufPos, double[] sufNeg) {
            this.values = values;
            this.sufPos = sufPos;
            this.sufNeg = sufNeg;
            this.pos = sufPos[0];
            this.neg = sufNeg[0];
            this.weight = pos + neg;
        }

        static Side of(double[] s, int[] y, double[] w, int[] role, int r) {
            if (w == null) {
                return unweighted(s, y, role, r);
            }
            int n = 0;
            for (int x : role) {
                n += x == r ? 1 : 0;
            }
            double[] sorted = new double[n];
            int k = 0;
            for (int i = 0; i < s.length; i++) {
                if (role[i] == r) {
                    sorted[k++] = s[i];
                }
            }
            Arrays.sort(sorted);
            int distinct = 0;
            for (int i = 0; i < n; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    sorted[distinct++] = sorted[i];
                }
            }
            double[] values = Arrays.copyOf(sorted, distinct);
            double[] posAt = new double[distinct];
            double[] negAt = new double[distinct];
            double[] posComp = new double[distinct];
            double[] negComp = new double[distinct];
            for (int i = 0; i < s.length; i++) {
                if (role[i] != r) {
                    continue;
                }
                int at = Arrays.binarySearch(values, s[i]);
                double wi = w == null ? 1.0 : w[i];
                if (y[i] == 1) {
                    CompensatedSum.add(posAt, posComp, at, wi);
                } else {
                    CompensatedSum.add(negAt, negComp, at, wi);
                }
            }
            double[] sufPos = new double[distinct + 1];
            double[] sufNeg = new double[distinct + 1];
            CompensatedSum sp = new CompensatedSum();
            CompensatedSum sn = new CompensatedSum();
            for (int c = distinct - 1; c >= 0; c--) {
                sp.add(posAt[c] + posComp[c]);
                sn.add(negAt[c] + negComp[c]);
                sufPos[c] = sp.value();
                sufNeg[c] = sn.value();
            }
            return new Side(values, sufPos, sufNeg);
        }

        /** Unweighted: the role's positive and negative scores sorted apart, then merged (two sorts, no search). */
        private static Side unweighted(double[] s, int[] y, int[] role, int r) {
            int np = 0;
            int nn = 0;
            for (int i = 0; i < s.length; i++) {
                if (role[i] == r) {
                    if (y[i] == 1) {
                        np++;
                    } else {
                        nn++;
                    }
                }
            }
            double[] pos = new double[np];
            double[] neg = new double[nn];
            np = 0;
            nn = 0;
            for (int i = 0; i < s.length; i++) {
                if (role[i] == r) {
                    if (y[i] == 1) {
                        pos[np++] = s[i];
                    } else {
                        neg[nn++] = s[i];
                    }
                }
            }
            Arrays.sort(pos);
            Arrays.sort(neg);
            double[] values = new double[np + nn];
            long[] posAt = new long[np + nn];
            long[] negAt = new long[np + nn];
            int k = -1;
            int a = 0;
            int b = 0;
            while (a < np || b < nn) {
                double v = b >= nn || (a < np && pos[a] <= neg[b]) ? pos[a] : neg[b];
                if (k < 0 || values[k] != v) {
                    values[++k] = v;
                }
                while (a < np && pos[a] == v) {
                    posAt[k]++;
                    a++;
                }
                while (b < nn && neg[b] == v) {
                    negAt[k]++;
                    b++;
                }
            }
            int distinct = k + 1;
            double[] sufPos = new double[distinct + 1];
            double[] sufNeg = new double[distinct + 1];
            long cp = 0;
            long cn = 0;
            for (int c = distinct - 1; c >= 0; c--) {
                cp += posAt[c];
                cn += negAt[c];
                sufPos[c] = cp;
                sufNeg[c] = cn;
            }
            return new Side(Arrays.copyOf(values, distinct), sufPos, sufNeg);
        }

        /** The cut for threshold {@code x}: the index of the first distinct value {@code > x}. */
        int cut(double x) {
            int lo = 0;
            int hi = values.length;
            while (lo < hi) {
                int m = (lo + hi) >>> 1;
                if (values[m] > x) {
                    hi = m;
                } else {
                    lo = m + 1;
                }
            }
            return lo;
        }
    }

    /** The metric and balanced accuracy of a pair of cuts, in AIF360's floating-point arithmetic. */
    private static final class Scorer {
        final Metric metric;
        final Side u;
        final Side p;
        final double lb;
        final double ub;
        final double bigP;
        final double bigN;

        Scorer(Metric metric, Side u, Side p, double lb, double ub) {
            this.metric = metric;
            this.u = u;
            this.p = p;
            this.lb = lb;
            this.ub = ub;
            this.bigP = u.pos + p.pos;
            this.bigN = u.neg + p.neg;
        }

        double metric(int c, int d) {
            switch (metric) {
                case STATISTICAL_PARITY:
                    return (u.sufPos[c] + u.sufNeg[c]) / u.weight - (p.sufPos[d] + p.sufNeg[d]) / p.weight;
                case EQUAL_OPPORTUNITY:
                    return u.sufPos[c] / u.pos - p.sufPos[d] / p.pos;
                default:
                    return 0.5 * ((u.sufNeg[c] / u.neg - p.sufNeg[d] / p.neg) + (u.sufPos[c] / u.pos
                            - p.sufPos[d] / p.pos));
            }
        }

        double balancedAccuracy(int c, int d) {
            double tp = u.sufPos[c] + p.sufPos[d];
            double tn = (u.neg - u.sufNeg[c]) + (p.neg - p.sufNeg[d]);
            return 0.5 * (tp / bigP + tn / bigN);
        }

        /** The unprivileged share of {@code TP N + TN P} (exact for integer counts below 2^53). */
        double keyU(int c) {
            return u.sufPos[c] * bigN + (u.neg - u.sufNeg[c]) * bigP;
        }

        double keyP(int d) {
            return p.sufPos[d] * bigN + (p.neg - p.sufNeg[d]) * bigP;
        }
    }

    /**
     * A fitted reject option classifier: the two thresholds (and AIF360's threshold and margin), the metric and
     * balanced accuracy on the fitting data, and, for a grid search, its bookkeeping. Immutable.
     */
    public static final class Fitted {
        private final Metric metric;
        private final double bound;
        private final Roles roles;
        private final double lo;
        private final double hi;
        private final double threshold;
        private final double margin;
        private final double metricValue;
        private final double balancedAccuracy;
        private final boolean feasible;
        private final GridReplay replay;

        private Fitted(RejectOptionClassification config, Roles roles, double lo, double hi, double threshold,
                double margin, double metricValue, double balancedAccuracy, boolean feasible, GridReplay replay) {
            this.metric = config.metric;
            this.bound = config.bound();
            this.roles = roles;
            this.lo = lo;
            this.hi = hi;
            this.threshold = threshold;
            this.margin = margin;
            this.metricValue = metricValue;
            this.balancedAccuracy = balancedAccuracy;
            this.feasible = feasible;
            this.replay = replay;
        }

        /** @return the bounded metric */
        public Metric metric() {
            return metric;
        }

        /** @return the bound */
        public double bound() {
            return bound;
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

        /** @return the classification threshold {@code t} (AIF360's {@code classification_threshold}) */
        public double classificationThreshold() {
            return threshold;
        }

        /** @return the ROC margin {@code m} (AIF360's {@code ROC_margin}) */
        public double margin() {
            return margin;
        }

        /** @return {@code t - m}: an unprivileged row is predicted 1 when its score is above it */
        public double unprivilegedThreshold() {
            return lo;
        }

        /** @return {@code t + m}: a privileged row is predicted 1 when its score is above it */
        public double privilegedThreshold() {
            return hi;
        }

        /** @return the metric (unprivileged minus privileged) of the decisions on the fitting data */
        public double metricValue() {
            return metricValue;
        }

        /** @return the pooled balanced accuracy of the decisions on the fitting data */
        public double balancedAccuracy() {
            return balancedAccuracy;
        }

        /** @return whether the chosen point meets the bound (false only after a grid's fallback) */
        public boolean feasible() {
            return feasible;
        }

        /** @return the grid search's bookkeeping; empty for the exact search */
        public Optional<GridReplay> gridReplay() {
            return Optional.ofNullable(replay);
        }

        /** The 0/1 decisions of the rows. */
        public int[] predict(double[] scores, String[] groups) {
            Roles.checkScores(scores, groups);
            return decide(scores, roles.of(groups));
        }

        /** The 0/1 decisions of the rows of {@code data}. */
        public int[] predict(FairnessData data) {
            return decide(Roles.Columns.of(data, WHAT).scores(), roles.of(data));
        }

        /** The decision of one row. */
        public int predict(double score, GroupKey group) {
            if (!(score >= 0 && score <= 1)) {
                throw new IllegalArgumentException("score must be a finite number in [0, 1], got " + score);
            }
            return score > (roles.of(group) == Roles.PRIVILEGED ? hi : lo) ? 1 : 0;
        }

        private int[] decide(double[] scores, int[] role) {
            int[] out = new int[scores.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = scores[i] > (role[i] == Roles.PRIVILEGED ? hi : lo) ? 1 : 0;
            }
            return out;
        }

        /** @return the settings, the thresholds and the fitting data's metric and balanced accuracy */
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "RejectOptionClassification: %s within [-%s, %s], %s; privileged %s, "
                    + "unprivileged %s%n", metric, bound, bound, replay == null ? "exact search"
                            : "grid of " + replay.points() + " points", privilegedGroup(), unprivilegedGroups()));
            b.append(String.format(Locale.ROOT, "classification threshold %.6f, ROC margin %.6f: unprivileged "
                    + "predicted 1 when score > %.6f, privileged when score > %.6f%n", threshold, margin, lo, hi));
            b.append(String.format(Locale.ROOT, "on the fitting data: %s %.6f, balanced accuracy %.6f%s%n", metric,
                    metricValue, balancedAccuracy, feasible ? "" : " (NO point met the bound: fallback)"));
            if (replay != null) {
                b.append(String.format(Locale.ROOT, "grid: %d feasible of %d points, %d tied at the best%n",
                        replay.feasible(), replay.points(), replay.tied()));
            }
            return b.toString().replace(System.lineSeparator(), "\n");
        }
    }
}
