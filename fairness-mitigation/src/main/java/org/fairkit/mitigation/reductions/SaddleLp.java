package org.fairkit.mitigation.reductions;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.PivotSelectionRule;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * Exponentiated gradient's linear-programming step (Fairlearn {@code _Lagrangian.solve_linprog}): the best mixture
 * of the known predictors and its dual multipliers, both by Commons Math 3's {@link SimplexSolver} (two-phase
 * simplex, Dantzig's rule with Bland's rule as fallback, epsilon 1e-10). The threshold optimizer's tests caught this
 * solver returning infeasible points on degenerate input, so the mixture is checked: if its weights do not sum to 1
 * within 1e-9 the LP is solved again with Bland's rule, and the weights (clamped at 0) are finally renormalized to
 * sum to 1; the reductions' property tests check the sum and the LP step's constraint bound. Not for users.
 *
 * <pre>
 *   primal: min_{Q >= 0, z >= 0} sum_j Q_j err_j + B z   s.t.  sum_j Q_j (gamma_kj - bound) - z <= 0 for all k,
 *                                                              sum_j Q_j = 1
 *   dual:   max_{lambda >= 0, mu} mu                       s.t.  mu - sum_k lambda_k (gamma_kj - bound) <= err_j,
 *                                                              sum_k lambda_k <= B
 * </pre>
 */
final class SaddleLp {
    private SaddleLp() {
    }

    /** The primal mixture Q (length m) and the dual multipliers lambda (length K), and the primal optimum. */
    record Solution(double[] q, double[] lambda, double objective) {
    }

    static Solution solve(double[] errors, List<double[]> gammas, double bound, double b) {
        int m = errors.length;
        int k = gammas.get(0).length;
        // primal: variables Q_0..Q_{m-1}, z
        double[] c = new double[m + 1];
        System.arraycopy(errors, 0, c, 0, m);
        c[m] = b;
        List<LinearConstraint> cons = new ArrayList<>();
        for (int r = 0; r < k; r++) {
            double[] row = new double[m + 1];
            for (int j = 0; j < m; j++) {
                row[j] = gammas.get(j)[r] - bound;
            }
            row[m] = -1;
            cons.add(new LinearConstraint(row, Relationship.LEQ, 0));
        }
        double[] eq = new double[m + 1];
        for (int j = 0; j < m; j++) {
            eq[j] = 1;
        }
        cons.add(new LinearConstraint(eq, Relationship.EQ, 1));
        PointValuePair primal = optimize(new LinearObjectiveFunction(c, 0), cons, PivotSelectionRule.DANTZIG);
        double[] q = mixture(primal, m);
        if (Math.abs(sum(q) - 1) > 1e-9) {
            // commons-math3's simplex can return an infeasible point on degenerate input: retry with Bland's rule
            primal = optimize(new LinearObjectiveFunction(c, 0), cons, PivotSelectionRule.BLAND);
            q = mixture(primal, m);
        }
        double total = sum(q);
        if (Math.abs(total - 1) > 1e-12) {
            for (int j = 0; j < m; j++) {
                q[j] /= total;
            }
        }

        // dual: variables lambda_0..lambda_{K-1}, mu+, mu-
        double[] dc = new double[k + 2];
        dc[k] = -1;
        dc[k + 1] = 1;
        List<LinearConstraint> dcons = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            double[] row = new double[k + 2];
            for (int r = 0; r < k; r++) {
                row[r] = -(gammas.get(j)[r] - bound);
            }
            row[k] = 1;
            row[k + 1] = -1;
            dcons.add(new LinearConstraint(row, Relationship.LEQ, errors[j]));
        }
        double[] zrow = new double[k + 2];
        for (int r = 0; r < k; r++) {
            zrow[r] = 1;
        }
        dcons.add(new LinearConstraint(zrow, Relationship.LEQ, b));
        PointValuePair dual = optimize(new LinearObjectiveFunction(dc, 0), dcons, PivotSelectionRule.DANTZIG);
        double[] lambda = new double[k];
        for (int r = 0; r < k; r++) {
            lambda[r] = Math.max(0.0, dual.getPoint()[r]);
        }
        return new Solution(q, lambda, primal.getValue());
    }

    private static double[] mixture(PointValuePair p, int m) {
        double[] q = new double[m];
        for (int j = 0; j < m; j++) {
            // the simplex may leave a basic variable at -1e-17 or so; a mixture weight is never negative
            q[j] = Math.max(0.0, p.getPoint()[j]);
        }
        return q;
    }

    private static double sum(double[] q) {
        double s = 0;
        for (double v : q) {
            s += v;
        }
        return s;
    }

    private static PointValuePair optimize(LinearObjectiveFunction f, List<LinearConstraint> cons,
            PivotSelectionRule rule) {
        try {
            return new SimplexSolver(1e-10, 10, 1e-13).optimize(new MaxIter(100_000), f,
                    new LinearConstraintSet(cons), GoalType.MINIMIZE, new NonNegativeConstraint(true), rule);
        } catch (org.apache.commons.math3.exception.MathIllegalStateException e) {
            return new SimplexSolver(1e-10, 10, 1e-13).optimize(new MaxIter(100_000), f,
                    new LinearConstraintSet(cons), GoalType.MINIMIZE, new NonNegativeConstraint(true),
                    PivotSelectionRule.BLAND);
        }
    }
}
