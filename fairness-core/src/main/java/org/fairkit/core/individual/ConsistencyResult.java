package org.fairkit.core.individual;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.core.group.Grouping;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.ZeroDivision;

/**
 * The outcome of a {@link Consistency} evaluation: the value, how many rows had an ambiguous neighbour set (ties at
 * the k-th distance), and the range of values that other tie-breaking rules could give. Immutable.
 */
public final class ConsistencyResult {
    private final int neighbours;
    private final double[] term;
    private final double value;
    private final double lowest;
    private final double highest;
    private final int ambiguousRows;

    ConsistencyResult(int neighbours, double[] term, double[] lowTerm, double[] highTerm, boolean[] ambiguous) {
        this.neighbours = neighbours;
        this.term = term;
        int n = term.length;
        this.value = 1 - sum(term) / n;
        this.lowest = 1 - sum(highTerm) / n;
        this.highest = 1 - sum(lowTerm) / n;
        int a = 0;
        for (boolean b : ambiguous) {
            a += b ? 1 : 0;
        }
        this.ambiguousRows = a;
    }

    private static double sum(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v; // row order: the same bits whatever the number of threads
        }
        return s;
    }

    /** @return the consistency, in [0, 1] (always defined: every row is its own neighbour) */
    public MetricValue value() {
        return MetricValue.of(value);
    }

    /** @return the consistency as a double */
    public double asDouble() {
        return value;
    }

    /** @return k, the neighbourhood size (the row itself included) */
    public int neighbours() {
        return neighbours;
    }

    /** @return the number of rows */
    public int rows() {
        return term.length;
    }

    /**
     * @return the number of rows whose k nearest rows are not unique: the k-th and the (k+1)-th nearest are at the
     *     same distance, so another tie-breaking rule could pick another neighbour set
     */
    public int ambiguousRows() {
        return ambiguousRows;
    }

    /** @return the lowest consistency any tie-breaking among equidistant rows could give (the row itself included) */
    public double lowestOverTieBreaks() {
        return lowest;
    }

    /** @return the highest consistency any tie-breaking among equidistant rows could give */
    public double highestOverTieBreaks() {
        return highest;
    }

    /**
     * Consistency per group: {@code 1 − mean |ŷ_i − mean of its neighbours|} over the group's rows, with neighbours
     * found among <em>all</em> rows (not only the group's). The overall value is {@link #value()}.
     *
     * @param grouping a grouping of the same rows
     * @throws IllegalArgumentException if the grouping has another number of rows
     */
    public GroupValues byGroup(Grouping grouping) {
        Objects.requireNonNull(grouping, "grouping");
        if (grouping.rows() != term.length) {
            throw InputErrors.lengthMismatch("grouping " + grouping.features(), grouping.rows(), "features",
                    term.length);
        }
        double[] sums = new double[grouping.groupCount()];
        int[] counts = new int[grouping.groupCount()];
        for (int i = 0; i < term.length; i++) {
            sums[grouping.groupOf(i)] += term[i];
            counts[grouping.groupOf(i)]++;
        }
        List<MetricValue> values = new ArrayList<>();
        for (int g = 0; g < sums.length; g++) {
            values.add(MetricValue.of(1 - sums[g] / counts[g])); // groups of a Grouping are never empty
        }
        return new GroupValues(IndividualMetrics.CONSISTENCY.info().id(), grouping.groups(), values,
                Collections.nCopies(sums.length, null), value(), ZeroDivision.UNDEFINED);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConsistencyResult && neighbours == ((ConsistencyResult) o).neighbours
                && Arrays.equals(term, ((ConsistencyResult) o).term)
                && Double.compare(lowest, ((ConsistencyResult) o).lowest) == 0
                && Double.compare(highest, ((ConsistencyResult) o).highest) == 0
                && ambiguousRows == ((ConsistencyResult) o).ambiguousRows;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(term) + neighbours;
    }

    /** @return e.g. {@code consistency(k=5) = 0.8600 over 20 rows; 0 rows with tied neighbours} */
    @Override
    public String toString() {
        String s = String.format(Locale.ROOT, "consistency(k=%d) = %.4f over %d rows; %d rows with tied neighbours",
                neighbours, value, term.length, ambiguousRows);
        if (ambiguousRows > 0) {
            s += String.format(Locale.ROOT, " (any tie-breaking gives [%.4f, %.4f])", lowest, highest);
        }
        return s;
    }
}
