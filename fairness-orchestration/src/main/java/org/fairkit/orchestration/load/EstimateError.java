package org.fairkit.orchestration.load;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * How far a model's time estimates are from measured times over a history of runs.
 *
 * <p>With {@code e_k} the estimate and {@code m_k} the measured time of run {@code k} (n runs):
 * {@code rmse = sqrt(Σ (e_k − m_k)² / n)}, {@code meanAbsoluteRelativeError = Σ |e_k − m_k| / m_k / n} and
 * {@code meanRelativeError = Σ (e_k − m_k) / m_k / n} (negative when the model underestimates).
 *
 * @param runs the number of runs compared
 * @param rmseSeconds the root mean squared error, in seconds
 * @param meanAbsoluteRelativeError the mean of |estimate − measured| / measured (0.1 is 10%)
 * @param meanRelativeError the mean of (estimate − measured) / measured: the bias
 */
public record EstimateError(int runs, double rmseSeconds, double meanAbsoluteRelativeError,
        double meanRelativeError) {

    /** Compares the estimates of {@code estimator} with the measured times of {@code history}. */
    static EstimateError of(List<MeasuredRun> history, ToDoubleFunction<MeasuredRun> estimator) {
        double squares = 0;
        double absRel = 0;
        double rel = 0;
        for (MeasuredRun r : history) {
            double e = estimator.applyAsDouble(r) - r.measuredSeconds();
            squares += e * e;
            absRel += Math.abs(e) / r.measuredSeconds();
            rel += e / r.measuredSeconds();
        }
        int n = history.size();
        return new EstimateError(n, Math.sqrt(squares / n), absRel / n, rel / n);
    }

    /** @return e.g. {@code RMSE 3.20 s, mean |relative error| 24.1%, bias -20.3%} */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "RMSE %.2f s, mean |relative error| %.1f%%, bias %+.1f%%", rmseSeconds,
                100 * meanAbsoluteRelativeError, 100 * meanRelativeError);
    }
}
