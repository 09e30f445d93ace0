package org.fairkit.mitigation.reductions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.fairkit.core.FairnessData;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.mitigation.internal.Settings;

/**
 * Exponentiated gradient reduction (Agarwal, Beygelzimer, Dudik, Langford &amp; Wallach 2018, "A Reductions
 * Approach to Fair Classification", Algorithm 1; Fairlearn 0.13 {@code ExponentiatedGradient}): a randomized
 * classifier that minimizes the error rate subject to a {@link ParityConstraint}, found as a saddle point of the
 * Lagrangian by calling a {@link Learner} on reweighted, relabelled rows.
 *
 * <pre>{@code
 * ExponentiatedGradient.Fitted eg = ExponentiatedGradient
 *     .constraint(ParityConstraint.of(ParityConstraint.Kind.DEMOGRAPHIC_PARITY))
 *     .learner(LogisticRegression.l2(1.0)).eps(0.01).seed(7)
 *     .fit(x, labels, sex, null);                       // or .groupBy("sex").fit(fairnessData, x)
 * double[] p = eg.probabilityOfPositive(xNew);           // deterministic expected prediction
 * int[] yhat = eg.predict(xNew);                         // randomized, reproducible for the seed
 * }</pre>
 *
 * <p><b>Algorithm</b> (as Fairlearn 0.13, with its constants): {@code B = 1/eps}, {@code theta = 0},
 * {@code eta = eta0 / B}. For {@code t = 0 .. maxIter-1}: {@code lambda_t = B exp(theta) / (1 + sum exp(theta))};
 * one best response (oracle call) to {@code lambda_t}; at {@code t = 0}, unless set, {@code nu = 0.5 std(|h_0(X) -
 * y|) / sqrt(n)} (sample std, divisor {@code n - 1}, unweighted); the running mixture {@code Q_EG} (how often each
 * predictor was the best response) is scored by the duality gap at the mean multiplier, which itself calls the
 * oracle at 1, 2, 5 and 10 times that mean (stopping once the gap exceeds {@code nu + 1e-8}); these calls count
 * in {@link Fitted#oracleCalls()} and can add predictors. From {@code t = 1} (when the LP step is on) the LP over
 * the predictors known so far gives {@code Q_LP}, its dual multipliers and its gap; the mixture with the strictly
 * smaller gap is kept ({@code Q_LP} on ties). Stop when the kept gap is below {@code nu} and {@code t >= 5}. At
 * {@code t >= 5 * 1.6^k} (regret checks) {@code eta *= 0.8} if the best EG gap did not fall below 0.8 times the
 * previous check's. Then {@code theta += eta (gamma(h_t) - bound)}. The result is the mixture of the last iteration
 * whose gap is within 1e-8 of the smallest; predictors found after it get weight 0.
 *
 * <p><b>Best response.</b> Signed weights {@code s_i = (2 y_i - 1) + u'_i U_i . lambda} (see
 * {@link ParityConstraint}); the learner is fitted on labels {@code 1[s_i > 0]} with weights
 * {@code n |s_i| / sum |s|} (rescaled to sum to the number of rows, as Fairlearn; with a regularized learner the
 * scale matters); a constant relabelling gives a constant classifier without calling the learner (Fairlearn's
 * {@code DummyClassifier}, still counted as an oracle call). A new predictor is kept only if its Lagrangian value
 * beats every known one by more than 1e-8.
 *
 * <p><b>Sample weights</b> (Fairlearn 0.13 has none for the reductions): every mean, probability and error rate is
 * weighted, and each row's signed weight is multiplied by {@code w_i n / W}; unit weights give exactly the
 * unweighted fit. <b>LP step:</b> Commons Math 3 {@code SimplexSolver} (Fairlearn: SciPy HiGHS dual simplex); where
 * the LP optimum is not unique the two may return different optimal mixtures with the same objective.
 *
 * <p>Defaults: learner {@code LogisticRegression.l2(1.0)}, {@code eps} 0.01, {@code maxIter} 50, {@code eta0} 2.0,
 * {@code nu} automatic, LP step on, seed 0. Each setting may be chosen once.
 */
