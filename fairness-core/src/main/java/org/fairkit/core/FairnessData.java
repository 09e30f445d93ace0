package org.fairkit.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.core.group.Grouping;
import org.fairkit.core.internal.SensitiveColumns;
import org.fairkit.core.group.SensitiveFeature;
import org.fairkit.core.internal.SensitiveFeatures;
import org.fairkit.core.internal.Fingerprint;
import org.fairkit.core.internal.ScoreInput;
import org.fairkit.core.internal.ScoreKernel;
import org.fairkit.core.internal.SortedScores;
import org.fairkit.core.internal.TallyInput;

/**
 * Immutable columnar input: true labels, predictions, optional scores and weights, and one or more sensitive
 * features, one value per row.
 *
 * <p>Built with {@link #builder()} from arrays or {@link #fromRecords(Iterable)} from objects; both validate
 * every value and name the column and the first bad row of any problem. Arrays are copied, so later changes
 * to the caller's arrays do not change the data.
 *
 * <pre>{@code
 * FairnessData data = FairnessData.builder()
 *     .labels(yTrue).predictions(yPred)
 *     .sensitive("race", race)
 *     .build();
 * }</pre>
 */
public final class FairnessData {
    private final byte[] labels;
    private final byte[] predictions;
    private final double[] scores;
    private final double[] weights;
    private final SensitiveFeatures sensitive;
    private final Map<List<String>, TallyInput> tallyInputs = new ConcurrentHashMap<>();
    private final Map<List<String>, ScoreInput> scoreInputs = new ConcurrentHashMap<>();
    private final Map<List<String>, SortedScores> sortedScores = new ConcurrentHashMap<>();
    private volatile String fingerprint;

    private FairnessData(byte[] labels, byte[] predictions, double[] scores, double[] weights,
            SensitiveFeatures sensitive) {
        this.labels = labels;
        this.predictions = predictions;
        this.scores = scores;
        this.weights = weights;
        this.sensitive = sensitive;
    }

    /** @return a builder from arrays */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder that reads each column from objects with accessor functions, in iteration order (row i is
     * the i-th object).
     */
    public static <T> RecordBuilder<T> fromRecords(Iterable<? extends T> records) {
        return new RecordBuilder<>(records);
    }

    /** @return the number of rows */
    public int rows() {
        return labels.length;
    }

    /** @return row {@code i}'s true label, 0 or 1 */
    public int label(int i) {
        return labels[i];
    }

    /** @return row {@code i}'s prediction, 0 or 1 */
    public int prediction(int i) {
        return predictions[i];
    }

    /** @return whether scores were given */
    public boolean hasScores() {
        return scores != null;
    }

    /**
     * @return row {@code i}'s score
     * @throws IllegalStateException if no scores were given
     */
    public double score(int i) {
        if (scores == null) {
            throw new IllegalStateException("the data has no scores; set them with scores(...)");
        }
        return scores[i];
    }

    /** @return whether weights were given */
    public boolean hasWeights() {
        return weights != null;
    }

    /** @return row {@code i}'s weight, 1.0 when the data is unweighted */
    public double weight(int i) {
        return weights == null ? 1.0 : weights[i];
    }

    /** @return the sensitive feature names, in the order they were added */
    public List<String> sensitiveNames() {
        return sensitive.names();
    }

    /**
     * @return the sensitive feature with this name
     * @throws IllegalArgumentException listing the known names if there is none
     */
    public SensitiveFeature sensitive(String name) {
        return sensitive.get(name);
    }

    /**
     * The grouping by one feature or the intersection of several; computed once per feature list and cached.
     *
     * @throws IllegalArgumentException if a name is unknown
     */
    public Grouping grouping(List<String> features) {
        return sensitive.grouping(features);
    }

    /**
     * The kernel input for a grouping; built once per feature list and cached. For FairKit's own modules (the
     * interval estimators, streaming, benchmarks): the type is internal and may change in any release.
     */
    public TallyInput tallyInput(List<String> features) {
        List<String> key = List.copyOf(features);
        return tallyInputs.computeIfAbsent(key, k -> grouping(k).tallyInput(labels, predictions, weights));
    }

