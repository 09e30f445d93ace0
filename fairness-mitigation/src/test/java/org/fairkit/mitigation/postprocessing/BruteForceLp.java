package org.fairkit.mitigation.postprocessing;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * The reference optimum, by brute force: a linear program over mixtures of <em>every</em> threshold of every group
 * (no hull, no sweep), with the constraint written directly on the mixed rates. A coin that predicts 1 with
 * probability c is itself the mixture c * (select all) + (1 - c) * (select none), so this covers everything the
 * optimizer can output. The threshold counts are recomputed row by row, O(rows^2).
 */
final class BruteForceLp {
    private BruteForceLp() {
    }

    static double optimum(Problem p, Constraint c, Objective o, double tau) {
        List<String> names = p.groupNames();
        int k = names.size();
        List<double[][]> points = new ArrayList<>(); // per group: {fp, tp} per threshold
        double[] pos = new double[k];
        double[] neg = new double[k];
        for (int g = 0; g < k; g++) {
            TreeSet<Double> distinct = new TreeSet<>();
            for (int i = 0; i < p.labels().length; i++) {
                if (p.groups()[i].equals(names.get(g))) {
                    distinct.add(p.scores()[i]);
                    pos[g] += p.labels()[i] == 1 ? p.weight(i) : 0;
                    neg[g] += p.labels()[i] == 0 ? p.weight(i) : 0;
                }
            }
            List<Double> cuts = new ArrayList<>();
            cuts.add(Double.POSITIVE_INFINITY);
            cuts.addAll(distinct.descendingSet()); // select s >= cut
            List<double[]> pts = new ArrayList<>();
            for (double cut : cuts) {
                double[] pt = new double[2];
                for (int i = 0; i < p.labels().length; i++) {
                    if (p.groups()[i].equals(names.get(g)) && p.scores()[i] >= cut) {
                        pt[p.labels()[i] == 1 ? 1 : 0] += p.weight(i);
                    }
                }
                // commons-math3 3.6.1's SimplexSolver misreads identical columns (it can return an infeasible
                // point): a threshold that adds only zero-weight rows repeats the previous point, so drop repeats
                if (pts.stream().noneMatch(q -> q[0] == pt[0] && q[1] == pt[1])) {
                    pts.add(pt);
                }
            }
            points.add(pts.toArray(new double[0][]));
        }
        double totalPos = 0;
        double totalNeg = 0;
        for (int g = 0; g < k; g++) {
            totalPos += pos[g];
            totalNeg += neg[g];
        }
        double total = totalPos + totalNeg;
        int[] rates = c == Constraint.DEMOGRAPHIC_PARITY ? new int[] {0}
                : c == Constraint.TRUE_POSITIVE_RATE_PARITY ? new int[] {1}
                : c == Constraint.FALSE_POSITIVE_RATE_PARITY ? new int[] {2} : new int[] {1, 2};
        int lambdas = 0;
        for (double[][] pts : points) {
            lambdas += pts.length;
        }
        int vars = lambdas + rates.length;
        double[] objective = new double[vars];
        List<LinearConstraint> cs = new ArrayList<>();
        int offset = 0;
        for (int g = 0; g < k; g++) {
            double[][] pts = points.get(g);
            double[] one = new double[vars];
            double[][] rate = new double[rates.length][vars];
            for (int j = 0; j < pts.length; j++) {
                double fp = pts[j][0];
                double tp = pts[j][1];
                double tn = neg[g] - fp;
                objective[offset + j] = o == Objective.ACCURACY ? (tp + tn) / total
                        : 0.5 * tp / totalPos + 0.5 * tn / totalNeg;
                one[offset + j] = 1;
                for (int r = 0; r < rates.length; r++) {
                    rate[r][offset + j] = rates[r] == 0 ? (tp + fp) / (pos[g] + neg[g])
                            : rates[r] == 1 ? tp / pos[g] : fp / neg[g];
                }
            }
            cs.add(new LinearConstraint(one, Relationship.EQ, 1));
            for (int r = 0; r < rates.length; r++) {
                rate[r][lambdas + r] = -1;
                cs.add(new LinearConstraint(rate[r], Relationship.GEQ, 0));
                cs.add(new LinearConstraint(rate[r].clone(), Relationship.LEQ, tau));
            }
            offset += pts.length;
        }
        return new SimplexSolver(1e-11, 10, 1e-14).optimize(new MaxIter(1_000_000),
                new LinearObjectiveFunction(objective, 0), new LinearConstraintSet(cs), GoalType.MAXIMIZE,
                new NonNegativeConstraint(true)).getValue();
    }
}
