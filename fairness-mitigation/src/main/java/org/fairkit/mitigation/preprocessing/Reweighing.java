package org.fairkit.mitigation.preprocessing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.fairkit.core.FairnessData;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.internal.CompensatedSum;
import org.fairkit.mitigation.FittedGroups;
import org.fairkit.mitigation.MitigationErrors;
import org.fairkit.mitigation.Mitigator;
import org.fairkit.mitigation.internal.Settings;

/**
 * Reweighing (Kamiran &amp; Calders 2012): instance weights that make the label statistically independent of the
 * group in the weighted data, without changing any row.
 *
 * <p>For group {@code g} and label {@code y}, with {@code W} the sum of the input weights (row counts when the
 * data is unweighted) over all rows, {@code W_g} over the rows of group {@code g}, {@code W_y} over the rows
 * with label {@code y} and {@code W_gy} over the rows with both:
 * <pre>
 *   w(g, y) = P(g) P(y) / P(g, y) = W_g * W_y / (W * W_gy)
 * </pre>
 * and row {@code i} of group {@code g} and label {@code y} gets the weight {@code input_i * w(g, y)}. After
 * reweighing, the weighted base rate of every group equals the overall base rate {@code W_1 / W}, and the total
 * weight is unchanged ({@code sum_gy W_gy w(g, y) = W}).
 *
 * <pre>{@code
 * Reweighing.Fitted rw = Reweighing.groupBy("race").fit(data);
 * double[] w = rw.weights(data);                          // input weight x w(group, label)
 * Reweighing.Fitted cols = Reweighing.byGroupColumn().fit(labels, groups, weights);   // rows given as columns
 * }</pre>
 *
 * <p><b>Groups.</b> One sensitive feature or the intersection of several ({@code groupBy("race", "sex")}).
 * Every group of the grouping is reweighed; AIF360's {@code Reweighing} instead reweighs only the rows of its
 * privileged and unprivileged groups and leaves other rows' weights alone. On two groups the two agree: the
 * table equals AIF360 0.6.1's {@code w_p_fav, w_p_unfav, w_up_fav, w_up_unfav} (golden test, COMPAS and synthetic
 * data, unweighted and weighted).
 *
 * <p><b>Empty cells.</b> A cell with zero input mass ({@code W_gy = 0}: a group without positives, or without
 * negatives, or whose rows all weigh 0) has no defined weight: the formula divides by zero. AIF360 returns an
 * infinite (or NaN) weight there. Here the cell is reported as undefined with its reason ({@link Cell}); applying
 * the model to a row with positive weight in such a cell throws, naming the row, while a row of weight 0 keeps
 * weight 0. Such a group keeps its base rate (0 or 1): no reweighing can give it the other label, and
 * {@link Fitted#toString()} says so.
 *
 * <p>Reference: F. Kamiran and T. Calders, "Data preprocessing techniques for classification without
 * discrimination", Knowledge and Information Systems 33(1):1–33, 2012 (reweighing).
 */
public final class Reweighing implements Mitigator<Reweighing.Fitted> {
    private static final String WHAT = "reweighing";

    /** The sensitive features to group by; {@code null}: the group column (or the data's only feature). */
    private final List<String> features;

    private Reweighing(List<String> features) {
        this.features = features;
    }

    /**
     * Reweighing grouped by these sensitive features of {@link FairnessData} (their intersection when several).
     * Reweighing has no other setting, so its factory is the grouping.
     *
     * @throws IllegalArgumentException if no feature is named
     */
    public static Reweighing groupBy(String... features) {
        return new Reweighing(Settings.features(features));
    }

    /**
     * Reweighing grouped by a group column: the {@code groups} column of {@link #fit(int[], String[], double[])},
     * or, for {@link #fit(FairnessData)}, the data's only sensitive feature.
     */
    public static Reweighing byGroupColumn() {
        return new Reweighing(null);
    }

    /** @return the sensitive features to group by, empty for {@link #byGroupColumn()} */
    public List<String> features() {
        return features == null ? List.of() : features;
    }

    /**
     * Fits on the data's labels and weights (when present), grouped as configured.
     *
     * @throws IllegalArgumentException if no feature is named and the data has several, a name is unknown, or
     *     the total weight is 0
     */
    @Override
    public Fitted fit(FairnessData data) {
        List<String> names = Settings.grouping(features, data);
        FittedGroups groups = FittedGroups.of(data, names);
        int n = data.rows();
        int[] labels = new int[n];
        double[] weights = data.hasWeights() ? new double[n] : null;
        for (int i = 0; i < n; i++) {
            labels[i] = data.label(i);
            if (weights != null) {
                weights[i] = data.weight(i);
            }
        }
        return fit(groups, groups.assign(data), labels, weights);
    }

