package org.fairkit.mitigation.preprocessing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.mitigation.FittedGroups;
import org.fairkit.mitigation.internal.Settings;

/**
 * Disparate impact remover (Feldman, Friedler, Moeller, Scheidegger &amp; Venkatasubramanian 2015, "Certifying and
 * Removing Disparate Impact", KDD): moves each numeric feature of each group, quantile by quantile, toward the median
 * distribution of the groups, so that the feature no longer tells the groups apart; {@code repairLevel} in [0, 1]
 * says how far (0: unchanged, 1: full repair). Computed as AIF360 0.6.1's {@code DisparateImpactRemover} on its
 * back end, BlackBoxAuditing's {@code NumericRepairer} (commit d8172728), and bit for bit equal to it.
 *
 * <p><b>The algorithm, per feature, over the fitting rows</b> (each rule as the reference has it):
 * <ol>
 *   <li>{@code D}: the sorted distinct values of the column (all rows); {@code D_g}: those of group {@code g}, with
 *       {@code k_g = |D_g|}. Quantiles are taken over DISTINCT values, not rows: a value shared by many rows counts
 *       once.</li>
 *   <li>{@code Q = min_g k_g} buckets, {@code u = 1.0 / Q}; the bucket offsets {@code o_0 = 0, o_(q+1) = o_q + u}
 *       are accumulated by repeated floating-point addition (so {@code o_Q} may miss 1 by an ulp).</li>
 *   <li>Bucket {@code q} of group {@code g} holds {@code D_g[round(o_q k_g) .. round((o_q + u) k_g))}, with
 *       {@code round} half to even (Python's {@code round}); a value outside every bucket (when drift leaves the
 *       last one short) is not repaired, as in the reference.</li>
 *   <li>The group's median of a bucket is the LOWER median of its distinct values ({@code v[(len - 1) / 2]}); the
 *       bucket's target {@code t_q} is the lower median of the groups' medians (with two groups, the smaller).</li>
 *   <li>A row whose value is {@code D[i]}, in a bucket with target {@code D[j]}, becomes
 *       {@code D[i + round((j - i) * repairLevel)]} (half to even): every output is a value of the column.</li>
 * </ol>
 * So after a full repair every group's distinct-value quantile function is the common one, but the row quantiles
 * need not be equal (a value that many rows share moves as one): on Adult, the median of hours_per_week after a full
 * repair is 34 for men and 40 for women. A bucket that some group leaves empty (possible only through rounding) is
 * skipped by that group; the reference raises a {@code KeyError} there.
 *
 * <p><b>Differences from AIF360.</b> AIF360 bins a numeric protected attribute (Freedman–Diaconis) into groups;
 * here the groups are the given sensitive columns ({@link #groupBy(String...)}, their intersection when several),
 * which for a 0/1 attribute is the same two groups. The median over groups and everything else is order-free, so
 * group names and row order change nothing. AIF360 only has {@code fit_transform}; here {@link Fitted} keeps what
 * was learned and {@link Fitted#transform(FeatureTable)} applies it to new rows: a value the fitting rows of its
 * group had is repaired exactly as in the fit; another value moves with its nearest lower value (the group's
 * bucket of the greatest fitted value not above it, its position in {@code D} that of the greatest value of
 * {@code D} not above it; the smallest when it is below them all). A row of a group never seen is refused.
 *
 * <p><b>What it cannot promise.</b> Each feature is repaired on its own: the joint distribution, and any other
 * feature that proxies the group, still carry the group. Only the marginal of each repaired feature given the group
 * is aligned, and only up to the distinct-value bucket rule above.
 *
 * <pre>{@code
 * DisparateImpactRemover.Fitted dir = DisparateImpactRemover.repairLevel(1.0).groupBy("sex").fit(table);
 * FeatureTable repaired = dir.transform(table);
 * }</pre>
 */
public final class DisparateImpactRemover implements FeatureMitigator<DisparateImpactRemover.Fitted> {
    private final double level;
    private final List<String> groupBy;
    private final List<String> features;

