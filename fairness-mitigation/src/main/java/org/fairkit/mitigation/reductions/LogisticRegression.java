package org.fairkit.mitigation.reductions;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.mitigation.internal.Settings;

/**
 * L2-regularised logistic regression with scikit-learn's {@code LogisticRegression(C)} objective, solved to the
 * true optimum; the built-in {@link Learner} of the reductions.
 *
 * <pre>{@code
 * LogisticRegression.Model m = LogisticRegression.l2(1.0).standardized().fit(x, labels, weights);
 * int[] yhat = m.predict(x);              // 1 iff the decision value f(x) > 0
 * double[] p = m.probability(x);          // 1 / (1 + exp(-f(x)))
 * }</pre>
 *
 * <p><b>Objective.</b> With {@code f_i = x_i . coef + b} and sample weights {@code s_i},
 * <pre>
 *   J(coef, b) = sum_i s_i [log(1 + exp(f_i)) - y_i f_i] + ||coef||^2 / (2 C)
 * </pre>
 * the SUM (not the mean) of the weighted log-losses, the intercept not penalised: scikit-learn's objective for
 * {@code LogisticRegression(C=C, penalty="l2")}. Scaling all weights by {@code k} is the same as dividing
 * {@code C} by {@code k}, so it changes the fit.
 *
 * <p><b>Solver.</b> Newton's method (iteratively reweighted least squares) from zero: gradient
 * {@code X^T (s * (p - y)) + coef / C}, Hessian {@code X^T diag(s p (1 - p)) X + I / C} (no {@code 1/C} on the
 * intercept), each step solved by EJML's Cholesky decomposition of the {@code (d + 1) x (d + 1)} system, with step
 * halving when the objective rises. It stops when the step is below {@code 1e-14} relative to the coefficients
 * (or stops shrinking at the rounding floor), at most 100 steps. scikit-learn's L-BFGS stops earlier (about
 * {@code 5e-6} from the optimum on Adult, see its {@code factr}); this solver reaches the optimum to about
 * {@code 1e-12}.
 *
 * <p><b>Standardization</b> ({@link #standardized()}, off by default as in scikit-learn): each feature is
 * replaced by {@code (x - mean) / std} with the mean and POPULATION standard deviation (divisor {@code n}) of the
 * fitting rows, unweighted; the model stores the transform and applies it to new rows. A constant column (std 0) is
 * only centred: it becomes all 0, so its coefficient is 0. {@link Model#coefficients()} are on the standardized
 * scale; {@link Model#rawCoefficients()} on the original features.
 *
 * <p><b>Input errors</b> ({@link IllegalArgumentException} naming the row or column): no rows; labels not one per
 * row or not 0/1; weights not one per row, negative or not finite; a class without positive total weight (one
 * class only). Non-finite features are refused by {@link FeatureMatrix}.
 */
public final class LogisticRegression implements Learner {
    private static final int MAX_STEPS = 100;
    private static final double STEP_TOLERANCE = 1e-14;

    private final double c;
    private final Boolean standardize;

    private LogisticRegression(double c, Boolean standardize) {
        this.c = c;
        this.standardize = standardize;
    }

    /**
     * Logistic regression with L2 penalty {@code ||coef||^2 / (2C)}, scikit-learn's {@code C}.
     *
     * @throws IllegalArgumentException if {@code c} is not finite and {@code > 0}
     */
    public static LogisticRegression l2(double c) {
        if (!(c > 0) || Double.isInfinite(c)) {
            throw InputErrors.badSetting("C", c, "a finite number > 0");
        }
        return new LogisticRegression(c, null);
    }

    /** Standardizes the features with the fitting rows' mean and population std (see the class javadoc). */
    public LogisticRegression standardized() {
        return standardize(true);
    }

    /**
     * Whether to standardize the features (default false).
     *
     * @throws IllegalStateException if set twice
     */
    public LogisticRegression standardize(boolean on) {
        Settings.once(standardize, "standardize");
        return new LogisticRegression(c, on);
    }

    /** @return the inverse regularization strength {@code C} */
    public double c() {
        return c;
    }

    /** @return whether the features are standardized */
    public boolean standardizes() {
        return standardize != null && standardize;
    }

