package org.fairkit.mitigation.postprocessing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

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

    static Solution solve(GroupCurve[] curves, Constraint constraint, Objective objective, double tau,
            boolean linearProgram) {
        return constraint == Constraint.EQUALIZED_ODDS
                ? equalizedOdds(curves, objective, tau, linearProgram)
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

    private static Solution equalizedOdds(GroupCurve[] curves, Objective objective, double tau, boolean lp) {
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
        if (tau == 0 && !lp) {
            double[] common = commonPoint(roc, sum(a), sum(b));
            points = new double[k][];
            Arrays.fill(points, common);
        } else {
            points = linearProgram(roc, a, b, tau);
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
     * Equalized odds with tolerance: maximize {@code sum_g a_g y_g - b_g x_g} over points {@code (x_g, y_g)} of each
     * group's region (the convex hull of its ROC hull vertices and of (0, 0): everything between the hull and the
     * diagonal, which mixing with a coin reaches) such that all {@code x_g} lie in {@code [cx, cx + tau]} and all
     * {@code y_g} in {@code [cy, cy + tau]}. Variables: the mixing weights of each group's points, {@code cx},
     * {@code cy}; solved by the simplex method (commons-math3 {@link SimplexSolver}). No two columns are identical
     * (hull vertices are distinct, and commons-math3 3.6.1 misreads identical columns), and the solution is checked
     * for feasibility before use.
     */
    static double[][] linearProgram(Hull[] roc, double[] a, double[] b, double tau) {
        int k = roc.length;
        double[][] px = new double[k][];
        double[][] py = new double[k][];
        int[] offset = new int[k + 1];
        for (int g = 0; g < k; g++) {
            Hull h = roc[g];
            boolean origin = h.x[0] == 0 && h.y[0] == 0;
            px[g] = new double[h.size() + (origin ? 0 : 1)];
            py[g] = new double[px[g].length];
            System.arraycopy(h.x, 0, px[g], origin ? 0 : 1, h.size());
            System.arraycopy(h.y, 0, py[g], origin ? 0 : 1, h.size());
            offset[g + 1] = offset[g] + px[g].length;
        }
        int vars = offset[k] + 2;
        int cx = offset[k];
        int cy = offset[k] + 1;
        double[] objective = new double[vars];
        List<LinearConstraint> constraints = new ArrayList<>();
        for (int g = 0; g < k; g++) {
            double[] one = new double[vars];
            double[] xMinusC = new double[vars];
            double[] yMinusC = new double[vars];
            for (int j = 0; j < px[g].length; j++) {
                int v = offset[g] + j;
                objective[v] = a[g] * py[g][j] - b[g] * px[g][j];
                one[v] = 1;
                xMinusC[v] = px[g][j];
                yMinusC[v] = py[g][j];
            }
            xMinusC[cx] = -1;
            yMinusC[cy] = -1;
            constraints.add(new LinearConstraint(one, Relationship.EQ, 1));
            constraints.add(new LinearConstraint(xMinusC, Relationship.GEQ, 0));
            constraints.add(new LinearConstraint(xMinusC.clone(), Relationship.LEQ, tau));
            constraints.add(new LinearConstraint(yMinusC, Relationship.GEQ, 0));
            constraints.add(new LinearConstraint(yMinusC.clone(), Relationship.LEQ, tau));
        }
        PointValuePair solution = new SimplexSolver(1e-11, 10, 1e-14).optimize(new MaxIter(1_000_000),
                new LinearObjectiveFunction(objective, 0), new LinearConstraintSet(constraints), GoalType.MAXIMIZE,
                new NonNegativeConstraint(true));
        double[] lambda = solution.getPoint();
        double[][] points = new double[k][2];
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int g = 0; g < k; g++) {
            double x = 0;
            double y = 0;
            double s = 0;
            for (int j = 0; j < px[g].length; j++) {
                double l = lambda[offset[g] + j];
                x += l * px[g][j];
                y += l * py[g][j];
                s += l;
            }
            if (Math.abs(s - 1) > LP_FEASIBILITY) {
                throw lpFailure("group " + g + "'s mixing weights sum to " + s);
            }
            points[g][0] = x / s;
            points[g][1] = y / s;
            for (int r = 0; r < 2; r++) {
                lo[r] = Math.min(lo[r], points[g][r]);
                hi[r] = Math.max(hi[r], points[g][r]);
            }
        }
        for (int r = 0; r < 2; r++) {
            if (hi[r] - lo[r] > tau + LP_FEASIBILITY) {
                throw lpFailure((r == 0 ? "false" : "true") + " positive rates differ by " + (hi[r] - lo[r]));
            }
        }
        return points;
    }

    /** How far the simplex solution may miss a constraint before it is rejected. */
    static final double LP_FEASIBILITY = 1e-9;

    private static IllegalStateException lpFailure(String what) {
        return new IllegalStateException("the simplex solver returned an infeasible point (" + what
                + "); please report this input");
    }
}
