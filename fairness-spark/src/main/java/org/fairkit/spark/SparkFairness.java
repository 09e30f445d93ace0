package org.fairkit.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairkit.core.EvaluationSpec;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.Provenance;
import org.fairkit.core.internal.Fingerprint;
import org.fairkit.core.tally.CellCounts;

/**
 * A fairness audit of a Spark {@link Dataset}: the per-group confusion counts are computed on the executors by one
 * {@code groupBy(sensitive..., label, prediction).agg(count(*), sum(weight))}, and the report is derived on the
 * driver by {@link Fairness#fromCounts}, the same derive step as in memory.
 *
 * <pre>{@code
 * FairnessReport report = SparkFairness.of(predictions)      // a Dataset<Row>
 *     .label("y_true").prediction("y_pred").sensitive("race")
 *     .evaluate(EvaluationSpec.builder().groupBy("race").reference("Caucasian")
 *         .metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE).build());
 * }</pre>
 *
 * <p><b>Exactness.</b> Row counts are exact ({@code count(*)} is a {@code long}), so an unweighted report is bit for
 * bit the in-memory one. Weight sums are Spark's {@code sum} of doubles, summed in partition order and merged
 * without compensation; FairKit's in-memory sums are Neumaier-compensated, so weighted metrics agree within
 * about {@code rows × 2^-53} relative (exactly for integer weights below 2^53). Intervals run on the count path
 * (multinomial bootstrap of unweighted counts, Bayesian, closed form); a bootstrap of weighted data resamples rows
 * and refuses here.
 *
 * <p><b>Score metrics</b> (ROC AUC, Brier, ...) need the rows in score order and are not computed by this class;
 * {@link #scoreCounts(String, String...)} gives what an exact AUC needs from the executors (positives and
 * negatives per group and distinct score), and the README states what is exact and what is approximate.
 *
 * <p><b>Input domain</b> (checked on the executors, in the same job as the tally): labels and predictions 0 or 1
 * (any numeric type, or boolean), sensitive levels non-null (read as strings), weights finite and {@code >= 0}.
 * An offending value is reported with the column, the number of offending rows and an example value; Spark rows
 * have no row numbers, so none is named.
 *
 * <p><b>Provenance.</b> A {@code Dataset} has no row order, so the row fingerprint of in-memory data cannot be
 * reproduced: {@code input_sha256} here is the SHA-256 of the per-group counts ({@code fairkit.counts/1}, groups in
 * report order, each as its levels and the four cell counts and weight sums), and the configuration says
 * {@code source = spark}.
 */
public final class SparkFairness {
    private final Dataset<Row> rows;
    private String label;
    private String prediction;
    private String weight;
    private final List<String> sensitive = new ArrayList<>();
    private Clock clock = Clock.systemUTC();

    private SparkFairness(Dataset<Row> rows) {
        this.rows = Objects.requireNonNull(rows, "rows");
    }

    /** Starts an audit of these rows; map the columns, then {@link #evaluate}. */
    public static SparkFairness of(Dataset<Row> rows) {
        return new SparkFairness(rows);
    }

    /** The true-label column, 0/1 or boolean. */
    public SparkFairness label(String column) {
        requireUnset(label, "label");
        label = column(column, "label");
        return this;
    }

    /** The prediction column, 0/1 or boolean. */
    public SparkFairness prediction(String column) {
        requireUnset(prediction, "prediction");
        prediction = column(column, "prediction");
        return this;
    }

    /** Optional sample weights, finite and {@code >= 0}. */
    public SparkFairness weight(String column) {
        requireUnset(weight, "weight");
        weight = column(column, "weight");
        return this;
    }

    /** Sensitive feature columns (their names are the features' names); each set once. */
    public SparkFairness sensitive(String... columns) {
        for (String c : columns) {
            String name = column(c, "sensitive");
            if (sensitive.contains(name)) {
                throw new IllegalArgumentException("sensitive column '" + name + "' set twice");
            }
            sensitive.add(name);
        }
        return this;
    }

    /** The clock stamped into the provenance (default the system UTC clock). */
    public SparkFairness clock(Clock c) {
        clock = Objects.requireNonNull(c, "clock");
        return this;
    }

