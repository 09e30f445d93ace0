package org.fairkit.mitigation.calibration;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealVector;
import org.fairkit.core.internal.CompensatedSum;

/**
 * Weighted logistic regression with soft targets by Newton's method with a backtracking (Armijo) line search.
 *
 * <p>Minimizes the cross-entropy {@code L(theta) = sum_i w_i [softplus(eta_i) - t_i eta_i]} with
 * {@code eta_i = theta_0 + sum_j theta_j x_ij} and targets {@code t_i} in [0, 1], where
 * {@code softplus(eta) = log(1 + e^eta)} is evaluated as {@code max(eta, 0) + log1p(e^-|eta|)}. The gradient is
 * {@code X^T w (sigma(eta) - t)} and the Hessian {@code X^T diag(w sigma (1 - sigma)) X}; L is convex, so a Newton
 * step solved by Cholesky decomposition (commons-math3) and halved until
 * {@code L(theta + a d) <= L(theta) + 1e-4 a g^T d} converges quadratically near the optimum; once the predicted
 * decrease {@code -g^T d / 2} is below {@code 1e-13 (1 + |L|)} (the rounding of L, where a line search cannot
 * compare points) full steps are taken (Nocedal &amp; Wright,
 * <i>Numerical Optimization</i>, 2nd ed., algorithms 3.1 and 3.2; Boyd &amp; Vandenberghe, <i>Convex Optimization</i>,
 * section 9.5).
 *
 * <p><b>Convergence.</b> Stops when every component of the Newton step is at most
 * {@code 1e-10 (1 + |theta_j|)}; the step is then applied, so the result is accurate to about {@code 1e-20}
 * relative by quadratic convergence (in practice to rounding). <b>No finite optimum.</b> When the classes are
 * separated by the features (completely or at a boundary), the likelihood keeps improving as a coefficient grows:
 * Newton steps stay large, or the Hessian underflows to singular. Both end in a {@link FitFailure} of kind
 * {@code SEPARATED} after at most {@value #MAX_ITERATIONS} iterations. A Hessian that is singular at the start
 * (collinear features, e.g. a single distinct score) is a {@code COLLINEAR} failure.
 */
final class LogisticFit {
    static final int MAX_ITERATIONS = 200;
    static final double STEP_TOLERANCE = 1e-10;
    /** Relative size below which a predicted decrease of the loss is lost in rounding. */
    static final double ROUNDING = 1e-13;

    private LogisticFit() {
    }

    /** The optimum: {@code theta[0]} is the intercept, {@code theta[1..]} the feature coefficients. */
    record Result(double[] theta, double loss, int iterations) {
    }

    /**
     * @param features feature columns, each of length n (may be empty: intercept only)
     * @param targets targets in [0, 1]
     * @param weights weights {@code >= 0}
     * @param start the starting point (length {@code features.length + 1})
     */
    static Result fit(double[][] features, double[] targets, double[] weights, double[] start) {
        int p = features.length + 1;
        int n = targets.length;
        double[] theta = start.clone();
        double loss = loss(features, targets, weights, theta);
        for (int iter = 1; iter <= MAX_ITERATIONS; iter++) {
            double[] grad = new double[p];
            double[][] hess = new double[p][p];
            double[] x = new double[p];
            x[0] = 1.0;
            for (int i = 0; i < n; i++) {
                double w = weights[i];
                if (w == 0) {
                    continue;
                }
                for (int j = 1; j < p; j++) {
                    x[j] = features[j - 1][i];
                }
                double eta = eta(x, theta);
                double q = sigmoid(eta);
                double r = w * (q - targets[i]);
                double h = w * q * (1 - q);
                for (int a = 0; a < p; a++) {
                    grad[a] += r * x[a];
                    for (int b = 0; b <= a; b++) {
                        hess[a][b] += h * x[a] * x[b];
                    }
                }
            }
            for (int a = 0; a < p; a++) {
                for (int b = a + 1; b < p; b++) {
                    hess[a][b] = hess[b][a];
                }
            }
            double[] step;
            try {
                CholeskyDecomposition chol = new CholeskyDecomposition(new Array2DRowRealMatrix(hess, false),
                        1e-14, 1e-300);
                RealVector d = chol.getSolver().solve(new ArrayRealVector(grad, false));
                step = d.mapMultiply(-1).toArray();
            } catch (NonPositiveDefiniteMatrixException | org.apache.commons.math3.linear.SingularMatrixException
                    | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
                if (iter == 1) {
                    throw new FitFailure(FitFailure.Kind.COLLINEAR, "the features are collinear (too few distinct "
                            + "scores), so the coefficients are not identified");
                }
                throw separated();
            }
            boolean small = true;
            for (int j = 0; j < p; j++) {
                if (!(Math.abs(step[j]) <= STEP_TOLERANCE * (1 + Math.abs(theta[j])))) {
                    small = false;
                }
            }
            if (small) {
                for (int j = 0; j < p; j++) {
                    theta[j] += step[j];
                }
                return new Result(theta, loss(features, targets, weights, theta), iter);
            }
            double slope = 0;
            for (int j = 0; j < p; j++) {
                slope += grad[j] * step[j];
            }
            if (-slope / 2 <= ROUNDING * (1 + Math.abs(loss))) {
                // The predicted decrease is below the rounding of the loss: the line search cannot tell a better
                // point from a worse one. This is the quadratic region, where full Newton steps are safe.
                for (int j = 0; j < p; j++) {
                    theta[j] += step[j];
                }
                loss = loss(features, targets, weights, theta);
                continue;
            }
            double alpha = 1.0;
            double[] trial = new double[p];
            double trialLoss = Double.NaN;
            boolean accepted = false;
            for (int halving = 0; halving < 50; halving++) {
                for (int j = 0; j < p; j++) {
                    trial[j] = theta[j] + alpha * step[j];
                }
                trialLoss = loss(features, targets, weights, trial);
                if (trialLoss < loss && trialLoss <= loss + 1e-4 * alpha * slope) {
                    accepted = true;
                    break;
                }
                alpha *= 0.5;
            }
            if (!accepted) {
                throw separated(); // numerical breakdown on a diverging fit
            }
            theta = trial.clone();
            loss = trialLoss;
        }
        throw separated();
    }

