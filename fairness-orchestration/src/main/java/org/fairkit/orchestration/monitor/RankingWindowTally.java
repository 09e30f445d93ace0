package org.fairkit.orchestration.monitor;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.fairkit.core.Provenance;
import org.fairkit.core.Task;
import org.fairkit.core.TaskReport;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.ranking.ExposureTally;
import org.fairkit.core.ranking.RankingReport;

/**
 * The {@link Task#RANKING} {@link WindowTally}: the {@link ExposureTally} of every ranking in the window. Its report
 * is {@link ExposureTally#report()} (exposure pooled over the items of all rankings); the reference group and the
 * minimum group size of the settings do not apply to it.
 */
final class RankingWindowTally implements WindowTally {
    private final List<String> features;
    private final ExposureTally tally;

    private RankingWindowTally(List<String> features, ExposureTally tally) {
        this.features = features;
        this.tally = tally;
    }

    static RankingWindowTally empty(List<String> groupBy) {
        List<String> by = Tallies.features(groupBy);
        return new RankingWindowTally(by, ExposureTally.empty(by, false));
    }

    /**
     * @throws IllegalArgumentException naming the batch and the ranking if a ranking groups by other features, or
     *     the rankings disagree on relevance
     */
    static RankingWindowTally of(List<RankingReport> rankings, List<String> groupBy, String what) {
        List<String> by = Tallies.features(groupBy);
        ExposureTally t = ExposureTally.empty(by, false);
        for (int q = 0; q < rankings.size(); q++) {
            RankingReport r = rankings.get(q);
            List<String> f = r.exposure().groups().get(0).features();
            if (!f.equals(by)) {
                throw new IllegalArgumentException(what + ", ranking " + q + ": groups its items by " + f
                        + ", but the monitor groups by " + by + "; build each ranking with exactly these sensitive "
                        + "features");
            }
            try {
                t = t.add(r);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(what + ", ranking " + q + ": " + e.getMessage(), e);
            }
        }
        return new RankingWindowTally(by, t);
    }

    @Override
    public Task task() {
        return Task.RANKING;
    }

    @Override
    public List<String> groupBy() {
        return features;
    }

    /** @return the items over all rankings */
    @Override
    public long size() {
        long n = 0;
        for (GroupKey g : tally.groups()) {
            n += tally.items(g);
        }
        return n;
    }

    /** @return the rankings tallied */
    long rankings() {
        return tally.rankings();
    }

    @Override
    public Set<List<String>> groupLevels() {
        Set<List<String>> out = new LinkedHashSet<>();
        for (GroupKey g : tally.groups()) {
            out.add(g.levels());
        }
        return out;
    }

    @Override
    public WindowTally merge(WindowTally other) {
        Tallies.requireSameShape(this, other);
        return new RankingWindowTally(features, tally.merge(((RankingWindowTally) other).tally));
    }

    @Override
    public TaskReport report(WindowSpec spec, Provenance provenance) {
        if (isEmpty()) {
            throw new IllegalStateException("the tally has no items; expected at least one ranked item");
        }
        if (!spec.settings().groupBy().equals(features)) {
            throw new IllegalArgumentException("the spec groups by " + spec.settings().groupBy()
                    + " but this tally is keyed by " + features);
        }
        return Tallies.withProvenance(tally.report(), provenance);
    }

    @Override
    public String toString() {
        return "WindowTally[ranking, " + tally + "]";
    }
}
