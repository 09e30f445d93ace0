package org.fairkit.core;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A comparison of a measured value with a limit, {@code value <op> limit}: the one threshold rule of FairKit, used
 * by policy rules, data-quality checks and the documents (the dashboard's "within"/"beyond", the four-fifths
 * status), so that a verdict and its picture never disagree.
 *
 * <p><b>Ties.</b> A value within {@link #TIE} {@code · max(1, |limit|)} of the limit counts as equal to it. Metrics
 * are ratios and differences of rates computed in floating point, so a value that is exactly the limit in exact
 * arithmetic can come out a few units in the last place away: 30/50 against 45/60 is a ratio of exactly 4/5, but
 * {@code 0.6 / 0.75} is {@code 0.7999999999999999}, which a plain {@code >= 0.8} would fail; a gap
 * {@code 0.7 - 0.5} is {@code 0.19999999999999996}. So {@code >=} and {@code <=} admit a tie, {@code >} and
 * {@code <} reject it. {@code NaN} meets no threshold.
 *
 * <pre>{@code
 * Threshold.atLeast(0.8).isMetBy(0.6 / 0.75);   // true: exactly four-fifths
 * Threshold.atLeast(0.8).isMetBy(0.79);         // false
 * }</pre>
 *
 * @param operator how the value is compared with the limit
 * @param limit the limit, finite
 */
public record Threshold(Operator operator, double limit) {
    /** The relative distance from the limit within which a value counts as equal to it. */
    public static final double TIE = 1e-12;

    /** Validates: the operator is given and the limit finite. */
    public Threshold {
        Objects.requireNonNull(operator, "operator");
        if (!Double.isFinite(limit)) {
            throw new IllegalArgumentException("threshold must be finite, got " + limit);
        }
    }

    /** @return {@code value >= limit}, ties included */
    public static Threshold atLeast(double limit) {
        return new Threshold(Operator.AT_LEAST, limit);
    }

    /** @return {@code value > limit}, ties excluded */
    public static Threshold greaterThan(double limit) {
        return new Threshold(Operator.GREATER_THAN, limit);
    }

    /** @return {@code value <= limit}, ties included */
    public static Threshold atMost(double limit) {
        return new Threshold(Operator.AT_MOST, limit);
    }

    /** @return {@code value < limit}, ties excluded */
    public static Threshold lessThan(double limit) {
        return new Threshold(Operator.LESS_THAN, limit);
    }

    /** @return whether {@code value <op> limit} holds, with the tie rule of the class documentation */
    public boolean isMetBy(double value) {
        return operator.test(value, limit);
    }

    /**
     * @return whether {@code low <= value <= high}, each edge with the tie rule of the class documentation (an
     *     infinite edge bounds nothing); {@code false} for {@code NaN}. The acceptable band of a disparity.
     */
    public static boolean withinBand(double value, double low, double high) {
        return Operator.AT_LEAST.test(value, low) && Operator.AT_MOST.test(value, high);
    }

    /** @return e.g. {@code >= 0.8} (the limit as Java prints it) */
    @Override
    public String toString() {
        return operator.symbol() + " " + limit;
    }

    /** The comparison operators of a {@link Threshold}, written in rules and documents as their symbol. */
    public enum Operator {
        /** {@code value >= limit}. */
        AT_LEAST(">="),
        /** {@code value > limit}. */
        GREATER_THAN(">"),
        /** {@code value <= limit}. */
        AT_MOST("<="),
        /** {@code value < limit}. */
        LESS_THAN("<");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        /** @return the operator as written in rules, e.g. {@code >=} */
        public String symbol() {
            return symbol;
        }

        /** @return whether larger values satisfy it more easily ({@code >=}, {@code >}) */
        public boolean lowerBound() {
            return this == AT_LEAST || this == GREATER_THAN;
        }

        /** @return the operator that holds exactly when this one fails: {@code <} for {@code >=}, and so on */
        public Operator negation() {
            switch (this) {
                case AT_LEAST:
                    return LESS_THAN;
                case GREATER_THAN:
                    return AT_MOST;
                case AT_MOST:
                    return GREATER_THAN;
                default:
                    return AT_LEAST;
            }
        }

        /**
         * @return whether {@code value <op> limit} holds, a value within {@link #TIE} {@code · max(1, |limit|)} of
         *     the limit counting as equal to it; {@code false} for {@code NaN}
         */
        public boolean test(double value, double limit) {
            double tie = TIE * Math.max(1, Math.abs(limit));
            switch (this) {
                case AT_LEAST:
                    return value >= limit - tie;
                case GREATER_THAN:
                    return value > limit + tie;
                case AT_MOST:
                    return value <= limit + tie;
                default:
                    return value < limit - tie;
            }
        }

        /**
         * Parses an operator.
         *
         * @throws IllegalArgumentException listing the valid operators
         */
        public static Operator bySymbol(String symbol) {
            for (Operator c : values()) {
                if (c.symbol.equals(symbol)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("unknown comparison '" + symbol + "'; valid: "
                    + Arrays.stream(values()).map(Operator::symbol).collect(Collectors.joining(", ")));
        }
    }
}