    /**
     * The exact existence check for a logistic model whose linear predictor is a monotone function of one
     * feature: the maximum-likelihood fit exists iff the classes overlap, i.e. some row of label 0 has a
     * larger feature value than some row of label 1 (and, when the coefficient may also be negative, some row of
     * label 1 a larger value than some row of label 0). Otherwise the classes are separated, completely or at a
     * boundary (Albert &amp; Anderson 1984, "On the existence of maximum likelihood estimates in logistic regression
     * models", Biometrika 71). Rows of weight 0 are ignored.
     *
     * @param bothDirections whether the coefficient is free in sign (false: constrained to be {@code >= 0})
     * @throws FitFailure COLLINEAR when fewer than two distinct feature values have weight, SEPARATED when the
     *     classes do not overlap
     */
    static void requireOverlap(double[] feature, int[] labels, double[] weights, boolean bothDirections) {
        double minPos = Double.POSITIVE_INFINITY;
        double maxPos = Double.NEGATIVE_INFINITY;
        double minNeg = Double.POSITIVE_INFINITY;
        double maxNeg = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < feature.length; i++) {
            if (weights[i] > 0) {
                double x = feature[i];
                if (labels[i] == 1) {
                    minPos = Math.min(minPos, x);
                    maxPos = Math.max(maxPos, x);
                } else {
                    minNeg = Math.min(minNeg, x);
                    maxNeg = Math.max(maxNeg, x);
                }
            }
        }
        if (Math.min(minPos, minNeg) == Math.max(maxPos, maxNeg)) {
            throw new FitFailure(FitFailure.Kind.COLLINEAR, "the features are collinear (too few distinct scores), "
                    + "so the coefficients are not identified");
        }
        if (maxNeg <= minPos || bothDirections && maxPos <= minNeg) {
            throw new FitFailure(FitFailure.Kind.SEPARATED, "the scores separate the classes (no row of label 0 "
                    + "scores above a row of label 1" + (bothDirections ? ", or none below" : "") + "), so the "
                    + "maximum-likelihood fit does not exist");
        }
    }

    private static FitFailure separated() {
        return new FitFailure(FitFailure.Kind.SEPARATED, "the scores separate the classes (the likelihood keeps "
                + "increasing as a coefficient grows), so the maximum-likelihood fit does not exist");
    }

    /** @return the cross-entropy {@code sum_i w_i [softplus(eta_i) - t_i eta_i]} at theta */
    static double loss(double[][] features, double[] targets, double[] weights, double[] theta) {
        int p = theta.length;
        double[] x = new double[p];
        x[0] = 1.0;
        CompensatedSum sum = new CompensatedSum();
        for (int i = 0; i < targets.length; i++) {
            double w = weights[i];
            if (w == 0) {
                continue;
            }
            for (int j = 1; j < p; j++) {
                x[j] = features[j - 1][i];
            }
            double eta = eta(x, theta);
            sum.add(w * (softplus(eta) - targets[i] * eta));
        }
        return sum.value();
    }

    private static double eta(double[] x, double[] theta) {
        double e = 0;
        for (int j = 0; j < theta.length; j++) {
            e += theta[j] * x[j];
        }
        return e;
    }

    /** @return {@code log(1 + e^eta)} without overflow */
    static double softplus(double eta) {
        return Math.max(eta, 0) + Math.log1p(Math.exp(-Math.abs(eta)));
    }

    /** @return {@code 1 / (1 + e^-eta)} without overflow */
    static double sigmoid(double eta) {
        if (eta >= 0) {
            return 1.0 / (1.0 + Math.exp(-eta));
        }
        double e = Math.exp(eta);
        return e / (1.0 + e);
    }

    /** @return {@code log(p / (1 - p))} of a score clipped to {@code [clip, 1 - clip]} */
    static double logit(double p, double clip) {
        double c = Math.min(Math.max(p, clip), 1 - clip);
        return Math.log(c / (1 - c));
    }
}