    private DisparateImpactRemover(double level, List<String> groupBy, List<String> features) {
        this.level = level;
        this.groupBy = groupBy;
        this.features = features;
    }

    /**
     * A remover with this repair level: 0 leaves every value, 1 repairs fully.
     *
     * @throws IllegalArgumentException if {@code level} is not in [0, 1]
     */
    public static DisparateImpactRemover repairLevel(double level) {
        if (!(level >= 0 && level <= 1)) {
            throw InputErrors.badSetting("repairLevel", level, "in [0, 1]");
        }
        return new DisparateImpactRemover(level, null, null);
    }

    /**
     * The sensitive columns whose groups are repaired toward each other (default: the table's only one).
     *
     * @throws IllegalStateException if already set
     */
    public DisparateImpactRemover groupBy(String... sensitive) {
        Settings.once(groupBy, "groupBy");
        return new DisparateImpactRemover(level, Settings.features(sensitive), features);
    }

    /**
     * The numeric columns to repair (default: every numeric column of the table).
     *
     * @throws IllegalStateException if already set
     */
    public DisparateImpactRemover features(String... names) {
        return new DisparateImpactRemover(level, groupBy, TableGroups.names(features, "features", names));
    }

    /** @return the repair level */
    public double level() {
        return level;
    }

    /**
     * Learns each feature's buckets and targets from the rows of {@code table}.
     *
     * @throws IllegalArgumentException if a column is missing, the grouping is ambiguous, or the table has no
     *     numeric column to repair
     */
    @Override
    public Fitted fit(FeatureTable table) {
        FittedGroups groups = TableGroups.fit(table, TableGroups.features(groupBy, table));
        int[] codes = TableGroups.assign(groups, table);
        List<String> names = features != null ? features : table.numericNames();
        if (names.isEmpty()) {
            throw new IllegalArgumentException("the table has no numeric column to repair; expected at least one");
        }
        Map<String, FeatureRepair> repairs = new LinkedHashMap<>();
        for (String f : names) {
            repairs.put(f, FeatureRepair.fit(table.column(f), codes, groups.size(), level));
        }
        return new Fitted(level, groups, repairs);
    }

    /** @return e.g. {@code DisparateImpactRemover[repair level 1.0, by sex]} */
    @Override
    public String toString() {
        return "DisparateImpactRemover[repair level " + level + ", "
                + (groupBy == null ? "by the table's sensitive column" : "by " + String.join(" x ", groupBy))
                + (features == null ? "" : ", features " + features) + "]";
    }

    /** What was learned for one feature. Immutable once built. */
    static final class FeatureRepair {
        /** D: the sorted distinct values of the column. */
        final double[] distinct;
        /** D_g per group. */
        final double[][] groupDistinct;
        /** Per group, per index of D_g: its bucket, -1 when it is in none. */
        final int[][] bucketOf;
        /** Per bucket: the index in D of its target, -1 when no group has a value in it. */
        final int[] target;
        /** Per group, per index of D_g: the repaired value at the fitted level (one binary search per row). */
        final double[][] repaired;

        private FeatureRepair(double[] distinct, double[][] groupDistinct, int[][] bucketOf, int[] target,
                double level) {
            this.distinct = distinct;
            this.groupDistinct = groupDistinct;
            this.bucketOf = bucketOf;
            this.target = target;
            this.repaired = new double[groupDistinct.length][];
            for (int g = 0; g < groupDistinct.length; g++) {
                double[] gd = groupDistinct[g];
                double[] out = new double[gd.length];
                int i = 0;
                for (int t = 0; t < gd.length; t++) {
                    // D_g is a sorted subset of D: walk D along it
                    while (distinct[i] != gd[t]) {
                        i++;
                    }
                    int b = bucketOf[g][t];
                    int j = b < 0 ? -1 : target[b];
                    out[t] = j < 0 || level == 0 ? gd[t] : distinct[i + (int) Math.rint((j - i) * level)];
                }
                repaired[g] = out;
            }
        }