public final class ExponentiatedGradient {
    private static final double ACCURACY_MUL = 0.5;
    private static final int MIN_ITER = 5;
    private static final double REGRET_CHECK_START_T = 5;
    private static final double REGRET_CHECK_INCREASE_T = 1.6;
    private static final double SHRINK_REGRET = 0.8;
    private static final double SHRINK_ETA = 0.8;

    private final ParityConstraint constraint;
    private final Learner learner;
    private final Double eps;
    private final Integer maxIter;
    private final Double nu;
    private final Double eta0;
    private final Boolean linprog;
    private final Long seed;
    private final List<String> groupBy;

    private ExponentiatedGradient(ParityConstraint constraint, Learner learner, Double eps, Integer maxIter,
            Double nu, Double eta0, Boolean linprog, Long seed, List<String> groupBy) {
        this.constraint = constraint;
        this.learner = learner;
        this.eps = eps;
        this.maxIter = maxIter;
        this.nu = nu;
        this.eta0 = eta0;
        this.linprog = linprog;
        this.seed = seed;
        this.groupBy = groupBy;
    }

    /** Exponentiated gradient under this constraint, with the defaults of the class javadoc. */
    public static ExponentiatedGradient constraint(ParityConstraint constraint) {
        return new ExponentiatedGradient(Objects.requireNonNull(constraint, "constraint"), null, null, null, null,
                null, null, null, null);
    }

    /** The learner of the best responses (default {@code LogisticRegression.l2(1.0)}). */
    public ExponentiatedGradient learner(Learner l) {
        Settings.once(learner, "learner");
        return new ExponentiatedGradient(constraint, Objects.requireNonNull(l, "learner"), eps, maxIter, nu, eta0,
                linprog, seed, groupBy);
    }

    /**
     * {@code eps}: the multipliers' L1 bound is {@code B = 1/eps} (default 0.01).
     *
     * @throws IllegalArgumentException if not finite and {@code > 0}
     */
    public ExponentiatedGradient eps(double e) {
        Settings.once(eps, "eps");
        if (!(e > 0) || Double.isInfinite(e)) {
            throw InputErrors.badSetting("eps", e, "a finite number > 0");
        }
        return new ExponentiatedGradient(constraint, learner, e, maxIter, nu, eta0, linprog, seed, groupBy);
    }

    /**
     * The largest number of iterations (default 50).
     *
     * @throws IllegalArgumentException if {@code < 1}
     */
    public ExponentiatedGradient maxIter(int m) {
        Settings.once(maxIter, "maxIter");
        if (m < 1) {
            throw InputErrors.badSetting("max_iter", m, "an integer >= 1");
        }
        return new ExponentiatedGradient(constraint, learner, eps, m, nu, eta0, linprog, seed, groupBy);
    }

    /**
     * The duality-gap threshold {@code nu} (default: automatic, see the class javadoc).
     *
     * @throws IllegalArgumentException if not finite and {@code > 0}
     */
    public ExponentiatedGradient nu(double v) {
        Settings.once(nu, "nu");
        if (!(v > 0) || Double.isInfinite(v)) {
            throw InputErrors.badSetting("nu", v, "a finite number > 0");
        }
        return new ExponentiatedGradient(constraint, learner, eps, maxIter, v, eta0, linprog, seed, groupBy);
    }

    /**
     * The initial learning rate {@code eta0} (default 2.0).
     *
     * @throws IllegalArgumentException if not finite and {@code > 0}
     */
    public ExponentiatedGradient eta0(double v) {
        Settings.once(eta0, "eta0");
        if (!(v > 0) || Double.isInfinite(v)) {
            throw InputErrors.badSetting("eta0", v, "a finite number > 0");
        }
        return new ExponentiatedGradient(constraint, learner, eps, maxIter, nu, v, linprog, seed, groupBy);
    }

    /** Whether each iteration also solves the LP over the known predictors (default true). */
    public ExponentiatedGradient linprogStep(boolean on) {
        Settings.once(linprog, "linprogStep");
        return new ExponentiatedGradient(constraint, learner, eps, maxIter, nu, eta0, on, seed, groupBy);
    }

    /** The seed of the randomized {@link Fitted#predict} (default 0). */
    public ExponentiatedGradient seed(long s) {
        Settings.once(seed, "seed");
        return new ExponentiatedGradient(constraint, learner, eps, maxIter, nu, eta0, linprog, s, groupBy);
    }

