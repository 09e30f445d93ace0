package org.fairkit.stats;

import java.util.Map;
import java.util.Objects;
import org.fairkit.core.Estimand;
import org.fairkit.core.IntervalEstimator;
import org.fairkit.core.IntervalRequest;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.core.metrics.Interval;
import org.fairkit.stats.bayes.BayesSettings;
import org.fairkit.stats.bayes.BetaPosterior;
import org.fairkit.stats.bayes.Posterior;
import org.fairkit.stats.bayes.PosteriorSampler;

/**
 * Bayesian credible intervals and decision probabilities for every quantity of a fairness report.
 *
 * <pre>{@code
 * Bayesian bayes = Bayesian.jeffreys().draws(4000).seed(7);
 * FairnessReport r = Fairness.of(data).groupBy("race").intervals(bayes).evaluate();
 * Posterior post = bayes.posterior(request);      // or read the report's intervals
 * double p = post.probabilityBelow(Estimand.aggregate(Estimand.Kind.RATIO, Metrics.SELECTION_RATE), 0.8);
 * }</pre>
 *
 * <p>Each group rate with a fixed denominator gets the conjugate posterior {@code Beta(k + a₀, n − k + b₀)} (TPR
 * uses {@code Beta(TP + a₀, FN + b₀)}, selection rate {@code Beta(TP + FP + a₀, TN + FN + b₀)}, ...) and an exact
 * credible interval, equal-tailed by default or highest-posterior-density with {@link #hpd()}; metrics combining
 * cells non-linearly (F1, balanced accuracy) use a Dirichlet over the four confusion cells. Differences, ratios,
 * comparisons with the reference and named fairness metrics come from seeded Monte Carlo draws of the joint
 * posterior. See {@link PosteriorSampler} for the model, the metric list and how weighted data is treated.
 *
 * <p>Priors: {@link #jeffreys()} {@code Beta(1/2, 1/2)} (Jeffreys 1946; the interval of Brown, Cai &amp; DasGupta
 * 2001), {@link #uniform()} {@code Beta(1, 1)} (Bayes–Laplace), {@link #prior(double, double)}. The Dirichlet
 * concentration per cell is 1/2 (Jeffreys for a multinomial), 1 for the uniform prior, or {@link #dirichlet(double)}.
 *
 * <p>Defaults: level 0.95, 4000 draws, seed 0, equal-tailed, intervals omitted when more than 10% of the draws
 * are undefined. Instances are immutable; each setting may be chosen once.
 */
public final class Bayesian implements IntervalEstimator {
    private final String priorName;
    private final double a;
    private final double b;
    private final Double dirichlet;
    private final Integer draws;
    private final Long seed;
    private final Double level;
    private final boolean hpd;
    private final Double maxUndefined;

    private Bayesian(String priorName, double a, double b, Double dirichlet, Integer draws, Long seed, Double level,
            boolean hpd, Double maxUndefined) {
        this.priorName = priorName;
        this.a = a;
        this.b = b;
        this.dirichlet = dirichlet;
        this.draws = draws;
        this.seed = seed;
        this.level = level;
        this.hpd = hpd;
        this.maxUndefined = maxUndefined;
    }

    /** Jeffreys' prior {@code Beta(1/2, 1/2)}. */
    public static Bayesian jeffreys() {
        return new Bayesian("Jeffreys", 0.5, 0.5, null, null, null, null, false, null);
    }

    /** The uniform prior {@code Beta(1, 1)}. */
    public static Bayesian uniform() {
        return new Bayesian("uniform", 1, 1, null, null, null, null, false, null);
    }

    /**
     * A {@code Beta(a, b)} prior for every rate.
     *
     * @throws IllegalArgumentException unless both shapes are finite and {@code > 0}
     */
    public static Bayesian prior(double a, double b) {
        if (!(a > 0) || !(b > 0) || Double.isInfinite(a) || Double.isInfinite(b)) {
            throw new IllegalArgumentException("prior shapes must be finite and > 0, got a = " + a + ", b = " + b);
        }
        return new Bayesian("Beta(" + a + ", " + b + ")", a, b, null, null, null, null, false, null);
    }

    /** Monte Carlo draws for joint quantities (default 4000), {@code >= 2}. */
    public Bayesian draws(int n) {
        InputErrors.requireUnset(draws, "draws");
        if (n < 2) {
            throw new IllegalArgumentException("draws must be >= 2, got " + n);
        }
        return new Bayesian(priorName, a, b, dirichlet, n, seed, level, hpd, maxUndefined);
    }

    /** The seed of the Monte Carlo draws (default 0). */
    public Bayesian seed(long s) {
        InputErrors.requireUnset(seed, "seed");
        return new Bayesian(priorName, a, b, dirichlet, draws, s, level, hpd, maxUndefined);
    }

    /** The credible level (default 0.95), in (0, 1). */
    public Bayesian level(double l) {
        InputErrors.requireUnset(level, "level");
        if (!(l > 0 && l < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + l);
        }
        return new Bayesian(priorName, a, b, dirichlet, draws, seed, l, hpd, maxUndefined);
    }

    /** Highest-posterior-density intervals instead of equal-tailed ones. */
    public Bayesian hpd() {
        if (hpd) {
            throw InputErrors.settingTwice("hpd");
        }
        return new Bayesian(priorName, a, b, dirichlet, draws, seed, level, true, maxUndefined);
    }

    /** The Dirichlet concentration per confusion cell for multi-cell metrics, {@code > 0}. */
    public Bayesian dirichlet(double concentration) {
        InputErrors.requireUnset(dirichlet, "dirichlet");
        if (!(concentration > 0) || Double.isInfinite(concentration)) {
            throw new IllegalArgumentException("dirichlet concentration must be finite and > 0, got " + concentration);
        }
        return new Bayesian(priorName, a, b, concentration, draws, seed, level, hpd, maxUndefined);
    }

    /** The largest share of undefined draws before an interval is omitted (default 0.10), in [0, 1]. */
    public Bayesian maxUndefinedShare(double share) {
        InputErrors.requireUnset(maxUndefined, "maxUndefinedShare");
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("maxUndefinedShare must be in [0, 1], got " + share);
        }
        return new Bayesian(priorName, a, b, dirichlet, draws, seed, level, hpd, share);
    }

    /** @return the complete settings, defaults filled in */
    public BayesSettings settings() {
        double c = dirichlet != null ? dirichlet : priorName.equals("uniform") ? 1.0 : 0.5;
        return new BayesSettings(priorName, a, b, c, draws == null ? 4000 : draws, seed == null ? 0L : seed,
                level == null ? 0.95 : level, hpd, maxUndefined == null ? 0.10 : maxUndefined);
    }

    /** The posterior of a rate with {@code successes} and {@code failures} under this prior. */
    public BetaPosterior rate(double successes, double failures) {
        return BetaPosterior.of(successes, failures, a, b);
    }

    @Override
    public String description() {
        return settings().describe();
    }

    @Override
    public Map<Estimand, Interval> estimate(IntervalRequest request) {
        return posterior(request).intervals();
    }

    /** The posterior of every reported quantity: draws, exact Beta posteriors, intervals, decision probabilities. */
    public Posterior posterior(IntervalRequest request) {
        return PosteriorSampler.run(settings(), Objects.requireNonNull(request, "request"));
    }
}
