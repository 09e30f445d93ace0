package org.fairkit.core.checks;

import java.util.Arrays;
import java.util.Objects;
import org.fairkit.core.metrics.MetricValue;

/**
 * Measures of association between a feature and the sensitive attribute, the basis of proxy detection.
 *
 * <p>For two categorical variables, from their contingency table {@code O} ({@code r × c} counts, total {@code N},
 * margins {@code R_i}, {@code C_j}, expected counts {@code E_ij = R_i C_j / N}); rows and columns with a zero margin
 * are ignored (a level that never occurs):
 * <ul>
 *   <li>{@link #mutualInformation(long[][])}: {@code I = Σ (O_ij/N) ln(O_ij N / (R_i C_j))} in nats (bits: divide by
 *       ln 2, {@link #mutualInformationBits(long[][])}); 0 for independent variables, at most the smaller entropy.
 *       {@code 2 N I} is the G statistic of the likelihood-ratio test, and {@code I} equals scikit-learn's
 *       {@code mutual_info_score}.</li>
 *   <li>{@link #cramersV(long[][])}: {@code V = sqrt(χ² / (N (min(r, c) − 1)))} with Pearson's
 *       {@code χ² = Σ (O − E)² / E} (Cramér 1946), in [0, 1]; undefined when one variable has a single level.</li>
 *   <li>{@link #cramersVBiasCorrected(long[][])}: Bergsma's (2013, "A bias-correction for Cramér's V and
 *       Tschuprow's T", J. Korean Stat. Soc.) correction, which removes the upward bias of V in small samples:
 *       {@code φ̃² = max(0, χ²/N − (r−1)(c−1)/(N−1))}, {@code r̃ = r − (r−1)²/(N−1)}, {@code c̃ = c − (c−1)²/(N−1)},
 *       {@code Ṽ = sqrt(φ̃² / min(r̃ − 1, c̃ − 1))}.</li>
 * </ul>
 * For a numeric feature against groups, {@link #correlationRatio(double[], int[])}:
 * {@code η = sqrt(Σ_g n_g (x̄_g − x̄)² / Σ_i (x_i − x̄)²)} (Pearson 1903), the share of the feature's spread explained
 * by the groups, in [0, 1]; undefined for a constant feature. Mutual information of a numeric feature needs a
 * binning, which FairKit leaves to the caller (bin into categories, then use the categorical measures).
 */
public final class Association {
    private Association() {
    }

    private static int cells(long[][] table) {
        int c = 0;
        for (long[] row : table) {
            c += row.length;
        }
        return c;
    }

