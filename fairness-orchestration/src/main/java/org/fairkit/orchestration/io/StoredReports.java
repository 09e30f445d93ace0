package org.fairkit.orchestration.io;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.fairkit.core.Estimand;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.GroupResults;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.Metrics;

/**
 * A {@link StoredReport} (a report read back from JSON or the history) as a live {@link FairnessReport}, for the
 * consumers that take one: the model card, the documents' trend section, the metrics export. The point estimates
 * are re-derived from the stored per-group counts ({@link StoredReport#results()}); the intervals of the group
 * values and of the named fairness metrics (headline and per-group family) are the stored ones; the provenance is
 * the stored one. Score metrics are not carried (counts do not keep scores).
 */
public final class StoredReports {
    private StoredReports() {
    }

    /**
     * @return the stored report as a live report
     * @throws IllegalStateException when the document has no per-group counts (see {@link StoredReport#results()})
     */
    public static FairnessReport toReport(StoredReport stored) {
        GroupResults results = stored.results();
        Map<Estimand, Interval> intervals = new LinkedHashMap<>();
        for (StoredReport.Group g : stored.groups()) {
            GroupKey key = g.key();
            for (Map.Entry<String, EstimatedValue> e : g.metrics().entrySet()) {
                Optional<Interval> i = e.getValue().interval();
                if (i.isPresent() && stored.metrics().contains(e.getKey())) {
                    intervals.put(Estimand.groupValue(Metrics.byId(e.getKey()), key), i.get());
                }
            }
        }
        for (Map.Entry<String, StoredReport.StoredDisparity> e : stored.fairnessMetrics().entrySet()) {
            FairnessMetric f = FairnessMetric.byId(e.getKey());
            e.getValue().value().interval().ifPresent(i -> intervals.put(Estimand.fairness(f), i));
            for (StoredReport.StoredDisparity member : e.getValue().byGroup()) {
                if (member.groups().isEmpty()) {
                    continue;
                }
                Optional<StoredReport.Group> g = stored.group(member.groups().get(0));
                member.value().interval().ifPresent(i -> g.ifPresent(
                        x -> intervals.put(Estimand.fairness(f, x.key()), i)));
            }
        }
        return FairnessReport.of(results, intervals, stored.provenance());
    }
}
