package org.fairkit.mitigation.preprocessing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.fairkit.core.FairnessData;
import org.fairkit.core.group.GroupKey;
import org.fairkit.mitigation.FittedGroups;
import org.fairkit.mitigation.MitigationErrors;
import org.fairkit.mitigation.Mitigator;
import org.fairkit.mitigation.internal.Settings;

/**
 * Uniform and preferential resampling (Kamiran &amp; Calders 2012): a multiset of row indices in which the label is
 * independent of the group, for learners that cannot take instance weights.
 *
 * <p><b>Target sizes.</b> With {@code n} rows, {@code n_g} in group {@code g} and {@code n_y} with label
 * {@code y}, the cell {@code (g, y)} should hold {@code E(g, y) = n_g n_y / n} rows (its size if label and group
 * were independent). Sizes are integers, so the target of the positive cell is {@code E(g, 1)} rounded half up,
 * computed exactly in integer arithmetic, and the negative cell takes the rest of the group:
 * <pre>
 *   t(g, 1) = floor(E(g, 1) + 1/2),   t(g, 0) = n_g - t(g, 1)
 * </pre>
 * so every group keeps its size and every cell is within 1/2 row of its expected size ({@code E(g, 0)} is
 * {@code n_g - E(g, 1)}, so its rounding error is the negative cell's, mirrored). The total is {@code n}. The
 * label totals may move by up to half a row per group.
 *
 * <p><b>Uniform sampling</b> ({@link #uniform()}, seeded): a cell above its target keeps a uniformly random
 * subset of {@code t} distinct rows (sampling without replacement); a cell below keeps all its rows and adds
 * {@code t - a} copies drawn uniformly with replacement from them. Cells are processed in a fixed order (groups in
 * {@link FittedGroups} order, label 1 then 0) from one generator seeded with {@link #seed(long)} (default 0),
 * so the same seed gives the same rows.
 *
 * <p><b>Preferential sampling</b> ({@link #preferential()}, deterministic) needs a score, the ranker's
 * {@code P(y = 1 | x)}. It removes or duplicates the rows <em>closest to the decision boundary</em>: in a label-1
 * cell the positives with the lowest scores, in a label-0 cell the negatives with the highest scores (ties by
 * row index). A cell above its target drops its {@code a - t} most borderline rows; a cell below duplicates its
 * {@code t - a} most borderline rows once each, and when more copies are needed than the cell has rows, starts
 * again from the most borderline (every row gets {@code floor((t - a) / a)} copies, the most borderline
 * {@code (t - a) mod a} one more). This is the paper's rule for the deprived-positive, deprived-negative,
 * favored-positive and favored-negative cells, applied to every (group, label) cell so that any number of groups
 * works.
 *
 * <p><b>Limits.</b> A group with one label only cannot be rebalanced (no row of the other label exists to copy):
 * it is kept as it is, its targets are its current cell sizes, and {@link Fitted#unbalanced()} reports it, as
 * {@link Reweighing} leaves such a group's base rate alone. Resampling counts rows; weighted data is refused (use
 * {@link Reweighing}, whose weights are the exact version of what resampling approximates).
 *
 * <p>Reference: F. Kamiran and T. Calders, "Data preprocessing techniques for classification without
 * discrimination", Knowledge and Information Systems 33(1):1–33, 2012 (uniform and preferential sampling).
 * Instances are immutable; each setting may be chosen once.
 *
 * <pre>{@code
 * Resampling.Fitted r = Resampling.uniform().seed(7).groupBy("race").fit(data);
 * int[] rows = r.rows();                         // train on these rows of data
 * }</pre>
 */
public final class Resampling implements Mitigator<Resampling.Fitted> {
    /** Which sampling scheme. */
    public enum Scheme {
        /** Random subsets and random duplicates. */
        UNIFORM,
        /** Remove or duplicate the rows closest to the decision boundary. */
        PREFERENTIAL
    }

    private final Scheme scheme;
    private final Long seed;
    private final List<String> features;

    private Resampling(Scheme scheme, Long seed, List<String> features) {
        this.scheme = scheme;
        this.seed = seed;
        this.features = features;
    }

