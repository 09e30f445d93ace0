package org.fairkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.core.group.Grouping;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.tally.GroupConfusion;
import org.fairkit.core.internal.TallyKernel;
import org.junit.jupiter.api.Test;

/** A report built with {@link FairnessReport#of} from counts derived outside {@code evaluate()} is the same report. */
class FairnessReportOfTest {

    @Test
    void aReportFromItsOwnCountsEqualsTheEvaluatedReport() {
        FairnessData data = SyntheticLending.generate(4000, 3);
        Fairness f = Fairness.of(data).groupBy("ethnicity").reference("Group A").metrics(Metrics.values())
                .clock(Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC));
        FairnessReport evaluated = f.evaluate();
        EvaluationSpec spec = f.spec();
        Grouping grouping = data.grouping(spec.groupBy());
        GroupConfusion counts = TallyKernel.tally(data.tallyInput(spec.groupBy()));
        FairnessReport built = FairnessReport.of(GroupResults.derive(spec, grouping, counts), Map.of(),
                evaluated.provenance());
        assertThat(built.toString()).isEqualTo(evaluated.toString());
        assertThat(built.results().values()).isEqualTo(evaluated.results().values());
        assertThat(built.intervals()).isEmpty();
    }
}