        static FeatureRepair fit(double[] column, int[] codes, int groupCount, double level) {
            double[] distinct = distinct(column.clone(), column.length);
            int[] sizes = new int[groupCount];
            for (int c : codes) {
                sizes[c]++;
            }
            double[][] byGroup = new double[groupCount][];
            for (int g = 0; g < groupCount; g++) {
                byGroup[g] = new double[sizes[g]];
            }
            int[] fill = new int[groupCount];
            for (int i = 0; i < column.length; i++) {
                byGroup[codes[i]][fill[codes[i]]++] = column[i];
            }
            int quantiles = Integer.MAX_VALUE;
            for (int g = 0; g < groupCount; g++) {
                byGroup[g] = distinct(byGroup[g], byGroup[g].length);
                quantiles = Math.min(quantiles, byGroup[g].length);
            }
            int[][] bucketOf = new int[groupCount][];
            for (int g = 0; g < groupCount; g++) {
                bucketOf[g] = new int[byGroup[g].length];
                Arrays.fill(bucketOf[g], -1);
            }
            int[] target = new int[quantiles];
            double unit = 1.0 / quantiles;
            double offset = 0.0;
            double[] medians = new double[groupCount];
            for (int q = 0; q < quantiles; q++) {
                int m = 0;
                for (int g = 0; g < groupCount; g++) {
                    int k = byGroup[g].length;
                    int start = (int) Math.rint(offset * k);
                    int end = Math.min((int) Math.rint((offset + unit) * k), k);
                    if (end > start) {
                        Arrays.fill(bucketOf[g], start, end, q);
                        medians[m++] = byGroup[g][start + (end - start - 1) / 2];
                    }
                }
                offset += unit;
                if (m == 0) {
                    target[q] = -1;
                    continue;
                }
                Arrays.sort(medians, 0, m);
                target[q] = Arrays.binarySearch(distinct, medians[(m - 1) / 2]);
            }
            return new FeatureRepair(distinct, byGroup, bucketOf, target, level);
        }

        /** Sorts the first {@code n} values in place and returns the distinct ones. */
        private static double[] distinct(double[] v, int n) {
            Arrays.sort(v, 0, n);
            int d = 0;
            for (int i = 0; i < n; i++) {
                if (d == 0 || v[i] != v[d - 1]) {
                    v[d++] = v[i];
                }
            }
            return Arrays.copyOf(v, d);
        }

        double repair(double value, int group, double level) {
            if (level == 0) {
                return value;
            }
            double[] gd = groupDistinct[group];
            int t = Arrays.binarySearch(gd, value);
            if (t >= 0) {
                return repaired[group][t];
            }
            // a value the group's fitting rows did not have: as its nearest lower fitted value of the group
            int bucket = bucketOf[group][Math.max(-t - 2, 0)];
            int j = bucket < 0 ? -1 : target[bucket];
            if (j < 0) {
                return value;
            }
            int i = Math.max(-Arrays.binarySearch(distinct, value) - 2, 0);
            return distinct[i + (int) Math.rint((j - i) * level)];
        }

        int buckets() {
            return target.length;
        }
    }

    /**
     * A fitted disparate impact remover: per feature, the buckets of every group and their targets, applied by
     * {@link #transform(FeatureTable)}. Immutable.
     */
    public static final class Fitted {
        private final double level;
        private final FittedGroups groups;
        private final Map<String, FeatureRepair> repairs;

        private Fitted(double level, FittedGroups groups, Map<String, FeatureRepair> repairs) {
            this.level = level;
            this.groups = groups;
            this.repairs = repairs;
        }

        /** @return the repair level */
        public double level() {
            return level;
        }

        /** @return the groups the model was fitted on */
        public FittedGroups groups() {
            return groups;
        }

        /** @return the repaired features, in order */
        public List<String> features() {
            return List.copyOf(repairs.keySet());
        }

        /** @return the number of quantile buckets of {@code feature}: the fewest distinct values of any group */
        public int buckets(String feature) {
            return repair(feature).buckets();
        }

