package org.fairkit.core.scores;

import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * Reference values of the score metrics by their textbook definitions, looping over the rows of a group without
 * sorting or the kernel: AUC over every (positive, negative) pair, average precision over every distinct
 * threshold with scikit-learn's precision and recall, the others as weighted means in row order.
 *
 * <p>The switch is exhaustive without a default: a new {@link ScoreMetrics} constant does not compile until it
 * has a reference here.
 */
final class ScoreBruteForce {
    private ScoreBruteForce() {
    }

    /** @return the reference value, or empty when the metric must be undefined */
    static OptionalDouble value(ScoreMetrics metric, ScoredCase c, List<Integer> rows) {
        int[] y = c.c().labels();
        double[] s = c.scores();
        double total = 0;
        double positive = 0;
        double negative = 0;
        for (int i : rows) {
            total += c.weight(i);
            positive += y[i] == 1 ? c.weight(i) : 0;
            negative += y[i] == 0 ? c.weight(i) : 0;
        }
        return switch (metric) {
            case ROC_AUC -> {
                if (positive == 0 || negative == 0) {
                    yield OptionalDouble.empty();
                }
                double pairs = 0;
                for (int i : rows) {
                    for (int j : rows) {
                        if (y[i] == 1 && y[j] == 0) {
                            double win = s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                            pairs += c.weight(i) * c.weight(j) * win;
                        }
                    }
                }
                yield OptionalDouble.of(pairs / (positive * negative));
            }
            case AVERAGE_PRECISION -> {
                if (positive == 0) {
                    yield OptionalDouble.empty();
                }
                TreeSet<Double> thresholds = new TreeSet<>();
                rows.forEach(i -> thresholds.add(s[i] + 0.0));
                double ap = 0;
                double previousRecall = 0;
                for (double t : thresholds.descendingSet()) {
                    double tp = 0;
                    double fp = 0;
                    for (int i : rows) {
                        if (s[i] >= t) {
                            tp += y[i] == 1 ? c.weight(i) : 0;
                            fp += y[i] == 0 ? c.weight(i) : 0;
                        }
                    }
                    double recall = tp / positive;
                    double precision = tp + fp == 0 ? 0 : tp / (tp + fp);
                    ap += (recall - previousRecall) * precision;
                    previousRecall = recall;
                }
                yield OptionalDouble.of(ap);
            }
            case BRIER_SCORE -> mean(c, rows, total, i -> (s[i] - y[i]) * (s[i] - y[i]));
            case LOG_LOSS -> mean(c, rows, total, i -> {
                double p = Math.min(Math.max(s[i], 0x1.0p-52), 1 - 0x1.0p-52);
                return y[i] == 1 ? -Math.log(p) : -Math.log(1 - p);
            });
            case MEAN_SCORE -> mean(c, rows, total, i -> s[i]);
            case CALIBRATION_RATIO -> {
                if (positive == 0) {
                    yield OptionalDouble.empty();
                }
                double sum = 0;
                for (int i : rows) {
                    sum += c.weight(i) * s[i];
                }
                yield OptionalDouble.of(sum / positive);
            }
        };
    }

    private static OptionalDouble mean(ScoredCase c, List<Integer> rows, double total,
            java.util.function.IntToDoubleFunction f) {
        if (total == 0) {
            return OptionalDouble.empty();
        }
        double sum = 0;
        for (int i : rows) {
            sum += c.weight(i) * f.applyAsDouble(i);
        }
        return OptionalDouble.of(sum / total);
    }
}
