package org.fairkit.orchestration.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.fairkit.core.EvaluationSpec;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.GroupResults;
import org.fairkit.core.Provenance;
import org.fairkit.core.group.Grouping;
import org.fairkit.core.group.SensitiveFeature;
import org.fairkit.core.tally.CellCounts;
import org.fairkit.core.tally.ConfusionTally;
import org.fairkit.core.tally.GroupConfusion;

/**
 * A mergeable tally of confusion counts (and, optionally, score histograms) keyed by group levels, for inputs whose
 * groups are not known before the last row: a streamed file, a stream of monitoring batches.
 *
 * <p>Each group's counts are a one-group {@link ConfusionTally}, so counts are exact {@code long}s and weight sums
 * are Neumaier-compensated exactly as in core. {@link #grouping()} orders the groups exactly as
 * {@code FairnessData.grouping(features)} orders string levels (each feature's levels in {@link String} order,
 * intersections lexicographically, only combinations that occur), so {@link #report} derives the same
 * {@link FairnessReport} numbers as {@code Fairness.of(data).evaluate()} over the same rows: bit for bit for
 * unweighted rows and for weights whose partial sums are exact (integers, dyadic fractions), and within rounding of
 * compensated summation (about 1e-15 relative) for arbitrary real weights, whose summation order differs from
 * core's chunked kernel.
 *
 * <p>Laws: {@link #create} is the identity of {@link #combine}; {@code combine} is associative and commutative
 * (exactly for counts, integer weights and histograms). {@code combine} checks compatibility before it changes
 * anything. Not thread-safe: confine an instance to one thread and combine the results.
 *
 * <p>Memory: one entry per group (4 longs, 8 doubles when weighted, {@code bins} longs), never per row.
 */
public final class GroupTally {
    private final List<String> features;
    private final boolean weighted;
    private final int bins;
    private final Map<List<String>, Entry> entries = new LinkedHashMap<>();
    private long rows;

    private static final class Entry {
        final ConfusionTally counts;
        final long[] histogram;

        Entry(boolean weighted, int bins) {
            counts = ConfusionTally.create(1, weighted);
            histogram = bins == 0 ? null : new long[bins];
        }
    }

    private GroupTally(List<String> features, boolean weighted, int bins) {
        this.features = features;
        this.weighted = weighted;
        this.bins = bins;
    }

    /**
     * An empty tally.
     *
     * @param features the sensitive features whose levels key the groups, in grouping order (at least one)
     * @param weighted whether rows carry weights
     * @param scoreBins equal-width bins of {@code [0, 1]} for per-group score histograms, or 0 for none
     * @throws IllegalArgumentException for no feature, a repeated feature or a negative bin count
     */
    public static GroupTally create(List<String> features, boolean weighted, int scoreBins) {
        List<String> f = List.copyOf(features);
        if (f.isEmpty()) {
            throw new IllegalArgumentException("features must name at least one sensitive feature");
        }
        if (f.stream().distinct().count() != f.size()) {
            throw new IllegalArgumentException("features must be distinct, got " + f);
        }
        if (scoreBins < 0 || scoreBins == 1) {
            throw new IllegalArgumentException("scoreBins must be 0 (no histograms) or >= 2, got " + scoreBins);
        }
        return new GroupTally(f, weighted, scoreBins);
    }

    /** @return the features whose levels key the groups */
    public List<String> features() {
        return features;
    }

    /** @return whether rows carry weights */
    public boolean isWeighted() {
        return weighted;
    }

    /** @return the number of score bins, 0 when no histograms are kept */
    public int scoreBins() {
        return bins;
    }

    /** @return the number of rows tallied */
    public long rows() {
        return rows;
    }

    /** @return the number of groups seen so far */
    public int groupCount() {
        return entries.size();
    }

    /** @return whether no row has been tallied */
    public boolean isEmpty() {
        return rows == 0;
    }

    /** @return the groups seen so far (one level per feature), in first-seen order */
    public List<List<String>> groupLevels() {
        return List.copyOf(entries.keySet());
    }

