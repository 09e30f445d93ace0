package org.fairkit.stats.regression;

import java.util.Locale;
import java.util.Optional;
import org.fairkit.core.metrics.Interval;
import org.fairkit.stats.intervals.SpreadIntervals;

/**
 * The closed-form interval of a weighted mean of a per-row loss {@code ℓ_i} (an error, an absolute or squared error,
 * a prediction, a target) over one group's rows.
 *
 * <p>With weights {@code w_i}, {@code W = Σ w_i}, {@code m = Σ w_i ℓ_i / W} and {@code n⁺} the rows of positive
 * weight, the variance of m is estimated by the sandwich (linearization) form of a ratio estimator,
 * <pre>
 *   Var(m) = n⁺/(n⁺ − 1) · Σ w_i² (ℓ_i − m)² / W²
 * </pre>
 * which for unit weights is {@code s²/n}, s the sample standard deviation (ddof 1). The interval is
 * {@code m ± t_{ν, (1+level)/2} · sqrt(Var(m))} with Student's t on {@code ν = n_eff − 1} degrees of freedom,
 * {@code n_eff = W² / Σ w_i²} Kish's (1965) effective sample size ({@code ν = n − 1} unweighted: the textbook t
 * interval). This is a CLT interval: for heavy-tailed losses (squared errors of heavy-tailed errors) and small
 * groups it under-covers, as the module README's coverage table shows. Undefined with the reason when fewer than
 * two rows have positive weight, or when the loss does not vary in the group (a zero-width interval would claim
 * certainty).
 */
final class LossMean {
    private LossMean() {
    }

    /** The estimate with its standard error and degrees of freedom, or the reason there is none. */
    record Result(double mean, Optional<SpreadIntervals.Estimate> estimate, String reason) {
        Optional<Interval> interval(double level, double floor, String method) {
            if (estimate.isEmpty()) {
                return Optional.empty();
            }
            SpreadIntervals.Estimate e = estimate.get();
            double q = e.quantile(level);
            double lo = Math.max(floor, e.value() - q * e.se());
            double hi = e.value() + q * e.se();
            return Optional.of(new Interval(lo, Math.max(lo, hi), level, method + String.format(Locale.ROOT,
                    ", t on %.1f df", e.df()), 0, 0));
        }
    }

    /** Accumulated moments of one group's losses. */
    static final class Moments {
        private long positive;
        private double w;
        private double w2;
        private double wl;

        void add(double weight, double loss) {
            if (weight > 0) {
                positive++;
                w += weight;
                w2 += weight * weight;
                wl += weight * loss;
            }
        }

        double mean() {
            return wl / w;
        }
    }

    /**
     * @param moments the group's first pass
     * @param mean the group's mean (the report's value)
     * @param squaredDeviations Σ w_i² (ℓ_i − mean)², from a second pass
     */
    static Result of(Moments moments, double mean, double squaredDeviations) {
        if (moments.positive < 2) {
            return new Result(mean, Optional.empty(), "a t interval needs at least 2 rows of positive weight, got "
                    + moments.positive);
        }
        if (!(squaredDeviations > 0)) {
            return new Result(mean, Optional.empty(), "the loss does not vary in the group (sample variance 0): a "
                    + "t interval would have width 0");
        }
        long n = moments.positive;
        double var = (double) n / (n - 1) * squaredDeviations / (moments.w * moments.w);
        double nEff = moments.w * moments.w / moments.w2;
        double df = Math.max(1, nEff - 1);
        return new Result(mean, Optional.of(new SpreadIntervals.Estimate(mean, Math.sqrt(var), df)), null);
    }
}