    /**
     * The sum of the first {@code count} terms in ascending order: the same bits whatever the order of the table's
     * rows and columns, so relabeling the levels of either variable cannot move a value across a severity threshold.
     */
    private static double orderFreeSum(double[] terms, int count) {
        Arrays.sort(terms, 0, count);
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += terms[i];
        }
        return sum;
    }

    /** @return mutual information in nats; undefined for an empty table */
    public static MetricValue mutualInformation(long[][] table) {
        Margins m = Margins.of(table);
        if (m.total == 0) {
            return MetricValue.undefined("the table is empty (N = 0)");
        }
        double n = m.total;
        double[] terms = new double[cells(table)];
        int t = 0;
        for (int i = 0; i < table.length; i++) {
            for (int j = 0; j < table[i].length; j++) {
                long o = table[i][j];
                if (o > 0) {
                    terms[t++] = o / n * Math.log(o * n / ((double) m.row[i] * m.column[j]));
                }
            }
        }
        return MetricValue.of(Math.max(0, orderFreeSum(terms, t)));
    }

    /** @return mutual information in bits (nats / ln 2); undefined for an empty table */
    public static MetricValue mutualInformationBits(long[][] table) {
        MetricValue nats = mutualInformation(table);
        return nats.isDefined() ? MetricValue.of(nats.value() / Math.log(2)) : nats;
    }

    /** @return Pearson's chi-squared statistic of independence (no continuity correction) */
    public static MetricValue chiSquared(long[][] table) {
        Margins m = Margins.of(table);
        if (m.total == 0) {
            return MetricValue.undefined("the table is empty (N = 0)");
        }
        double n = m.total;
        double[] terms = new double[cells(table)];
        int t = 0;
        for (int i = 0; i < table.length; i++) {
            if (m.row[i] == 0) {
                continue;
            }
            for (int j = 0; j < table[i].length; j++) {
                if (m.column[j] == 0) {
                    continue;
                }
                double e = (double) m.row[i] * m.column[j] / n;
                double d = table[i][j] - e;
                terms[t++] = d * d / e;
            }
        }
        return MetricValue.of(orderFreeSum(terms, t));
    }

    /** @return Cramér's V; undefined when a variable has fewer than two levels that occur */
    public static MetricValue cramersV(long[][] table) {
        Margins m = Margins.of(table);
        MetricValue chi2 = chiSquared(table);
        if (!chi2.isDefined()) {
            return chi2;
        }
        int k = Math.min(m.rowsUsed, m.columnsUsed);
        if (k < 2) {
            return MetricValue.undefined(singleLevel(m));
        }
        return MetricValue.of(Math.min(1, Math.sqrt(chi2.value() / (m.total * (k - 1.0)))));
    }

    /** @return Bergsma's bias-corrected Cramér's V; undefined when a variable has one level or N is too small */
    public static MetricValue cramersVBiasCorrected(long[][] table) {
        Margins m = Margins.of(table);
        MetricValue chi2 = chiSquared(table);
        if (!chi2.isDefined()) {
            return chi2;
        }
        if (Math.min(m.rowsUsed, m.columnsUsed) < 2) {
            return MetricValue.undefined(singleLevel(m));
        }
        double n = m.total;
        if (n < 2) {
            return MetricValue.undefined("needs at least 2 rows (N − 1 = 0)");
        }
        int r = m.rowsUsed;
        int c = m.columnsUsed;
        double phi2 = Math.max(0, chi2.value() / n - (r - 1.0) * (c - 1.0) / (n - 1));
        double rr = r - (r - 1.0) * (r - 1.0) / (n - 1);
        double cc = c - (c - 1.0) * (c - 1.0) / (n - 1);
        double k = Math.min(rr - 1, cc - 1);
        if (!(k > 0)) {
            return MetricValue.undefined("too few rows for the correction (min(r̃, c̃) − 1 = " + k + " <= 0)");
        }
        return MetricValue.of(Math.min(1, Math.sqrt(phi2 / k)));
    }

    private static String singleLevel(Margins m) {
        return m.rowsUsed < 2 ? "the feature has a single level (among rows with a value)"
                : "a single group (among rows with a value)";
    }

    /**
     * The correlation ratio η of numeric values against group codes.
     *
     * @param values finite values, one per row
     * @param groups the group code of each row, {@code >= 0}
     * @return η, undefined when there is no row or the values are constant
     * @throws IllegalArgumentException if the lengths differ, a value is not finite or a code is negative
     */
    public static MetricValue correlationRatio(double[] values, int[] groups) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(groups, "groups");
        if (values.length != groups.length) {
            throw new IllegalArgumentException("values has " + values.length + " rows; expected " + groups.length
                    + " (the length of groups)");
        }
        int g = 0;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("values, row " + i + ": got " + values[i]
                        + "; expected a finite number");
            }
            if (groups[i] < 0) {
                throw new IllegalArgumentException("groups, row " + i + ": got " + groups[i]
                        + "; expected a code >= 0");
            }
            g = Math.max(g, groups[i] + 1);
        }
        if (values.length == 0) {
            return MetricValue.undefined("no rows");
        }
        // Every sum runs over values in ascending order (all rows, then each group's rows), so η has the same bits
        // for any order of the rows or of the group codes: a value exactly at a severity threshold stays on one side.
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double total = 0;
        for (double v : sorted) {
            total += v;
        }
        double mean = total / values.length;
        double ssTotal = 0;
        for (double v : sorted) {
            ssTotal += (v - mean) * (v - mean);
        }
        long[] count = new long[g];
        for (int code : groups) {
            count[code]++;
        }
        int[] start = new int[g + 1];
        for (int k = 0; k < g; k++) {
            start[k + 1] = start[k] + (int) count[k];
        }
        double[] byGroup = new double[values.length];
        int[] next = Arrays.copyOf(start, g);
        for (int i = 0; i < values.length; i++) {
            byGroup[next[groups[i]]++] = values[i];
        }
        double[] sum = new double[g];
        for (int k = 0; k < g; k++) {
            Arrays.sort(byGroup, start[k], start[k + 1]);
            for (int i = start[k]; i < start[k + 1]; i++) {
                sum[k] += byGroup[i];
            }
        }
        if (ssTotal == 0) {
            return MetricValue.undefined("the feature is constant (total sum of squares 0)");
        }
        double[] between = new double[g];
        int t = 0;
        for (int k = 0; k < g; k++) {
            if (count[k] > 0) {
                double d = sum[k] / count[k] - mean;
                between[t++] = count[k] * d * d;
            }
        }
        return MetricValue.of(Math.min(1, Math.sqrt(orderFreeSum(between, t) / ssTotal)));
    }

    /** Margins of a contingency table, after validating it. */
    private static final class Margins {
        long[] row;
        long[] column;
        long total;
        int rowsUsed;
        int columnsUsed;

        static Margins of(long[][] table) {
            Objects.requireNonNull(table, "table");
            Margins m = new Margins();
            int c = table.length == 0 ? 0 : table[0].length;
            m.row = new long[table.length];
            m.column = new long[c];
            for (int i = 0; i < table.length; i++) {
                if (table[i].length != c) {
                    throw new IllegalArgumentException("contingency table row " + i + " has " + table[i].length
                            + " cells; expected " + c + " (a rectangular table)");
                }
                for (int j = 0; j < c; j++) {
                    if (table[i][j] < 0) {
                        throw new IllegalArgumentException("contingency table cell [" + i + "][" + j + "]: got "
                                + table[i][j] + "; expected a count >= 0");
                    }
                    m.row[i] += table[i][j];
                    m.column[j] += table[i][j];
                    m.total += table[i][j];
                }
            }
            for (long r : m.row) {
                m.rowsUsed += r > 0 ? 1 : 0;
            }
            for (long col : m.column) {
                m.columnsUsed += col > 0 ? 1 : 0;
            }
            return m;
        }
    }
}
