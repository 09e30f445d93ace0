package org.fairkit.mitigation.postprocessing;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * The exact optimization behind {@link ThresholdOptimizer}: from each group's threshold points to each group's
 * randomized rule. See {@link ThresholdOptimizer} for the method; this class holds the arithmetic.
 */
final class Solver {
    private Solver() {
    }

    /** One group's solution: a point of its hull (segment and share), then a coin mixed in with pIgnore. */
    record Target(int segment, double share, double pIgnore, double constant) {
    }

    /** All groups' targets, and the hulls they refer to. */
    record Solution(Hull[] hulls, Target[] targets) {
    }

    /** {@code search} forces the window search for equalized odds even at tolerance 0 (tests compare both). */
    static Solution solve(GroupCurve[] curves, Constraint constraint, Objective objective, double tau,
            boolean search) {
        return constraint == Constraint.EQUALIZED_ODDS
                ? equalizedOdds(curves, objective, tau, search)
                : simple(curves, constraint, objective, tau);
    }

    // ---------------------------------------------------------------- simple constraints (one rate)

    static double rate(Constraint c, GroupCurve g, double fp, double tp) {
        switch (c) {
            case DEMOGRAPHIC_PARITY:
                return (tp + fp) / g.weight();
            case TRUE_POSITIVE_RATE_PARITY:
                return tp / g.positives;
            case FALSE_POSITIVE_RATE_PARITY:
                return fp / g.negatives;
            default:
                throw new IllegalArgumentException(c + " is not a single-rate constraint");
        }
    }

    /** A group's additive share of the pooled objective. */
    static double contribution(Objective o, GroupCurve g, double fp, double tp, double[] totals) {
        double tn = g.negatives - fp;
        return o == Objective.ACCURACY ? (tp + tn) / totals[0] : 0.5 * (tp / totals[1]) + 0.5 * (tn / totals[2]);
    }

    /** {W, P, N} over all groups. */
    static double[] totals(GroupCurve[] curves) {
        double p = 0;
        double n = 0;
        for (GroupCurve g : curves) {
            p += g.positives;
            n += g.negatives;
        }
        return new double[] {p + n, p, n};
    }

    private static Solution simple(GroupCurve[] curves, Constraint constraint, Objective objective, double tau) {
        int k = curves.length;
        double[] totals = totals(curves);
        Hull[] hulls = new Hull[k];
        for (int g = 0; g < k; g++) {
            GroupCurve c = curves[g];
            int m = c.points();
            double[] xs = new double[m];
            double[] ys = new double[m];
            for (int p = 0; p < m; p++) {
                xs[p] = rate(constraint, c, c.fp[p], c.tp[p]);
                ys[p] = contribution(objective, c, c.fp[p], c.tp[p], totals);
            }
            hulls[g] = Hull.upper(xs, ys);
        }
        double[] x = simpleTargets(hulls, tau);
        Target[] targets = new Target[k];
        for (int g = 0; g < k; g++) {
            int j = hulls[g].segment(x[g]);
            targets[g] = new Target(j, hulls[g].share(j, x[g]), 0, 0);
        }
        return new Solution(hulls, targets);
    }

    /**
     * The rate of each group maximizing {@code sum_g f_g(x_g)} subject to {@code max x_g - min x_g <= tau}, each
     * {@code f_g} concave piecewise linear on [0, 1]. For a window {@code [c, c + tau]} the best {@code x_g} is the
     * group's unconstrained maximizer clamped to the window, so the total {@code F(c)} is piecewise linear in
     * {@code c} with breakpoints at {@code x_gj} and {@code x_gj - tau} (vertices); its maximum is at one of them
     * or at an end of {@code [0, 1 - tau]}. All are evaluated: {@code O(V G log V)} for V hull vertices and G
     * groups (a few thousand vertices even for millions of rows).
     */
    static double[] simpleTargets(Hull[] hulls, double tau) {
        int k = hulls.length;
        double hiC = Math.max(0, 1 - tau);
        double[] best = new double[k];
        int count = 2;
        for (Hull h : hulls) {
            count += 2 * h.size();
        }
        double[] cands = new double[count];
        int n = 0;
        cands[n++] = 0;
        cands[n++] = hiC;
        for (int g = 0; g < k; g++) {
            best[g] = hulls[g].x[hulls[g].argmax()];
            for (double v : hulls[g].x) {
                cands[n++] = clamp(v, 0, hiC);
                cands[n++] = clamp(v - tau, 0, hiC);
            }
        }
        Arrays.sort(cands);
        double[] values = new double[cands.length];
        for (int i = 0; i < cands.length; i++) {
            double c = cands[i];
            double hi = Math.min(c + tau, 1);
            double total = 0;
            for (int g = 0; g < k; g++) {
                total += hulls[g].valueAt(clamp(best[g], c, hi));
            }
            values[i] = total;
        }
        double bestC = cands[firstNearMax(values)];
        double hi = Math.min(bestC + tau, 1);
        double[] x = new double[k];
        for (int g = 0; g < k; g++) {
            x[g] = tau == 0 ? bestC : clamp(best[g], bestC, hi);
        }
        return x;
    }

