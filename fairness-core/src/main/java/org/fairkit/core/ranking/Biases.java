package org.fairkit.core.ranking;

import java.util.Locale;

/** The built-in {@link PositionBias} models (reached through the interface's factories). */
final class Biases {
    private Biases() {
    }

    /** The parameter-free models. */
    enum Builtin implements PositionBias {
        /** {@code 1 / log2(1 + p)}. */
        LOGARITHMIC {
            @Override
            public double weight(int position) {
                return StrictMath.log(2) / StrictMath.log1p(position);
            }

            @Override
            public String describe() {
                return "logarithmic 1/log2(1+p)";
            }
        },
        /** {@code 1 / p}. */
        RECIPROCAL {
            @Override
            public double weight(int position) {
                return 1.0 / position;
            }

            @Override
            public String describe() {
                return "reciprocal 1/p";
            }
        }
    }

    /**
     * {@code γ^(p − 1)}.
     *
     * @param patience γ
     */
    record Geometric(double patience) implements PositionBias {
        @Override
        public double weight(int position) {
            return StrictMath.pow(patience, position - 1);
        }

        @Override
        public String describe() {
            return String.format(Locale.ROOT, "geometric %s^(p-1)", patience);
        }
    }

    /**
     * 1 for the first k positions.
     *
     * @param k the number of positions seen
     */
    record Cutoff(int k) implements PositionBias {
        @Override
        public double weight(int position) {
            return position <= k ? 1 : 0;
        }

        @Override
        public String describe() {
            return "cutoff: first " + k + " positions";
        }
    }
}
