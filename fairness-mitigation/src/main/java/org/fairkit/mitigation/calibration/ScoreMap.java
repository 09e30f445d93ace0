package org.fairkit.mitigation.calibration;

/**
 * One fitted calibration map from a score in [0, 1] to a calibrated probability in [0, 1]: what a calibration
 * method learned from one set of rows. Immutable and thread-safe.
 *
 * <p>A {@link Calibration.Fitted} holds one map for all rows and, when fitted per group, one per group. Each
 * implementation documents its formula, the paper it implements and the toolkit definition it matches; its
 * {@code toString()} says what was learned.
 */
public sealed interface ScoreMap permits IsotonicMap, PlattMap, BetaMap, TemperatureMap, HistogramMap {

    /**
     * @param score a score in [0, 1]
     * @return the calibrated probability, in [0, 1]
     * @throws IllegalArgumentException if the score is NaN, infinite or outside [0, 1]
     */
    double apply(double score);

    /** @return the method's name, e.g. {@code isotonic} or {@code platt} */
    String method();

    /** @return the number of rows this map was fitted on (rows of weight 0 included) */
    int rows();

    /** @return a one-line statement of what was learned, formatted with {@link java.util.Locale#ROOT} */
    String describe();

    /** Rejects a score outside [0, 1] and maps {@code -0.0} to {@code 0.0}. */
    static double checkScore(double score) {
        if (!(score >= 0.0 && score <= 1.0)) {
            throw Errors.badApplyScore(score);
        }
        return score == 0.0 ? 0.0 : score;
    }
}
