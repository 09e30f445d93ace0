package org.fairkit.orchestration.policy;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How a rule compares a value with its threshold: the value must satisfy {@code value <op> threshold}.
 *
 * <p>A value within {@link #TIE} {@code · max(1, |threshold|)} of the threshold counts as equal to it. Metrics are
 * ratios and differences of rates computed in floating point, so a value that is exactly the threshold in exact
 * arithmetic can come out a few units in the last place away: 30/50 against 45/60 is a ratio of exactly 4/5, but
 * {@code 0.6 / 0.75} is {@code 0.7999999999999999}, which a plain {@code >= 0.8} would fail.
 */
public enum Comparison {
    /** {@code value >= threshold}. */
    AT_LEAST(">="),
    /** {@code value > threshold}. */
    GREATER_THAN(">"),
    /** {@code value <= threshold}. */
    AT_MOST("<="),
    /** {@code value < threshold}. */
    LESS_THAN("<");

    /** The relative distance from the threshold within which a value counts as equal to it. */
    public static final double TIE = 1e-12;

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    /** @return the operator as written in rules, e.g. {@code >=} */
    public String symbol() {
        return symbol;
    }

    /** @return whether {@code value} satisfies the comparison with {@code threshold}, ties as described above */
    public boolean test(double value, double threshold) {
        double tie = TIE * Math.max(1, Math.abs(threshold));
        switch (this) {
            case AT_LEAST:
                return value >= threshold - tie;
            case GREATER_THAN:
                return value > threshold + tie;
            case AT_MOST:
                return value <= threshold + tie;
            default:
                return value < threshold - tie;
        }
    }

    /** @return whether larger values satisfy it more easily ({@code >=}, {@code >}) */
    public boolean lowerBound() {
        return this == AT_LEAST || this == GREATER_THAN;
    }

    /**
     * Parses an operator.
     *
     * @throws IllegalArgumentException listing the valid operators
     */
    public static Comparison bySymbol(String symbol) {
        for (Comparison c : values()) {
            if (c.symbol.equals(symbol)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown comparison '" + symbol + "'; valid: "
                + Arrays.stream(values()).map(Comparison::symbol).collect(Collectors.joining(", ")));
    }
}