    /**
     * Fits on unweighted rows: one 0/1 label and one group label per row.
     *
     * @throws IllegalArgumentException naming the column and first bad row of any problem
     * @throws IllegalStateException if this reweighing was configured with {@link #groupBy(String...)}
     */
    public Fitted fit(int[] labels, String[] groups) {
        return fit(labels, groups, null);
    }

    /**
     * Fits on weighted rows; {@code weights} may be {@code null} (unweighted).
     *
     * @throws IllegalArgumentException naming the column and first bad row of any problem, or if the total
     *     weight is 0
     * @throws IllegalStateException if this reweighing was configured with {@link #groupBy(String...)}
     */
    public Fitted fit(int[] labels, String[] groups, double[] weights) {
        Settings.requireColumnGrouping(features);
        if (groups == null) {
            throw new IllegalArgumentException("column 'groups' is required, got null");
        }
        MitigationErrors.checkLabels(labels, groups.length, "groups");
        MitigationErrors.checkWeights(weights, groups.length, "groups");
        if (groups.length == 0) {
            throw new IllegalArgumentException("the data has no rows; expected at least one row");
        }
        FittedGroups fg = FittedGroups.of(groups);
        return fit(fg, fg.assign(groups), labels, weights);
    }

    /** @return e.g. {@code Reweighing[by race x sex]} */
    @Override
    public String toString() {
        return "Reweighing[" + (features == null ? "by the group column" : "by " + String.join(" x ", features))
                + "]";
    }

    private static Fitted fit(FittedGroups groups, int[] codes, int[] labels, double[] weights) {
        int k = groups.size();
        long[][] rows = new long[k][2];
        // Neumaier-compensated sums in row order: exact for integer weights, and the label totals do not depend
        // on the order of the groups (relabeling the groups changes no bit)
        double[][] mass = new double[k][2];
        double[][] comp = new double[k][2];
        double[] byLabel = new double[2];
        double[] byLabelComp = new double[2];
        for (int i = 0; i < codes.length; i++) {
            int g = codes[i];
            int y = labels[i];
            rows[g][y]++;
            double w = weights == null ? 1.0 : weights[i];
            CompensatedSum.add(mass[g], comp[g], y, w);
            CompensatedSum.add(byLabel, byLabelComp, y, w);
        }
        byLabel[0] += byLabelComp[0];
        byLabel[1] += byLabelComp[1];
        double total = byLabel[0] + byLabel[1];
        double[] byGroup = new double[k];
        for (int g = 0; g < k; g++) {
            mass[g][0] += comp[g][0];
            mass[g][1] += comp[g][1];
            byGroup[g] = mass[g][0] + mass[g][1];
        }
        if (!(total > 0)) {
            throw MitigationErrors.zeroTotalWeight(WHAT);
        }
        List<Cell> cells = new ArrayList<>(2 * k);
        for (int g = 0; g < k; g++) {
            for (int y = 1; y >= 0; y--) {
                // AIF360's order of operations: n_y * n_g / (n * n_gy)
                double w = mass[g][y] > 0 ? byLabel[y] * byGroup[g] / (total * mass[g][y]) : Double.NaN;
                cells.add(new Cell(groups.group(g), y, rows[g][y], mass[g][y], byGroup[g] * byLabel[y] / total, w));
            }
        }
        return new Fitted(groups, cells, total, byLabel[1] / total);
    }

    /**
     * One (group, label) cell of the fitted table.
     *
     * @param group the group
     * @param label the label, 1 or 0
     * @param rows the number of fitting rows in the cell
     * @param mass {@code W_gy}, the input weight of those rows (their count when unweighted)
     * @param expectedMass {@code W_g W_y / W}, the mass the cell would have if label and group were independent
     *     (and the mass it has after reweighing)
     * @param weight {@code w(g, y) = expectedMass / mass}, {@code NaN} when the cell is empty (see
     *     {@link #undefinedReason()})
     */
    public record Cell(GroupKey group, int label, long rows, double mass, double expectedMass, double weight) {
        /** @return whether the cell's weight is defined (its mass is positive) */
        public boolean isDefined() {
            return !Double.isNaN(weight);
        }

        /** @return why the weight is undefined, empty when it is defined */
        public Optional<String> undefinedReason() {
            if (isDefined()) {
                return Optional.empty();
            }
            return Optional.of(rows == 0 ? "group '" + group.label() + "' has no rows with label " + label
                    : "the rows of group '" + group.label() + "' with label " + label + " all weigh 0");
        }
    }

    /**
     * A fitted reweighing: the weight of every (group, label) cell. Immutable; {@link #toString()} prints the
     * table.
     */
    public static final class Fitted {
        private final FittedGroups groups;
        private final List<Cell> cells;
        private final double[] table;
        private final double totalMass;
        private final double baseRate;

