package org.fairkit.orchestration.monitor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.fairkit.core.Provenance;
import org.fairkit.core.TaskReport;
import org.fairkit.core.group.Grouping;
import org.fairkit.core.group.SensitiveFeature;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.GroupValues;

/** What the {@link WindowTally} implementations share. */
final class Tallies {
    private Tallies() {
    }

    /** Checks a tally's grouping. */
    static List<String> features(List<String> groupBy) {
        List<String> f = List.copyOf(groupBy);
        if (f.isEmpty()) {
            throw new IllegalArgumentException("groupBy must name at least one sensitive feature");
        }
        if (f.stream().distinct().count() != f.size()) {
            throw new IllegalArgumentException("groupBy must name distinct features, got " + f);
        }
        return f;
    }

    /** The groups of these level combinations, ordered as core orders string levels (each feature's in order). */
    static Grouping grouping(List<String> features, Collection<List<String>> keys) {
        List<List<String>> ks = new ArrayList<>(keys);
        List<SensitiveFeature> fs = new ArrayList<>();
        for (int j = 0; j < features.size(); j++) {
            String[] column = new String[ks.size()];
            for (int r = 0; r < ks.size(); r++) {
                column[r] = ks.get(r).get(j);
            }
            fs.add(SensitiveFeature.of(features.get(j), column));
        }
        return Grouping.of(fs);
    }

    /** Checks that a tally to merge is of the same task and grouping. */
    static void requireSameShape(WindowTally a, WindowTally b) {
        Objects.requireNonNull(b, "other");
        if (a.task() != b.task()) {
            throw new IllegalArgumentException("cannot merge a " + a.task().id() + " tally with a " + b.task().id()
                    + " tally");
        }
        if (!a.groupBy().equals(b.groupBy())) {
            throw new IllegalArgumentException("cannot merge tallies grouped by " + a.groupBy() + " and by "
                    + b.groupBy());
        }
    }

    /** @return the report with this provenance (its metrics, disparities, intervals and warnings unchanged) */
    static TaskReport withProvenance(TaskReport r, Provenance p) {
        TaskReport.Builder b = TaskReport.builder(r.task(), r.groupBy(), r.groups(), r.sizes());
        for (GroupValues v : r.metrics()) {
            b.metric(v);
        }
        for (Disparity d : r.namedDisparities()) {
            b.disparity(d);
        }
        return b.warnings(r.warnings()).provenance(p).build().withIntervals(r.groupIntervals(),
                r.disparityIntervals());
    }
}
