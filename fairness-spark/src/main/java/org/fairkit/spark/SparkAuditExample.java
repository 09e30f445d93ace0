package org.fairkit.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fairkit.core.EvaluationSpec;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.metrics.Metrics;

/**
 * A runnable audit on Spark: reads a CSV file with a header ({@code y_true,y_pred,<group>}) and prints the report
 * of six metrics by the group column. The session comes from {@code spark-submit} (or {@code local[*]} when run
 * alone); see the module README for the command.
 *
 * <pre>{@code
 * spark-submit --class org.fairkit.spark.SparkAuditExample fairness-spark/target/fairness-spark-shaded.jar \
 *     predictions.csv race
 * }</pre>
 */
public final class SparkAuditExample {
    private SparkAuditExample() {
    }

    /**
     * Audits {@code args[0]} (a CSV path or glob Spark can read) grouped by column {@code args[1]}.
     *
     * @param args the CSV path and the group column
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: SparkAuditExample <csv> <group column>; got "
                    + args.length + " arguments");
        }
        SparkSession.Builder b = SparkSession.builder().appName("fairkit-audit");
        if (System.getProperty("spark.master") == null) {
            b.master("local[*]"); // run alone, not through spark-submit
        }
        SparkSession spark = b.getOrCreate();
        System.out.println(run(spark, args[0], args[1]));
    }

    /** The audit itself, on a given session. */
    static FairnessReport run(SparkSession spark, String csv, String group) {
        Dataset<Row> rows = spark.read().option("header", "true").option("inferSchema", "true").csv(csv);
        return SparkFairness.of(rows).label("y_true").prediction("y_pred").sensitive(group)
                .evaluate(EvaluationSpec.builder().groupBy(group)
                        .metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE, Metrics.FALSE_POSITIVE_RATE,
                                Metrics.POSITIVE_PREDICTIVE_VALUE, Metrics.ACCURACY, Metrics.F1_SCORE)
                        .build());
    }
}
