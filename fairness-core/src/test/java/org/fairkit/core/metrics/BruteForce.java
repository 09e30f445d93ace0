package org.fairkit.core.metrics;

import java.util.List;
import java.util.OptionalDouble;
import java.util.function.IntPredicate;
import org.fairkit.core.DataGen.Case;

/**
 * Reference values of the group metrics, computed by looping over the rows of a {@link Case} and adding their
 * weights, without {@code CellCounts}, {@code ConfusionTally} or the kernel. Each metric is written as
 * (weighted) row counts of predicates on label y and prediction p, so that its definition can be read against
 * the textbook one rather than against the library's formula.
 *
 * <p>The switch is exhaustive without a default: a new {@link Metrics} constant does not compile until it has
 * a reference here.
 */
final class BruteForce {
    private BruteForce() {
    }

    /**
     * The reference value of {@code metric} for the group made of {@code rows}.
     *
     * @return the value, or empty when a denominator is zero (the metric must then be undefined)
     */
    static OptionalDouble value(Metrics metric, Case c, List<Integer> rows) {
        int[] y = c.labels();
        int[] p = c.predictions();
        return switch (metric) {
            case COUNT -> OptionalDouble.of(rows.size());
            case BASE_RATE -> ratio(c, rows, i -> y[i] == 1, i -> true);
            case SELECTION_RATE -> ratio(c, rows, i -> p[i] == 1, i -> true);
            case TRUE_POSITIVE_RATE -> ratio(c, rows, i -> p[i] == 1, i -> y[i] == 1);
            case FALSE_POSITIVE_RATE -> ratio(c, rows, i -> p[i] == 1, i -> y[i] == 0);
            case FALSE_NEGATIVE_RATE -> ratio(c, rows, i -> p[i] == 0, i -> y[i] == 1);
            case TRUE_NEGATIVE_RATE -> ratio(c, rows, i -> p[i] == 0, i -> y[i] == 0);
            case POSITIVE_PREDICTIVE_VALUE -> ratio(c, rows, i -> y[i] == 1, i -> p[i] == 1);
            case NEGATIVE_PREDICTIVE_VALUE -> ratio(c, rows, i -> y[i] == 0, i -> p[i] == 0);
            case FALSE_DISCOVERY_RATE -> ratio(c, rows, i -> y[i] == 0, i -> p[i] == 1);
            case FALSE_OMISSION_RATE -> ratio(c, rows, i -> y[i] == 1, i -> p[i] == 0);
            case ACCURACY -> ratio(c, rows, i -> y[i] == p[i], i -> true);
            case ERROR_RATE -> ratio(c, rows, i -> y[i] != p[i], i -> true);
            case BALANCED_ACCURACY -> {
                OptionalDouble tpr = ratio(c, rows, i -> p[i] == 1, i -> y[i] == 1);
                OptionalDouble tnr = ratio(c, rows, i -> p[i] == 0, i -> y[i] == 0);
                yield tpr.isPresent() && tnr.isPresent()
                        ? OptionalDouble.of((tpr.getAsDouble() + tnr.getAsDouble()) / 2) : OptionalDouble.empty();
            }
            case F1_SCORE -> {
                // 2 TP / (2 TP + FP + FN) written as 2 TP / (actual positives + predicted positives).
                double tp = mass(c, rows, i -> y[i] == 1 && p[i] == 1);
                double denominator = mass(c, rows, i -> y[i] == 1) + mass(c, rows, i -> p[i] == 1);
                yield denominator == 0 ? OptionalDouble.empty() : OptionalDouble.of(2 * tp / denominator);
            }
            case PREDICTED_POSITIVE_SHARE -> {
                double all = mass(c, allRows(c), i -> p[i] == 1);
                double mine = mass(c, rows, i -> p[i] == 1);
                yield all == 0 ? OptionalDouble.empty() : OptionalDouble.of(mine / all);
            }
        };
    }

    /** @return the indices of every row */
    static List<Integer> allRows(Case c) {
        return java.util.stream.IntStream.range(0, c.rows()).boxed().toList();
    }

    private static OptionalDouble ratio(Case c, List<Integer> rows, IntPredicate numerator, IntPredicate denominator) {
        double d = mass(c, rows, denominator);
        return d == 0 ? OptionalDouble.empty()
                : OptionalDouble.of(mass(c, rows, i -> denominator.test(i) && numerator.test(i)) / d);
    }

    /** The weight of the rows where {@code p} holds, summed in row order. */
    private static double mass(Case c, List<Integer> rows, IntPredicate p) {
        double s = 0;
        for (int i : rows) {
            if (p.test(i)) {
                s += c.weight(i);
            }
        }
        return s;
    }
}
