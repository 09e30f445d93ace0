package org.fairkit.orchestration.load;

import java.time.Duration;
import org.fairkit.core.internal.InputErrors;

/**
 * One executed audit's loads, its estimated time and its measured time: the history that
 * {@link LoadModel#calibrate(java.util.List)} fits. Make one with {@link LoadEstimate#measured(Duration)}.
 *
 * @param inputLoad the input load I, in units, {@code >= 0}
 * @param outputLoad the output load O, in units, {@code >= 0}
 * @param estimatedSeconds the time the model estimated before the run, {@code >= 0}
 * @param measuredSeconds the wall-clock time the run took, {@code > 0}
 */
public record MeasuredRun(double inputLoad, double outputLoad, double estimatedSeconds, double measuredSeconds) {

    /** Validates that loads and times are finite, non-negative, and the measured time positive. */
    public MeasuredRun {
        requireNonNegative("inputLoad", inputLoad);
        requireNonNegative("outputLoad", outputLoad);
        requireNonNegative("estimatedSeconds", estimatedSeconds);
        if (!(measuredSeconds > 0) || !Double.isFinite(measuredSeconds)) {
            throw InputErrors.badSetting("measuredSeconds", measuredSeconds, "finite and > 0");
        }
        if (inputLoad + outputLoad == 0) {
            throw InputErrors.badSetting("inputLoad + outputLoad", 0.0, "> 0 (a run without load tells nothing)");
        }
    }

    private static void requireNonNegative(String name, double v) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw InputErrors.badSetting(name, v, "finite and >= 0");
        }
    }

    /**
     * @return measured / estimated − 1: positive when the run took longer than estimated; infinite when the
     *     estimate is 0
     */
    public double relativeError() {
        return estimatedSeconds == 0 ? Double.POSITIVE_INFINITY : measuredSeconds / estimatedSeconds - 1;
    }
}
