package org.fairkit.mitigation.preprocessing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.fairkit.core.internal.CompensatedSum;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.mitigation.FittedGroups;
import org.fairkit.mitigation.internal.Settings;

/**
 * Correlation remover (Fairlearn's {@code CorrelationRemover}): removes from every feature the part that is a linear
 * function of the sensitive columns, by projecting the features onto the orthogonal complement of the centred
 * sensitive columns, and mixes the result with the original by {@code alpha}.
 *
 * <p>With {@code S} the {@code n x s} sensitive block, {@code m} its centre, {@code Z} the {@code n x p} other
 * numeric features:
 * <pre>
 *   fit:        beta = argmin || Z - (S - m) beta ||   (least squares without intercept; minimum norm when rank-deficient)
 *   transform:  Z'   = Z - (S - m) beta
 *   output:     alpha * Z' + (1 - alpha) * Z,   alpha in [0, 1]
 * </pre>
 * The output keeps the feature names and replaces them in place; the sensitive columns are kept unchanged (Fairlearn
 * drops them; drop them yourself if the model must not see them).
 *
 * <p><b>Centring: which one, and why.</b> Fairlearn's docstring centres each sensitive column by its own mean.
 * Fairlearn 0.13.0's code centres the whole block by one scalar, the mean over all its entries
 * ({@code X_S.mean()} without an axis). With one sensitive column the two agree. With several they do not: the
 * least squares has no intercept, so with the scalar centre the residual is orthogonal to the sensitive columns
 * shifted by a wrong constant, and the output stays correlated with them, on Adult by sex and race MORE than the
 * input (|r| up to 0.59). The documented per-column centring makes every centred sensitive column orthogonal to the
 * constant, so the coefficient is the ordinary regression slope with intercept, the residual has zero sample
 * covariance with every sensitive column (on the fitting rows, at {@code alpha = 1}), and each feature's mean is
 * unchanged. That is what the method promises, so {@link #perColumnMean()} is the default recommendation; the
 * Fairlearn 0.13 behaviour is available only by asking for it by name, {@link #fairlearnScalarMean()}, to reproduce
 * Fairlearn's numbers. Both are tested against Fairlearn 0.13.0 on Adult (the golden file's {@code double} block
 * records Fairlearn's output and the per-column formula).
 *
 * <p><b>Sensitive columns.</b> Either numeric columns of the table ({@link #sensitiveColumns(String...)}, as
 * Fairlearn's {@code sensitive_feature_ids}), or a grouping ({@link #groupBy(String...)}, default: the table's only
 * sensitive column), encoded as 0/1 indicators of every group but the first in grouping order (the span, hence the
 * projection, is the same whichever group is left out). A grouped model refuses rows of a group it never saw.
 *
 * <p><b>Numerics.</b> The centres, the Gram matrix {@code (S - m)'(S - m)} and {@code (S - m)'Z} are Neumaier
 * compensated sums (for a grouping, computed in one pass from the group sizes and the per-group sums of each
 * feature, so the cost does not grow with the number of groups); {@code beta} solves the normal equations through the eigen-decomposition of the small
 * {@code s x s} Gram matrix (commons-math3), treating eigenvalues below {@code 1e-12} of the largest as zero (the
 * minimum-norm least-squares solution, as {@code numpy.linalg.lstsq}). Squaring the condition number is harmless for
 * indicator columns; nearly collinear numeric sensitive columns lose precision.
 *
 * <pre>{@code
 * CorrelationRemover.Fitted cr = CorrelationRemover.perColumnMean().alpha(1.0).groupBy("sex").fit(train);
 * FeatureTable decorrelated = cr.transform(test);
 * }</pre>
 *
 * <p>Reference: Fairlearn 0.13.0, {@code fairlearn.preprocessing.CorrelationRemover} (its user guide, "Correlation
 * Remover", and docstring give the per-column formula).
 */
public final class CorrelationRemover implements FeatureMitigator<CorrelationRemover.Fitted> {
    /** How the sensitive block is centred before the least squares. */
    public enum Centering {
        /** Each sensitive column by its own mean: Fairlearn's documented formula; the output is uncorrelated. */
        PER_COLUMN_MEAN,
        /** Every sensitive column by the one mean over all entries of the block: Fairlearn 0.13.0's code. */
        FAIRLEARN_SCALAR_MEAN
    }

