package org.fairkit.orchestration.monitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.Provenance;
import org.fairkit.core.Task;
import org.fairkit.core.TaskReport;
import org.fairkit.core.group.SensitiveFeature;
import org.fairkit.orchestration.io.GroupTally;

/** The {@link Task#BINARY} {@link WindowTally}: per-group confusion counts (and score histograms) in a {@link GroupTally}. */
final class BinaryWindowTally implements WindowTally {
    private final GroupTally tally;

    private BinaryWindowTally(GroupTally tally) {
        this.tally = tally;
    }

    static BinaryWindowTally empty(List<String> groupBy, boolean weighted, int bins) {
        return new BinaryWindowTally(GroupTally.create(Tallies.features(groupBy), weighted, bins));
    }

    /**
     * @param what the batch's name in error messages
     * @throws IllegalArgumentException if the batch lacks a feature, or scores when {@code bins > 0}
     */
    static BinaryWindowTally of(FairnessData data, List<String> groupBy, int bins, String what) {
        List<String> by = Tallies.features(groupBy);
        List<SensitiveFeature> features = new ArrayList<>();
        for (String f : by) {
            try {
                features.add(data.sensitive(f));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
            }
        }
        if (bins > 0 && !data.hasScores()) {
            throw new IllegalArgumentException(what + " has no scores, but the monitor keeps score histograms "
                    + "(scoreBins = " + bins + ")");
        }
        GroupTally t = GroupTally.create(by, data.hasWeights(), bins);
        String[] levels = new String[features.size()];
        for (int i = 0; i < data.rows(); i++) {
            for (int j = 0; j < levels.length; j++) {
                levels[j] = features.get(j).level(i);
            }
            t.accept(Arrays.asList(levels), data.label(i), data.prediction(i), data.weight(i),
                    data.hasScores() ? data.score(i) : Double.NaN);
        }
        return new BinaryWindowTally(t);
    }

    /** @return the counts (read only: callers must not change them) */
    GroupTally counts() {
        return tally;
    }

    @Override
    public Task task() {
        return Task.BINARY;
    }

    @Override
    public List<String> groupBy() {
        return tally.features();
    }

    @Override
    public long size() {
        return tally.rows();
    }

    @Override
    public Set<List<String>> groupLevels() {
        return new LinkedHashSet<>(tally.groupLevels());
    }

    @Override
    public WindowTally merge(WindowTally other) {
        Tallies.requireSameShape(this, other);
        BinaryWindowTally o = (BinaryWindowTally) other;
        if (o.isEmpty() && o.tally.scoreBins() == tally.scoreBins()) {
            return this;
        }
        if (isEmpty() && o.tally.scoreBins() == tally.scoreBins()) {
            return o;
        }
        return new BinaryWindowTally(tally.copy().combine(o.tally));
    }

    /** @return the window's binary report */
    FairnessReport fairnessReport(WindowSpec spec, Provenance provenance) {
        return tally.report(spec.settings(), provenance);
    }

    @Override
    public TaskReport report(WindowSpec spec, Provenance provenance) {
        return fairnessReport(spec, provenance).asTaskReport();
    }

    @Override
    public String toString() {
        return "WindowTally[binary, " + tally + "]";
    }
}
