package org.fairkit.core.ranking;

import java.util.Objects;
import java.util.function.IntToDoubleFunction;

/**
 * How much attention a position in a ranking receives: the exposure {@code v(p)} of the item at position
 * {@code p = 1, 2, ...} (Singh &amp; Joachims 2018, "Fairness of Exposure in Rankings", KDD). Weights are finite and
 * {@code >= 0}; usually non-increasing.
 *
 * <p>Built-in models: {@link #logarithmic()} (the default, the DCG discount {@code 1 / log2(1 + p)}, Järvelin &amp;
 * Kekäläinen 2002), {@link #geometric(double)} (a reader who goes on with probability γ after each item, the
 * rank-biased precision model of Moffat &amp; Zobel 2008), {@link #reciprocal()} ({@code 1 / p}) and
 * {@link #cutoff(int)}
 * (the first k positions are seen, the others not). Any other model: {@link #of(String, IntToDoubleFunction)}.
 * Relevance-dependent models (the cascade model, where attention stops at a relevant item) are not position biases
 * in this sense and are not offered.
 */
public interface PositionBias {
    /**
     * @param position a position, 1 for the top
     * @return the exposure of that position, finite and {@code >= 0}
     */
    double weight(int position);

    /** @return the model in words, with its parameters, e.g. {@code logarithmic 1/log2(1+p)} */
    String describe();

    /** @return the DCG discount {@code v(p) = 1 / log2(1 + p)}: 1, 0.631, 0.5, 0.431, ... */
    static PositionBias logarithmic() {
        return Biases.Builtin.LOGARITHMIC;
    }

    /** @return {@code v(p) = 1 / p} */
    static PositionBias reciprocal() {
        return Biases.Builtin.RECIPROCAL;
    }

    /**
     * The rank-biased precision model (Moffat &amp; Zobel 2008): the reader looks at the first item and goes on to the
     * next with probability γ.
     *
     * @param patience γ, in (0, 1]
     * @return {@code v(p) = γ^(p − 1)}
     * @throws IllegalArgumentException if γ is outside (0, 1]
     */
    static PositionBias geometric(double patience) {
        if (!(patience > 0 && patience <= 1)) {
            throw new IllegalArgumentException("patience must be in (0, 1], got " + patience);
        }
        return new Biases.Geometric(patience);
    }

    /**
     * The first {@code k} positions are seen, the rest are not.
     *
     * @return {@code v(p) = 1} for {@code p <= k}, else 0
     * @throws IllegalArgumentException if {@code k < 1}
     */
    static PositionBias cutoff(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("cutoff must be >= 1, got " + k);
        }
        return new Biases.Cutoff(k);
    }

    /**
     * A model of your own; its weights are checked (finite, {@code >= 0}) when they are used.
     *
     * @param name a description for reports
     * @param weight {@code v(p)} for {@code p = 1, 2, ...}
     */
    static PositionBias of(String name, IntToDoubleFunction weight) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(weight, "weight");
        return new PositionBias() {
            @Override
            public double weight(int position) {
                return weight.applyAsDouble(position);
            }

            @Override
            public String describe() {
                return name;
            }

            @Override
            public String toString() {
                return "PositionBias[" + name + "]";
            }
        };
    }
}