    private final Centering centering;
    private final Double alpha;
    private final List<String> sensitiveColumns;
    private final List<String> groupBy;

    private CorrelationRemover(Centering centering, Double alpha, List<String> sensitiveColumns,
            List<String> groupBy) {
        this.centering = centering;
        this.alpha = alpha;
        this.sensitiveColumns = sensitiveColumns;
        this.groupBy = groupBy;
    }

    /** The correlation remover as documented: each sensitive column centred by its own mean (recommended). */
    public static CorrelationRemover perColumnMean() {
        return new CorrelationRemover(Centering.PER_COLUMN_MEAN, null, null, null);
    }

    /**
     * Fairlearn 0.13.0's computation: the sensitive block centred by one scalar, its mean over all entries. Equal to
     * {@link #perColumnMean()} with one sensitive column; with several, the output is not decorrelated (see the
     * class comment). For reproducing Fairlearn's numbers.
     */
    public static CorrelationRemover fairlearnScalarMean() {
        return new CorrelationRemover(Centering.FAIRLEARN_SCALAR_MEAN, null, null, null);
    }

    /**
     * How much of the projection to apply: 1 (default) removes the linear dependence fully, 0 is the identity.
     *
     * @throws IllegalArgumentException if {@code a} is not in [0, 1]
     * @throws IllegalStateException if already set
     */
    public CorrelationRemover alpha(double a) {
        Settings.once(alpha, "alpha");
        if (!(a >= 0 && a <= 1)) {
            throw InputErrors.badSetting("alpha", a, "in [0, 1]");
        }
        return new CorrelationRemover(centering, a, sensitiveColumns, groupBy);
    }

    /**
     * Numeric columns of the table that are the sensitive block (Fairlearn's {@code sensitive_feature_ids}).
     *
     * @throws IllegalStateException if already set, or if {@link #groupBy(String...)} was set
     */
    public CorrelationRemover sensitiveColumns(String... names) {
        if (groupBy != null) {
            throw new IllegalStateException("sensitiveColumns(...) and groupBy(...) exclude each other; groupBy is "
                    + "already set");
        }
        return new CorrelationRemover(centering, alpha, TableGroups.names(sensitiveColumns, "sensitiveColumns",
                names), null);
    }

    /**
     * The sensitive block as indicators of the groups of these sensitive columns of the table (their intersection
     * when several); the default, without this or {@link #sensitiveColumns(String...)}, is the table's only
     * sensitive column.
     *
     * @throws IllegalStateException if already set, or if {@link #sensitiveColumns(String...)} was set
     */
    public CorrelationRemover groupBy(String... features) {
        if (sensitiveColumns != null) {
            throw new IllegalStateException("sensitiveColumns(...) and groupBy(...) exclude each other; "
                    + "sensitiveColumns is already set");
        }
        Settings.once(groupBy, "groupBy");
        return new CorrelationRemover(centering, alpha, null, Settings.features(features));
    }

    /** @return the centring */
    public Centering centering() {
        return centering;
    }

    /**
     * Fits on the rows of {@code table}: the features are its numeric columns other than the sensitive ones.
     *
     * @throws IllegalArgumentException if a named column is missing, the grouping is ambiguous, or no numeric
     *     feature is left to transform
     */
    @Override
    public Fitted fit(FeatureTable table) {
        double a = alpha == null ? 1.0 : alpha;
        List<String> features = new ArrayList<>(table.numericNames());
        FittedGroups groups = null;
        List<String> sNames;
        double[][] s = null;
        int[] codes = null;
        if (sensitiveColumns != null) {
            sNames = sensitiveColumns;
            s = new double[sNames.size()][];
            for (int k = 0; k < s.length; k++) {
                s[k] = table.column(sNames.get(k));
                features.remove(sNames.get(k));
            }
        } else {
            groups = TableGroups.fit(table, TableGroups.features(groupBy, table));
            sNames = indicatorNames(groups);
            codes = TableGroups.assign(groups, table);
        }
        if (features.isEmpty()) {
            throw new IllegalArgumentException("the table has no numeric feature besides the sensitive columns "
                    + sNames + "; expected at least one feature to decorrelate");
        }
        int n = table.rows();
        int p = features.size();
        double[][] z = new double[p][];
        for (int j = 0; j < p; j++) {
            z[j] = table.column(features.get(j));
        }
        int sc = sNames.size();
        double[] means;
        double[][] gram = new double[sc][sc];
        double[][] cross = new double[sc][p];
        if (s != null) {
            means = centres(s, n, centering);
            columnSums(s, means, z, gram, cross);
        } else {
            means = groupSums(codes, groups.size(), n, centering, z, gram, cross);
        }
        double[][] beta = solve(gram, cross);
        return new Fitted(centering, a, List.copyOf(features), sNames, sensitiveColumns != null, groups, means, beta);
    }