        /** @return the number of distinct values of {@code feature} in each group's fitting rows, in group order */
        public int[] distinctPerGroup(String feature) {
            FeatureRepair r = repair(feature);
            int[] out = new int[r.groupDistinct.length];
            for (int g = 0; g < out.length; g++) {
                out[g] = r.groupDistinct[g].length;
            }
            return out;
        }

        /**
         * @return the target value of each bucket of {@code feature}, in bucket order (nondecreasing); {@code NaN}
         *     for a bucket no group has a value in
         */
        public double[] targets(String feature) {
            FeatureRepair r = repair(feature);
            double[] out = new double[r.target.length];
            for (int q = 0; q < out.length; q++) {
                out[q] = r.target[q] < 0 ? Double.NaN : r.distinct[r.target[q]];
            }
            return out;
        }

        private FeatureRepair repair(String feature) {
            FeatureRepair r = repairs.get(feature);
            if (r == null) {
                throw new IllegalArgumentException("no repaired feature named '" + feature + "'; the model has "
                        + features());
            }
            return r;
        }

        /**
         * The table with every fitted feature repaired; every other column unchanged.
         *
         * @throws IllegalArgumentException if a fitted column is missing, or naming the first row of a group the
         *     model was not fitted on
         */
        public FeatureTable transform(FeatureTable table) {
            int[] codes = TableGroups.assign(groups, table);
            Map<String, double[]> out = new LinkedHashMap<>();
            for (Map.Entry<String, FeatureRepair> e : repairs.entrySet()) {
                double[] in = table.column(e.getKey());
                double[] r = new double[in.length];
                FeatureRepair fr = e.getValue();
                for (int i = 0; i < r.length; i++) {
                    r[i] = fr.repair(in[i], codes[i], level);
                }
                out.put(e.getKey(), r);
            }
            return table.replacing(out);
        }

        /** @return per feature: distinct values overall and per group, buckets, and the range of the targets */
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "Disparate impact remover (repair level %s) by %s: groups %s%n",
                    level, String.join(" x ", groups.features()), labels()));
            int width = "feature".length();
            for (String f : repairs.keySet()) {
                width = Math.max(width, f.length());
            }
            b.append(String.format(Locale.ROOT, "%-" + width + "s  %9s  %-24s  %7s  %s%n", "feature", "distinct",
                    "distinct per group", "buckets", "targets"));
            for (Map.Entry<String, FeatureRepair> e : repairs.entrySet()) {
                FeatureRepair r = e.getValue();
                List<String> per = new ArrayList<>();
                for (double[] gd : r.groupDistinct) {
                    per.add(Integer.toString(gd.length));
                }
                double[] t = targets(e.getKey());
                b.append(String.format(Locale.ROOT, "%-" + width + "s  %9d  %-24s  %7d  %s .. %s%n", e.getKey(),
                        r.distinct.length, String.join(" / ", per), r.buckets(), num(t[0]), num(t[t.length - 1])));
            }
            return b.toString();
        }

        private List<String> labels() {
            List<String> out = new ArrayList<>();
            for (int g = 0; g < groups.size(); g++) {
                out.add(groups.group(g).label());
            }
            return out;
        }

        private static String num(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%.0f", v)
                    : String.format(Locale.ROOT, "%.6g", v);
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Fitted)) {
                return false;
            }
            Fitted f = (Fitted) o;
            if (level != f.level || !groups.equals(f.groups) || !repairs.keySet().equals(f.repairs.keySet())) {
                return false;
            }
            for (Map.Entry<String, FeatureRepair> e : repairs.entrySet()) {
                FeatureRepair a = e.getValue();
                FeatureRepair c = f.repairs.get(e.getKey());
                if (!Arrays.equals(a.distinct, c.distinct) || !Arrays.deepEquals(a.groupDistinct, c.groupDistinct)
                        || !Arrays.deepEquals(a.bucketOf, c.bucketOf) || !Arrays.equals(a.target, c.target)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int h = Objects.hash(level, groups, repairs.keySet());
            for (FeatureRepair r : repairs.values()) {
                h = 31 * h + Arrays.hashCode(r.target) + 7 * Arrays.hashCode(r.distinct);
            }
            return h;
        }
    }
}
