package org.fairkit.mitigation.reductions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.fairkit.core.FairnessData;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.mitigation.internal.Settings;

/**
 * Grid search reduction (Agarwal et al. 2018, section 3.4; Fairlearn 0.13 {@code GridSearch}): one best response
 * of the {@link Learner} per point of a grid of Lagrange multipliers, and the deterministic predictor with the best
 * trade-off between error and disparity on the fitting rows.
 *
 * <pre>{@code
 * GridSearch.Fitted gs = GridSearch.constraint(ParityConstraint.of(ParityConstraint.Kind.EQUALIZED_ODDS))
 *     .learner(LogisticRegression.l2(1.0)).gridSize(11).gridLimit(2.0).constraintWeight(0.5)
 *     .fit(x, labels, sex, null);
 * int best = gs.bestIndex();
 * int[] yhat = gs.predict(xNew);                        // the best grid point's predictor
 * }</pre>
 *
 * <p><b>Grid</b> (Fairlearn's {@code _GridGenerator}): the basis has one coordinate per (event, group) for every
 * group except the LAST in order of first appearance in the fitting rows (events also in first-appearance order).
 * The integer points with L1 norm {@code <= u} are enumerated recursively (coordinate 0 from {@code -u..u}, then the
 * next from {@code -(u - |v0|)..(u - |v0|)}, ...), {@code u} starting at
 * {@code max(0, floor((gridSize / 2^dim)^(1/dim) - 1))} and growing until there are at least {@code gridSize}
 * points; the FIRST {@code gridSize} are kept and scaled by {@code gridLimit / u}. A positive coordinate goes to
 * the {@code +} multiplier of its cell, a negative one (negated) to the {@code -} multiplier.
 *
 * <p><b>Best response</b> per point: signed weights {@code s_i = (2 y_i - 1) + u'_i U_i . lambda} (see
 * {@link ParityConstraint}), the learner fitted on {@code 1[s_i > 0]} with weights {@code |s_i|}, NOT rescaled
 * (exponentiated gradient rescales them to sum to {@code n}; with a regularized learner the two differ, as in
 * Fairlearn); a constant relabelling gives a constant classifier. With sample weights, {@code s_i} is multiplied by
 * {@code w_i n / W}.
 *
 * <p><b>Selection</b>: {@code bestIndex} is the FIRST argmin over the grid of
 * {@code (1 - constraintWeight) * error_i + constraintWeight * max(gamma_i)} on the fitting rows.
 *
 * <p>Defaults: learner {@code LogisticRegression.l2(1.0)}, grid size 11, grid limit 2.0, constraint weight 0.5.
 * Each setting may be chosen once.
 */
public final class GridSearch {
    private final ParityConstraint constraint;
    private final Learner learner;
    private final Integer gridSize;
    private final Double gridLimit;
    private final Double constraintWeight;
    private final List<String> groupBy;

    private GridSearch(ParityConstraint constraint, Learner learner, Integer gridSize, Double gridLimit,
            Double constraintWeight, List<String> groupBy) {
        this.constraint = constraint;
        this.learner = learner;
        this.gridSize = gridSize;
        this.gridLimit = gridLimit;
        this.constraintWeight = constraintWeight;
        this.groupBy = groupBy;
    }

    /** Grid search under this constraint, with the defaults of the class javadoc. */
    public static GridSearch constraint(ParityConstraint constraint) {
        return new GridSearch(Objects.requireNonNull(constraint, "constraint"), null, null, null, null, null);
    }

    /** The learner of the best responses (default {@code LogisticRegression.l2(1.0)}). */
    public GridSearch learner(Learner l) {
        Settings.once(learner, "learner");
        return new GridSearch(constraint, Objects.requireNonNull(l, "learner"), gridSize, gridLimit,
                constraintWeight, groupBy);
    }

    /**
     * The number of grid points (default 11).
     *
     * @throws IllegalArgumentException if {@code < 1}
     */
    public GridSearch gridSize(int size) {
        Settings.once(gridSize, "gridSize");
        if (size < 1) {
            throw InputErrors.badSetting("grid_size", size, "an integer >= 1");
        }
        return new GridSearch(constraint, learner, size, gridLimit, constraintWeight, groupBy);
    }

    /**
     * The largest L1 norm of a grid point (default 2.0).
     *
     * @throws IllegalArgumentException if not finite and {@code > 0}
     */
    public GridSearch gridLimit(double limit) {
        Settings.once(gridLimit, "gridLimit");
        if (!(limit > 0) || Double.isInfinite(limit)) {
            throw InputErrors.badSetting("grid_limit", limit, "a finite number > 0");
        }
        return new GridSearch(constraint, learner, gridSize, limit, constraintWeight, groupBy);
    }