    /** The Gram sums {@code (S - m)'(S - m)} and {@code (S - m)'Z} of numeric sensitive columns, one pass each. */
    private static void columnSums(double[][] s, double[] means, double[][] z, double[][] gram, double[][] cross) {
        int sc = s.length;
        int p = z.length;
        int n = sc == 0 ? 0 : s[0].length;
        for (int k = 0; k < sc; k++) {
            double[] sum = new double[sc + p];
            double[] comp = new double[sc + p];
            double[] xk = s[k];
            double mk = means[k];
            for (int i = 0; i < n; i++) {
                double ck = xk[i] - mk;
                for (int l = k; l < sc; l++) {
                    CompensatedSum.add(sum, comp, l, ck * (s[l][i] - means[l]));
                }
                for (int j = 0; j < p; j++) {
                    CompensatedSum.add(sum, comp, sc + j, ck * z[j][i]);
                }
            }
            for (int l = k; l < sc; l++) {
                gram[k][l] = sum[l] + comp[l];
                gram[l][k] = gram[k][l];
            }
            for (int j = 0; j < p; j++) {
                cross[k][j] = sum[sc + j] + comp[sc + j];
            }
        }
    }

    /**
     * The same sums for the indicators of groups 1..K-1, from the group sizes {@code n_g} and the per-group sums of
     * each feature, in one pass whatever the number of groups: with centres {@code m_k},
     * {@code sum (I_k - m_k)(I_l - m_l) = [k = l] n_k - m_l n_k - m_k n_l + n m_k m_l} and
     * {@code sum (I_k - m_k) z = Z_k - m_k Z}.
     *
     * @return the centres
     */
    private static double[] groupSums(int[] codes, int groupCount, int n, Centering centering, double[][] z,
            double[][] gram, double[][] cross) {
        int p = z.length;
        long[] size = new long[groupCount];
        double[][] sum = new double[p][groupCount];
        double[][] comp = new double[p][groupCount];
        for (int i = 0; i < n; i++) {
            int g = codes[i];
            size[g]++;
            for (int j = 0; j < p; j++) {
                CompensatedSum.add(sum[j], comp[j], g, z[j][i]);
            }
        }
        int sc = groupCount - 1;
        double[] means = new double[sc];
        long indicated = n - size[0];
        for (int k = 0; k < sc; k++) {
            means[k] = centering == Centering.PER_COLUMN_MEAN ? (double) size[k + 1] / n
                    : (double) indicated / ((double) n * sc);
        }
        for (int k = 0; k < sc; k++) {
            for (int l = 0; l < sc; l++) {
                double nk = size[k + 1];
                double nl = size[l + 1];
                gram[k][l] = (k == l ? nk : 0) - means[l] * nk - means[k] * nl + n * means[k] * means[l];
            }
        }
        for (int j = 0; j < p; j++) {
            CompensatedSum total = new CompensatedSum();
            double[] byGroup = new double[groupCount];
            for (int g = 0; g < groupCount; g++) {
                byGroup[g] = sum[j][g] + comp[j][g];
                total.add(byGroup[g]);
            }
            for (int k = 0; k < sc; k++) {
                cross[k][j] = byGroup[k + 1] - means[k] * total.value();
            }
        }
        return means;
    }

