package org.fairkit.mitigation.calibration;

/**
 * Internal signal that a parametric fit has no finite or unique optimum on this data (separated classes,
 * collinear features). Turned into an {@link IllegalArgumentException} for a global fit and into a recorded
 * fallback for a per-group fit.
 */
final class FitFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the optimum does not exist. */
    enum Kind {
        /** The classes are separated: the likelihood keeps increasing as a coefficient grows without bound. */
        SEPARATED,
        /** The features are collinear (too few distinct scores): the optimum is not unique. */
        COLLINEAR
    }

    private final Kind kind;

    FitFailure(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }
}
