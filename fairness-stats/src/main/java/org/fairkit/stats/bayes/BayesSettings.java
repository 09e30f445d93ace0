package org.fairkit.stats.bayes;

import java.util.Locale;

/**
 * The complete configuration of a Bayesian estimate, as built by {@code org.fairkit.stats.Bayesian}.
 *
 * @param priorName "Jeffreys", "uniform" or "Beta(a, b)"
 * @param priorA the Beta prior's first shape, {@code > 0}
 * @param priorB the Beta prior's second shape, {@code > 0}
 * @param dirichlet the Dirichlet concentration per cell for metrics that use several cells, {@code > 0}
 * @param draws Monte Carlo draws for joint quantities
 * @param seed the seed; draw {@code d} of family {@code f} uses a generator seeded by {@code (seed, f, d)} only
 * @param level the credible level in (0, 1)
 * @param hpd whether intervals are highest-posterior-density (else equal-tailed)
 * @param maxUndefinedShare the largest share of draws in which a quantity may be undefined before its interval
 *     is omitted
 */
public record BayesSettings(String priorName, double priorA, double priorB, double dirichlet, int draws, long seed,
        double level, boolean hpd, double maxUndefinedShare) {

    /** Validates. */
    public BayesSettings {
        if (!(priorA > 0) || !(priorB > 0) || Double.isInfinite(priorA) || Double.isInfinite(priorB)) {
            throw new IllegalArgumentException("prior shapes must be finite and > 0, got " + priorA + ", " + priorB);
        }
        if (!(dirichlet > 0) || Double.isInfinite(dirichlet)) {
            throw new IllegalArgumentException("dirichlet concentration must be finite and > 0, got " + dirichlet);
        }
        if (draws < 2) {
            throw new IllegalArgumentException("draws must be >= 2, got " + draws);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        if (!(maxUndefinedShare >= 0 && maxUndefinedShare <= 1)) {
            throw new IllegalArgumentException("maxUndefinedShare must be in [0, 1], got " + maxUndefinedShare);
        }
    }

    /** @return e.g. {@code "Bayesian Jeffreys prior, equal-tailed"} */
    public String methodName() {
        return "Bayesian " + priorName + " prior, " + (hpd ? "HPD" : "equal-tailed");
    }

    /** @return the settings in words */
    public String describe() {
        return String.format(Locale.ROOT, "%s, level %s, %d draws, seed %d, Dirichlet %s, max undefined share %s",
                methodName(), level, draws, seed, dirichlet, maxUndefinedShare);
    }
}