    private static double[] centres(double[][] s, int n, Centering centering) {
        int sc = s.length;
        double[] means = new double[sc];
        if (centering == Centering.PER_COLUMN_MEAN) {
            for (int k = 0; k < sc; k++) {
                CompensatedSum sum = new CompensatedSum();
                for (double v : s[k]) {
                    sum.add(v);
                }
                means[k] = sum.value() / n;
            }
        } else if (sc > 0) {
            CompensatedSum sum = new CompensatedSum();
            for (double[] col : s) {
                for (double v : col) {
                    sum.add(v);
                }
            }
            Arrays.fill(means, sum.value() / ((double) n * sc));
        }
        return means;
    }

    /** The minimum-norm solution of {@code gram * beta = cross} through the eigen-decomposition of {@code gram}. */
    private static double[][] solve(double[][] gram, double[][] cross) {
        int sc = gram.length;
        int p = cross.length == 0 ? 0 : cross[0].length;
        double[][] beta = new double[sc][p];
        if (sc == 0) {
            return beta;
        }
        if (sc == 1) {
            if (gram[0][0] > 0) {
                for (int j = 0; j < p; j++) {
                    beta[0][j] = cross[0][j] / gram[0][0];
                }
            }
            return beta;
        }
        EigenDecomposition e = new EigenDecomposition(MatrixUtils.createRealMatrix(gram));
        double[] lambda = e.getRealEigenvalues();
        double max = 0;
        for (double l : lambda) {
            max = Math.max(max, l);
        }
        RealMatrix v = e.getV();
        RealMatrix c = MatrixUtils.createRealMatrix(cross);
        RealMatrix vtc = v.transpose().multiply(c);
        for (int k = 0; k < sc; k++) {
            double scale = lambda[k] > 1e-12 * max && max > 0 ? 1 / lambda[k] : 0;
            for (int j = 0; j < p; j++) {
                vtc.setEntry(k, j, vtc.getEntry(k, j) * scale);
            }
        }
        return v.multiply(vtc).getData();
    }

    private static List<String> indicatorNames(FittedGroups groups) {
        List<String> out = new ArrayList<>();
        String feature = String.join(" x ", groups.features());
        for (int g = 1; g < groups.size(); g++) {
            out.add(feature + "=" + groups.group(g).label());
        }
        return List.copyOf(out);
    }

    /** @return e.g. {@code CorrelationRemover[PER_COLUMN_MEAN, alpha 1.0, by sex]} */
    @Override
    public String toString() {
        return "CorrelationRemover[" + centering + ", alpha " + (alpha == null ? 1.0 : alpha) + ", "
                + (sensitiveColumns != null ? "sensitive columns " + sensitiveColumns
                        : groupBy != null ? "by " + String.join(" x ", groupBy) : "by the table's sensitive column")
                + "]";
    }

    /**
     * A fitted correlation remover: the centres and the coefficients {@code beta} ({@code s x p}), applied to any
     * rows by {@link #transform(FeatureTable)}. Immutable.
     */
    public static final class Fitted {
        private final Centering centering;
        private final double alpha;
        private final List<String> features;
        private final List<String> sensitive;
        private final boolean numericSensitive;
        private final FittedGroups groups;
        private final double[] means;
        private final double[][] beta;

        private Fitted(Centering centering, double alpha, List<String> features, List<String> sensitive,
                boolean numericSensitive, FittedGroups groups, double[] means, double[][] beta) {
            this.centering = centering;
            this.alpha = alpha;
            this.features = features;
            this.sensitive = sensitive;
            this.numericSensitive = numericSensitive;
            this.groups = groups;
            this.means = means;
            this.beta = beta;
        }

        /** @return the centring used */
        public Centering centering() {
            return centering;
        }

        /** @return alpha */
        public double alpha() {
            return alpha;
        }

        /** @return the transformed features, in table order */
        public List<String> features() {
            return features;
        }

        /**
         * @return the sensitive block's column names: the numeric columns, or {@code feature=level} for each
         *     indicator of a grouping (every group but the first)
         */
        public List<String> sensitiveColumns() {
            return sensitive;
        }

        /** @return the groups of a grouped model, empty when the sensitive block is numeric columns */
        public Optional<FittedGroups> groups() {
            return Optional.ofNullable(groups);
        }

