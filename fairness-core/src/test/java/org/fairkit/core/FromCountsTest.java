package org.fairkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.tally.CellCounts;
import org.junit.jupiter.api.Test;

class FromCountsTest {
    private static final Provenance P = new Provenance("v", Map.of(), 8, "ab".repeat(32), Instant.EPOCH);

    @Test
    void countsInAnyOrderGiveTheInMemoryReport() {
        FairnessData data = FairnessData.builder().labels(new int[] {1, 0, 1, 0, 1, 1, 0, 0})
                .predictions(new int[] {1, 1, 0, 0, 1, 0, 0, 1})
                .sensitive("g", new String[] {"b", "b", "a", "a", "b", "a", "c", "c"})
                .sensitive("h", new String[] {"x", "y", "x", "y", "x", "y", "x", "x"}).build();
        EvaluationSpec spec = EvaluationSpec.builder().groupBy("g", "h").reference("a", "x")
                .metrics(Metrics.SELECTION_RATE, Metrics.ACCURACY).build();
        FairnessReport memory = Fairness.of(data, spec).evaluate();
        Map<List<String>, CellCounts> counts = new LinkedHashMap<>();
        counts.put(List.of("c", "x"), CellCounts.of(1, 1, 0, 0));
        counts.put(List.of("b", "y"), CellCounts.of(0, 1, 0, 0));
        counts.put(List.of("a", "x"), CellCounts.of(0, 0, 1, 0));
        counts.put(List.of("z", "z"), CellCounts.of(0, 0, 0, 0)); // no rows: no group
        counts.put(List.of("b", "x"), CellCounts.of(0, 0, 0, 2));
        counts.put(List.of("a", "y"), CellCounts.of(1, 0, 1, 0));
        FairnessReport fromCounts = Fairness.fromCounts(spec, counts, P);
        assertThat(fromCounts.byGroup()).isEqualTo(memory.byGroup());
        assertThat(fromCounts.fairnessMetrics()).isEqualTo(memory.fairnessMetrics());
        assertThat(fromCounts.warnings()).isEqualTo(memory.warnings());
        assertThat(fromCounts.provenance()).isSameAs(P);
    }

    @Test
    void badCountsAreRefusedWithTheReason() {
        EvaluationSpec spec = EvaluationSpec.builder().groupBy("g").build();
        assertThatThrownBy(() -> Fairness.fromCounts(spec, Map.of(List.of("a", "b"), CellCounts.of(1, 0, 0, 0)), P))
                .hasMessageContaining("expected one non-null level for each of [g]");
        assertThatThrownBy(() -> Fairness.fromCounts(spec, Map.of(List.of("a"), CellCounts.of(0, 0, 0, 0)), P))
                .isInstanceOf(IllegalArgumentException.class);
        Map<List<String>, CellCounts> mixed = new LinkedHashMap<>();
        mixed.put(List.of("a"), CellCounts.of(1, 0, 0, 0));
        mixed.put(List.of("b"), CellCounts.weighted(1, 0, 0, 0, 2, 0, 0, 0));
        assertThatThrownBy(() -> Fairness.fromCounts(spec, mixed, P)).hasMessageContaining("mix weighted");
    }
}
