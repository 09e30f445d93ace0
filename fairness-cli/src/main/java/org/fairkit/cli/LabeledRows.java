package org.fairkit.cli;

import com.google.common.primitives.ImmutableDoubleArray;
import com.google.common.primitives.ImmutableIntArray;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.fairkit.core.group.GroupKey;
import org.fairkit.orchestration.io.BinaryValues;
import org.fairkit.orchestration.io.CsvTable;

/**
 * The columns {@code calibrate} and {@code mitigate} fit on, read from orchestration's {@link CsvTable} (whose
 * typed cells word every input error): labels, optionally scores and weights, and each row's group (core's
 * {@link GroupKey#label(java.util.List)} of the levels of the sensitive columns, so two different combinations never
 * share a group).
 *
 * @param labels 0/1 labels
 * @param predictions 0/1 predictions, if a prediction column was read
 * @param scores scores in [0, 1], if a score column was read
 * @param groups each row's group label
 * @param weights row weights, if a weight column was read
 */
record LabeledRows(int[] labels, Optional<int[]> predictions, Optional<double[]> scores, String[] groups, Optional<double[]> weights) {

    /** @return the number of rows */
    int rows() {
        return labels.length;
    }

    /**
     * Reads the columns in one pass.
     *
     * @param score the score column, or null
     * @param weight the weight column, or null
     * @throws IllegalArgumentException for a missing column or a bad cell, naming the line and data row
     */
    static LabeledRows read(CsvTable table, String label, BinaryValues labelValues, String score,
            List<String> sensitive, String weight, Progress progress) throws IOException {
        return read(table, label, labelValues, null, BinaryValues.ZERO_ONE, score, sensitive, weight, progress);
    }

    /**
     * Reads the columns in one pass, with a prediction column.
     *
     * @param prediction the prediction column, or null
     * @throws IllegalArgumentException for a missing column or a bad cell, naming the line and data row
     */
    static LabeledRows read(CsvTable table, String label, BinaryValues labelValues, String prediction,
            BinaryValues predictionValues, String score, List<String> sensitive, String weight, Progress progress)
            throws IOException {
        int li = table.column(label, "label");
        int pi = prediction == null ? -1 : table.column(prediction, "prediction");
        int si = score == null ? -1 : table.column(score, "score");
        int wi = weight == null ? -1 : table.column(weight, "weight");
        int[] gi = new int[sensitive.size()];
        for (int j = 0; j < gi.length; j++) {
            gi[j] = table.column(sensitive.get(j), "sensitive");
        }
        ImmutableIntArray.Builder labels = ImmutableIntArray.builder(1024);
        ImmutableIntArray.Builder predictions = ImmutableIntArray.builder(1024);
        ImmutableDoubleArray.Builder scores = ImmutableDoubleArray.builder(1024);
        ImmutableDoubleArray.Builder weights = ImmutableDoubleArray.builder(1024);
        List<String> groups = new ArrayList<>();
        Map<String, String> interned = new HashMap<>();
        AtomicLong rows = new AtomicLong();
        progress.phase("reading " + table.file().getFileName(), () -> Progress.count(rows.get()) + " rows");
        table.forEach(r -> {
            labels.add(r.binary(li, labelValues));
            if (pi >= 0) {
                predictions.add(r.binary(pi, predictionValues));
            }
            if (si >= 0) {
                scores.add(r.score(si));
            }
            if (wi >= 0) {
                weights.add(r.weight(wi));
            }
            String[] levels = new String[gi.length];
            for (int j = 0; j < gi.length; j++) {
                levels[j] = r.level(gi[j]);
            }
            String key = GroupKey.label(Arrays.asList(levels));
            groups.add(interned.computeIfAbsent(key, k -> k));
            rows.lazySet(r.dataRow());
        });
        if (wi >= 0 && weights.build().stream().allMatch(w -> w == 0)) {
            throw new IllegalArgumentException("file '" + table.file() + "', column '" + weight + "': every "
                    + "weight is 0; expected at least one row with a weight > 0");
        }
        return new LabeledRows(labels.build().toArray(), pi < 0 ? Optional.empty() : Optional.of(predictions.build().toArray()),
                si < 0 ? Optional.empty() : Optional.of(scores.build().toArray()),
                groups.toArray(new String[0]), wi < 0 ? Optional.empty() : Optional.of(weights.build().toArray()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabeledRows r && Arrays.equals(labels, r.labels) && Arrays.equals(groups, r.groups)
                && Arrays.equals(predictions.orElse(null), r.predictions.orElse(null))
                && Arrays.equals(scores.orElse(null), r.scores.orElse(null))
                && Arrays.equals(weights.orElse(null), r.weights.orElse(null));
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(labels) * 31 + Arrays.hashCode(groups);
    }

    @Override
    public String toString() {
        return "LabeledRows[" + labels.length + " rows]";
    }
}