    /**
     * The weight of the disparity in the selection (default 0.5).
     *
     * @throws IllegalArgumentException if not in [0, 1]
     */
    public GridSearch constraintWeight(double weight) {
        Settings.once(constraintWeight, "constraintWeight");
        if (!(weight >= 0 && weight <= 1)) {
            throw InputErrors.badSetting("constraint_weight", weight, "a number in [0, 1]");
        }
        return new GridSearch(constraint, learner, gridSize, gridLimit, weight, groupBy);
    }

    /**
     * The sensitive features of {@link FairnessData} to group by (their intersection when several).
     *
     * @throws IllegalStateException if set twice
     */
    public GridSearch groupBy(String... features) {
        Settings.once(groupBy, "groupBy");
        return new GridSearch(constraint, learner, gridSize, gridLimit, constraintWeight,
                Settings.features(features));
    }

    /** @return the constraint */
    public ParityConstraint constraint() {
        return constraint;
    }

    /** @return the learner (default filled in) */
    public Learner learner() {
        return learner == null ? LogisticRegression.l2(1.0) : learner;
    }

    /** @return the grid size (default filled in) */
    public int gridSize() {
        return gridSize == null ? 11 : gridSize;
    }

    /** @return the grid limit (default filled in) */
    public double gridLimit() {
        return gridLimit == null ? 2.0 : gridLimit;
    }

    /** @return the constraint weight (default filled in) */
    public double constraintWeight() {
        return constraintWeight == null ? 0.5 : constraintWeight;
    }

    /**
     * Fits on the labels, weights (when present) and groups of {@code data} with the features {@code x}.
     *
     * @throws IllegalArgumentException if the grouping is ambiguous or unknown, or the sizes differ
     */
    public Fitted fit(FairnessData data, FeatureMatrix x) {
        return fit(Inputs.of(data, x, groupBy));
    }

    /**
     * Fits on columns: features, 0/1 labels, group labels, optional weights ({@code null}: unweighted).
     *
     * @throws IllegalStateException if {@link #groupBy(String...)} was set
     * @throws IllegalArgumentException naming the first bad row or column
     */
    public Fitted fit(FeatureMatrix x, int[] labels, String[] groups, double[] weights) {
        Settings.requireColumnGrouping(groupBy);
        return fit(Inputs.of(x, labels, groups, weights));
    }

    private Fitted fit(Inputs in) {
        Moment moment = new Moment(constraint, in.labels(), in.groups(), in.weights());
        List<double[]> grid = grid(moment, gridSize(), gridLimit());
        Lagrangian lag = new Lagrangian(moment, learner(), in.x(), Double.NaN, false);
        List<Classifier> predictors = new ArrayList<>();
        double[] objectives = new double[grid.size()];
        List<double[]> gammas = new ArrayList<>();
        double[] losses = new double[grid.size()];
        int best = 0;
        double cw = constraintWeight();
        for (int i = 0; i < grid.size(); i++) {
            Classifier c = lag.callOracle(grid.get(i));
            double[] h = Lagrangian.asDoubles(c.predict(in.x()));
            predictors.add(c);
            objectives[i] = moment.error(h);
            double[] g = moment.gamma(h);
            gammas.add(g);
            double max = Double.NEGATIVE_INFINITY;
            for (double v : g) {
                max = Math.max(max, v);
            }
            losses[i] = (1 - cw) * objectives[i] + cw * max;
            if (losses[i] < losses[best]) {
                best = i;
            }
        }
        return new Fitted(this, moment.index, basisNames(moment), grid, predictors, objectives, gammas, losses, best,
                lag.dummyCalls);
    }

    private static List<int[]> basis(Moment m) {
        List<int[]> coords = new ArrayList<>();
        List<String> groups = m.groupsByAppearance;
        for (String e : m.eventsByAppearance) {
            int ei = m.events.indexOf(e);
            for (String g : groups.subList(0, groups.size() - 1)) {
                int gi = m.groups.indexOf(g);
                for (int c = 0; c < m.cells(); c++) {
                    if (m.cellEvent[c] == ei && m.cellGroup[c] == gi) {
                        coords.add(new int[] {c});
                    }
                }
            }
        }
        return coords;
    }

    private static List<String> basisNames(Moment m) {
        List<String> out = new ArrayList<>();
        for (int[] c : basis(m)) {
            out.add(m.index.get(c[0]));
        }
        return out;
    }

