package org.fairkit.core.ranking;

import java.util.Objects;
import org.fairkit.core.internal.InputErrors;

/**
 * The front door of group fairness for rankings: configure fluently and {@link #evaluate()}, as with
 * {@code Fairness.of(data)}.
 *
 * <pre>{@code
 * RankingReport report = RankingFairness.of(ranking)
 *     .positionBias(PositionBias.geometric(0.8))   // optional: default 1/log2(1+p)
 *     .evaluate();
 * report.exposureRatio();                           // min / max of the groups' average exposure
 * report.topK(10);                                  // selection parity in the top 10
 * }</pre>
 *
 * <p>Each setting is validated at once and can be set once (a second call throws {@link IllegalStateException},
 * worded as every FairKit builder). {@code evaluate()} computes every item's exposure once; the
 * {@link RankingReport} derives each metric from it on demand. A configured front door can be evaluated again.
 */
public final class RankingFairness {
    private final Ranking ranking;
    private PositionBias bias;

    private RankingFairness(Ranking ranking) {
        this.ranking = Objects.requireNonNull(ranking, "ranking");
    }

    /** Starts an evaluation of {@code ranking}. */
    public static RankingFairness of(Ranking ranking) {
        return new RankingFairness(ranking);
    }

    /** The attention model (default {@link PositionBias#logarithmic()}, {@code 1/log2(1+p)}). */
    public RankingFairness positionBias(PositionBias b) {
        InputErrors.requireUnset(bias, "positionBias");
        bias = Objects.requireNonNull(b, "positionBias");
        return this;
    }

    /**
     * Computes the exposure of every item and returns the report.
     *
     * @throws IllegalArgumentException if the bias gives a position of the ranking a NaN, infinite or negative weight
     */
    public RankingReport evaluate() {
        return RankingReport.compute(ranking, bias == null ? PositionBias.logarithmic() : bias);
    }

    @Override
    public String toString() {
        return "RankingFairness[" + ranking + ", position bias "
                + (bias == null ? PositionBias.logarithmic() : bias).describe() + "]";
    }
}
