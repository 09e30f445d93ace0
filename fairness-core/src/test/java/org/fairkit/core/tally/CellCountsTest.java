package org.fairkit.core.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link CellCounts} is public: its factories reject what no tally can produce, naming the cell. */
class CellCountsTest {

    @Test
    void countsRejectANegativeCountInEveryCellNamingIt() {
        assertThatThrownBy(() -> CellCounts.of(-1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tn must be >= 0, got -1");
        assertThatThrownBy(() -> CellCounts.of(0, -2, 0, 0)).hasMessage("fp must be >= 0, got -2");
        assertThatThrownBy(() -> CellCounts.of(0, 0, -3, 0)).hasMessage("fn must be >= 0, got -3");
        assertThatThrownBy(() -> CellCounts.of(0, 0, 0, -4)).hasMessage("tp must be >= 0, got -4");
        assertThat(CellCounts.of(0, 0, 0, 0)).isEqualTo(CellCounts.empty(false));
    }

    @Test
    void weightedCountsRejectANegativeCountOrABadWeightSumInEveryCellNamingIt() {
        assertThatThrownBy(() -> CellCounts.weighted(-1, 0, 0, 0, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("tn must be >= 0, got -1");
        assertThatThrownBy(() -> CellCounts.weighted(0, -1, 0, 0, 0, 0, 0, 0)).hasMessage("fp must be >= 0, got -1");
        assertThatThrownBy(() -> CellCounts.weighted(0, 0, -1, 0, 0, 0, 0, 0)).hasMessage("fn must be >= 0, got -1");
        assertThatThrownBy(() -> CellCounts.weighted(0, 0, 0, -1, 0, 0, 0, 0)).hasMessage("tp must be >= 0, got -1");
        assertThatThrownBy(() -> CellCounts.weighted(0, 0, 0, 0, -0.5, 0, 0, 0))
                .hasMessage("weight of tn must be finite and >= 0, got -0.5");
        assertThatThrownBy(() -> CellCounts.weighted(0, 0, 0, 0, 0, Double.NaN, 0, 0))
                .hasMessage("weight of fp must be finite and >= 0, got NaN");
        assertThatThrownBy(() -> CellCounts.weighted(0, 0, 0, 0, 0, 0, Double.POSITIVE_INFINITY, 0))
                .hasMessage("weight of fn must be finite and >= 0, got Infinity");
        assertThatThrownBy(() -> CellCounts.weighted(0, 0, 0, 0, 0, 0, 0, -1))
                .hasMessage("weight of tp must be finite and >= 0, got -1.0");
        assertThat(CellCounts.weighted(0, 0, 0, 0, 0, 0, 0, 0)).isEqualTo(CellCounts.empty(true));
    }
}
