package org.fairkit.orchestration.run;

import java.util.List;
import java.util.Objects;
import org.fairkit.core.FairnessReport;

/**
 * What {@link AuditRunner#run} returns: the run record and the reports it was written from.
 *
 * @param record the run record (also written to {@code run-record.json})
 * @param reports one report per plan grouping, in order
 */
public record AuditResult(RunRecord record, List<FairnessReport> reports) {
    /** Validates and copies. */
    public AuditResult {
        Objects.requireNonNull(record, "record");
        reports = List.copyOf(reports);
    }
}