    /**
     * Objective values closer than this count as equal; among equal optima the smallest rate wins, as Fairlearn's
     * {@code idxmax} picks the first grid point. Objectives are accuracies in [0, 1].
     */
    static final double TIE = 1e-12;

    /** @return the first index whose value is within {@link #TIE} of the maximum (values in ascending rate order) */
    static int firstNearMax(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            max = Math.max(max, v);
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] >= max - TIE) {
                return i;
            }
        }
        throw new IllegalStateException("no finite objective value");
    }

    static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : v > hi ? hi : v;
    }

    // ---------------------------------------------------------------- equalized odds

    private static Solution equalizedOdds(GroupCurve[] curves, Objective objective, double tau, boolean search) {
        int k = curves.length;
        double[] totals = totals(curves);
        Hull[] roc = new Hull[k];
        double[] a = new double[k];
        double[] b = new double[k];
        for (int g = 0; g < k; g++) {
            GroupCurve c = curves[g];
            int m = c.points();
            double[] xs = new double[m];
            double[] ys = new double[m];
            for (int p = 0; p < m; p++) {
                xs[p] = c.fp[p] / c.negatives;
                ys[p] = c.tp[p] / c.positives;
            }
            roc[g] = Hull.upper(xs, ys);
            // the group's share of the objective is a_g * TPR - b_g * FPR + const
            a[g] = objective == Objective.ACCURACY ? c.positives / totals[0] : 0.5 * c.positives / totals[1];
            b[g] = objective == Objective.ACCURACY ? c.negatives / totals[0] : 0.5 * c.negatives / totals[2];
        }
        double[][] points;
        if (tau == 0 && !search) {
            double[] common = commonPoint(roc, sum(a), sum(b));
            points = new double[k][];
            Arrays.fill(points, common);
        } else {
            points = windowSearch(roc, a, b, tau);
        }
        Target[] targets = new Target[k];
        for (int g = 0; g < k; g++) {
            double x = clamp(points[g][0], 0, 1);
            int j = roc[g].segment(x);
            double top = roc[g].valueOnSegment(j, x);
            double y = clamp(points[g][1], x, top);
            double pIgnore = top > x ? clamp((top - y) / (top - x), 0, 1) : 0;
            targets[g] = new Target(j, roc[g].share(j, x), pIgnore, x);
        }
        return new Solution(roc, targets);
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s;
    }

    /**
     * The point {@code (x, h(x))} maximizing {@code A h(x) - B x}, with {@code h = min_g H_g} the lower envelope
     * of the groups' ROC hulls (the largest TPR every group can reach at false positive rate x). {@code h} is
     * concave, so is the objective: its maximum over the union U of all hull vertices is found by one sweep
     * ({@code O(|U| groups)}); the true maximum lies within the two intervals of U next to it, where each hull is
     * linear and the envelope can only bend where two lines cross, so the pairwise crossings there are the only
     * other candidates.
     */
    static double[] commonPoint(Hull[] roc, double coefY, double coefX) {
        int k = roc.length;
        int total = 0;
        for (Hull h : roc) {
            total += h.size();
        }
        double[] u = new double[total];
        int n = 0;
        for (Hull h : roc) {
            System.arraycopy(h.x, 0, u, n, h.size());
            n += h.size();
        }
        Arrays.sort(u);
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (m == 0 || u[i] != u[m - 1]) {
                u[m++] = u[i];
            }
        }
        int[] seg = new int[k];
        double[] values = new double[m];
        for (int i = 0; i < m; i++) {
            double q = u[i];
            double h = Double.POSITIVE_INFINITY;
            for (int g = 0; g < k; g++) {
                Hull r = roc[g];
                while (seg[g] < r.size() - 2 && r.x[seg[g] + 1] < q) {
                    seg[g]++;
                }
                h = Math.min(h, r.size() == 1 ? r.y[0] : r.valueOnSegment(seg[g], clamp(q, r.minX(), r.maxX())));
            }
            values[i] = coefY * h - coefX * q;
        }
        int bestIndex = 0;
        for (int i = 1; i < m; i++) {
            if (values[i] > values[bestIndex]) {
                bestIndex = i;
            }
        }
        // candidates: the vertices, and the crossings inside the two intervals next to the best vertex
        double[] xs = Arrays.copyOf(u, m + k * k);
        double[] vs = Arrays.copyOf(values, m + k * k);
        int c = m;
        for (int side = -1; side <= 0; side++) {
            int lo = bestIndex + side;
            if (lo < 0 || lo + 1 >= m) {
                continue;
            }
            double from = u[lo];
            double to = u[lo + 1];
            double[] at = new double[k];
            double[] slope = new double[k];
            for (int g = 0; g < k; g++) {
                at[g] = roc[g].valueAt(from);
                slope[g] = (roc[g].valueAt(to) - at[g]) / (to - from);
            }
            for (int g = 0; g < k; g++) {
                for (int h = g + 1; h < k; h++) {
                    if (slope[g] == slope[h]) {
                        continue;
                    }
                    double q = from + (at[h] - at[g]) / (slope[g] - slope[h]);
                    if (q > from && q < to) {
                        xs[c] = q;
                        vs[c] = coefY * envelope(roc, q) - coefX * q;
                        c++;
                    }
                }
            }
        }
        double bestX = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < c; i++) {
            max = Math.max(max, vs[i]);
        }
        for (int i = 0; i < c; i++) {
            if (vs[i] >= max - TIE && xs[i] < bestX) {
                bestX = xs[i];
            }
        }
        return new double[] {bestX, envelope(roc, bestX)};
    }

    static double envelope(Hull[] roc, double q) {
        double h = Double.POSITIVE_INFINITY;
        for (Hull r : roc) {
            h = Math.min(h, r.valueAt(q));
        }
        return h;
    }

    /**
     * Equalized odds with a tolerance: maximize {@code F(cx, cy) = sum_g max {a_g y - b_g x : (x, y) in R_g,
     * cx <= x <= cx + tau, cy <= y <= cy + tau}} over the window corner {@code (cx, cy)}, where {@code R_g} is
     * everything between group g's ROC hull {@code H_g} and the diagonal (what mixing its thresholds with a coin
     * reaches).
     *
     * <p>For a given window each group's best point is found exactly, in {@code O(log V)}: since {@code a_g, b_g > 0}
     * the group wants the highest y and the lowest x, so on the window it takes {@code y = min(H_g(x), cy + tau)},
     * a concave function of x, whose maximizer is {@code min(x^_g, H_g^-1(cy + tau))} ({@code x^_g} the vertex
     * maximizing {@code a_g H_g - b_g x}) clamped to the feasible x-interval
     * {@code [max(cx, H_g^-1(cy)), min(cx + tau, cy + tau, 1)]}. {@code F} is jointly concave (each term is the
     * partial maximum of a linear function over a convex set), and so is {@code max_cy F(cx, cy)} in {@code cx}:
     * nested golden-section searches over {@code cx in [0, 1 - tau]} and the feasible
     * {@code cy in [max(0, cx - tau), min(1 - tau, min_g H_g(cx + tau))]} find the maximum to about 1e-15 in the
     * corner. The constraint holds exactly by construction (every point lies in the window); the objective is
     * optimal up to the search's resolution times the slopes of the hulls. commons-math3's simplex was tried here
     * first and abandoned: on some inputs (identical or badly scaled columns) it returns infeasible points.
     */
    static double[][] windowSearch(Hull[] roc, double[] a, double[] b, double tau) {
        int k = roc.length;
        double hiC = Math.max(0, 1 - tau);
        int[] own = new int[k];
        for (int g = 0; g < k; g++) {
            Hull h = roc[g];
            for (int j = 1; j < h.size(); j++) {
                if (a[g] * h.y[j] - b[g] * h.x[j] > a[g] * h.y[own[g]] - b[g] * h.x[own[g]]) {
                    own[g] = j;
                }
            }
        }
        double[] point = new double[2];
        DoubleBinaryOperator total = (cx, cy) -> {
            double sum = 0;
            for (int g = 0; g < k; g++) {
                best(roc[g], roc[g].x[own[g]], cx, cy, tau, point);
                sum += a[g] * point[1] - b[g] * point[0];
            }
            return sum;
        };
        DoubleUnaryOperator cyLow = cx -> Math.max(0, cx - tau);
        DoubleUnaryOperator cyHigh = cx -> {
            double top = hiC;
            for (Hull h : roc) {
                top = Math.min(top, h.valueAt(Math.min(cx + tau, 1)));
            }
            return Math.max(top, cyLow.applyAsDouble(cx));
        };
        double cx = goldenMax(x -> {
            double lo = cyLow.applyAsDouble(x);
            return total.applyAsDouble(x, goldenMax(y -> total.applyAsDouble(x, y), lo, cyHigh.applyAsDouble(x)));
        }, 0, hiC);
        double cy = goldenMax(y -> total.applyAsDouble(cx, y), cyLow.applyAsDouble(cx), cyHigh.applyAsDouble(cx));
        double[][] points = new double[k][2];
        for (int g = 0; g < k; g++) {
            best(roc[g], roc[g].x[own[g]], cx, cy, tau, points[g]);
        }
        return points;
    }

    /** Group g's best point {x, y} in the window with corner (cx, cy), written to {@code out}. */
    private static void best(Hull h, double own, double cx, double cy, double tau, double[] out) {
        double cap = cy + tau;
        double lo = Math.max(cx, inverse(h, cy));
        double hi = Math.min(Math.min(cx + tau, cap), 1);
        double x = clamp(Math.min(own, inverse(h, cap)), lo, Math.max(lo, hi));
        out[0] = x;
        out[1] = Math.max(Math.min(h.valueAt(x), cap), x);
    }

    /** The smallest x with {@code H(x) >= v} (the hull is non-decreasing from (0, y0) to (1, 1)); 1 when v > 1. */
    static double inverse(Hull h, double v) {
        int last = h.size() - 1;
        if (v <= h.y[0]) {
            return h.x[0];
        }
        if (v > h.y[last]) {
            return h.x[last];
        }
        int lo = 1;
        int hi = last;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (h.y[mid] >= v) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        double x = h.x[lo - 1] + (v - h.y[lo - 1]) * ((h.x[lo] - h.x[lo - 1]) / (h.y[lo] - h.y[lo - 1]));
        return Math.min(Math.max(x, h.x[lo - 1]), h.x[lo]);
    }

    /**
     * The argument maximizing a concave function on [lo, hi] by golden-section search down to an interval of
     * 1e-15 (or 200 steps); the best point evaluated, ends included, is returned.
     */
    static double goldenMax(DoubleUnaryOperator f, double lo, double hi) {
        final double r = (Math.sqrt(5) - 1) / 2;
        double bestX = lo;
        double bestV = f.applyAsDouble(lo);
        double vHi = f.applyAsDouble(hi);
        if (vHi > bestV) {
            bestX = hi;
            bestV = vHi;
        }
        double x1 = hi - r * (hi - lo);
        double x2 = lo + r * (hi - lo);
        double f1 = f.applyAsDouble(x1);
        double f2 = f.applyAsDouble(x2);
        for (int step = 0; step < 200 && hi - lo > 1e-15; step++) {
            if (f1 >= f2) {
                hi = x2;
                x2 = x1;
                f2 = f1;
                x1 = hi - r * (hi - lo);
                f1 = f.applyAsDouble(x1);
            } else {
                lo = x1;
                x1 = x2;
                f1 = f2;
                x2 = lo + r * (hi - lo);
                f2 = f.applyAsDouble(x2);
            }
            if (f1 > bestV) {
                bestV = f1;
                bestX = x1;
            }
            if (f2 > bestV) {
                bestV = f2;
                bestX = x2;
            }
        }
        return bestX;
    }
}
