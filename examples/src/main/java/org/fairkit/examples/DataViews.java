package org.fairkit.examples;

import java.util.function.IntToDoubleFunction;
import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;
import org.fairkit.core.FairnessData;
import org.fairkit.core.datasets.SyntheticLending;

/**
 * Copies of {@link SyntheticLending} data with some rows, or with other predictions, scores or weights: what the
 * examples need to split the data into a training and a test part and to audit mitigated decisions. They go
 * through {@link FairnessData#fromRecords(Iterable)} with row indices as the records, so every copy is validated
 * like any input.
 */
final class DataViews {
    private DataViews() {
    }

    /** @return rows {@code [from, to)} of the data */
    static FairnessData rows(FairnessData data, int from, int to) {
        return copy(data, IntStream.range(from, to), data::prediction, data::score, null);
    }

    /** @return the data with other decisions (one per row) */
    static FairnessData withPredictions(FairnessData data, int[] predictions) {
        checkLength(data, predictions.length, "predictions");
        return copy(data, IntStream.range(0, data.rows()), i -> predictions[i], data::score, null);
    }

    /** @return the data with other scores (one per row) */
    static FairnessData withScores(FairnessData data, double[] scores) {
        checkLength(data, scores.length, "scores");
        return copy(data, IntStream.range(0, data.rows()), data::prediction, i -> scores[i], null);
    }

    /** @return the data with sample weights (one per row) */
    static FairnessData withWeights(FairnessData data, double[] weights) {
        checkLength(data, weights.length, "weights");
        return copy(data, IntStream.range(0, data.rows()), data::prediction, data::score, i -> weights[i]);
    }

    private static FairnessData copy(FairnessData data, IntStream rows, IntUnaryOperator prediction,
            IntToDoubleFunction score, IntToDoubleFunction weight) {
        FairnessData.RecordBuilder<Integer> b = FairnessData.fromRecords(rows.boxed().toList())
                .label(data::label)
                .prediction(prediction::applyAsInt)
                .score(score::applyAsDouble);
        if (weight != null) {
            b.weight(weight::applyAsDouble);
        }
        for (String feature : data.sensitiveNames()) {
            b.sensitive(feature, i -> data.sensitive(feature).level(i));
        }
        return b.build();
    }

    private static void checkLength(FairnessData data, int length, String what) {
        if (length != data.rows()) {
            throw new IllegalArgumentException(what + " must have one value per row: the data has " + data.rows()
                    + " rows, got " + length + " " + what);
        }
    }
}