        /** @return the centre of each sensitive column (all equal under {@link Centering#FAIRLEARN_SCALAR_MEAN}) */
        public double[] means() {
            return means.clone();
        }

        /** @return {@code beta[k][j]}: the coefficient of sensitive column {@code k} for feature {@code j} */
        public double[][] beta() {
            double[][] out = new double[beta.length][];
            for (int k = 0; k < beta.length; k++) {
                out[k] = beta[k].clone();
            }
            return out;
        }

        /**
         * The table with every fitted feature replaced by {@code alpha * (z - (s - m) beta) + (1 - alpha) * z};
         * every other column unchanged.
         *
         * @throws IllegalArgumentException if a fitted column is missing, or naming the first row of a group the
         *     model was not fitted on
         */
        public FeatureTable transform(FeatureTable table) {
            int n = table.rows();
            int sc = sensitive.size();
            Map<String, double[]> out = new LinkedHashMap<>();
            if (!numericSensitive) {
                int[] codes = TableGroups.assign(groups, table);
                for (int j = 0; j < features.size(); j++) {
                    // (I - m) beta for a row of group g: beta[g - 1] (none for group 0) minus sum_k m_k beta[k]
                    double centre = 0;
                    for (int k = 0; k < sc; k++) {
                        centre += means[k] * beta[k][j];
                    }
                    double[] proj = new double[groups.size()];
                    for (int g = 0; g < proj.length; g++) {
                        proj[g] = (g == 0 ? 0 : beta[g - 1][j]) - centre;
                    }
                    double[] z = table.column(features.get(j));
                    double[] r = new double[n];
                    for (int i = 0; i < n; i++) {
                        r[i] = alpha * (z[i] - proj[codes[i]]) + (1 - alpha) * z[i];
                    }
                    out.put(features.get(j), r);
                }
                return table.replacing(out);
            }
            double[][] s = new double[sc][];
            for (int k = 0; k < sc; k++) {
                s[k] = table.column(sensitive.get(k));
            }
            for (int j = 0; j < features.size(); j++) {
                double[] z = table.column(features.get(j));
                double[] r = new double[n];
                for (int i = 0; i < n; i++) {
                    double proj = 0;
                    for (int k = 0; k < sc; k++) {
                        proj += (s[k][i] - means[k]) * beta[k][j];
                    }
                    double filtered = z[i] - proj;
                    // Fairlearn's order of operations: alpha * X_filtered + (1 - alpha) * X
                    r[i] = alpha * filtered + (1 - alpha) * z[i];
                }
                out.put(features.get(j), r);
            }
            return table.replacing(out);
        }

        /** @return the centring, alpha, the centres and the coefficients, one line per sensitive column */
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "Correlation remover (%s, alpha %s): %d features, sensitive %s%n",
                    centering, alpha, features.size(), sensitive));
            int width = "sensitive".length();
            for (String s : sensitive) {
                width = Math.max(width, s.length());
            }
            b.append(String.format(Locale.ROOT, "%-" + width + "s  %14s", "sensitive", "centre"));
            for (String f : features) {
                b.append(String.format(Locale.ROOT, "  %16s", f));
            }
            b.append('\n');
            for (int k = 0; k < sensitive.size(); k++) {
                b.append(String.format(Locale.ROOT, "%-" + width + "s  %14.10f", sensitive.get(k), means[k]));
                for (int j = 0; j < features.size(); j++) {
                    b.append(String.format(Locale.ROOT, "  %16.8g", beta[k][j]));
                }
                b.append('\n');
            }
            return b.toString();
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Fitted)) {
                return false;
            }
            Fitted f = (Fitted) o;
            return centering == f.centering && alpha == f.alpha && features.equals(f.features)
                    && sensitive.equals(f.sensitive) && Objects.equals(groups, f.groups)
                    && Arrays.equals(means, f.means) && Arrays.deepEquals(beta, f.beta);
        }

        @Override
        public int hashCode() {
            return Objects.hash(centering, alpha, features, sensitive, groups, Arrays.hashCode(means),
                    Arrays.deepHashCode(beta));
        }
    }
}
