package org.fairkit.stats.proportion;

import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.fairkit.core.metrics.Interval;

/**
 * Closed-form confidence intervals for one rate {@code p = k / n} (a selection rate, a true positive rate, ...).
 *
 * <p>Notation: {@code k} successes in {@code n} trials, {@code p̂ = k/n}, {@code z = Φ⁻¹(1 - α/2)} with
 * {@code α = 1 - level}. Each constant names the statsmodels 0.13.5 call it matches,
 * {@code statsmodels.stats.proportion.proportion_confint(count=k, nobs=n, alpha=α, method=...)}.
 * Brown, Cai &amp; DasGupta (2001), "Interval estimation for a binomial proportion", Statistical Science 16(2),
 * recommend {@link #WILSON} or {@link #JEFFREYS} for small n and {@link #AGRESTI_COULL} for n ≥ 40; never
 * {@link #WALD}.
 *
 * <p>Usage: {@code Interval ci = ProportionInterval.WILSON.interval(12, 40, 0.95);}
 *
 * <p>Input: {@code 0 <= successes <= trials}, {@code trials >= 1}, {@code level} in (0, 1); otherwise
 * {@link IllegalArgumentException} naming the parameter, the value and the expected domain. Every interval lies
 * in [0, 1] and contains {@code p̂}.
 */
public enum ProportionInterval {

    /**
     * Wilson score interval (Wilson 1927): {@code (p̂ + z²/2n ∓ z·sqrt(p̂(1-p̂)/n + z²/4n²)) / (1 + z²/n)}.
     * Matches {@code method='wilson'}. statsmodels does not clip; its lower limit at {@code k = 0} is 0 only up to
     * rounding (e.g. -3.5e-18, or a positive 1e-18 that excludes the estimate 0): FairKit returns exactly 0 at
     * {@code k = 0} and exactly 1 at {@code k = n} (the mathematical values) and clamps the ends to [0, 1].
     */
    WILSON("Wilson score") {
        @Override
        Interval compute(long k, long n, double level, double z) {
            double p = (double) k / n;
            double z2 = z * z;
            double denom = 1 + z2 / n;
            double center = (p + z2 / (2.0 * n)) / denom;
            double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denom;
            // At k = 0 (k = n) the lower (upper) limit is exactly 0 (1); computed, it can miss by an ulp.
            double lower = k == 0 ? 0 : clamp(center - half);
            double upper = k == n ? 1 : clamp(center + half);
            return of(lower, upper, level);
        }
    },

    /**
     * Clopper-Pearson "exact" interval (Clopper &amp; Pearson 1934): {@code lower = Beta⁻¹(α/2; k, n-k+1)} (0 when
     * {@code k = 0}), {@code upper = Beta⁻¹(1-α/2; k+1, n-k)} (1 when {@code k = n}). Matches
     * {@code method='beta'} (not {@code 'binom_test'}, which inverts a different test). Quantiles come from
     * Commons Statistics' {@link BetaDistribution}; agreement with SciPy's Boost quantiles is about 1e-9 relative.
     * Guaranteed coverage, hence conservative.
     */
    CLOPPER_PEARSON("Clopper-Pearson") {
        @Override
        Interval compute(long k, long n, double level, double z) {
            double a2 = (1 - level) / 2;
            double lower = k == 0 ? 0 : BetaDistribution.of(k, n - k + 1.0).inverseCumulativeProbability(a2);
            double upper = k == n ? 1 : BetaDistribution.of(k + 1.0, n - k).inverseSurvivalProbability(a2);
            return of(lower, upper, level);
        }
    },

    /**
     * Agresti-Coull interval (Agresti &amp; Coull 1998): {@code ñ = n + z²}, {@code p̃ = (k + z²/2)/ñ},
     * {@code p̃ ∓ z·sqrt(p̃(1-p̃)/ñ)}, clipped to [0, 1]. Uses {@code z²} (3.8415 at 95%), not the "add two
     * successes and two failures" shortcut. Matches {@code method='agresti_coull'} exactly, clipping included.
     */
    AGRESTI_COULL("Agresti-Coull") {
        @Override
        Interval compute(long k, long n, double level, double z) {
            double z2 = z * z;
            double nt = n + z2;
            double pt = (k + z2 / 2) / nt;
            double half = z * Math.sqrt(pt * (1 - pt) / nt);
            return of(clamp(pt - half), clamp(pt + half), level);
        }
    },

    /**
     * Jeffreys interval with the boundary modification of Brown, Cai &amp; DasGupta (2001, section 4.1.2): the
     * equal-tailed quantiles {@code Beta⁻¹(α/2; k+½, n-k+½)} and {@code Beta⁻¹(1-α/2; k+½, n-k+½)}, except that the
     * lower limit is 0 when {@code k = 0} and the upper limit is 1 when {@code k = n}.
     *
     * <p><b>FairKit deliberately differs from statsmodels here</b>: {@code method='jeffreys'} has no boundary
     * modification, so at {@code k = 0} its lower limit is {@code > 0} (an interval for a rate that excludes the
     * observed rate 0) and at {@code k = n} its upper limit is {@code < 1}. All other limits are identical.
     */
    JEFFREYS("Jeffreys (Brown-Cai-DasGupta boundary)") {
        @Override
        Interval compute(long k, long n, double level, double z) {
            double a2 = (1 - level) / 2;
            BetaDistribution beta = BetaDistribution.of(k + 0.5, n - k + 0.5);
            double lower = k == 0 ? 0 : beta.inverseCumulativeProbability(a2);
            double upper = k == n ? 1 : beta.inverseSurvivalProbability(a2);
            return of(lower, upper, level);
        }
    },

    /**
     * Wald interval {@code p̂ ∓ z·sqrt(p̂(1-p̂)/n)}, clipped to [0, 1]. <b>Not recommended</b>: its coverage is
     * erratic and far below nominal for small {@code n} or rates near 0 or 1, and it degenerates to [0, 0] at
     * {@code k = 0} and [1, 1] at {@code k = n} (Brown, Cai &amp; DasGupta 2001). Provided only to reproduce
     * other tools; matches {@code method='normal'} (statsmodels' default).
     */
    WALD("Wald (not recommended)") {
        @Override
        Interval compute(long k, long n, double level, double z) {
            double p = (double) k / n;
            double half = z * Math.sqrt(p * (1 - p) / n);
            return of(clamp(p - half), clamp(p + half), level);
        }
    };

    private final String label;

    ProportionInterval(String label) {
        this.label = label;
    }

    /**
     * The interval for the rate {@code successes / trials}.
     *
     * @param successes number of successes k, in [0, trials]
     * @param trials number of trials n, at least 1
     * @param level nominal coverage in (0, 1), e.g. 0.95
     * @return the interval; {@code method()} names this method, {@code draws()} is 0
     * @throws IllegalArgumentException for counts or a level outside their domain
     */
    public Interval interval(long successes, long trials, double level) {
        ProportionArguments.counts("successes", successes, "trials", trials);
        ProportionArguments.level(level);
        return compute(successes, trials, level, z(level));
    }

    /** @return a human-readable name of the method, used as {@link Interval#method()} */
    public String label() {
        return label;
    }

    abstract Interval compute(long k, long n, double level, double z);

    Interval of(double lower, double upper, double level) {
        return new Interval(lower, upper, level, label, 0, 0);
    }

    /** @return {@code z = Φ⁻¹(1 - (1 - level)/2)}, computed as the upper quantile like SciPy's {@code norm.isf} */
    static double z(double level) {
        return NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - level) / 2);
    }

    private static double clamp(double x) {
        return Math.min(1, Math.max(0, x));
    }
}
