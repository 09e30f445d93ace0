package org.fairkit.mitigation.reductions;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.fairkit.core.internal.InputErrors;

/**
 * A parity constraint of the reductions, as Fairlearn 0.13's moments ({@code DemographicParity},
 * {@code EqualizedOdds}, {@code TruePositiveRateParity}, {@code FalsePositiveRateParity}, {@code ErrorRateParity})
 * with their {@code difference_bound} or {@code ratio_bound}. Immutable; the bound may be set once.
 *
 * <pre>{@code
 * ParityConstraint dp = ParityConstraint.of(ParityConstraint.Kind.DEMOGRAPHIC_PARITY);       // difference 0.01
 * ParityConstraint eo = ParityConstraint.of(ParityConstraint.Kind.EQUALIZED_ODDS).differenceBound(0.02);
 * ParityConstraint rr = ParityConstraint.of(ParityConstraint.Kind.DEMOGRAPHIC_PARITY).ratioBound(0.8, 0.0);
 * }</pre>
 *
 * <p><b>Definition</b> (Agarwal et al. 2018, section 2; Fairlearn's {@code UtilityParity}). Each row has an event
 * {@code e} (demographic and error-rate parity: {@code all}; true positive rate parity: {@code label=1} for the
 * positives only; false positive rate parity: {@code label=0} for the negatives only; equalized odds:
 * {@code label=y}) and a group {@code g}. For a (possibly randomized) classifier {@code h} with utility {@code u}
 * ({@code u = h}; error-rate parity: {@code u = |h - y|}), with weighted means over the rows,
 * <pre>
 *   gamma[+, e, g] = r * E[u | e, g] - E[u | e]        gamma[-, e, g] = r * E[u | e] - E[u | e, g]
 * </pre>
 * with {@code r = 1} for a difference bound and {@code r = ratio_bound} for a ratio bound; the constraint is
 * {@code gamma <= bound} for every entry (the difference bound, or the ratio bound's slack). Entries exist only
 * for (event, group) cells with rows. The disparity Fairlearn and FairKit report ({@link ConstraintEvaluation}) is
 * {@code max gamma}.
 */
public final class ParityConstraint {
    /** The default difference bound, Fairlearn's. */
    public static final double DEFAULT_DIFFERENCE_BOUND = 0.01;

    /** The five moments. */
    public enum Kind {
        /** Equal selection rates {@code P(h = 1 | g)}; Fairlearn {@code DemographicParity}. */
        DEMOGRAPHIC_PARITY("demographic_parity"),
        /** Equal true and false positive rates; Fairlearn {@code EqualizedOdds}. */
        EQUALIZED_ODDS("equalized_odds"),
        /** Equal true positive rates (equal opportunity); Fairlearn {@code TruePositiveRateParity}. */
        TRUE_POSITIVE_RATE_PARITY("true_positive_rate_parity"),
        /** Equal false positive rates; Fairlearn {@code FalsePositiveRateParity}. */
        FALSE_POSITIVE_RATE_PARITY("false_positive_rate_parity"),
        /** Equal error rates {@code P(h != y | g)}; Fairlearn {@code ErrorRateParity}. */
        ERROR_RATE_PARITY("error_rate_parity");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /** @return the id used in JSON and the CLI, e.g. {@code demographic_parity} */
        public String id() {
            return id;
        }

        /**
         * The kind with this id.
         *
         * @throws IllegalArgumentException listing the valid ids
         */
        public static Kind byId(String id) {
            for (Kind k : values()) {
                if (k.id.equals(id)) {
                    return k;
                }
            }
            throw new IllegalArgumentException(String.format(Locale.ROOT, "unknown constraint '%s'; expected one of %s",
                    id, Arrays.stream(values()).map(Kind::id).collect(Collectors.joining(", "))));
        }
    }

    private final Kind kind;
    private final Double differenceBound;
    private final Double ratioBound;
    private final double slack;

    private ParityConstraint(Kind kind, Double differenceBound, Double ratioBound, double slack) {
        this.kind = kind;
        this.differenceBound = differenceBound;
        this.ratioBound = ratioBound;
        this.slack = slack;
    }

    /** The constraint of this kind with the default difference bound 0.01. */
    public static ParityConstraint of(Kind kind) {
        return new ParityConstraint(Objects.requireNonNull(kind, "kind"), null, null, 0);
    }

    /**
     * Bounds every {@code gamma} entry by {@code bound} (Fairlearn {@code difference_bound}).
     *
     * @throws IllegalArgumentException if the bound is not finite and {@code >= 0}
     * @throws IllegalStateException if a bound was already set
     */
    public ParityConstraint differenceBound(double bound) {
        checkUnset();
        if (!(bound >= 0) || Double.isInfinite(bound)) {
            throw InputErrors.badSetting("difference_bound", bound, "a finite number >= 0");
        }
        return new ParityConstraint(kind, bound, null, 0);
    }

    /**
     * Bounds the ratio of each group's utility to the overall one between {@code ratio} and its inverse, up to an
     * additive {@code slack} (Fairlearn {@code ratio_bound}, {@code ratio_bound_slack}).
     *
     * @throws IllegalArgumentException if {@code ratio} is not in (0, 1] or the slack not finite and {@code >= 0}
     * @throws IllegalStateException if a bound was already set
     */
    public ParityConstraint ratioBound(double ratio, double slack) {
        checkUnset();
        if (!(ratio > 0 && ratio <= 1)) {
            throw InputErrors.badSetting("ratio_bound", ratio, "a number in (0, 1]");
        }
        if (!(slack >= 0) || Double.isInfinite(slack)) {
            throw InputErrors.badSetting("ratio_bound_slack", slack, "a finite number >= 0");
        }
        return new ParityConstraint(kind, null, ratio, slack);
    }

    private void checkUnset() {
        if (differenceBound != null || ratioBound != null) {
            throw InputErrors.settingTwice("bound");
        }
    }

    /** @return the kind of constraint */
    public Kind kind() {
        return kind;
    }

    /** @return the bound on every {@code gamma} entry: the difference bound, or the ratio bound's slack */
    public double bound() {
        if (ratioBound != null) {
            return slack;
        }
        return differenceBound == null ? DEFAULT_DIFFERENCE_BOUND : differenceBound;
    }

    /** @return {@code r} of the definition: 1 for a difference bound, the ratio bound otherwise */
    public double ratio() {
        return ratioBound == null ? 1.0 : ratioBound;
    }

    /** @return whether the bound is a ratio bound */
    public boolean isRatio() {
        return ratioBound != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParityConstraint && kind == ((ParityConstraint) o).kind
                && Objects.equals(differenceBound, ((ParityConstraint) o).differenceBound)
                && Objects.equals(ratioBound, ((ParityConstraint) o).ratioBound)
                && slack == ((ParityConstraint) o).slack;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, differenceBound, ratioBound, slack);
    }

    @Override
    public String toString() {
        return isRatio()
                ? String.format(Locale.ROOT, "%s[ratio_bound=%s, slack=%s]", kind.id(), ratioBound, slack)
                : String.format(Locale.ROOT, "%s[difference_bound=%s]", kind.id(), bound());
    }
}