    /** Uniform sampling, seeded (default seed 0). */
    public static Resampling uniform() {
        return new Resampling(Scheme.UNIFORM, null, null);
    }

    /** Preferential sampling by scores; deterministic. */
    public static Resampling preferential() {
        return new Resampling(Scheme.PREFERENTIAL, null, null);
    }

    /**
     * The seed of uniform sampling (default 0).
     *
     * @throws IllegalStateException if set twice, or for preferential sampling (which draws nothing at random)
     */
    public Resampling seed(long s) {
        if (scheme == Scheme.PREFERENTIAL) {
            throw new IllegalStateException("preferential sampling is deterministic; it takes no seed");
        }
        Settings.once(seed, "seed");
        return new Resampling(scheme, s, features);
    }

    /**
     * The sensitive features of {@link FairnessData} to group by (their intersection when several); needed when
     * the data has more than one.
     *
     * @throws IllegalArgumentException if no feature is named
     * @throws IllegalStateException if set twice
     */
    public Resampling groupBy(String... features) {
        Settings.once(this.features, "groupBy");
        return new Resampling(scheme, seed, Settings.features(features));
    }

    /** @return the scheme */
    public Scheme scheme() {
        return scheme;
    }

    /** @return the seed of uniform sampling (0 unless set) */
    public long seed() {
        return seed == null ? 0L : seed;
    }

    /** @return the sensitive features to group by, empty when not set (the data's only feature) */
    public List<String> features() {
        return features == null ? List.of() : features;
    }

    /**
     * Resamples the rows of {@code data}, grouped as configured (by the only sensitive feature when
     * {@link #groupBy(String...)} is not set); preferential sampling uses the data's scores.
     *
     * @throws IllegalArgumentException if the data is weighted, preferential sampling finds no scores, or the
     *     grouping is ambiguous or unknown
     */
    @Override
    public Fitted fit(FairnessData data) {
        if (data.hasWeights()) {
            throw new IllegalArgumentException("resampling draws rows by count and the data is weighted; "
                    + "use Reweighing for weighted data");
        }
        if (scheme == Scheme.PREFERENTIAL && !data.hasScores()) {
            throw new IllegalArgumentException("preferential sampling needs scores; the data has none");
        }
        FittedGroups groups = FittedGroups.of(data, Settings.grouping(features, data));
        int n = data.rows();
        int[] labels = new int[n];
        double[] scores = scheme == Scheme.PREFERENTIAL ? new double[n] : null;
        for (int i = 0; i < n; i++) {
            labels[i] = data.label(i);
            if (scores != null) {
                scores[i] = data.score(i);
            }
        }
        return run(groups, groups.assign(data), labels, scores);
    }

    /**
     * Uniform sampling of rows given as columns.
     *
     * @throws IllegalArgumentException naming the column and first bad row, or if this is preferential sampling
     * @throws IllegalStateException if {@link #groupBy(String...)} was set (the groups are the column)
     */
    public Fitted fit(int[] labels, String[] groups) {
        if (scheme == Scheme.PREFERENTIAL) {
            throw new IllegalArgumentException("preferential sampling needs scores; call fit(labels, groups, scores)");
        }
        return fitColumns(labels, groups, null);
    }

    /**
     * Preferential sampling of rows given as columns, with each row's score {@code P(y = 1 | x)} in [0, 1].
     *
     * @throws IllegalArgumentException naming the column and first bad row, or if this is uniform sampling
     * @throws IllegalStateException if {@link #groupBy(String...)} was set (the groups are the column)
     */
    public Fitted fit(int[] labels, String[] groups, double[] scores) {
        if (scheme == Scheme.UNIFORM) {
            throw new IllegalArgumentException("uniform sampling uses no scores; call fit(labels, groups)");
        }
        return fitColumns(labels, groups, scores);
    }

    /** @return e.g. {@code Resampling[uniform, seed 7, by race]} */
    @Override
    public String toString() {
        return "Resampling[" + (scheme == Scheme.UNIFORM ? "uniform, seed " + seed() : "preferential")
                + (features == null ? "" : ", by " + String.join(" x ", features)) + "]";
    }