    /**
     * Counts one row.
     *
     * @param levels the row's level of each feature, in {@link #features()} order
     * @param label 0 or 1
     * @param prediction 0 or 1
     * @param weight the row's weight (finite, {@code >= 0}); ignored when unweighted
     * @param score the row's score in {@code [0, 1]}, or NaN when the row has none (required when histograms are
     *     kept)
     * @throws IllegalArgumentException for a value outside its domain; nothing is counted then
     */
    public void accept(List<String> levels, int label, int prediction, double weight, double score) {
        if (levels.size() != features.size()) {
            throw new IllegalArgumentException("expected one level per feature " + features + ", got " + levels);
        }
        int bin = -1;
        if (bins > 0) {
            if (!(score >= 0 && score <= 1)) {
                throw new IllegalArgumentException("score must be in [0, 1] for the score histogram, got " + score);
            }
            bin = Math.min(bins - 1, (int) (score * bins));
        }
        if (weighted && (!(weight >= 0) || Double.isInfinite(weight))) {
            throw new IllegalArgumentException("weight must be finite and >= 0, got " + weight);
        }
        if ((label & ~1) != 0 || (prediction & ~1) != 0) {
            throw new IllegalArgumentException(
                    "label and prediction must be 0 or 1, got label " + label + " and prediction " + prediction);
        }
        Entry e = entries.get(levels);
        if (e == null) {
            for (String l : levels) {
                Objects.requireNonNull(l, "level");
            }
            e = new Entry(weighted, bins);
            entries.put(List.copyOf(levels), e);
        }
        if (weighted) {
            e.counts.accept(0, label, prediction, weight);
        } else {
            e.counts.accept(0, label, prediction);
        }
        if (bin >= 0) {
            e.histogram[bin]++;
        }
        rows++;
    }

    /**
     * Counts {@code count} identical unweighted rows of one group at once, as {@code count} calls of
     * {@link #accept} would (for {@link PlainCsv}, which tallies by group codes first).
     *
     * @throws IllegalArgumentException for a weighted tally, a tally with score bins, or a value outside its domain
     */
    void acceptRows(List<String> levels, int label, int prediction, long count) {
        if (weighted || bins > 0) {
            throw new IllegalArgumentException("acceptRows counts unweighted rows without scores; this tally is "
                    + describeShape());
        }
        if (levels.size() != features.size()) {
            throw new IllegalArgumentException("expected one level per feature " + features + ", got " + levels);
        }
        if (count == 0) {
            return;
        }
        Entry e = entries.get(levels);
        if (e == null) {
            for (String l : levels) {
                Objects.requireNonNull(l, "level");
            }
            e = new Entry(false, 0);
            entries.put(List.copyOf(levels), e);
        }
        e.counts.acceptRows(0, label, prediction, count);
        rows += count;
    }

    /**
     * Adds another tally into this one; {@code other} is not changed.
     *
     * @return this tally
     * @throws IllegalArgumentException if the features, weighting or bins differ (checked before any change)
     */
    public GroupTally combine(GroupTally other) {
        if (!features.equals(other.features) || weighted != other.weighted || bins != other.bins) {
            throw new IllegalArgumentException("cannot combine a tally of " + describeShape() + " with one of "
                    + other.describeShape());
        }
        for (Map.Entry<List<String>, Entry> o : other.entries.entrySet()) {
            Entry e = entries.computeIfAbsent(o.getKey(), k -> new Entry(weighted, bins));
            e.counts.combine(o.getValue().counts);
            if (e.histogram != null) {
                for (int b = 0; b < bins; b++) {
                    e.histogram[b] += o.getValue().histogram[b];
                }
            }
        }
        rows += other.rows;
        return this;
    }

    /** @return an independent copy */
    public GroupTally copy() {
        return create(features, weighted, bins).combine(this);
    }

    private String describeShape() {
        return "features " + features + (weighted ? ", weighted" : ", unweighted") + ", " + bins + " score bins";
    }

