package org.fairkit.core.metrics;

/** The kind of quantity a metric is. */
public enum MetricFamily {
    /** Sizes and shares of groups. */
    DESCRIPTIVE,
    /** Rates of the confusion matrix conditioned on the true label (TPR, FPR, ...). */
    ERROR_RATE,
    /** Rates conditioned on the prediction (PPV, NPV, ...). */
    PREDICTIVE_VALUE,
    /** Overall performance (accuracy, F1, ...). */
    PERFORMANCE,
    /** Between-group comparisons of a group metric. */
    DISPARITY,
    /** How well scores rank positives above negatives, whatever the threshold (ROC AUC, average precision). */
    DISCRIMINATION,
    /**
     * How well scores agree with observed frequencies: calibration in the large and the proper scoring rules that
     * reward calibrated, sharp probabilities (Brier score, log loss).
     */
    CALIBRATION,
    /** Errors of real-valued predictions (bias, MAE, RMSE, R²) and their worst case over groups. */
    REGRESSION,
    /** Exposure and position-based fairness of rankings. */
    RANKING,
    /** Individual fairness: similar individuals treated similarly, inequality of individual benefits. */
    INDIVIDUAL,
    /** Checks of the input data itself (representation, label balance, proxies) before any model is judged. */
    DATA_QUALITY
}
