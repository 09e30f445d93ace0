package org.fairkit.core.ranking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.core.group.Grouping;
import org.fairkit.core.group.SensitiveFeature;

/**
 * One ranked list of items: each item's group (one sensitive feature or the intersection of several), its place in
 * the ranking, and optionally its graded relevance (merit, utility). Immutable; arrays are copied.
 *
 * <p>The place comes either from {@link Builder#positions(int[]) positions} (a permutation of {@code 1..n}) or from
 * {@link Builder#scores(double[]) scores} (higher first). Items with equal scores are <em>tied</em>: they share the
 * positions of their tie block, and every metric gives each of them the average over those positions, which is the
 * expected value under a uniformly random order of the tied items (as scikit-learn's {@code ndcg_score} averages
 * tied scores, McSherry &amp; Najork 2008). The result therefore does not depend on the order in which items are given.
 *
 * <pre>{@code
 * Ranking r = Ranking.builder().sensitive("gender", gender).scores(score).relevance(qualified).build();
 * }</pre>
 */
public final class Ranking {
    private final Grouping grouping;
    private final int[] first;
    private final int[] last;
    private final double[] relevance;

    private Ranking(Grouping grouping, int[] first, int[] last, double[] relevance) {
        this.grouping = grouping;
        this.first = first;
        this.last = last;
        this.relevance = relevance;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the number of items */
    public int items() {
        return first.length;
    }

    /** @return the groups of the items */
    public Grouping grouping() {
        return grouping;
    }

    /** @return the first position of item {@code i}'s tie block (its position when it is not tied), 1-based */
    public int firstPosition(int i) {
        return first[i];
    }

    /** @return the last position of item {@code i}'s tie block (its position when it is not tied), 1-based */
    public int lastPosition(int i) {
        return last[i];
    }

    /** @return whether relevance was given */
    public boolean hasRelevance() {
        return relevance != null;
    }

    /**
     * @return item {@code i}'s relevance
     * @throws IllegalStateException if no relevance was given
     */
    public double relevance(int i) {
        return relevanceColumn()[i];
    }

    double[] relevanceColumn() {
        if (relevance == null) {
            throw new IllegalStateException("the ranking has no relevance; set it with relevance(...)");
        }
        return relevance;
    }

    @Override
    public String toString() {
        int tied = 0;
        for (int i = 0; i < first.length; i++) {
            tied += first[i] != last[i] ? 1 : 0;
        }
        return "Ranking[" + first.length + " items, " + grouping.groupCount() + " groups of "
                + String.join(" x ", grouping.features()) + (tied > 0 ? ", " + tied + " tied items" : "")
                + (relevance == null ? "" : ", with relevance") + "]";
    }

    /** Collects the columns of a {@link Ranking}; {@link #build()} validates them. Each column is set once. */
    public static final class Builder {
        private final Map<String, String[]> sensitive = new LinkedHashMap<>();
        private int[] positions;
        private double[] scores;
        private double[] relevance;
        private String firstColumn;
        private int rows = -1;

        private Builder() {
        }

        private void length(String column, int length) {
            if (rows < 0) {
                rows = length;
                firstColumn = column;
            } else if (length != rows) {
                throw InputErrors.lengthMismatch(column, length, firstColumn, rows);
            }
        }

        /**
         * A sensitive feature, one level per item. Several features group items by their intersection.
         *
         * @throws IllegalArgumentException if the name repeats or the length differs from earlier columns
         */
        public Builder sensitive(String name, String[] levels) {
            Objects.requireNonNull(levels, name);
            if (sensitive.containsKey(name)) {
                throw InputErrors.setTwice(name);
            }
            length(name, levels.length);
            sensitive.put(name, levels.clone());
            return this;
        }

        /**
         * Each item's position, a permutation of {@code 1..n} (1 = top). Exclusive with {@link #scores(double[])}.
         *
         * @throws IllegalStateException if positions or scores are already set
         */
        public Builder positions(int[] values) {
            Objects.requireNonNull(values, "positions");
            placeOnce("positions");
            length("positions", values.length);
            positions = values.clone();
            return this;
        }

        /**
         * Each item's score; higher scores rank first, equal scores are tied. Exclusive with {@link #positions(int[])}.
         *
         * @throws IllegalStateException if positions or scores are already set
         */
        public Builder scores(double[] values) {
            Objects.requireNonNull(values, "scores");
            placeOnce("scores");
            length("scores", values.length);
            scores = values.clone();
            return this;
        }

        private void placeOnce(String column) {
            if (positions != null || scores != null) {
                throw new IllegalStateException("column '" + column + "': the ranking is already set by "
                        + (positions != null ? "positions" : "scores") + "; set positions or scores, once");
            }
        }

        /**
         * Each item's graded relevance (0 = not relevant), finite and {@code >= 0}. Needed by the relevance-based
         * metrics (exposure per relevance, NDCG, precision).
         */
        public Builder relevance(double[] values) {
            Objects.requireNonNull(values, "relevance");
            if (relevance != null) {
                throw InputErrors.setTwice("relevance");
            }
            length("relevance", values.length);
            relevance = values.clone();
            return this;
        }

        /**
         * @return the ranking
         * @throws IllegalArgumentException naming the column and the first bad item: no sensitive feature, no
         *     positions or scores, no items, a position outside {@code 1..n} or used twice, a score that is NaN or
         *     infinite, a relevance that is negative, NaN or infinite, or a null level
         */
        public Ranking build() {
            if (sensitive.isEmpty()) {
                throw InputErrors.missing("sensitive", "sensitive(name, levels)");
            }
            if (positions == null && scores == null) {
                throw InputErrors.missing("positions", "positions(...) or scores(...)");
            }
            int n = rows;
            if (n == 0) {
                throw InputErrors.empty();
            }
            List<SensitiveFeature> features = new ArrayList<>();
            sensitive.forEach((name, levels) -> features.add(SensitiveFeature.of(name, levels)));
            Grouping grouping = Grouping.of(features);
            int[] first = new int[n];
            int[] last = new int[n];
            if (positions != null) {
                int[] holder = new int[n + 1];
                Arrays.fill(holder, -1);
                for (int i = 0; i < n; i++) {
                    int p = positions[i];
                    if (p < 1 || p > n) {
                        throw InputErrors.badValue("positions", i, p, "a position in 1.." + n);
                    }
                    if (holder[p] >= 0) {
                        throw InputErrors.badValue("positions", i, p,
                                "a position not already held (row " + holder[p] + " has it)");
                    }
                    holder[p] = i;
                    first[i] = p;
                    last[i] = p;
                }
            } else {
                for (int i = 0; i < n; i++) {
                    if (!Double.isFinite(scores[i])) {
                        throw InputErrors.badValue("scores", i, scores[i], "a finite number");
                    }
                }
                Integer[] order = new Integer[n];
                for (int i = 0; i < n; i++) {
                    order[i] = i;
                }
                Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
                int start = 0;
                while (start < n) {
                    int end = start;
                    while (end + 1 < n && scores[order[end + 1]] == scores[order[start]]) {
                        end++;
                    }
                    for (int r = start; r <= end; r++) {
                        first[order[r]] = start + 1;
                        last[order[r]] = end + 1;
                    }
                    start = end + 1;
                }
            }
            if (relevance != null) {
                for (int i = 0; i < n; i++) {
                    double v = relevance[i];
                    if (!(v >= 0) || v == Double.POSITIVE_INFINITY) {
                        throw InputErrors.badValue("relevance", i, v, "a finite number >= 0");
                    }
                }
            }
            return new Ranking(grouping, first, last, relevance);
        }
    }
}