    /**
     * The groups as {@code FairnessData.grouping(features)} would order them over the same rows.
     *
     * @throws IllegalStateException if no row has been tallied
     */
    public Grouping grouping() {
        requireRows();
        List<List<String>> keys = sortedKeys();
        List<SensitiveFeature> fs = new ArrayList<>();
        for (int j = 0; j < features.size(); j++) {
            String[] column = new String[keys.size()];
            for (int r = 0; r < keys.size(); r++) {
                column[r] = keys.get(r).get(j);
            }
            fs.add(SensitiveFeature.of(features.get(j), column));
        }
        return Grouping.of(fs);
    }

    private List<List<String>> sortedKeys() {
        List<List<String>> keys = new ArrayList<>(entries.keySet());
        keys.sort((a, b) -> {
            for (int j = 0; j < a.size(); j++) {
                int c = a.get(j).compareTo(b.get(j));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        });
        return keys;
    }

    /**
     * The per-group counts in the order of {@link #grouping()}.
     *
     * @throws IllegalStateException if no row has been tallied
     */
    public GroupConfusion confusion() {
        Grouping g = grouping();
        CellCounts[] counts = new CellCounts[g.groupCount()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = entries.get(g.groups().get(i).levels()).counts.snapshot().group(0);
        }
        return GroupConfusion.of(counts);
    }

    /** @return one group's counts, empty counts for a group never seen */
    public CellCounts counts(List<String> levels) {
        Entry e = entries.get(levels);
        return e == null ? CellCounts.empty(weighted) : e.counts.snapshot().group(0);
    }

    /**
     * One group's score histogram: counts of rows (never weighted) per equal-width bin of {@code [0, 1]}; the last
     * bin is closed ({@code [1 - 1/bins, 1]}).
     *
     * @return a copy of the counts, all 0 for a group never seen
     * @throws IllegalStateException if no histograms are kept
     */
    public long[] scoreHistogram(List<String> levels) {
        if (bins == 0) {
            throw new IllegalStateException("this tally keeps no score histograms (scoreBins = 0)");
        }
        Entry e = entries.get(levels);
        return e == null ? new long[bins] : e.histogram.clone();
    }

    /** @return every group's score histogram, groups in {@link #grouping()} order */
    public Map<List<String>, long[]> scoreHistograms() {
        Map<List<String>, long[]> out = new LinkedHashMap<>();
        for (List<String> k : sortedKeys()) {
            out.put(k, scoreHistogram(k));
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Derives a report from the counts.
     *
     * @param spec what to compute; its {@code groupBy} must equal {@link #features()}
     * @param provenance where the counts came from (the caller knows: a file's hash, a window's range)
     * @throws IllegalArgumentException if the spec groups by other features, or its reference group has no rows
     * @throws IllegalStateException if no row has been tallied
     */
    public FairnessReport report(EvaluationSpec spec, Provenance provenance) {
        if (!spec.groupBy().equals(features)) {
            throw new IllegalArgumentException("the spec groups by " + spec.groupBy() + " but this tally is keyed by "
                    + features);
        }
        Grouping g = grouping();
        return FairnessReport.of(GroupResults.derive(spec, g, confusion()), Map.of(), provenance);
    }

    private void requireRows() {
        if (rows == 0) {
            throw new IllegalStateException("the tally has no rows; expected at least one row");
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof GroupTally)) {
            return false;
        }
        GroupTally t = (GroupTally) o;
        if (!features.equals(t.features) || weighted != t.weighted || bins != t.bins || rows != t.rows
                || !entries.keySet().equals(t.entries.keySet())) {
            return false;
        }
        for (Map.Entry<List<String>, Entry> e : entries.entrySet()) {
            Entry other = t.entries.get(e.getKey());
            if (!e.getValue().counts.snapshot().equals(other.counts.snapshot())
                    || !Arrays.equals(e.getValue().histogram, other.histogram)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Objects.hash(features, weighted, bins, rows, entries.keySet());
    }

    @Override
    public String toString() {
        Map<String, CellCounts> byGroup = new TreeMap<>();
        entries.forEach((k, v) -> byGroup.put(org.fairkit.core.group.GroupKey.label(k), v.counts.snapshot().group(0)));
        return "GroupTally[" + String.join(" x ", features) + ", " + rows + " rows, " + byGroup + "]";
    }
}
