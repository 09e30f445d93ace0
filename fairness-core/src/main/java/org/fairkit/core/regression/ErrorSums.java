package org.fairkit.core.regression;

/**
 * The sufficient statistics of a regression's errors in one group (or all rows): every
 * {@link RegressionMetrics} value is a function of them.
 *
 * <p>With weights w, targets y, predictions ŷ and errors e = ŷ − y: {@code weight} = Σ w, {@code targetMean} =
 * Σ w y / Σ w, {@code targetM2} = Σ w (y − targetMean)² (kept as a running mean and sum of squared deviations,
 * West 1979, so that it does not cancel catastrophically), {@code predictionSum} = Σ w ŷ, {@code errorSum} =
 * Σ w e, {@code absoluteErrorSum} = Σ w |e|, {@code squaredErrorSum} = Σ w e².
 *
 * <p>{@link #plus(ErrorSums)} merges two disjoint sets of rows (Chan, Golub &amp; LeVeque 1979 for the mean and
 * M2); it is associative and commutative up to rounding, and {@link #EMPTY} is its identity.
 *
 * @param rows number of rows (never weighted)
 * @param weight Σ w
 * @param targetMean weighted mean of the targets (0 when the weight is 0)
 * @param targetM2 Σ w (y − targetMean)²
 * @param predictionSum Σ w ŷ
 * @param errorSum Σ w (ŷ − y)
 * @param absoluteErrorSum Σ w |ŷ − y|
 * @param squaredErrorSum Σ w (ŷ − y)²
 */
public record ErrorSums(long rows, double weight, double targetMean, double targetM2, double predictionSum,
        double errorSum, double absoluteErrorSum, double squaredErrorSum) {

    /** No rows. */
    public static final ErrorSums EMPTY = new ErrorSums(0, 0, 0, 0, 0, 0, 0, 0);

    /** Validates the counts. */
    public ErrorSums {
        if (rows < 0 || !(weight >= 0) || !(targetM2 >= 0) || !(absoluteErrorSum >= 0) || !(squaredErrorSum >= 0)) {
            throw new IllegalArgumentException("rows, weight, targetM2 and the absolute and squared error sums must "
                    + "be >= 0, got " + rows + ", " + weight + ", " + targetM2 + ", " + absoluteErrorSum + ", "
                    + squaredErrorSum);
        }
    }

    /** @return these rows and {@code other}'s together */
    public ErrorSums plus(ErrorSums other) {
        double w = weight + other.weight;
        double mean;
        double m2;
        if (other.weight == 0) {
            mean = targetMean;
            m2 = targetM2 + other.targetM2;
        } else if (weight == 0) {
            mean = other.targetMean;
            m2 = targetM2 + other.targetM2;
        } else {
            double delta = other.targetMean - targetMean;
            mean = targetMean + delta * (other.weight / w);
            m2 = targetM2 + other.targetM2 + delta * delta * (weight * other.weight / w);
        }
        return new ErrorSums(rows + other.rows, w, mean, m2, predictionSum + other.predictionSum,
                errorSum + other.errorSum, absoluteErrorSum + other.absoluteErrorSum,
                squaredErrorSum + other.squaredErrorSum);
    }
}
