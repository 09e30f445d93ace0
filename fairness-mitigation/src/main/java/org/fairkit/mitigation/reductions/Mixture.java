package org.fairkit.mitigation.reductions;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.fairkit.mitigation.internal.SplitMix;

/**
 * A randomized classifier: predictor {@code j} is used with probability {@code weights[j]} (the mixture {@code Q} of
 * the reductions). Immutable.
 *
 * <p>{@link #probabilityOfPositive} is deterministic: {@code P(yhat = 1 | x) = sum_j weights[j] h_j(x)} (Fairlearn's
 * {@code _pmf_predict}); it may exceed 1 by a few ulps when the weights sum to 1 within rounding.
 * {@link #predict} draws per row: row {@code i} predicts 1 when {@code u_i < P(yhat = 1 | x_i)}, {@code u_i} the
 * {@code i}-th double of SplitMix64 seeded with the seed (state {@code seed + (i + 1) * 0x9E3779B97F4A7C15},
 * Stafford's mix 13, top 53 bits), the same draws as {@code ThresholdOptimizer}: the same seed gives the same
 * bits, and a slice of rows gets the same draws as in the whole.
 */
public final class Mixture {
    private final List<Classifier> predictors;
    private final double[] weights;
    private final long seed;

    private Mixture(List<Classifier> predictors, double[] weights, long seed) {
        this.predictors = predictors;
        this.weights = weights;
        this.seed = seed;
    }

    /**
     * A mixture of predictors with these weights (non-negative; they should sum to 1).
     *
     * @throws IllegalArgumentException if the sizes differ, there is no predictor, or a weight is negative or not
     *     finite
     */
    public static Mixture of(List<Classifier> predictors, double[] weights, long seed) {
        Objects.requireNonNull(predictors, "predictors");
        if (predictors.isEmpty() || predictors.size() != weights.length) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "a mixture needs one weight per predictor and at least one; got %d predictors, %d weights",
                    predictors.size(), weights.length));
        }
        for (int j = 0; j < weights.length; j++) {
            if (!(weights[j] >= 0) || Double.isInfinite(weights[j])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "mixture weight %d: got %s; expected a finite weight >= 0", j, weights[j]));
            }
        }
        return new Mixture(List.copyOf(predictors), weights.clone(), seed);
    }

    /** @return the predictors, in order */
    public List<Classifier> predictors() {
        return predictors;
    }

    /** @return the weights, one per predictor */
    public double[] weights() {
        return weights.clone();
    }

    /** @return the seed of {@link #predict} */
    public long seed() {
        return seed;
    }

    /** @return this mixture with another seed */
    public Mixture withSeed(long s) {
        return new Mixture(predictors, weights, s);
    }

    /** @return each row's probability of a positive prediction, {@code sum_j weights[j] h_j(x)} */
    public double[] probabilityOfPositive(FeatureMatrix x) {
        double[] p = new double[x.rows()];
        for (int j = 0; j < weights.length; j++) {
            if (weights[j] == 0) {
                continue;
            }
            int[] h = predictors.get(j).predict(x);
            double wj = weights[j];
            for (int i = 0; i < p.length; i++) {
                p[i] += wj * h[i];
            }
        }
        return p;
    }

    /** @return randomized 0/1 predictions, reproducible for the seed (see the class javadoc) */
    public int[] predict(FeatureMatrix x) {
        return SplitMix.draw(seed, probabilityOfPositive(x));
    }

    static double uniform(long seed, long i) {
        return SplitMix.uniform(seed, i);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mixture && predictors.equals(((Mixture) o).predictors)
                && Arrays.equals(weights, ((Mixture) o).weights) && seed == ((Mixture) o).seed;
    }

    @Override
    public int hashCode() {
        return predictors.hashCode() * 31 + Arrays.hashCode(weights) + Long.hashCode(seed);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Mixture[%d predictors, weights=%s, seed=%d]", predictors.size(),
                Arrays.toString(weights), seed);
    }
}