    /** The grid of multiplier vectors (index order), as Fairlearn's {@code _GridGenerator}. */
    static List<double[]> grid(Moment m, int size, double limit) {
        List<int[]> basis = basis(m);
        int dim = basis.size();
        int cells = m.cells();
        List<double[]> out = new ArrayList<>();
        if (dim == 0) {
            for (int i = 0; i < size; i++) {
                out.add(new double[2 * cells]);
            }
            return out;
        }
        int units = (int) Math.floor(Math.pow(size / Math.pow(2.0, dim), 1.0 / dim) - 1);
        units = Math.max(units, 0);
        List<int[]> points;
        while (true) {
            points = new ArrayList<>();
            accumulate(new int[dim], 0, units, points);
            if (points.size() >= size) {
                break;
            }
            units++;
        }
        double scale = units == 0 ? 0.0 : limit / units;
        for (int p = 0; p < size; p++) {
            int[] v = points.get(p);
            double[] lambda = new double[2 * cells];
            for (int d = 0; d < dim; d++) {
                double coef = v[d] * scale;
                int c = basis.get(d)[0];
                if (coef > 0) {
                    lambda[c] = coef;
                } else if (coef < 0) {
                    lambda[cells + c] = -coef;
                }
            }
            out.add(lambda);
        }
        return out;
    }

    private static void accumulate(int[] entry, int index, int max, List<int[]> out) {
        if (index == entry.length) {
            out.add(entry.clone());
            return;
        }
        for (int v = -max; v <= max; v++) {
            entry[index] = v;
            accumulate(entry, index + 1, max - Math.abs(v), out);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "GridSearch[%s, learner=%s, grid_size=%d, grid_limit=%s, constraint_weight=%s]", constraint,
                learner(), gridSize(), gridLimit(), constraintWeight());
    }

    /** A fitted grid search: every grid point's predictor and scores, and the selected one. Immutable. */
    public static final class Fitted {
        private final GridSearch config;
        private final List<String> constraintIndex;
        private final List<String> basis;
        private final List<double[]> grid;
        private final List<Classifier> predictors;
        private final double[] objectives;
        private final List<double[]> gammas;
        private final double[] losses;
        private final int best;
        private final int constantCalls;

        Fitted(GridSearch config, List<String> constraintIndex, List<String> basis, List<double[]> grid,
                List<Classifier> predictors, double[] objectives, List<double[]> gammas, double[] losses, int best,
                int constantCalls) {
            this.config = config;
            this.constraintIndex = List.copyOf(constraintIndex);
            this.basis = List.copyOf(basis);
            this.grid = Vectors.copy(grid);
            this.predictors = List.copyOf(predictors);
            this.objectives = objectives.clone();
            this.gammas = Vectors.copy(gammas);
            this.losses = losses.clone();
            this.best = best;
            this.constantCalls = constantCalls;
        }

        /** @return the configuration */
        public GridSearch config() {
            return config;
        }

        /** @return the constraint entries {@code sign|event|group}, the order of each grid vector */
        public List<String> constraintIndex() {
            return constraintIndex;
        }

        /** @return the grid's basis coordinates, as {@code +|event|group} entries */
        public List<String> basis() {
            return basis;
        }

        /** @return the grid: one multiplier vector per point, in {@link #constraintIndex()} order */
        public List<double[]> grid() {
            return Vectors.copy(grid);
        }

        /** @return one predictor per grid point */
        public List<Classifier> predictors() {
            return predictors;
        }

        /** @return each point's weighted error rate on the fitting rows ({@code objectives_}) */
        public double[] objectives() {
            return objectives.clone();
        }

        /** @return each point's {@code gamma} on the fitting rows ({@code gammas_}) */
        public List<double[]> gammas() {
            return Vectors.copy(gammas);
        }

        /** @return each point's trade-off loss {@code (1 - cw) error + cw max(gamma)} */
        public double[] losses() {
            return losses.clone();
        }

        /** @return the selected point ({@code best_idx_}) */
        public int bestIndex() {
            return best;
        }

        /** @return the number of oracle calls (one per grid point) */
        public int oracleCalls() {
            return predictors.size();
        }

        /** @return how many best responses were constant, fitted without the learner */
        public int constantOracleCalls() {
            return constantCalls;
        }

        /** @return the selected predictor */
        public Classifier best() {
            return predictors.get(best);
        }

        /** @return the selected predictor's 0/1 predictions */
        public int[] predict(FeatureMatrix x) {
            return best().predict(x);
        }

        /** @return the selected predictor's predictions as probabilities (0 or 1: it is deterministic) */
        public double[] probabilityOfPositive(FeatureMatrix x) {
            return Lagrangian.asDoubles(predict(x));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "GridSearch.Fitted[%s: %d points, best_index=%d, loss=%s]",
                    config.constraint(), grid.size(), best, losses[best]);
        }
    }
}