    private String column(String name, String role) {
        Objects.requireNonNull(name, role);
        if (!Arrays.asList(rows.columns()).contains(name)) {
            throw new IllegalArgumentException("no column '" + name + "' for the " + role + "; the dataset has "
                    + Arrays.toString(rows.columns()));
        }
        return name;
    }

    private static void requireUnset(String value, String role) {
        if (value != null) {
            throw new IllegalArgumentException(role + " column set twice");
        }
    }

    /** Evaluates with the default settings (grouped by the only sensitive column). */
    public FairnessReport evaluate() {
        requireMapping();
        return evaluate(EvaluationSpec.builder().buildFor(sensitive));
    }

    /**
     * Tallies on the executors, derives on the driver.
     *
     * @param spec what to compute; its {@code groupBy} must name sensitive columns set here
     * @throws IllegalArgumentException for a bad value in the data (column, offending rows, an example), or a
     *     spec that groups by an unmapped column or asks for score metrics
     */
    public FairnessReport evaluate(EvaluationSpec spec) {
        requireMapping();
        for (String f : spec.groupBy()) {
            if (!sensitive.contains(f)) {
                throw new IllegalArgumentException("the spec groups by '" + f + "', which is not a sensitive column "
                        + "set here; sensitive columns: " + sensitive);
            }
        }
        Map<List<String>, CellCounts> counts = counts(spec.groupBy());
        long n = 0;
        for (CellCounts c : counts.values()) {
            n += c.rows();
        }
        Map<String, String> config = new LinkedHashMap<>(spec.configuration(weight != null, spec.threadsFor(n)));
        config.put("source", "spark");
        Provenance p = new Provenance(Provenance.currentLibraryVersion(), config, n, fingerprint(counts),
                clock.instant());
        return Fairness.fromCounts(spec, counts, p);
    }

    private void requireMapping() {
        if (label == null || prediction == null || sensitive.isEmpty()) {
            throw new IllegalStateException("map the label, prediction and at least one sensitive column first; got "
                    + "label " + label + ", prediction " + prediction + ", sensitive " + sensitive);
        }
    }

    /**
     * The tally alone: every group's confusion counts, computed on the executors, keyed by the group's levels
     * (one per feature in {@code groupBy}, in that order).
     *
     * @throws IllegalArgumentException for a bad value in the data
     */
    public Map<List<String>, CellCounts> counts(List<String> groupBy) {
        requireMapping();
        List<Column> keys = new ArrayList<>();
        for (String f : groupBy) {
            keys.add(col(f).cast("string").as("s_" + keys.size()));
        }
        keys.add(col(label).as("y"));
        keys.add(col(prediction).as("p"));
        List<Column> aggs = new ArrayList<>();
        if (weight != null) {
            Column w = col(weight).cast("double");
            Column bad = w.isNull().or(w.isNaN()).or(w.lt(0)).or(w.equalTo(Double.POSITIVE_INFINITY));
            aggs.add(sum(when(bad, lit(0.0)).otherwise(w)).as("w"));
            aggs.add(sum(when(bad, 1L).otherwise(0L)).as("bad_w"));
        }
        Column first = count(lit(1)).as("n");
        List<Row> out = rows.groupBy(keys.toArray(new Column[0]))
                .agg(first, aggs.toArray(new Column[0])).collectAsList();
        return assemble(groupBy, out);
    }