    @Override
    public Model fit(double[][] features, int[] labels, double[] sampleWeights) {
        return fit(FeatureMatrix.ofRows(features), labels, sampleWeights);
    }

    @Override
    public Model fit(FeatureMatrix features, int[] labels, double[] sampleWeights) {
        Objects.requireNonNull(features, "features");
        int n = features.rows();
        int d = features.columns();
        if (n == 0) {
            throw new IllegalArgumentException("logistic regression needs at least one row; the features have none");
        }
        if (labels == null || labels.length != n) {
            throw InputErrors.lengthMismatch("labels", labels == null ? 0 : labels.length, "features", n);
        }
        double[] w = sampleWeights;
        if (w != null && w.length != n) {
            throw InputErrors.lengthMismatch("sample weights", w.length, "features", n);
        }
        double pos = 0;
        double neg = 0;
        for (int i = 0; i < n; i++) {
            int y = labels[i];
            if (y != 0 && y != 1) {
                throw InputErrors.badValue("labels", i, y, "0 or 1");
            }
            double wi = w == null ? 1.0 : w[i];
            if (!(wi >= 0) || Double.isInfinite(wi)) {
                throw InputErrors.badValue("sample weights", i, wi, "a finite weight >= 0");
            }
            if (y == 1) {
                pos += wi;
            } else {
                neg += wi;
            }
        }
        if (!(pos > 0) || !(neg > 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "logistic regression needs both classes with positive total weight; labels: weight %s on 1, "
                            + "%s on 0", pos, neg));
        }
        double[] mean = new double[d];
        double[] scale = new double[d];
        double[][] z = new double[d][];
        for (int j = 0; j < d; j++) {
            double[] col = features.columnView(j);
            if (standardizes()) {
                double m = 0;
                for (double v : col) {
                    m += v;
                }
                m /= n;
                double ss = 0;
                for (double v : col) {
                    ss += (v - m) * (v - m);
                }
                double s = Math.sqrt(ss / n);
                mean[j] = m;
                scale[j] = s > 0 ? s : 1.0;
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = (col[i] - m) / scale[j];
                }
                z[j] = out;
            } else {
                scale[j] = 1.0;
                z[j] = col;
            }
        }
        double[] s = w == null ? null : w;
        Newton solver = new Newton(z, labels, s, c, n, d);
        solver.solve();
        return new Model(features.names(), Arrays.copyOf(solver.beta, d), solver.beta[d],
                standardizes() ? mean : null, standardizes() ? scale : null, solver.steps, solver.objective,
                solver.gradientMaxAbs, c);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "LogisticRegression[C=%s, standardize=%s]", c, standardizes());
    }

    /** Newton's method on the objective; beta = (coef..., intercept). */
    private static final class Newton {
        private final double[][] z;
        private final int[] y;
        private final double[] s;
        private final double invC;
        private final int n;
        private final int d;
        final double[] beta;
        private final double[] f;
        private final double[] h;
        private final double[] r;
        private final double[] e;
        private final double[] hc;
        double objective;
        double gradientMaxAbs;
        int steps;

        Newton(double[][] z, int[] y, double[] s, double c, int n, int d) {
            this.z = z;
            this.y = y;
            this.s = s;
            this.invC = 1.0 / c;
            this.n = n;
            this.d = d;
            this.beta = new double[d + 1];
            this.f = new double[n];
            this.h = new double[n];
            this.r = new double[n];
            this.e = new double[n];
            this.hc = new double[n];
        }

        private double objectiveAt(double[] b) {
            // one pass: decision values f, e = exp(-|f|) (kept for the derivatives), and the objective
            Arrays.fill(f, b[d]);
            for (int j = 0; j < d; j++) {
                double bj = b[j];
                double[] col = z[j];
                for (int i = 0; i < n; i++) {
                    f[i] += bj * col[i];
                }
            }
            double loss = 0;
            for (int i = 0; i < n; i++) {
                double fi = f[i];
                double ei = Math.exp(-Math.abs(fi));
                e[i] = ei;
                // log(1 + exp(f)) = max(f, 0) + log(1 + exp(-|f|))
                double l = Math.log(1 + ei) + (fi > 0 ? fi : 0) - y[i] * fi;
                loss += s == null ? l : s[i] * l;
            }
            double pen = 0;
            for (int j = 0; j < d; j++) {
                pen += b[j] * b[j];
            }
            return loss + 0.5 * invC * pen;
        }

        void solve() {
            int p = d + 1;
            double[] grad = new double[p];
            DMatrixRMaj hess = new DMatrixRMaj(p, p);
            DMatrixRMaj rhs = new DMatrixRMaj(p, 1);
            DMatrixRMaj step = new DMatrixRMaj(p, 1);
            LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(p);
            LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(p);
            objective = objectiveAt(beta);
            double previousStep = Double.POSITIVE_INFINITY;
            double[] trial = new double[p];
            for (steps = 0; steps < MAX_STEPS; steps++) {
                derivatives(grad, hess, true);
                for (int k = 0; k < p; k++) {
                    rhs.set(k, 0, grad[k]);
                }
                DMatrixRMaj a = hess.copy();
                if (chol.setA(a)) {
                    chol.solve(rhs, step);
                } else {
                    a = hess.copy();
                    if (!lu.setA(a)) {
                        break;
                    }
                    lu.solve(rhs, step);
                }
                double stepMax = 0;
                double betaMax = 0;
                for (int k = 0; k < p; k++) {
                    stepMax = Math.max(stepMax, Math.abs(step.get(k, 0)));
                    betaMax = Math.max(betaMax, Math.abs(beta[k]));
                }
                double t = 1.0;
                double next = Double.NaN;
                for (int halvings = 0; halvings < 60; halvings++) {
                    for (int k = 0; k < p; k++) {
                        trial[k] = beta[k] - t * step.get(k, 0);
                    }
                    next = objectiveAt(trial);
                    if (next <= objective + 1e-13 * Math.abs(objective)) {
                        break;
                    }
                    t *= 0.5;
                }
                // f and e now hold the values at the accepted trial point
                System.arraycopy(trial, 0, beta, 0, p);
                objective = next;
                double moved = t * stepMax;
                if (moved <= STEP_TOLERANCE * (1 + betaMax)
                        || (moved >= previousStep && moved <= 1e-9 * (1 + betaMax))) {
                    steps++;
                    break;
                }
                previousStep = moved;
            }
            derivatives(grad, hess, false);
            double gmax = 0;
            for (double g : grad) {
                gmax = Math.max(gmax, Math.abs(g));
            }
            gradientMaxAbs = gmax;
        }

        /** Gradient (and Hessian when asked) at beta, from f and e, which must hold the values at beta. */
        private void derivatives(double[] grad, DMatrixRMaj hess, boolean withHessian) {
            double gb = 0;
            double hb = 0;
            for (int i = 0; i < n; i++) {
                double ei = e[i];
                double pi = f[i] >= 0 ? 1.0 / (1.0 + ei) : ei / (1.0 + ei);
                double si = s == null ? 1.0 : s[i];
                r[i] = si * (pi - y[i]);
                h[i] = si * pi * (1 - pi);
                gb += r[i];
                hb += h[i];
            }
            grad[d] = gb;
            if (withHessian) {
                hess.set(d, d, hb);
            }
            for (int j = 0; j < d; j++) {
                double[] cj = z[j];
                double gj = 0;
                for (int i = 0; i < n; i++) {
                    gj += r[i] * cj[i];
                }
                grad[j] = gj + invC * beta[j];
                if (!withHessian) {
                    continue;
                }
                double hjb = 0;
                for (int i = 0; i < n; i++) {
                    double v = h[i] * cj[i];
                    hc[i] = v;
                    hjb += v;
                }
                hess.set(j, d, hjb);
                hess.set(d, j, hjb);
                for (int k = j; k < d; k++) {
                    double[] ck = z[k];
                    double acc = 0;
                    for (int i = 0; i < n; i++) {
                        acc += hc[i] * ck[i];
                    }
                    if (k == j) {
                        acc += invC;
                    }
                    hess.set(j, k, acc);
                    hess.set(k, j, acc);
                }
            }
        }
    }

    /**
     * A fitted logistic regression: {@code f(x) = coef . z(x) + intercept} with {@code z} the stored
     * standardization (identity when off); {@code predict} is {@code 1[f > 0]}, {@code score} the probability
     * {@code 1 / (1 + exp(-f))}. Immutable.
     */
    public static final class Model implements Classifier {
        private final java.util.List<String> names;
        private final double[] coef;
        private final double intercept;
        private final double[] mean;
        private final double[] scale;
        private final int steps;
        private final double objective;
        private final double gradientMaxAbs;
        private final double c;

        Model(java.util.List<String> names, double[] coef, double intercept, double[] mean, double[] scale,
                int steps, double objective, double gradientMaxAbs, double c) {
            this.names = names;
            this.coef = coef;
            this.intercept = intercept;
            this.mean = mean;
            this.scale = scale;
            this.steps = steps;
            this.objective = objective;
            this.gradientMaxAbs = gradientMaxAbs;
            this.c = c;
        }

        /** @return the coefficients on the (standardized, when on) features the model was fitted on */
        public double[] coefficients() {
            return coef.clone();
        }

        /** @return the intercept on the (standardized, when on) features */
        public double intercept() {
            return intercept;
        }

        /** @return the coefficients on the original features: {@code coef_j / std_j} */
        public double[] rawCoefficients() {
            double[] out = coef.clone();
            if (scale != null) {
                for (int j = 0; j < out.length; j++) {
                    out[j] /= scale[j];
                }
            }
            return out;
        }

        /** @return the intercept on the original features: {@code b - sum_j coef_j mean_j / std_j} */
        public double rawIntercept() {
            double b = intercept;
            if (scale != null) {
                for (int j = 0; j < coef.length; j++) {
                    b -= coef[j] * mean[j] / scale[j];
                }
            }
            return b;
        }

        /** @return the standardization means, empty when the model does not standardize */
        public Optional<double[]> means() {
            return mean == null ? Optional.empty() : Optional.of(mean.clone());
        }

        /** @return the standardization scales (population std, 1 for a constant column), empty when off */
        public Optional<double[]> scales() {
            return scale == null ? Optional.empty() : Optional.of(scale.clone());
        }

        /** @return the number of Newton steps taken */
        public int steps() {
            return steps;
        }

        /** @return the objective {@code J} at the solution */
        public double objective() {
            return objective;
        }

        /** @return the largest absolute entry of the objective's gradient at the solution */
        public double gradientMaxAbs() {
            return gradientMaxAbs;
        }

        /** @return the feature names the model was fitted on */
        public java.util.List<String> featureNames() {
            return names;
        }

        /**
         * The decision values {@code f(x)}.
         *
         * @throws IllegalArgumentException if the matrix has another number of columns
         */
        public double[] decision(FeatureMatrix x) {
            if (x.columns() != coef.length) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "the model was fitted on %d features %s; got %d %s", coef.length, names, x.columns(),
                        x.names()));
            }
            int n = x.rows();
            double[] f = new double[n];
            Arrays.fill(f, intercept);
            for (int j = 0; j < coef.length; j++) {
                double[] col = x.columnView(j);
                double b = coef[j];
                if (scale == null) {
                    for (int i = 0; i < n; i++) {
                        f[i] += b * col[i];
                    }
                } else {
                    double m = mean[j];
                    double sc = scale[j];
                    for (int i = 0; i < n; i++) {
                        f[i] += b * ((col[i] - m) / sc);
                    }
                }
            }
            return f;
        }

        /** @return the probabilities {@code 1 / (1 + exp(-f(x)))} */
        public double[] probability(FeatureMatrix x) {
            double[] f = decision(x);
            for (int i = 0; i < f.length; i++) {
                double fi = f[i];
                f[i] = fi >= 0 ? 1.0 / (1.0 + Math.exp(-fi)) : Math.exp(fi) / (1.0 + Math.exp(fi));
            }
            return f;
        }

        @Override
        public int[] predict(FeatureMatrix x) {
            double[] f = decision(x);
            int[] out = new int[f.length];
            for (int i = 0; i < f.length; i++) {
                out[i] = f[i] > 0 ? 1 : 0;
            }
            return out;
        }

        @Override
        public Optional<double[]> score(FeatureMatrix x) {
            return Optional.of(probability(x));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "LogisticRegression.Model[C=%s, coef=%s, intercept=%s, steps=%d]", c,
                    Arrays.toString(coef), intercept, steps);
        }
    }
}