    private Fitted fitColumns(int[] labels, String[] groups, double[] scores) {
        Settings.requireColumnGrouping(features);
        if (groups == null) {
            throw new IllegalArgumentException("column 'groups' is required, got null");
        }
        MitigationErrors.checkLabels(labels, groups.length, "groups");
        if (scores != null) {
            MitigationErrors.checkScores(scores, groups.length, "groups");
        }
        if (groups.length == 0) {
            throw new IllegalArgumentException("the data has no rows; expected at least one row");
        }
        FittedGroups fg = FittedGroups.of(groups);
        return run(fg, fg.assign(groups), labels, scores);
    }

    private Fitted run(FittedGroups groups, int[] codes, int[] labels, double[] scores) {
        int k = groups.size();
        int n = codes.length;
        int[][] members = cellMembers(codes, labels, k);
        long nPos = 0;
        for (int g = 0; g < k; g++) {
            nPos += members[2 * g + 1].length;
        }
        UniformRandomProvider rng = scheme == Scheme.UNIFORM ? RandomSource.XO_RO_SHI_RO_128_PP.create(seed()) : null;
        List<Cell> cells = new ArrayList<>(2 * k);
        int[] out = new int[n];
        int size = 0;
        for (int g = 0; g < k; g++) {
            long ng = members[2 * g].length + (long) members[2 * g + 1].length;
            boolean oneLabel = members[2 * g].length == 0 || members[2 * g + 1].length == 0;
            long t1 = oneLabel ? members[2 * g + 1].length : (ng * nPos + n / 2) / n;
            long[] target = {ng - t1, t1};
            for (int y = 1; y >= 0; y--) {
                int[] rows = members[2 * g + y];
                int t = (int) target[y];
                double expected = (double) ng * (y == 1 ? nPos : n - nPos) / n;
                int[] picked = oneLabel ? rows
                        : scheme == Scheme.UNIFORM ? uniform(rows, t, rng) : preferential(rows, t, y, scores);
                if (size + picked.length > out.length) {
                    out = Arrays.copyOf(out, Math.max(out.length * 2, size + picked.length));
                }
                System.arraycopy(picked, 0, out, size, picked.length);
                size += picked.length;
                cells.add(new Cell(groups.group(g), y, rows.length, expected, t, picked.length, !oneLabel));
            }
        }
        int[] result = Arrays.copyOf(out, size);
        Arrays.sort(result);
        return new Fitted(scheme, scheme == Scheme.UNIFORM ? seed() : null, groups, cells, result);
    }

    /** Row indices of each cell, in row order; cell {@code 2g + y}. */
    private static int[][] cellMembers(int[] codes, int[] labels, int k) {
        int[] count = new int[2 * k];
        for (int i = 0; i < codes.length; i++) {
            count[2 * codes[i] + labels[i]]++;
        }
        int[][] members = new int[2 * k][];
        for (int c = 0; c < members.length; c++) {
            members[c] = new int[count[c]];
        }
        int[] fill = new int[2 * k];
        for (int i = 0; i < codes.length; i++) {
            int c = 2 * codes[i] + labels[i];
            members[c][fill[c]++] = i;
        }
        return members;
    }

    private static int[] uniform(int[] rows, int t, UniformRandomProvider rng) {
        int a = rows.length;
        if (t <= a) {
            // partial Fisher-Yates: the first t positions become a uniform random t-subset
            int[] copy = rows.clone();
            for (int i = 0; i < t; i++) {
                int j = i + rng.nextInt(a - i);
                int tmp = copy[i];
                copy[i] = copy[j];
                copy[j] = tmp;
            }
            return Arrays.copyOf(copy, t);
        }
        int[] out = Arrays.copyOf(rows, t);
        for (int i = a; i < t; i++) {
            out[i] = rows[rng.nextInt(a)];
        }
        return out;
    }

