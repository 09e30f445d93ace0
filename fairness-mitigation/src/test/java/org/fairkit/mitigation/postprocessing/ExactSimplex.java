package org.fairkit.mitigation.postprocessing;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;

/**
 * An exact linear-programming reference: the two-phase simplex method in rational arithmetic with Bland's rule
 * (which cannot cycle), for the small problems of the property tests. {@code maximize c.x} subject to rows
 * {@code a.x (<=, =, >=) b} and {@code x >= 0}. No rounding anywhere, so its optimum is the true optimum of the
 * rational problem it is given.
 */
final class ExactSimplex {
    /** A constraint row: {@code coefficients . x  relation  rhs}, relation -1 for <=, 0 for =, 1 for >=. */
    record Row(BigFraction[] coefficients, int relation, BigFraction rhs) {
    }

    private ExactSimplex() {
    }

    static BigFraction maximize(BigFraction[] c, List<Row> rows) {
        int n = c.length;
        int m = rows.size();
        int slacks = 0;
        for (Row r : rows) {
            slacks += r.relation() != 0 ? 1 : 0;
        }
        int total = n + slacks + m; // originals, slacks, artificials
        BigFraction[][] a = new BigFraction[m][total];
        BigFraction[] rhs = new BigFraction[m];
        int[] basis = new int[m];
        int s = n;
        for (int i = 0; i < m; i++) {
            Row r = rows.get(i);
            for (int j = 0; j < total; j++) {
                a[i][j] = BigFraction.ZERO;
            }
            System.arraycopy(r.coefficients(), 0, a[i], 0, n);
            if (r.relation() != 0) {
                a[i][s++] = r.relation() < 0 ? BigFraction.ONE : BigFraction.ONE.negate();
            }
            rhs[i] = r.rhs();
            if (rhs[i].signum() < 0) {
                for (int j = 0; j < total; j++) {
                    a[i][j] = a[i][j].negate();
                }
                rhs[i] = rhs[i].negate();
            }
            a[i][n + slacks + i] = BigFraction.ONE;
            basis[i] = n + slacks + i;
        }
        BigFraction[] phase1 = new BigFraction[total];
        for (int j = 0; j < total; j++) {
            phase1[j] = j >= n + slacks ? BigFraction.ONE.negate() : BigFraction.ZERO;
        }
        run(a, rhs, basis, phase1, total);
        for (int i = 0; i < m; i++) {
            if (basis[i] >= n + slacks && rhs[i].signum() != 0) {
                throw new IllegalStateException("infeasible reference problem");
            }
        }
        // drive artificials still basic (at level 0) out of the basis, or drop their row if it is redundant; a basic
        // artificial could otherwise grow again in phase 2 through a negative pivot-column entry
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            if (basis[i] >= n + slacks) {
                int col = -1;
                for (int j = 0; j < n + slacks && col < 0; j++) {
                    if (a[i][j].signum() != 0) {
                        col = j;
                    }
                }
                if (col < 0) {
                    continue;
                }
                pivot(a, rhs, i, col);
                basis[i] = col;
            }
            keep.add(i);
        }
        BigFraction[][] a2 = new BigFraction[keep.size()][];
        BigFraction[] rhs2 = new BigFraction[keep.size()];
        int[] basis2 = new int[keep.size()];
        for (int q = 0; q < keep.size(); q++) {
            a2[q] = a[keep.get(q)];
            rhs2[q] = rhs[keep.get(q)];
            basis2[q] = basis[keep.get(q)];
        }
        BigFraction[] phase2 = new BigFraction[total];
        for (int j = 0; j < total; j++) {
            phase2[j] = j < n ? c[j] : BigFraction.ZERO;
        }
        run(a2, rhs2, basis2, phase2, n + slacks);
        a = a2;
        rhs = rhs2;
        basis = basis2;
        m = a.length;
        BigFraction value = BigFraction.ZERO;
        for (int i = 0; i < m; i++) {
            if (basis[i] < n) {
                value = value.add(c[basis[i]].multiply(rhs[i]));
            }
        }
        return value;
    }

    /** Simplex iterations maximizing {@code cost}, entering only columns below {@code enterable}. */
    private static void run(BigFraction[][] a, BigFraction[] rhs, int[] basis, BigFraction[] cost, int enterable) {
        int m = a.length;
        while (true) {
            int enter = -1;
            for (int j = 0; j < enterable && enter < 0; j++) {
                BigFraction d = cost[j];
                for (int i = 0; i < m; i++) {
                    if (a[i][j].signum() != 0) {
                        d = d.subtract(cost[basis[i]].multiply(a[i][j]));
                    }
                }
                if (d.signum() > 0) {
                    enter = j;
                }
            }
            if (enter < 0) {
                return;
            }
            int leave = -1;
            BigFraction ratio = null;
            for (int i = 0; i < m; i++) {
                if (a[i][enter].signum() > 0) {
                    BigFraction q = rhs[i].divide(a[i][enter]);
                    int cmp = ratio == null ? -1 : q.compareTo(ratio);
                    if (cmp < 0 || cmp == 0 && basis[i] < basis[leave]) {
                        ratio = q;
                        leave = i;
                    }
                }
            }
            if (leave < 0) {
                throw new IllegalStateException("unbounded reference problem");
            }
            pivot(a, rhs, leave, enter);
            basis[leave] = enter;
        }
    }

    private static void pivot(BigFraction[][] a, BigFraction[] rhs, int r, int col) {
        BigFraction p = a[r][col];
        List<Integer> nonzero = new ArrayList<>();
        for (int j = 0; j < a[r].length; j++) {
            if (a[r][j].signum() != 0) {
                a[r][j] = a[r][j].divide(p);
                nonzero.add(j);
            }
        }
        rhs[r] = rhs[r].divide(p);
        for (int i = 0; i < a.length; i++) {
            BigFraction f = a[i][col];
            if (i == r || f.signum() == 0) {
                continue;
            }
            for (int j : nonzero) {
                a[i][j] = a[i][j].subtract(f.multiply(a[r][j]));
            }
            rhs[i] = rhs[i].subtract(f.multiply(rhs[r]));
        }
    }
}
