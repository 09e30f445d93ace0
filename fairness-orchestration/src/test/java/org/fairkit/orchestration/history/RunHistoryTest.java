package org.fairkit.orchestration.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.orchestration.RunTrail;
import org.fairkit.orchestration.run.AuditGrouping;
import org.fairkit.orchestration.run.AuditPlan;
import org.fairkit.orchestration.run.AuditResult;
import org.fairkit.orchestration.run.AuditRunner;
import org.fairkit.orchestration.run.AuditSource;
import org.fairkit.orchestration.run.StandardOutputs;
import org.fairkit.orchestration.trail.AuditTrail;
import org.fairkit.orchestration.trail.TrailEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An AuditRunner run recorded in the history points at its trail entry, and the trail still verifies. */
class RunHistoryTest {
    @TempDir
    Path dir;

    @Test
    void aRunIsRecordedPerGroupingWithItsTrailEntry() throws Exception {
        AuditPlan plan = AuditPlan.builder("lending").source(AuditSource.of(SyntheticLending.generate(2000, 9)))
                .groupings(AuditGrouping.of("ethnicity").reference("Group A"), AuditGrouping.of("sex"))
                .metrics(Metrics.COUNT, Metrics.SELECTION_RATE).outputs(StandardOutputs.DETAILED_REPORT).build();
        AuditResult result = AuditRunner.standard().run(plan, dir.resolve("run"));
        Path trailFile = dir.resolve("run/audit-trail.jsonl");
        AuditTrail trail = AuditTrail.open(trailFile);
        TrailEntry entry = RunTrail.record(trail, result);
        History h = History.open(dir.resolve("h.db").toString());
        List<HistoryEntry> entries = RunHistory.record(h, result, Optional.of("m-1"),
                Optional.of(RunHistory.trailReference(trailFile, entry)));
        assertThat(entries).hasSize(2);
        assertThat(h.run(result.record().runId())).containsExactlyElementsOf(entries);
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.kind()).isEqualTo(RunHistory.KIND);
            assertThat(e.modelVersion()).contains("m-1");
            assertThat(e.trailEntry()).contains(trailFile + "#1 " + entry.hash());
            assertThat(e.configuration()).containsEntry("plan_id", "lending");
        });
        assertThat(entries.get(1).grouping()).isEqualTo("sex");
        assertThat(AuditTrail.open(trailFile).verify().valid()).isTrue();
        assertThat(RunHistory.record(h, result, Optional.empty(), Optional.empty()).get(0).trailEntry()).isEmpty();
    }
}