    /**
     * The score kernel's input for a grouping; built once per feature list and cached.
     *
     * @throws IllegalStateException if the data has no scores
     */
    ScoreInput scoreInput(List<String> features) {
        if (scores == null) {
            throw new IllegalStateException("the data has no scores; set them with scores(...)");
        }
        List<String> key = List.copyOf(features);
        return scoreInputs.computeIfAbsent(key, k -> {
            Grouping g = grouping(k);
            int[] codes = new int[labels.length];
            for (int i = 0; i < codes.length; i++) {
                codes[i] = g.groupOf(i);
            }
            return ScoreInput.of(scores, labels, codes, weights, g.groupCount());
        });
    }

    /**
     * The rows sorted by group and decreasing score, with each group's score statistics
     * ({@link ScoreKernel#sort}); computed once per feature list and cached.
     *
     * @throws IllegalStateException if the data has no scores
     */
    SortedScores sortedScores(List<String> features) {
        List<String> key = List.copyOf(features);
        SortedScores s = sortedScores.get(key);
        return s != null ? s : sortedScores.computeIfAbsent(key, k -> ScoreKernel.sort(scoreInput(k)));
    }

    /**
     * The input fingerprint: a SHA-256 over a canonical row-wise encoding of every column (label, prediction, score
     * and weight when given, each sensitive feature's level), defined in {@link Fingerprint}; in hex. The same rows
     * streamed from a CSV file or fed to a monitor give the same value. Identifies the input exactly in a report's
     * provenance; computed on first use and cached.
     */
    public String fingerprint() {
        String f = fingerprint;
        if (f == null) {
            f = computeFingerprint();
            fingerprint = f;
        }
        return f;
    }

    private String computeFingerprint() {
        List<SensitiveFeature> features = List.copyOf(sensitive.all());
        Fingerprint.Rows rows = Fingerprint.Rows.binary(scores != null, weights != null, sensitive.names());
        String[] levels = new String[features.size()];
        List<String> row = Arrays.asList(levels);
        for (int i = 0; i < labels.length; i++) {
            for (int j = 0; j < levels.length; j++) {
                levels[j] = features.get(j).level(i);
            }
            rows.accept(labels[i], predictions[i], scores == null ? Double.NaN : scores[i], weight(i), row);
        }
        return rows.hex();
    }

    @Override
    public String toString() {
        return "FairnessData[" + rows() + " rows, sensitive " + sensitive.names() + (scores != null ? ", scores" : "")
                + (weights != null ? ", weighted" : "") + "]";
    }

    /**
     * Builds {@link FairnessData} from arrays. Each column is set once; {@link #build()} checks lengths and
     * domains and names the column and first bad row of any problem.
     */
    public static final class Builder {
        private BinaryColumn labels;
        private BinaryColumn predictions;
        private double[] scores;
        private double[] weights;
        private final SensitiveColumns sensitive = new SensitiveColumns("labels", "predictions", "scores", "weights");

        private Builder() {
        }

        /** True labels, 0 or 1. */
        public Builder labels(int[] values) {
            requireUnset(labels, "labels");
            labels = BinaryColumn.of(values);
            return this;
        }

        /** True labels, {@code true} = 1. */
        public Builder labels(boolean[] values) {
            return labels(toInts(values));
        }

        /** Predictions, 0 or 1. */
        public Builder predictions(int[] values) {
            requireUnset(predictions, "predictions");
            predictions = BinaryColumn.of(values);
            return this;
        }

        /** Predictions, {@code true} = 1. */
        public Builder predictions(boolean[] values) {
            return predictions(toInts(values));
        }

        /** Optional scores or probabilities, finite and in [0, 1]. */
        public Builder scores(double[] values) {
            requireUnset(scores, "scores");
            scores = values.clone();
            return this;
        }

        /** Optional sample weights, finite and {@code >= 0}. */
        public Builder weights(double[] values) {
            requireUnset(weights, "weights");
            weights = values.clone();
            return this;
        }