        private Fitted(FittedGroups groups, List<Cell> cells, double totalMass, double baseRate) {
            this.groups = groups;
            this.cells = Collections.unmodifiableList(new ArrayList<>(cells));
            this.table = new double[2 * groups.size()];
            for (Cell c : cells) {
                table[2 * groups.indexOf(c.group().levels()).getAsInt() + c.label()] = c.weight();
            }
            this.totalMass = totalMass;
            this.baseRate = baseRate;
        }

        /** @return the groups the model was fitted on */
        public FittedGroups groups() {
            return groups;
        }

        /** @return the table: for each group in order, the cell of label 1 then of label 0 */
        public List<Cell> cells() {
            return cells;
        }

        /** @return {@code W}, the total input weight of the fitting data (and of its reweighed rows) */
        public double totalMass() {
            return totalMass;
        }

        /** @return {@code W_1 / W}, the base rate every group has after reweighing */
        public double baseRate() {
            return baseRate;
        }

        /**
         * @return {@code w(group, label)}, {@code NaN} for an empty cell
         * @throws IllegalArgumentException if the model has no such group or the label is not 0 or 1
         */
        public double weight(GroupKey group, int label) {
            if (label != 0 && label != 1) {
                throw new IllegalArgumentException("label must be 0 or 1, got " + label);
            }
            int g = groups.indexOf(group.levels()).orElseThrow(() -> new IllegalArgumentException("group "
                    + group.describe() + " was not in the fitting data; the model has " + groups.groups()));
            return table[2 * g + label];
        }

        /**
         * The reweighed row weights of {@code data}: each row's input weight (1 when unweighted) times the weight
         * of its (group, label) cell.
         *
         * @throws IllegalArgumentException naming the first row of a group the model was not fitted on, or with
         *     positive weight in an empty cell
         */
        public double[] weights(FairnessData data) {
            int[] codes = groups.assign(data);
            double[] out = new double[codes.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = apply(i, codes[i], data.label(i), data.weight(i));
            }
            return out;
        }

        /** The reweighed weights of unweighted rows (each row's weight is its cell's weight). */
        public double[] weights(int[] labels, String[] groups) {
            return weights(labels, groups, null);
        }

        /**
         * The reweighed row weights: each input weight ({@code null}: all 1) times its cell's weight.
         *
         * @throws IllegalArgumentException naming the column and first bad row of any problem
         */
        public double[] weights(int[] labels, String[] groups, double[] weights) {
            if (groups == null) {
                throw new IllegalArgumentException("column 'groups' is required, got null");
            }
            MitigationErrors.checkLabels(labels, groups.length, "groups");
            MitigationErrors.checkWeights(weights, groups.length, "groups");
            int[] codes = this.groups.assign(groups);
            double[] out = new double[codes.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = apply(i, codes[i], labels[i], weights == null ? 1.0 : weights[i]);
            }
            return out;
        }

        private double apply(int row, int g, int label, double input) {
            double w = table[2 * g + label];
            if (Double.isNaN(w)) {
                if (input == 0) {
                    return 0;
                }
                Cell c = cells.get(2 * g + 1 - label);
                throw new IllegalArgumentException("row " + row + ": the cell (group '" + c.group().label()
                        + "', label " + label + ") has no defined weight: when the reweighing was fitted, "
                        + c.undefinedReason().orElseThrow() + "; expected a row of a non-empty cell, or weight 0");
            }
            return input * w;
        }

        /** @return the table: group, label, rows, input mass, mass after reweighing and weight, one line per cell */
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "Reweighing by %s: total weight %s, base rate after reweighing %.6f\n",
                    String.join(" x ", groups.features()), fmt(totalMass), baseRate));
            int width = "group".length();
            for (GroupKey k : groups.groups()) {
                width = Math.max(width, k.label().length());
            }
            String row = "%-" + width + "s  %5s  %10s  %14s  %14s  %12s\n";
            b.append(String.format(Locale.ROOT, row, "group", "label", "rows", "mass", "mass after", "weight"));
            List<String> notes = new ArrayList<>();
            for (Cell c : cells) {
                b.append(String.format(Locale.ROOT, row, c.group().label(), c.label(), c.rows(), fmt(c.mass()),
                        c.isDefined() ? fmt(c.expectedMass()) : fmt(0), c.isDefined()
                                ? String.format(Locale.ROOT, "%.10f", c.weight()) : "undefined"));
                c.undefinedReason().ifPresent(r -> notes.add(r + ": its weight is undefined and the group keeps its "
                        + "base rate"));
            }
            for (String note : notes) {
                b.append("note: ").append(note).append('\n');
            }
            return b.toString();
        }

        private static String fmt(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%.0f", v)
                    : String.format(Locale.ROOT, "%.6f", v);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Fitted && groups.equals(((Fitted) o).groups) && cells.equals(((Fitted) o).cells);
        }

        @Override
        public int hashCode() {
            return groups.hashCode() * 31 + Arrays.hashCode(table);
        }
    }
}
