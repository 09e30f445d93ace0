package org.fairkit.mitigation.postprocessing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/** The test-side exact simplex on textbook problems, including the degenerate kinds the property tests produce. */
class ExactSimplexTest {
    private static BigFraction[] v(long... xs) {
        BigFraction[] out = new BigFraction[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = BigFraction.of(xs[i]);
        }
        return out;
    }

    @Test
    void solvesATextbookProblem() {
        // max 3x + 5y, x <= 4, 2y <= 12, 3x + 2y <= 18: optimum 36 at (2, 6)
        BigFraction opt = ExactSimplex.maximize(v(3, 5), List.of(
                new ExactSimplex.Row(v(1, 0), -1, BigFraction.of(4)),
                new ExactSimplex.Row(v(0, 2), -1, BigFraction.of(12)),
                new ExactSimplex.Row(v(3, 2), -1, BigFraction.of(18))));
        assertThat(opt).isEqualTo(BigFraction.of(36));
    }

    @Test
    void handlesEqualitiesRedundantRowsAndIdenticalColumns() {
        // x0 + x1 + x3 = 1 (twice: a redundant row), x2 = x0 + x3 (as >= and <=), constraint columns 0 and 3
        // identical; max x1 + 2 x2 + x3 = x1 + 2 x0 + 3 x3 on the simplex: 3 at x3 = 1
        BigFraction opt = ExactSimplex.maximize(v(0, 1, 2, 1), List.of(
                new ExactSimplex.Row(v(1, 1, 0, 1), 0, BigFraction.ONE),
                new ExactSimplex.Row(v(1, 1, 0, 1), 0, BigFraction.ONE),
                new ExactSimplex.Row(v(1, 0, -1, 1), 1, BigFraction.ZERO),
                new ExactSimplex.Row(v(1, 0, -1, 1), -1, BigFraction.ZERO)));
        assertThat(opt).isEqualTo(BigFraction.of(3));
    }
}
