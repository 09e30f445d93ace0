package org.fairkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.fairkit.core.individual.Consistency;
import org.junit.jupiter.api.Test;

/** The benchmarked variants (1 and 2 threads) give the same consistency, bit for bit, so their times compare. */
class ConsistencyBenchmarkTest {
    @Test
    void oneAndTwoThreadsGiveTheSameResult() {
        ConsistencyBenchmark.Data d = ConsistencyBenchmark.data(1_500, 4, 42);
        assertThat(Consistency.neighbours(5).threads(2).evaluate(d.x(), d.outcomes()))
                .isEqualTo(Consistency.neighbours(5).evaluate(d.x(), d.outcomes()));
        assertThat(Consistency.neighbours(5).evaluate(d.x(), d.outcomes()).ambiguousRows()).isZero();
    }
}
