package org.fairkit.orchestration.policy;

import java.util.ArrayList;
import java.util.List;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.stats.Bootstrap;

/** Reports for policy tests: a small one with hand-counted values, and a synthetic one with intervals. */
final class Reports {
    private static FairnessReport synthetic;

    private Reports() {
    }

    /**
     * Race A: TP 16, FN 4, FP 4, TN 16 (selection rate 0.5, TPR 0.8, FPR 0.2, accuracy 0.8); race B: TP 8, FN 12,
     * FP 2, TN 18 (0.25, 0.4, 0.1, 0.65); race C: TP 4, FN 1, FP 1, TN 4 (10 rows, below minGroupSize 30).
     */
    static FairnessData handCounted() {
        List<Integer> labels = new ArrayList<>();
        List<Integer> predictions = new ArrayList<>();
        List<String> race = new ArrayList<>();
        add(labels, predictions, race, "A", 16, 4, 4, 16);
        add(labels, predictions, race, "B", 8, 12, 2, 18);
        add(labels, predictions, race, "C", 4, 1, 1, 4);
        return FairnessData.builder()
                .labels(labels.stream().mapToInt(Integer::intValue).toArray())
                .predictions(predictions.stream().mapToInt(Integer::intValue).toArray())
                .sensitive("race", race.toArray(new String[0]))
                .build();
    }

    private static void add(List<Integer> labels, List<Integer> predictions, List<String> race, String group, int tp,
            int fn, int fp, int tn) {
        int[][] cells = {{1, 1, tp}, {1, 0, fn}, {0, 1, fp}, {0, 0, tn}};
        for (int[] c : cells) {
            for (int i = 0; i < c[2]; i++) {
                labels.add(c[0]);
                predictions.add(c[1]);
                race.add(group);
            }
        }
    }

    /** Race A, B, ... with {@code counts[g] = {rows, selected}} (labels equal to the predictions), by race. */
    static FairnessReport selections(int[][] counts) {
        List<Integer> labels = new ArrayList<>();
        List<Integer> predictions = new ArrayList<>();
        List<String> race = new ArrayList<>();
        for (int g = 0; g < counts.length; g++) {
            int selected = counts[g][1];
            add(labels, predictions, race, String.valueOf((char) ('A' + g)), selected, 0, 0, counts[g][0] - selected);
        }
        return Fairness.of(FairnessData.builder().labels(labels.stream().mapToInt(Integer::intValue).toArray())
                .predictions(predictions.stream().mapToInt(Integer::intValue).toArray())
                .sensitive("race", race.toArray(new String[0])).build()).groupBy("race").evaluate();
    }

    /** The hand-counted data by race, minGroupSize 30, no intervals. */
    static FairnessReport handCountedReport() {
        return Fairness.of(handCounted()).groupBy("race").minGroupSize(30).evaluate();
    }

    /** 4000 synthetic lending rows by ethnicity, reference Group A, with 400-resample percentile intervals. */
    static synchronized FairnessReport synthetic() {
        if (synthetic == null) {
            synthetic = Fairness.of(SyntheticLending.generate(4000, 1)).groupBy(SyntheticLending.ETHNICITY)
                    .metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE, Metrics.FALSE_POSITIVE_RATE,
                            Metrics.ACCURACY)
                    .reference("Group A").minGroupSize(30).intervals(Bootstrap.percentile(400).seed(7)).evaluate();
        }
        return synthetic;
    }
}
