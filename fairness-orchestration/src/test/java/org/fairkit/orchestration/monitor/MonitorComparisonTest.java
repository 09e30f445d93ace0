package org.fairkit.orchestration.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.orchestration.history.History;
import org.fairkit.orchestration.history.HistoryEntry;
import org.fairkit.stats.FairnessComparison;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each window against the previous one and a fixed reference; every window recorded in the history. */
class MonitorComparisonTest {
    @TempDir
    Path dir;

    @Test
    void aRegressedWindowIsBeyondChanceAgainstThePreviousAndTheReference() {
        History h = History.open(dir.resolve("m.db").toString());
        Monitor m = Monitor.builder().groupBy(SyntheticLending.ETHNICITY).reference("Group A")
                .fairnessMetrics(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO, FairnessMetric.DISPARATE_IMPACT)
                .windowing(Windowing.tumblingBatches(1)).compareWindows(0.95).history(h, "model-7").build();
        List<WindowResult> ws = new ArrayList<>();
        ws.addAll(m.accept(SyntheticLending.generate(5000, 1, 0.2)));
        ws.addAll(m.accept(SyntheticLending.generate(5000, 2, 0.2)));
        ws.addAll(m.accept(SyntheticLending.generate(5000, 3, 1.2)));
        assertThat(ws).hasSize(3);
        assertThat(ws.get(0).sincePrevious()).isEmpty();
        assertThat(ws.get(0).sinceReference()).isEmpty();
        assertThat(ws.get(0).notes()).contains("this window is the reference of the window comparisons");
        FairnessComparison.Change quiet = ws.get(1).sincePrevious().orElseThrow()
                .fairness(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO).orElseThrow();
        assertThat(quiet.beyondChance()).isFalse();
        assertThat(ws.get(1).sinceReference()).isPresent();
        for (FairnessComparison c : List.of(ws.get(2).sincePrevious().orElseThrow(),
                ws.get(2).sinceReference().orElseThrow())) {
            FairnessComparison.Change dp = c.fairness(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO).orElseThrow();
            assertThat(dp.beyondChance()).isTrue();
            assertThat(dp.worsening().value()).isGreaterThan(0.1);
        }
        List<HistoryEntry> recorded = h.list("model-7");
        assertThat(recorded).hasSize(3);
        assertThat(recorded).allSatisfy(e -> assertThat(e.kind()).isEqualTo("monitor"));
        assertThat(recorded.get(2).runId()).endsWith("/window-2");
        assertThat(recorded.get(2).dataFingerprint()).isEqualTo(ws.get(2).report().provenance().inputSha256());
    }

    @Test
    void withoutComparisonsNothingIsComparedAndAReferenceWindowNeedsThem() {
        Monitor m = Monitor.builder().groupBy(SyntheticLending.ETHNICITY).windowing(Windowing.tumblingBatches(1))
                .build();
        List<WindowResult> ws = new ArrayList<>(m.accept(SyntheticLending.generate(500, 1)));
        ws.addAll(m.accept(SyntheticLending.generate(500, 2)));
        assertThat(ws.get(1).sincePrevious()).isEmpty();
        assertThatThrownBy(() -> Monitor.builder().groupBy("x").windowing(Windowing.tumblingBatches(1))
                .referenceWindow(2).build()).hasMessageContaining("set compareWindows(level)");
        assertThatThrownBy(() -> Monitor.builder().compareWindows(1.5)).hasMessageContaining("compareWindows level");
    }

    @Test
    void theReferenceWindowCanBeALaterOne() {
        Monitor m = Monitor.builder().groupBy(SyntheticLending.ETHNICITY).windowing(Windowing.tumblingBatches(1))
                .compareWindows(0.9).referenceWindow(1).build();
        List<WindowResult> ws = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ws.addAll(m.accept(SyntheticLending.generate(800, i)));
        }
        assertThat(ws.get(1).sinceReference()).isEmpty();
        assertThat(ws.get(1).notes()).contains("this window is the reference of the window comparisons");
        assertThat(ws.get(2).sinceReference().orElseThrow().level()).isEqualTo(0.9);
        assertThat(ws.get(2).sincePrevious()).isPresent();
    }
}
