package org.fairkit.core.regression;

/** Why a regression metric is undefined: the shared wording. */
final class RegressionReasons {
    static final String ZERO_TOTAL = "total weight is 0";
    static final String CONSTANT_TARGETS = "the targets do not vary (sum of squared deviations is 0)";

    private RegressionReasons() {
    }
}
