package org.fairkit.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;

import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.fairkit.core.EvaluationSpec;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.metrics.Metrics;

/**
 * The figure in benchmarks/README.md: {@code SparkFairness} over 1e7 cached rows (y_true, y_pred, five groups) on
 * {@code local[N]}, median of 7 runs after 3 warm-ups. Not a test; run with the module's test class path:
 * {@code java <argLine> -cp ... org.fairkit.spark.SparkTallyTiming local[2] 10000000}.
 */
public final class SparkTallyTiming {
    private SparkTallyTiming() {
    }

    /** @param args master and rows */
    public static void main(String[] args) {
        String master = args[0];
        long n = Long.parseLong(args[1]);
        SparkSession spark = SparkSession.builder().master(master).appName("fairkit-timing")
                .config("spark.ui.enabled", "false").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        Dataset<Row> rows = spark.range(0, n, 1, 8)
                .select(pmod(hash(col("id"), lit(1)), lit(2)).as("y_true"),
                        pmod(hash(col("id"), lit(2)), lit(2)).as("y_pred"),
                        concat(lit("g"), pmod(hash(col("id"), lit(3)), lit(5)).cast("string")).as("s"))
                .persist(StorageLevel.MEMORY_ONLY());
        rows.count();
        EvaluationSpec spec = EvaluationSpec.builder().groupBy("s").reference("g0")
                .metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE, Metrics.FALSE_POSITIVE_RATE,
                        Metrics.POSITIVE_PREDICTIVE_VALUE, Metrics.ACCURACY, Metrics.F1_SCORE).build();
        double[] ms = new double[10];
        FairnessReport r = null;
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            r = SparkFairness.of(rows).label("y_true").prediction("y_pred").sensitive("s").evaluate(spec);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        double[] measured = java.util.Arrays.copyOfRange(ms, 3, ms.length);
        java.util.Arrays.sort(measured);
        System.out.println(String.format(Locale.ROOT, "%s rows=%d median %.0f ms (min %.0f, max %.0f) all %s; %d rows",
                master, n, measured[3], measured[0], measured[6], java.util.Arrays.toString(ms),
                r.provenance().rows()));
        spark.stop();
    }
}
