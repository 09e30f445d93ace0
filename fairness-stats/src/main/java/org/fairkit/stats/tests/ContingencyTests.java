package org.fairkit.stats.tests;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.core.metrics.MetricValue;

/**
 * Tests of independence between the rows (groups) and the columns (outcomes) of an {@code r x c} table of
 * counts, e.g. k groups x (selected, not selected). Static methods only.
 *
 * <p>With {@code N} the total, {@code E_ij = row_i · col_j / N} the expected counts and {@code dof = (r-1)(c-1)}:
 * <ul>
 *   <li>Pearson: {@code X² = Σ (O - E)² / E};</li>
 *   <li>G (likelihood ratio): {@code G = 2 Σ O ln(O / E)}, with {@code 0 ln 0 = 0};</li>
 *   <li>p-value: {@code P(χ²(dof) >= statistic)}.</li>
 * </ul>
 * Yates' continuity correction follows SciPy 1.10 {@code scipy.stats.chi2_contingency(table, correction,
 * lambda_)} exactly: it is applied only when asked <em>and</em> {@code dof == 1} (a 2x2 table), to the Pearson
 * and to the G statistic alike, by moving each count towards its expectation,
 * {@code O' = O + sign(E - O) · min(0.5, |O - E|)}; so a 2x2 table whose counts are all within 0.5 of their
 * expectations gets statistic 0 and p = 1 (unlike the textbook {@code Σ (|O - E| - 0.5)² / E}). For larger
 * tables the correction flag is silently ignored, as in SciPy; {@link ContingencyResult#yatesApplied()} says
 * what happened.
 *
 * <p>Undefined (SciPy raises {@code ValueError}) when a row or column total is 0, i.e. an empty group or an
 * outcome that never occurs: some expected count is then 0.
 */
public final class ContingencyTests {
    private ContingencyTests() {
    }

    /** Pearson's chi-squared test of independence; see the class comment for the Yates rule. */
    public static ContingencyResult pearson(long[][] table, boolean yates) {
        return run(table, yates, false);
    }

    /** The G-test (log-likelihood ratio, SciPy {@code lambda_='log-likelihood'}); see the class comment. */
    public static ContingencyResult gTest(long[][] table, boolean yates) {
        return run(table, yates, true);
    }

    /**
     * The expected counts under independence, {@code E_ij = row_i · col_j / N}.
     *
     * @throws IllegalArgumentException for a table that is not rectangular, smaller than 2x2 or has a negative
     *     count
     */
    public static double[][] expected(long[][] table) {
        check(table);
        int r = table.length;
        int c = table[0].length;
        double[] rows = new double[r];
        double[] cols = new double[c];
        double total = 0;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                rows[i] += table[i][j];
                cols[j] += table[i][j];
                total += table[i][j];
            }
        }
        double[][] e = new double[r][c];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                e[i][j] = rows[i] * cols[j] / total;
            }
        }
        return e;
    }

    private static ContingencyResult run(long[][] table, boolean yates, boolean g) {
        double[][] e = expected(table);
        int r = table.length;
        int c = table[0].length;
        int dof = (r - 1) * (c - 1);
        boolean applied = yates && dof == 1;
        String method = (g ? "G-test of independence" : "Pearson chi-squared test of independence")
                + (applied ? " (Yates)" : "");
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                if (!(e[i][j] > 0)) {
                    String reason = "expected count of cell (" + i + ", " + j
                            + ") is 0: a row or column of the table sums to 0";
                    return new ContingencyResult(method, MetricValue.undefined(reason),
                            MetricValue.undefined(reason), dof, applied);
                }
            }
        }
        double stat = 0;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                double o = table[i][j];
                if (applied) {
                    double diff = e[i][j] - o;
                    o += Math.signum(diff) * Math.min(0.5, Math.abs(diff));
                }
                if (g) {
                    stat += o == 0 ? 0 : o * Math.log(o / e[i][j]);
                } else {
                    double d = o - e[i][j];
                    stat += d * d / e[i][j];
                }
            }
        }
        if (g) {
            stat *= 2;
        }
        double p = ChiSquaredDistribution.of(dof).survivalProbability(stat);
        return new ContingencyResult(method, MetricValue.of(stat), MetricValue.of(p), dof, applied);
    }

    private static void check(long[][] table) {
        if (table == null || table.length < 2) {
            throw InputErrors.badSetting("table.length", table == null ? null : table.length,
                    ">= 2 rows (groups)");
        }
        int c = table[0] == null ? 0 : table[0].length;
        if (c < 2) {
            throw InputErrors.badSetting("table[0].length", c, ">= 2 columns (outcomes)");
        }
        for (int i = 0; i < table.length; i++) {
            if (table[i] == null || table[i].length != c) {
                throw InputErrors.badSetting("table[" + i + "].length", table[i] == null ? null : table[i].length,
                        c + " (the length of table[0])");
            }
            for (int j = 0; j < c; j++) {
                if (table[i][j] < 0) {
                    throw InputErrors.badSetting("table[" + i + "][" + j + "]", table[i][j], ">= 0");
                }
            }
        }
    }
}
