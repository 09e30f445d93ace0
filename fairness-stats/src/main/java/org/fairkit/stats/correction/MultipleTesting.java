package org.fairkit.stats.correction;

import java.util.Arrays;
import java.util.Comparator;
import org.fairkit.core.internal.InputErrors;

/**
 * Multiple-comparison corrections of {@code m} p-values. With the p-values sorted ascending,
 * {@code p_(1) <= ... <= p_(m)} (ties keep their sorted positions), each constant states its adjusted p-values
 * and its rejection rule; every rule compares the <em>raw</em> sorted p-values with thresholds ({@code <=}), as
 * statsmodels 0.13.5 {@code statsmodels.stats.multitest.multipletests(pvals, alpha, method)} does, and every
 * adjusted p-value is capped at 1 and returned in input order.
 *
 * <p>Family-wise error control: {@link #BONFERRONI} and {@link #HOLM} (Holm rejects a superset of Bonferroni).
 * False discovery rate control: {@link #BENJAMINI_HOCHBERG} (independent or positively dependent tests, rejects
 * a superset of Holm) and {@link #BENJAMINI_YEKUTIELI} (any dependence).
 *
 * <p>Input: at least one p-value, each in [0, 1]; {@code alpha} in (0, 1); otherwise
 * {@link IllegalArgumentException} naming the parameter.
 */
public enum MultipleTesting {

    /**
     * Bonferroni: adjusted {@code min(1, m·p_i)}; reject {@code p_i <= α/m}. statsmodels {@code 'bonferroni'}.
     */
    BONFERRONI,

    /**
     * Holm (1979) step-down: adjusted {@code max_{j<=i} min(1, (m-j+1)·p_(j))}; reject {@code p_(i)} while
     * {@code p_(j) <= α/(m-j+1)} for all {@code j <= i} (the first failure stops). statsmodels {@code 'holm'}
     * (not its default {@code 'hs'}, Holm-Šidák).
     */
    HOLM,

    /**
     * Benjamini &amp; Hochberg (1995) step-up: adjusted {@code min_{j>=i} min(1, m·p_(j)/j)}; reject every
     * {@code p_(i)} with {@code i <= max{j : p_(j) <= j·α/m}}. statsmodels {@code 'fdr_bh'}.
     */
    BENJAMINI_HOCHBERG,

    /**
     * Benjamini &amp; Yekutieli (2001): as {@link #BENJAMINI_HOCHBERG} with α replaced by {@code α/c_m} and the
     * adjusted p-values multiplied by {@code c_m = Σ_{j=1..m} 1/j}. statsmodels {@code 'fdr_by'}.
     */
    BENJAMINI_YEKUTIELI;

    /**
     * Corrects the p-values.
     *
     * @param pValues the raw p-values, each in [0, 1], at least one
     * @param alpha the level at which to decide rejections, in (0, 1)
     * @return adjusted p-values and reject flags, in input order
     */
    public Correction correct(double[] pValues, double alpha) {
        if (pValues == null || pValues.length == 0) {
            throw InputErrors.badSetting("pValues.length", pValues == null ? null : 0, ">= 1");
        }
        for (int i = 0; i < pValues.length; i++) {
            if (!(pValues[i] >= 0 && pValues[i] <= 1)) {
                throw InputErrors.badValue("pValues", i, pValues[i], "a p-value in [0, 1]");
            }
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw InputErrors.badSetting("alpha", alpha, "in (0, 1), e.g. 0.05");
        }
        int m = pValues.length;
        double[] adjusted = new double[m];
        boolean[] reject = new boolean[m];
        if (this == BONFERRONI) {
            for (int i = 0; i < m; i++) {
                adjusted[i] = Math.min(1, pValues[i] * m);
                reject[i] = pValues[i] <= alpha / m;
            }
            return new Correction(this, alpha, adjusted, reject);
        }
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] sorted = new double[m];
        for (int i = 0; i < m; i++) {
            sorted[i] = pValues[order[i]];
        }
        double[] adj = new double[m];
        boolean[] rej = new boolean[m];
        if (this == HOLM) {
            boolean stopped = false;
            double running = 0;
            for (int i = 0; i < m; i++) {
                stopped |= sorted[i] > alpha / (m - i);
                rej[i] = !stopped;
                running = Math.max(running, (m - i) * sorted[i]);
                adj[i] = Math.min(1, running);
            }
        } else {
            double cm = 1;
            if (this == BENJAMINI_YEKUTIELI) {
                cm = 0;
                for (int j = 1; j <= m; j++) {
                    cm += 1.0 / j;
                }
            }
            int last = -1;
            for (int i = 0; i < m; i++) {
                double factor = (i + 1.0) / m / cm;
                if (sorted[i] <= factor * alpha) {
                    last = i;
                }
            }
            double running = Double.POSITIVE_INFINITY;
            for (int i = m - 1; i >= 0; i--) {
                double factor = (i + 1.0) / m / cm;
                running = Math.min(running, sorted[i] / factor);
                adj[i] = Math.min(1, running);
                rej[i] = i <= last;
            }
        }
        for (int i = 0; i < m; i++) {
            adjusted[order[i]] = adj[i];
            reject[order[i]] = rej[i];
        }
        return new Correction(this, alpha, adjusted, reject);
    }
}