        /** A sensitive feature, one non-null level per row. */
        public Builder sensitive(String name, String[] levels) {
            sensitive.add(name, levels);
            return this;
        }

        /** A sensitive feature as int codes into {@code levels}. */
        public Builder sensitive(String name, int[] codes, String[] levels) {
            sensitive.add(name, codes, levels);
            return this;
        }

        private static void requireUnset(Object column, String name) {
            if (column != null) {
                throw InputErrors.setTwice(name);
            }
        }

        private static int[] toInts(boolean[] values) {
            int[] out = new int[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = values[i] ? 1 : 0;
            }
            return out;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException naming the column, the first bad row and the expected domain
         */
        public FairnessData build() {
            if (labels == null) {
                throw InputErrors.missing("labels", "labels(...)");
            }
            if (predictions == null) {
                throw InputErrors.missing("predictions", "predictions(...)");
            }
            sensitive.requirePresent();
            int n = labels.values.length;
            if (n == 0) {
                throw InputErrors.empty();
            }
            requireLength("predictions", predictions.values.length, n);
            if (scores != null) {
                requireLength("scores", scores.length, n);
            }
            if (weights != null) {
                requireLength("weights", weights.length, n);
            }
            sensitive.requireRows("labels", n);
            byte[] y = labels.validated("labels");
            byte[] p = predictions.validated("predictions");
            if (scores != null) {
                for (int i = 0; i < n; i++) {
                    double s = scores[i];
                    if (!(s >= 0 && s <= 1)) {
                        throw InputErrors.badValue("scores", i, s, "a finite score in [0, 1]");
                    }
                }
            }
            if (weights != null) {
                double total = 0;
                for (int i = 0; i < n; i++) {
                    double w = weights[i];
                    if (!(w >= 0) || Double.isInfinite(w)) {
                        throw InputErrors.badValue("weights", i, w, "a finite weight >= 0");
                    }
                    total += w;
                }
                // Weight sums are the metrics' denominators: an overflowing total cannot be tallied.
                if (Double.isInfinite(total)) {
                    throw InputErrors.badTotal("weights", total, "a finite total weight");
                }
            }
            return new FairnessData(y, p, scores, weights, sensitive.build("labels", n));
        }

        private static void requireLength(String column, int length, int rows) {
            if (length != rows) {
                throw InputErrors.lengthMismatch(column, length, "labels", rows);
            }
        }

    }

    /**
     * A 0/1 column narrowed to bytes as it is set (one pass, no int copy kept), with its first value outside
     * {0, 1} remembered for {@code build()}'s message.
     */
    private static final class BinaryColumn {
        final byte[] values;
        final int badRow;
        final int badValue;

        private BinaryColumn(byte[] values, int badRow, int badValue) {
            this.values = values;
            this.badRow = badRow;
            this.badValue = badValue;
        }

        static BinaryColumn of(int[] values) {
            int n = values.length;
            byte[] out = new byte[n];
            int bits = 0;
            for (int i = 0; i < n; i++) {
                int v = values[i];
                bits |= v;
                out[i] = (byte) v;
            }
            if ((bits & ~1) != 0) {
                for (int i = 0; i < n; i++) {
                    if (values[i] != 0 && values[i] != 1) {
                        return new BinaryColumn(out, i, values[i]);
                    }
                }
            }
            return new BinaryColumn(out, -1, 0);
        }

        byte[] validated(String column) {
            if (badRow >= 0) {
                throw InputErrors.badValue(column, badRow, badValue, "0 or 1");
            }
            return values;
        }
    }

    /**
     * Builds {@link FairnessData} from objects: each column is an accessor function applied to every object.
     *
     * <pre>{@code
     * FairnessData data = FairnessData.fromRecords(applications)
     *     .labelWhen(Application::repaid)
     *     .predictionWhen(Application::approved)
     *     .sensitive("sex", Application::sex)
     *     .build();
     * }</pre>
     *
     * @param <T> the record type
     */
    public static final class RecordBuilder<T> {
        private final Iterable<? extends T> records;
        private ToIntFunction<? super T> label;
        private ToIntFunction<? super T> prediction;
        private ToDoubleFunction<? super T> score;
        private ToDoubleFunction<? super T> weight;
        private final Map<String, Function<? super T, String>> sensitive = new LinkedHashMap<>();

