package org.fairkit.stats.drift;

/**
 * How the population stability index treats empty bins, where {@code ln(a/e)} is undefined. There is no standard;
 * the choice changes the value a lot when bins are empty, so it is part of every PSI's description.
 */
public enum PsiSmoothing {
    /**
     * Default: after normalising each distribution, every proportion that is exactly 0 is replaced by 1e-4, with
     * no renormalisation afterwards (the common practice in credit-risk tooling).
     */
    EPSILON_1E_4,
    /** Add 0.5 to every count of both distributions, then normalise (Laplace / Jeffreys-style). */
    LAPLACE_HALF,
    /**
     * No smoothing: a bin empty in exactly one distribution gives {@code +Infinity}; a bin empty in both
     * contributes 0.
     */
    NONE
}