    /**
     * The sensitive features of {@link FairnessData} to group by (their intersection when several).
     *
     * @throws IllegalStateException if set twice
     */
    public ExponentiatedGradient groupBy(String... features) {
        Settings.once(groupBy, "groupBy");
        return new ExponentiatedGradient(constraint, learner, eps, maxIter, nu, eta0, linprog, seed,
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

    /** @return eps (default filled in) */
    public double eps() {
        return eps == null ? 0.01 : eps;
    }

    /** @return the largest number of iterations (default filled in) */
    public int maxIter() {
        return maxIter == null ? 50 : maxIter;
    }

    /** @return eta0 (default filled in) */
    public double eta0() {
        return eta0 == null ? 2.0 : eta0;
    }

    /** @return the seed (default filled in) */
    public long seed() {
        return seed == null ? 0L : seed;
    }

    /**
     * Fits on the labels, weights (when present) and groups of {@code data} with the features {@code x} (one row
     * per row of the data).
     *
     * @throws IllegalArgumentException if the grouping is ambiguous or unknown, or the sizes differ
     */
    public Fitted fit(FairnessData data, FeatureMatrix x) {
        return fit(Inputs.of(data, x, groupBy));
    }

    /**
     * Fits on columns: features, 0/1 labels, group labels, optional weights ({@code null}: unweighted).
     *
     * @throws IllegalStateException if {@link #groupBy(String...)} was set (the groups are the column)
     * @throws IllegalArgumentException naming the first bad row or column
     */
    public Fitted fit(FeatureMatrix x, int[] labels, String[] groups, double[] weights) {
        Settings.requireColumnGrouping(groupBy);
        return fit(Inputs.of(x, labels, groups, weights));
    }

    private Fitted fit(Inputs in) {
        Moment moment = new Moment(constraint, in.labels(), in.groups(), in.weights());
        double b = 1.0 / eps();
        Lagrangian lag = new Lagrangian(moment, learner(), in.x(), b, true);
        int k = moment.size();
        double bound = constraint.bound();
        double[] theta = new double[k];
        LinkedHashMap<Integer, Double> qsum = new LinkedHashMap<>();
        List<Double> gapsEg = new ArrayList<>();
        List<Double> gaps = new ArrayList<>();
        List<double[]> qs = new ArrayList<>();
        List<Boolean> fromLp = new ArrayList<>();
        List<double[]> lambdasEg = new ArrayList<>();
        Map<Integer, double[]> lambdasLp = new LinkedHashMap<>();
        double[] lambdaSum = new double[k];
        double lastRegretChecked = REGRET_CHECK_START_T;
        double lastGap = Double.POSITIVE_INFINITY;
        double nuUsed = nu == null ? Double.NaN : nu;
        double eta = eta0() / b;
        int n = in.labels().length;
        for (int t = 0; t < maxIter(); t++) {
            double sumExp = 0;
            double[] lambda = new double[k];
            for (int i = 0; i < k; i++) {
                lambda[i] = Math.exp(theta[i]);
                sumExp += lambda[i];
            }
            for (int i = 0; i < k; i++) {
                lambda[i] = b * lambda[i] / (1 + sumExp);
                lambdaSum[i] += lambda[i];
            }
            lambdasEg.add(lambda);
            double[] lambdaEg = new double[k];
            for (int i = 0; i < k; i++) {
                lambdaEg[i] = lambdaSum[i] / (t + 1);
            }
            int h = lag.bestH(lambda);
            if (t == 0 && nu == null) {
                nuUsed = ACCURACY_MUL * sampleStd(lag.predictions.get(h), in.labels()) / Math.sqrt(n);
            }
            qsum.merge(h, 1.0, Double::sum);
            double[] gamma = lag.gammas.get(h);
            double total = 0;
            for (double v : qsum.values()) {
                total += v;
            }
            double[] qEg = new double[lag.predictors.size()];
            for (Map.Entry<Integer, Double> e : qsum.entrySet()) {
                qEg[e.getKey()] = e.getValue() / total;
            }
            Lagrangian.Gap resultEg = lag.evalGap(qEg, lambdaEg, nuUsed);
            double gapEg = resultEg.gap();
            gapsEg.add(gapEg);
            double gapLp = Double.POSITIVE_INFINITY;
            double[] qLp = null;
            if (t > 0 && (linprog == null || linprog)) {
                Lagrangian.LpResult lp = lag.solveLinprog(nuUsed);
                lambdasLp.put(t, lp.lambda().clone());
                qLp = lp.q();
                gapLp = lp.gap().gap();
            }
            if (gapEg < gapLp) {
                qs.add(qEg);
                gaps.add(gapEg);
                fromLp.add(false);
            } else {
                qs.add(qLp);
                gaps.add(gapLp);
                fromLp.add(true);
            }
            if (gaps.get(t) < nuUsed && t >= MIN_ITER) {
                break;
            }
            if (t >= lastRegretChecked * REGRET_CHECK_INCREASE_T) {
                double best = Collections.min(gapsEg);
                if (best > lastGap * SHRINK_REGRET) {
                    eta *= SHRINK_ETA;
                }
                lastRegretChecked = t;
                lastGap = best;
            }
            for (int i = 0; i < k; i++) {
                theta[i] += eta * (gamma[i] - bound);
            }
        }
        double minGap = Collections.min(gaps);
        int bestIter = 0;
        for (int t = 0; t < gaps.size(); t++) {
            if (gaps.get(t) <= minGap + Lagrangian.PRECISION) {
                bestIter = t;
            }
        }
        double[] weights = Arrays.copyOf(qs.get(bestIter), lag.predictors.size());
        return new Fitted(this, moment.index, List.copyOf(lag.predictors), weights, Vectors.copy(lag.lambdas),
                Vectors.copy(lambdasEg), lambdasLp, gaps.get(bestIter), bestIter, qs.size() - 1, lag.oracleCalls,
                lag.dummyCalls, nuUsed, toArray(lag.errors), Vectors.copy(lag.gammas), fromLp.get(bestIter),
                qs.get(bestIter).length);
    }

    private static double[] toArray(List<Double> v) {
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.get(i);
        }
        return out;
    }

    /** Sample standard deviation (divisor n - 1) of |h - y|, as pandas' {@code std()}. */
    static double sampleStd(double[] h, int[] y) {
        int n = y.length;
        if (n < 2) {
            return 0.0;
        }
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += Math.abs(h[i] - y[i]);
        }
        mean /= n;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double d = Math.abs(h[i] - y[i]) - mean;
            ss += d * d;
        }
        return Math.sqrt(ss / (n - 1));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "ExponentiatedGradient[%s, learner=%s, eps=%s, max_iter=%d, nu=%s, eta0=%s, linprog=%s, seed=%d]",
                constraint, learner(), eps(), maxIter(), nu == null ? "auto" : nu, eta0(),
                linprog == null || linprog, seed());
    }

    /**
     * A fitted exponentiated gradient: the randomized classifier ({@link #mixture()}) and the record of the game.
     * Immutable.
     */
    public static final class Fitted {
        private final ExponentiatedGradient config;
        private final List<String> constraintIndex;
        private final Mixture mixture;
        private final List<double[]> predictorLambdas;
        private final List<double[]> lambdasEg;
        private final Map<Integer, double[]> lambdasLp;
        private final double bestGap;
        private final int bestIteration;
        private final int lastIteration;
        private final int oracleCalls;
        private final int constantCalls;
        private final double nu;
        private final double[] errors;
        private final List<double[]> gammas;
        private final boolean fromLp;
        private final int mixtureSource;

        Fitted(ExponentiatedGradient config, List<String> constraintIndex, List<Classifier> predictors,
                double[] weights, List<double[]> predictorLambdas, List<double[]> lambdasEg,
                Map<Integer, double[]> lambdasLp, double bestGap, int bestIteration, int lastIteration,
                int oracleCalls, int constantCalls, double nu, double[] errors, List<double[]> gammas, boolean fromLp,
                int mixtureSource) {
            this.fromLp = fromLp;
            this.mixtureSource = mixtureSource;
            this.config = config;
            this.constraintIndex = List.copyOf(constraintIndex);
            this.mixture = Mixture.of(predictors, weights, config.seed());
            this.predictorLambdas = predictorLambdas;
            this.lambdasEg = lambdasEg;
            Map<Integer, double[]> lp = new LinkedHashMap<>();
            lambdasLp.forEach((t, l) -> lp.put(t, l.clone()));
            this.lambdasLp = Collections.unmodifiableMap(lp);
            this.bestGap = bestGap;
            this.bestIteration = bestIteration;
            this.lastIteration = lastIteration;
            this.oracleCalls = oracleCalls;
            this.constantCalls = constantCalls;
            this.nu = nu;
            this.errors = errors;
            this.gammas = gammas;
        }

        /** @return the configuration it was fitted with */
        public ExponentiatedGradient config() {
            return config;
        }

        /** @return the constraint entries, {@code sign|event|group}, the order of every multiplier vector */
        public List<String> constraintIndex() {
            return constraintIndex;
        }

        /** @return the randomized classifier: the predictors and their weights ({@code weights_}) */
        public Mixture mixture() {
            return mixture;
        }

        /** @return the predictors, in the order found ({@code predictors_}) */
        public List<Classifier> predictors() {
            return mixture.predictors();
        }

        /** @return the mixture weights, one per predictor, summing to 1 ({@code weights_}) */
        public double[] weights() {
            return mixture.weights();
        }

        /** @return the multipliers at which each predictor was found ({@code lambda_vecs_}) */
        public List<double[]> predictorLambdas() {
            return Vectors.copy(predictorLambdas);
        }

        /** @return the exponentiated-gradient multipliers of each iteration ({@code lambda_vecs_EG_}) */
        public List<double[]> iterationLambdas() {
            return Vectors.copy(lambdasEg);
        }

        /** @return the LP step's dual multipliers by iteration ({@code lambda_vecs_LP_}) */
        public Map<Integer, double[]> lpLambdas() {
            Map<Integer, double[]> out = new LinkedHashMap<>();
            lambdasLp.forEach((t, l) -> out.put(t, l.clone()));
            return out;
        }

        /** @return the multipliers of the last predictor found (the last column of {@code lambda_vecs_}) */
        public double[] lastLambda() {
            return predictorLambdas.get(predictorLambdas.size() - 1).clone();
        }

        /**
         * @return whether the returned mixture is the LP step's (else exponentiated gradient's running average); the
         *     LP mixture is optimal for {@code err(Q) + B max(0, max gamma(Q) - bound)} over the mixtures of
         *     predictors {@code 0 .. mixtureSource() - 1}
         */
        public boolean fromLinearProgram() {
            return fromLp;
        }

        /** @return how many predictors were known when the returned mixture was formed (later ones weigh 0) */
        public int mixtureSource() {
            return mixtureSource;
        }

        /** @return the duality gap of the returned mixture ({@code best_gap_}) */
        public double bestGap() {
            return bestGap;
        }

        /** @return the iteration whose mixture is returned ({@code best_iter_}) */
        public int bestIteration() {
            return bestIteration;
        }

        /** @return the last iteration run ({@code last_iter_}) */
        public int lastIteration() {
            return lastIteration;
        }

        /** @return the number of best responses computed, including the duality-gap checks' ({@code n_oracle_calls_}) */
        public int oracleCalls() {
            return oracleCalls;
        }

        /** @return how many best responses were constant, fitted without the learner */
        public int constantOracleCalls() {
            return constantCalls;
        }

        /** @return the duality-gap threshold used */
        public double nu() {
            return nu;
        }

        /** @return each predictor's weighted error rate on the fitting rows */
        public double[] predictorErrors() {
            return errors.clone();
        }

        /** @return each predictor's {@code gamma} on the fitting rows, in {@link #constraintIndex()} order */
        public List<double[]> predictorGammas() {
            return Vectors.copy(gammas);
        }

        /** @return each row's probability of a positive prediction, {@code sum_j weights[j] h_j(x)} */
        public double[] probabilityOfPositive(FeatureMatrix x) {
            return mixture.probabilityOfPositive(x);
        }

        /** @return randomized predictions, reproducible for the configured seed (see {@link Mixture}) */
        public int[] predict(FeatureMatrix x) {
            return mixture.predict(x);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "ExponentiatedGradient.Fitted[%s: %d predictors, weights=%s, best_gap=%s, best_iter=%d, "
                            + "last_iter=%d, oracle_calls=%d]",
                    config.constraint(), mixture.predictors().size(), Arrays.toString(mixture.weights()), bestGap,
                    bestIteration, lastIteration, oracleCalls);
        }
    }
}
