package org.fairkit.stats.tests;

import org.apache.commons.statistics.inference.AlternativeHypothesis;

/** The alternative hypothesis of a test whose statistic has a direction. */
public enum Alternative {
    /** The parameter differs from its null value in either direction. */
    TWO_SIDED(AlternativeHypothesis.TWO_SIDED),
    /** The parameter is smaller than its null value (SciPy {@code alternative='less'}). */
    LESS(AlternativeHypothesis.LESS_THAN),
    /** The parameter is larger than its null value (SciPy {@code alternative='greater'}). */
    GREATER(AlternativeHypothesis.GREATER_THAN);

    private final AlternativeHypothesis commons;

    Alternative(AlternativeHypothesis commons) {
        this.commons = commons;
    }

    AlternativeHypothesis commons() {
        return commons;
    }
}
