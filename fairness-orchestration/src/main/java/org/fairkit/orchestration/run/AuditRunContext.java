package org.fairkit.orchestration.run;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.fairkit.core.FairnessReport;
import org.fairkit.orchestration.io.RowSource;

/**
 * What an {@link AuditOutput} writes from: the plan, one report per grouping (in plan order), the rows for
 * row-level outputs, and the run's identity.
 *
 * @param runId the run's identifier
 * @param plan the plan being executed
 * @param reports one report per plan grouping, in order
 * @param rows the plan's rows, read again on demand (streamed for CSV sources)
 * @param startedAt when the run started
 */
public record AuditRunContext(String runId, AuditPlan plan, List<FairnessReport> reports, RowSource rows,
        Instant startedAt) {
    /** Validates and copies. */
    public AuditRunContext {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(plan, "plan");
        reports = List.copyOf(reports);
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(startedAt, "startedAt");
    }
}
