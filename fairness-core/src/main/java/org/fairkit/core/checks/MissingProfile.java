package org.fairkit.core.checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.group.Grouping;

/**
 * Where values are missing, by group: each feature's missing rate per group, the share of each group's rows with
 * any missing value (the rows a complete-case analysis would drop), and the missingness patterns (which set of
 * features is missing together) with their row counts per group. Immutable.
 */
public final class MissingProfile {
    /**
     * A missingness pattern and how many rows of each group have it.
     *
     * @param missing the features missing together (empty: complete rows), in table order
     * @param rowsPerGroup rows with exactly this pattern, per group in grouping order
     */
    public record Pattern(List<String> missing, List<Long> rowsPerGroup) {
        /** Copies. */
        public Pattern {
            missing = List.copyOf(missing);
            rowsPerGroup = List.copyOf(rowsPerGroup);
        }
    }

    private final List<GroupKey> groups;
    private final int[] size;
    private final List<String> features;
    private final long[][] missing;
    private final long[] incomplete;
    private final List<Pattern> patterns;

    private MissingProfile(List<GroupKey> groups, int[] size, List<String> features, long[][] missing,
            long[] incomplete, List<Pattern> patterns) {
        this.groups = groups;
        this.size = size;
        this.features = features;
        this.missing = missing;
        this.incomplete = incomplete;
        this.patterns = patterns;
    }

    /**
     * The profile of a feature table over a grouping of the same rows.
     *
     * @throws IllegalArgumentException if the row counts differ
     */
    public static MissingProfile of(FeatureTable table, Grouping grouping) {
        Objects.requireNonNull(table, "features");
        Objects.requireNonNull(grouping, "grouping");
        if (table.rows() != grouping.rows()) {
            throw InputErrors.lengthMismatch("features", table.rows(), "grouping " + grouping.features(),
                    grouping.rows());
        }
        List<String> names = table.names();
        int groupCount = grouping.groupCount();
        int[] size = new int[groupCount];
        long[][] missing = new long[names.size()][groupCount];
        long[] incomplete = new long[groupCount];
        Map<List<String>, long[]> byPattern = new LinkedHashMap<>();
        boolean[] row = new boolean[names.size()];
        for (int i = 0; i < table.rows(); i++) {
            int g = grouping.groupOf(i);
            size[g]++;
            boolean any = false;
            for (int f = 0; f < names.size(); f++) {
                row[f] = table.isMissing(names.get(f), i);
                if (row[f]) {
                    missing[f][g]++;
                    any = true;
                }
            }
            if (any) {
                incomplete[g]++;
            }
            List<String> key = new ArrayList<>();
            for (int f = 0; f < names.size(); f++) {
                if (row[f]) {
                    key.add(names.get(f));
                }
            }
            byPattern.computeIfAbsent(List.copyOf(key), k -> new long[groupCount])[g]++;
        }
        List<Pattern> patterns = new ArrayList<>();
        byPattern.forEach((k, counts) -> patterns.add(new Pattern(k, Arrays.stream(counts).boxed().toList())));
        // Most frequent first; ties by fewer missing features, then by name, so row order does not matter.
        patterns.sort(Comparator
                .<Pattern>comparingLong(p -> -p.rowsPerGroup().stream().mapToLong(Long::longValue).sum())
                .thenComparingInt(p -> p.missing().size()).thenComparing(p -> String.join("\u0000", p.missing())));
        return new MissingProfile(grouping.groups(), size, names, missing, incomplete, List.copyOf(patterns));
    }

    /** @return the groups, in grouping order */
    public List<GroupKey> groups() {
        return groups;
    }

    /** @return the features, in table order */
    public List<String> features() {
        return features;
    }

    /** @return the number of rows of group {@code g} */
    public int size(int g) {
        return size[g];
    }

    /**
     * @return the share of group {@code g}'s rows whose {@code feature} is missing
     * @throws IllegalArgumentException if the feature is unknown
     */
    public double missingRate(String feature, int g) {
        int f = features.indexOf(feature);
        if (f < 0) {
            throw new IllegalArgumentException("no feature named '" + feature + "'; the table has " + features);
        }
        return (double) missing[f][g] / size[g];
    }

    /**
     * @return the number of group {@code g}'s rows whose {@code feature} is missing (the numerator of
     *     {@link #missingRate(String, int)})
     * @throws IllegalArgumentException if the feature is unknown
     */
    public long missingCount(String feature, int g) {
        int f = features.indexOf(feature);
        if (f < 0) {
            throw new IllegalArgumentException("no feature named '" + feature + "'; the table has " + features);
        }
        return missing[f][g];
    }

    /** @return the share of group {@code g}'s rows with at least one missing value */
    public double incompleteRate(int g) {
        return (double) incomplete[g] / size[g];
    }

    /** @return every missingness pattern that occurs, the most frequent first */
    public List<Pattern> patterns() {
        return patterns;
    }
}
