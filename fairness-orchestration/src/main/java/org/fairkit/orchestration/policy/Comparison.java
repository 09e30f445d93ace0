package org.fairkit.orchestration.policy;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How a rule compares a value with its threshold: the value must satisfy {@code value <op> threshold}. */
public enum Comparison {
    /** {@code value >= threshold}. */
    AT_LEAST(">="),
    /** {@code value > threshold}. */
    GREATER_THAN(">"),
    /** {@code value <= threshold}. */
    AT_MOST("<="),
    /** {@code value < threshold}. */
    LESS_THAN("<");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    /** @return the operator as written in rules, e.g. {@code >=} */
    public String symbol() {
        return symbol;
    }

    /** @return whether {@code value} satisfies the comparison with {@code threshold} */
    public boolean test(double value, double threshold) {
        switch (this) {
            case AT_LEAST:
                return value >= threshold;
            case GREATER_THAN:
                return value > threshold;
            case AT_MOST:
                return value <= threshold;
            default:
                return value < threshold;
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