    private Map<List<String>, CellCounts> assemble(List<String> groupBy, List<Row> out) {
        int k = groupBy.size();
        Map<List<String>, long[]> n = new TreeMap<>(SparkFairness::compareKeys);
        Map<List<String>, double[]> w = new TreeMap<>(SparkFairness::compareKeys);
        long badWeights = 0;
        for (Row r : out) {
            List<String> levels = new ArrayList<>(k);
            for (int j = 0; j < k; j++) {
                if (r.isNullAt(j)) {
                    throw badRows(groupBy.get(j), r.getLong(k + 2), "null", "a non-null level");
                }
                levels.add(r.getString(j));
            }
            int y = binary(label, r, k, k + 2);
            int p = binary(prediction, r, k + 1, k + 2);
            int cell = 2 * y + p; // TN, FP, FN, TP
            long rowsInCell = r.getLong(k + 2);
            n.computeIfAbsent(levels, x -> new long[4])[cell] += rowsInCell;
            if (weight != null) {
                w.computeIfAbsent(levels, x -> new double[4])[cell] += r.getDouble(k + 3);
                badWeights += r.getLong(k + 4);
            }
        }
        if (badWeights > 0) {
            Column c = col(weight).cast("double");
            Row example = rows.filter(c.isNull().or(c.isNaN()).or(c.lt(0)).or(c.equalTo(Double.POSITIVE_INFINITY)))
                    .select(col(weight)).first();
            throw badRows(weight, badWeights, String.valueOf(example.get(0)), "a finite weight >= 0");
        }
        Map<List<String>, CellCounts> counts = new LinkedHashMap<>();
        n.forEach((levels, c) -> {
            if (weight == null) {
                counts.put(List.copyOf(levels), CellCounts.of(c[0], c[1], c[2], c[3]));
            } else {
                double[] s = w.get(levels);
                counts.put(List.copyOf(levels), CellCounts.weighted(c[0], c[1], c[2], c[3], s[0], s[1], s[2], s[3]));
            }
        });
        return counts;
    }

    private static int compareKeys(List<String> a, List<String> b) {
        for (int j = 0; j < a.size(); j++) {
            int c = a.get(j).compareTo(b.get(j));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private int binary(String column, Row r, int index, int countIndex) {
        Object v = r.get(index);
        if (v instanceof Boolean) {
            return (Boolean) v ? 1 : 0;
        }
        if (v instanceof Number) {
            double d = ((Number) v).doubleValue();
            if (d == 0 || d == 1) {
                return (int) d;
            }
        }
        throw badRows(column, r.getLong(countIndex), String.valueOf(v), "0 or 1");
    }

    private static IllegalArgumentException badRows(String column, long rows, String example, String expected) {
        return new IllegalArgumentException(String.format(Locale.ROOT,
                "column '%s', %d row%s (Spark rows have no row numbers): got %s; expected %s", column, rows,
                rows == 1 ? "" : "s", example, expected));
    }

    /**
     * What an exact ROC AUC of each group needs, computed on the executors: for every group and distinct score,
     * the number of positive and of negative rows. The AUC (Mann-Whitney U) of a group is exact from these; their
     * size grows with the number of distinct scores, not rows.
     *
     * @param score the score column
     * @param groupBy the sensitive columns that form the groups
     * @return rows {@code (s_0.., score, positives, negatives)} ordered by group, then decreasing score
     */
    public Dataset<Row> scoreCounts(String score, String... groupBy) {
        requireMapping();
        List<Column> keys = new ArrayList<>();
        for (String f : groupBy) {
            keys.add(col(column(f, "sensitive")).cast("string").as("s_" + keys.size()));
        }
        keys.add(col(column(score, "score")).cast("double").as("score"));
        Column y = col(label).cast("double");
        List<Column> order = new ArrayList<>();
        for (int j = 0; j < groupBy.length; j++) {
            order.add(col("s_" + j));
        }
        order.add(col("score").desc());
        return rows.groupBy(keys.toArray(new Column[0]))
                .agg(sum(when(y.equalTo(1), 1L).otherwise(0L)).as("positives"),
                        sum(when(y.equalTo(0), 1L).otherwise(0L)).as("negatives"))
                .orderBy(order.toArray(new Column[0]));
    }

    /** The SHA-256 of the per-group counts, in report order ({@code fairkit.counts/1}). */
    static String fingerprint(Map<List<String>, CellCounts> counts) {
        MessageDigest md = Fingerprint.sha256();
        StringBuilder b = new StringBuilder("fairkit.counts/1\n");
        counts.forEach((levels, c) -> {
            for (String l : levels) {
                b.append(l.length()).append(':').append(l);
            }
            for (org.fairkit.core.tally.Cell cell : org.fairkit.core.tally.Cell.values()) {
                b.append(' ').append(c.rows(cell));
                if (c.isWeighted()) {
                    b.append('/').append(Double.toHexString(c.mass(cell)));
                }
            }
            b.append('\n');
        });
        md.update(b.toString().getBytes(StandardCharsets.UTF_8));
        return Fingerprint.hex(md);
    }
}
