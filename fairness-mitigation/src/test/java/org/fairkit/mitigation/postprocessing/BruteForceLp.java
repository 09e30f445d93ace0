package org.fairkit.mitigation.postprocessing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * The reference optimum, by brute force: a linear program over mixtures of <em>every</em> threshold of every group
 * (no hull, no sweep, no search), with the constraint written directly on the mixed rates, solved exactly in
 * rational arithmetic ({@link ExactSimplex}). A coin that predicts 1 with probability c is itself the mixture
 * c * (select all) + (1 - c) * (select none), so this covers everything the optimizer can output. Threshold counts
 * are recomputed row by row, O(rows^2). Weights are taken as the exact rationals the generator drew
 * ({@link Problem}: integers, or multiples of 1/1000), so the reference solves the intended problem exactly and
 * differs from the double-precision one by rounding only.
 */
final class BruteForceLp {
    private BruteForceLp() {
    }

    private static BigFraction weight(Problem p, int i) {
        return BigFraction.of(Math.round(p.weight(i) * 1000), 1000);
    }

    static double optimum(Problem p, Constraint c, Objective o, double tau) {
        List<String> names = p.groupNames();
        int k = names.size();
        List<BigFraction[][]> points = new ArrayList<>(); // per group: {fp, tp} per threshold
        BigFraction[] pos = new BigFraction[k];
        BigFraction[] neg = new BigFraction[k];
        BigFraction totalPos = BigFraction.ZERO;
        BigFraction totalNeg = BigFraction.ZERO;
        for (int g = 0; g < k; g++) {
            pos[g] = BigFraction.ZERO;
            neg[g] = BigFraction.ZERO;
            TreeSet<Double> distinct = new TreeSet<>();
            for (int i = 0; i < p.labels().length; i++) {
                if (p.groups()[i].equals(names.get(g))) {
                    distinct.add(p.scores()[i]);
                    if (p.labels()[i] == 1) {
                        pos[g] = pos[g].add(weight(p, i));
                    } else {
                        neg[g] = neg[g].add(weight(p, i));
                    }
                }
            }
            totalPos = totalPos.add(pos[g]);
            totalNeg = totalNeg.add(neg[g]);
            List<Double> cuts = new ArrayList<>();
            cuts.add(Double.POSITIVE_INFINITY);
            cuts.addAll(distinct.descendingSet()); // select s >= cut
            List<BigFraction[]> pts = new ArrayList<>();
            for (double cut : cuts) {
                BigFraction[] pt = {BigFraction.ZERO, BigFraction.ZERO};
                for (int i = 0; i < p.labels().length; i++) {
                    if (p.groups()[i].equals(names.get(g)) && p.scores()[i] >= cut) {
                        int l = p.labels()[i] == 1 ? 1 : 0;
                        pt[l] = pt[l].add(weight(p, i));
                    }
                }
                pts.add(pt);
            }
            points.add(pts.toArray(new BigFraction[0][]));
        }
        BigFraction total = totalPos.add(totalNeg);
        int[] rates = c == Constraint.DEMOGRAPHIC_PARITY ? new int[] {0}
                : c == Constraint.TRUE_POSITIVE_RATE_PARITY ? new int[] {1}
                : c == Constraint.FALSE_POSITIVE_RATE_PARITY ? new int[] {2} : new int[] {1, 2};
        int lambdas = 0;
        for (BigFraction[][] pts : points) {
            lambdas += pts.length;
        }
        int vars = lambdas + rates.length;
        BigFraction half = BigFraction.of(1, 2);
        BigFraction t = BigFraction.from(tau);
        BigFraction[] objective = zeros(vars);
        List<ExactSimplex.Row> rows = new ArrayList<>();
        int offset = 0;
        for (int g = 0; g < k; g++) {
            BigFraction[][] pts = points.get(g);
            BigFraction[] one = zeros(vars);
            BigFraction[][] rate = new BigFraction[rates.length][];
            for (int r = 0; r < rates.length; r++) {
                rate[r] = zeros(vars);
                rate[r][lambdas + r] = BigFraction.ONE.negate();
            }
            for (int j = 0; j < pts.length; j++) {
                BigFraction fp = pts[j][0];
                BigFraction tp = pts[j][1];
                BigFraction tn = neg[g].subtract(fp);
                objective[offset + j] = o == Objective.ACCURACY ? tp.add(tn).divide(total)
                        : half.multiply(tp.divide(totalPos)).add(half.multiply(tn.divide(totalNeg)));
                one[offset + j] = BigFraction.ONE;
                for (int r = 0; r < rates.length; r++) {
                    rate[r][offset + j] = rates[r] == 0 ? tp.add(fp).divide(pos[g].add(neg[g]))
                            : rates[r] == 1 ? tp.divide(pos[g]) : fp.divide(neg[g]);
                }
            }
            rows.add(new ExactSimplex.Row(one, 0, BigFraction.ONE));
            for (int r = 0; r < rates.length; r++) {
                rows.add(new ExactSimplex.Row(rate[r], 1, BigFraction.ZERO));
                rows.add(new ExactSimplex.Row(rate[r].clone(), -1, t));
            }
            offset += pts.length;
        }
        return ExactSimplex.maximize(objective, rows).doubleValue();
    }

    private static BigFraction[] zeros(int n) {
        BigFraction[] z = new BigFraction[n];
        Arrays.fill(z, BigFraction.ZERO);
        return z;
    }
}