        private RecordBuilder(Iterable<? extends T> records) {
            this.records = records;
        }

        /** The label of a record, 0 or 1. */
        public RecordBuilder<T> label(ToIntFunction<? super T> accessor) {
            Builder.requireUnset(label, "labels");
            label = accessor;
            return this;
        }

        /** The label of a record: 1 when the predicate holds. */
        public RecordBuilder<T> labelWhen(Predicate<? super T> accessor) {
            return label(r -> accessor.test(r) ? 1 : 0);
        }

        /** The prediction of a record, 0 or 1. */
        public RecordBuilder<T> prediction(ToIntFunction<? super T> accessor) {
            Builder.requireUnset(prediction, "predictions");
            prediction = accessor;
            return this;
        }

        /** The prediction of a record: 1 when the predicate holds. */
        public RecordBuilder<T> predictionWhen(Predicate<? super T> accessor) {
            return prediction(r -> accessor.test(r) ? 1 : 0);
        }

        /** The score of a record, in [0, 1]. */
        public RecordBuilder<T> score(ToDoubleFunction<? super T> accessor) {
            Builder.requireUnset(score, "scores");
            score = accessor;
            return this;
        }

        /** The weight of a record, finite and {@code >= 0}. */
        public RecordBuilder<T> weight(ToDoubleFunction<? super T> accessor) {
            Builder.requireUnset(weight, "weights");
            weight = accessor;
            return this;
        }

        /** A sensitive feature: the level of a record, non-null. */
        public RecordBuilder<T> sensitive(String name, Function<? super T, String> accessor) {
            if (sensitive.containsKey(name)) {
                throw InputErrors.setTwice(name);
            }
            sensitive.put(name, accessor);
            return this;
        }

        /**
         * Reads every record once and builds.
         *
         * @throws IllegalArgumentException naming the column, the first bad row and the expected domain
         */
        public FairnessData build() {
            if (label == null) {
                throw InputErrors.missing("labels", "label(...) or labelWhen(...)");
            }
            if (prediction == null) {
                throw InputErrors.missing("predictions", "prediction(...) or predictionWhen(...)");
            }
            if (sensitive.isEmpty()) {
                throw InputErrors.missing("sensitive", "sensitive(name, accessor)");
            }
            IntColumn y = new IntColumn();
            IntColumn p = new IntColumn();
            DoubleColumn s = score == null ? null : new DoubleColumn();
            DoubleColumn w = weight == null ? null : new DoubleColumn();
            Map<String, List<String>> levels = new LinkedHashMap<>();
            sensitive.keySet().forEach(k -> levels.put(k, new ArrayList<>()));
            int row = 0;
            for (T r : records) {
                if (r == null) {
                    throw InputErrors.badValue("records", row, "null", "a non-null record");
                }
                y.add(label.applyAsInt(r));
                p.add(prediction.applyAsInt(r));
                if (s != null) {
                    s.add(score.applyAsDouble(r));
                }
                if (w != null) {
                    w.add(weight.applyAsDouble(r));
                }
                for (Map.Entry<String, Function<? super T, String>> e : sensitive.entrySet()) {
                    levels.get(e.getKey()).add(e.getValue().apply(r));
                }
                row++;
            }
            Builder b = builder().labels(y.toArray()).predictions(p.toArray());
            if (s != null) {
                b.scores(s.toArray());
            }
            if (w != null) {
                b.weights(w.toArray());
            }
            levels.forEach((name, values) -> b.sensitive(name, values.toArray(new String[0])));
            return b.build();
        }
    }

    private static final class IntColumn {
        private int[] a = new int[64];
        private int n;

        void add(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }

    private static final class DoubleColumn {
        private double[] a = new double[64];
        private int n;

        void add(double v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        double[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
