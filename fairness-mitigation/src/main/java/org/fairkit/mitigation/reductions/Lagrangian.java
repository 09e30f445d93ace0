package org.fairkit.mitigation.reductions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Lagrangian game of the reductions over the fitting rows (Fairlearn {@code _Lagrangian}): the best response
 * of the learner to multipliers (one oracle call, kept as a new predictor only when it improves on every known one
 * by more than 1e-8), the value of a mixture, the duality gap and the LP step. Not for users.
 */
final class Lagrangian {
    static final double PRECISION = 1e-8;

    final Moment moment;
    private final Learner learner;
    private final FeatureMatrix x;
    private final double b;
    private final boolean normalize;
    final List<Classifier> predictors = new ArrayList<>();
    final List<double[]> predictions = new ArrayList<>();
    final List<Double> errors = new ArrayList<>();
    final List<double[]> gammas = new ArrayList<>();
    final List<double[]> lambdas = new ArrayList<>();
    int oracleCalls;
    int dummyCalls;
    private int lastLpSize;
    private LpResult lastLp;

    /** The value of the Lagrangian and its bounds (Fairlearn {@code _GapResult}). */
    static final class Gap {
        final double l;
        double low;
        final double high;
        final double[] gamma;
        final double error;

        Gap(double l, double high, double[] gamma, double error) {
            this.l = l;
            this.low = l;
            this.high = high;
            this.gamma = gamma;
            this.error = error;
        }

        double gap() {
            return Math.max(l - low, high - l);
        }
    }

    record LpResult(double[] q, double[] lambda, Gap gap, double objective) {
    }

    Lagrangian(Moment moment, Learner learner, FeatureMatrix x, double b, boolean normalize) {
        this.moment = moment;
        this.learner = learner;
        this.x = x;
        this.b = b;
        this.normalize = normalize;
    }

    Classifier callOracle(double[] lambda) {
        double[] s = moment.signedWeights(lambda);
        int n = s.length;
        int[] redY = new int[n];
        double[] redW = new double[n];
        double sum = 0;
        int ones = 0;
        for (int i = 0; i < n; i++) {
            redY[i] = s[i] > 0 ? 1 : 0;
            ones += redY[i];
            redW[i] = Math.abs(s[i]);
            sum += redW[i];
        }
        if (normalize) {
            for (int i = 0; i < n; i++) {
                redW[i] = n * redW[i] / sum;
            }
        }
        oracleCalls++;
        if (ones == 0 || ones == n) {
            dummyCalls++;
            return constant(ones == 0 ? 0 : 1);
        }
        return learner.fit(x, redY, redW);
    }

    static Classifier constant(int value) {
        return new ConstantClassifier(value);
    }

    /** Predicts one class for every row (Fairlearn's {@code DummyClassifier(strategy="constant")}). */
    record ConstantClassifier(int value) implements Classifier {
        @Override
        public int[] predict(FeatureMatrix features) {
            int[] p = new int[features.rows()];
            Arrays.fill(p, value);
            return p;
        }

        @Override
        public String toString() {
            return "Constant[" + value + "]";
        }
    }

    static double[] asDoubles(int[] p) {
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = p[i];
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** The index of the best response to {@code lambda} among the known predictors after one oracle call. */
    int bestH(double[] lambda) {
        Classifier c = callOracle(lambda);
        double[] h = asDoubles(c.predict(x));
        double err = moment.error(h);
        double[] gamma = moment.gamma(h);
        double value = err + dot(gamma, lambda);
        int best = -1;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int j = 0; j < predictors.size(); j++) {
            double v = errors.get(j) + dot(gammas.get(j), lambda);
            if (v < bestValue) {
                bestValue = v;
                best = j;
            }
        }
        if (value < bestValue - PRECISION) {
            predictors.add(c);
            predictions.add(h);
            errors.add(err);
            gammas.add(gamma);
            lambdas.add(lambda.clone());
            best = predictors.size() - 1;
        }
        return best;
    }

    /** The Lagrangian of the mixture {@code q} (weights of predictors 0..q.length-1) at {@code lambda}. */
    Gap eval(double[] q, double[] lambda) {
        double error = 0;
        double[] gamma = new double[moment.size()];
        for (int j = 0; j < q.length; j++) {
            error += errors.get(j) * q[j];
            double[] g = gammas.get(j);
            for (int k = 0; k < gamma.length; k++) {
                gamma[k] += g[k] * q[j];
            }
        }
        double bound = moment.constraint.bound();
        double[] lp = moment.project(lambda);
        double l = error;
        double maxConstraint = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < gamma.length; k++) {
            l += lp[k] * (gamma[k] - bound);
            maxConstraint = Math.max(maxConstraint, gamma[k] - bound);
        }
        double high = maxConstraint <= 0 ? error : error + b * maxConstraint;
        return new Gap(l, high, gamma, error);
    }

    Gap evalGap(double[] q, double[] lambdaHat, double nu) {
        Gap result = eval(q, lambdaHat);
        for (double mul : new double[] {1.0, 2.0, 5.0, 10.0}) {
            double[] scaled = lambdaHat.clone();
            for (int k = 0; k < scaled.length; k++) {
                scaled[k] *= mul;
            }
            int idx = bestH(scaled);
            double[] single = new double[idx + 1];
            single[idx] = 1.0;
            double lowMul = eval(single, lambdaHat).l;
            if (lowMul < result.low) {
                result.low = lowMul;
            }
            if (result.gap() > nu + PRECISION) {
                break;
            }
        }
        return result;
    }

    LpResult solveLinprog(double nu) {
        int m = predictors.size();
        if (lastLpSize == m) {
            return lastLp;
        }
        double[] err = new double[m];
        for (int j = 0; j < m; j++) {
            err[j] = errors.get(j);
        }
        SaddleLp.Solution s = SaddleLp.solve(err, new ArrayList<>(gammas), moment.constraint.bound(), b);
        lastLpSize = m;
        lastLp = new LpResult(s.q(), s.lambda(), evalGap(s.q(), s.lambda(), nu), s.objective());
        return lastLp;
    }
}
