package org.fairkit.mitigation.calibration;

/**
 * The targets a Platt fit regresses on.
 *
 * <p>Platt (1999, "Probabilistic outputs for support vector machines and comparisons to regularized likelihood
 * methods", section 2.2) replaces the 0/1 labels by {@code t+ = (N+ + 1) / (N+ + 2)} for positives and
 * {@code t- = 1 / (N- + 2)} for negatives, a Bayesian prior that keeps the fit finite even when the scores
 * separate the classes and shrinks it slightly on small data. scikit-learn's
 * {@code CalibratedClassifierCV(method='sigmoid')} ({@code _sigmoid_calibration}) does the same, with
 * {@code N+}/{@code N-} the summed sample weights of each class when weights are given.
 */
public enum PlattTargets {
    /** Platt's smoothed targets {@code (N+ + 1)/(N+ + 2)} and {@code 1/(N- + 2)}; scikit-learn's calibration. */
    SMOOTHED,
    /**
     * The 0/1 labels: plain maximum-likelihood logistic regression on the logit of the score (scikit-learn's
     * {@code LogisticRegression} without penalty). Fails with a clear error when the scores separate the classes.
     */
    LABELS
}
