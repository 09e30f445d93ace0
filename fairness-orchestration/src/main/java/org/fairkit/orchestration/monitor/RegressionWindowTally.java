package org.fairkit.orchestration.monitor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fairkit.core.Provenance;
import org.fairkit.core.Task;
import org.fairkit.core.TaskReport;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.group.Grouping;
import org.fairkit.core.regression.ErrorSums;
import org.fairkit.core.regression.GroupErrorSums;
import org.fairkit.core.regression.RegressionData;
import org.fairkit.core.regression.RegressionReport;

/**
 * The {@link Task#REGRESSION} {@link WindowTally}: each group's {@link ErrorSums}, merged by
 * {@link ErrorSums#plus}.
 */
final class RegressionWindowTally implements WindowTally {
    private final List<String> features;
    /** Null until the first non-empty batch fixes it. */
    private final Boolean weighted;
    private final Map<List<String>, ErrorSums> sums;
    private final long rows;

    private RegressionWindowTally(List<String> features, Boolean weighted, Map<List<String>, ErrorSums> sums) {
        this.features = features;
        this.weighted = weighted;
        this.sums = Collections.unmodifiableMap(sums);
        long n = 0;
        for (ErrorSums s : sums.values()) {
            n += s.rows();
        }
        this.rows = n;
    }

    static RegressionWindowTally empty(List<String> groupBy) {
        return new RegressionWindowTally(Tallies.features(groupBy), null, new LinkedHashMap<>());
    }

    /**
     * One pass over the batch's rows in order ({@link RegressionData#tally}), keyed by group levels.
     *
     * @throws IllegalArgumentException naming the batch if it lacks a feature
     */
    static RegressionWindowTally of(RegressionData data, List<String> groupBy, String what) {
        List<String> by = Tallies.features(groupBy);
        Grouping g;
        GroupErrorSums t;
        try {
            g = data.grouping(by);
            t = data.tally(by);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
        }
        Map<List<String>, ErrorSums> out = new LinkedHashMap<>();
        for (int i = 0; i < g.groupCount(); i++) {
            if (t.group(i).rows() > 0) {
                out.put(g.groups().get(i).levels(), t.group(i));
            }
        }
        return new RegressionWindowTally(by, data.hasWeights(), out);
    }

    @Override
    public Task task() {
        return Task.REGRESSION;
    }

    @Override
    public List<String> groupBy() {
        return features;
    }

    @Override
    public long size() {
        return rows;
    }

    @Override
    public Set<List<String>> groupLevels() {
        return new LinkedHashSet<>(sums.keySet());
    }

    @Override
    public WindowTally merge(WindowTally other) {
        Tallies.requireSameShape(this, other);
        RegressionWindowTally o = (RegressionWindowTally) other;
        if (weighted != null && o.weighted != null && !weighted.equals(o.weighted)) {
            throw new IllegalArgumentException("cannot merge a weighted regression tally with an unweighted one");
        }
        Map<List<String>, ErrorSums> out = new LinkedHashMap<>(sums);
        o.sums.forEach((k, s) -> out.merge(k, s, ErrorSums::plus));
        return new RegressionWindowTally(features, weighted != null ? weighted : o.weighted, out);
    }

    @Override
    public TaskReport report(WindowSpec spec, Provenance provenance) {
        if (rows == 0) {
            throw new IllegalStateException("the tally has no rows; expected at least one row");
        }
        if (!spec.settings().groupBy().equals(features)) {
            throw new IllegalArgumentException("the spec groups by " + spec.settings().groupBy()
                    + " but this tally is keyed by " + features);
        }
        Grouping g = Tallies.grouping(features, sums.keySet());
        List<ErrorSums> ordered = new ArrayList<>();
        for (GroupKey k : g.groups()) {
            ordered.add(sums.get(k.levels()));
        }
        return RegressionReport.of(g, GroupErrorSums.of(ordered), spec.regressionMetrics(),
                spec.regressionFairnessMetrics(), spec.settings(), provenance).asTaskReport();
    }

    /** @return whether the rows carry weights (false before any row) */
    boolean isWeighted() {
        return weighted != null && weighted;
    }

    @Override
    public String toString() {
        return "WindowTally[regression, " + rows + " rows, groups " + sums.keySet() + "]";
    }
}