    private static int[] preferential(int[] rows, int t, int label, double[] scores) {
        int a = rows.length;
        // most borderline first: positives by ascending score, negatives by descending score; ties by row index
        Integer[] order = new Integer[a];
        for (int i = 0; i < a; i++) {
            order[i] = rows[i];
        }
        Arrays.sort(order, (p, q) -> {
            int c = label == 1 ? Double.compare(scores[p], scores[q]) : Double.compare(scores[q], scores[p]);
            return c != 0 ? c : Integer.compare(p, q);
        });
        if (t <= a) {
            int[] out = new int[t];
            for (int i = 0; i < t; i++) {
                out[i] = order[a - t + i];
            }
            return out;
        }
        int[] out = Arrays.copyOf(rows, t);
        for (int i = a; i < t; i++) {
            out[i] = order[(i - a) % a];
        }
        return out;
    }

    /**
     * One (group, label) cell.
     *
     * @param group the group
     * @param label the label, 1 or 0
     * @param before the number of rows in the input
     * @param expected {@code E(g, y) = n_g n_y / n}, the size under independence of label and group
     * @param target the integer target size (see {@link Resampling}); the input size when the group has one
     *     label only
     * @param after the number of rows in the resample, always the target
     * @param balanced whether the group has both labels and was resampled towards independence
     */
    public record Cell(GroupKey group, int label, int before, double expected, int target, int after,
            boolean balanced) {
    }

    /**
     * A fitted resampling: the resampled row indices of the fitting data (a multiset, in ascending order: a row
     * drawn twice appears twice) and, per (group, label) cell, the sizes before and after. The indices refer to the
     * rows of the data it was fitted on; there is nothing to apply to other data. Immutable.
     */
    public static final class Fitted {
        private final Scheme scheme;
        private final Long seed;
        private final FittedGroups groups;
        private final List<Cell> cells;
        private final int[] rows;

        private Fitted(Scheme scheme, Long seed, FittedGroups groups, List<Cell> cells, int[] rows) {
            this.scheme = scheme;
            this.seed = seed;
            this.groups = groups;
            this.cells = List.copyOf(cells);
            this.rows = rows;
        }

        /** @return the resampled row indices, ascending (a copy) */
        public int[] rows() {
            return rows.clone();
        }

        /** @return the number of resampled rows */
        public int size() {
            return rows.length;
        }

        /** @return the scheme used */
        public Scheme scheme() {
            return scheme;
        }

        /** @return the groups, in the order of {@link #cells()} */
        public FittedGroups groups() {
            return groups;
        }

        /** @return the cells: for each group in order, label 1 then label 0 */
        public List<Cell> cells() {
            return cells;
        }

        /**
         * @return the groups with one label only, which cannot be rebalanced and are kept as they are; empty when every
         *     group was resampled
         */
        public List<GroupKey> unbalanced() {
            List<GroupKey> out = new ArrayList<>();
            for (Cell c : cells) {
                if (!c.balanced() && !out.contains(c.group())) {
                    out.add(c.group());
                }
            }
            return out;
        }

        /** @return the scheme and a table of the cells: group, label, rows before, expected, target, rows after */
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "%s resampling by %s%s: %d rows\n",
                    scheme == Scheme.UNIFORM ? "Uniform" : "Preferential", String.join(" x ", groups.features()),
                    seed == null ? "" : " (seed " + seed + ")", rows.length));
            int width = "group".length();
            for (GroupKey k : groups.groups()) {
                width = Math.max(width, k.label().length());
            }
            String line = "%-" + width + "s  %5s  %8s  %12s  %8s  %8s\n";
            b.append(String.format(Locale.ROOT, line, "group", "label", "before", "expected", "target", "after"));
            for (Cell c : cells) {
                b.append(String.format(Locale.ROOT, line, c.group().label(), c.label(), c.before(),
                        String.format(Locale.ROOT, "%.3f", c.expected()), c.target(), c.after()));
            }
            for (Cell c : cells) {
                if (!c.balanced() && c.before() == 0) {
                    b.append("note: group '").append(c.group().label()).append("' has no rows with label ")
                            .append(c.label()).append(": it cannot be rebalanced and is kept as it is\n");
                }
            }
            return b.toString();
        }
    }
}
