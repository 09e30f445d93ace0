package org.fairkit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairkit.core.EvaluationSpec;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.scores.ScoreMetrics;
import org.fairkit.core.tally.CellCounts;
import org.fairkit.stats.Bootstrap;
import org.fairkit.testkit.CsvTable;
import org.fairkit.testkit.SharedFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One local[2] session for the class, bound to 127.0.0.1, UI off. */
class SparkFairnessTest {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("fairkit-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static final GroupMetric[] SIX = {Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE,
        Metrics.FALSE_POSITIVE_RATE, Metrics.POSITIVE_PREDICTIVE_VALUE, Metrics.ACCURACY, Metrics.F1_SCORE};

    private static Dataset<Row> compas() {
        Path csv = SharedFiles.dataFile("compas-predictions.csv");
        return spark.read().option("header", "true").option("inferSchema", "true").csv(csv.toString());
    }

    private static FairnessData compasInMemory(boolean weighted) {
        CsvTable t = SharedFiles.data("compas-predictions.csv");
        FairnessData.Builder b = FairnessData.builder().labels(t.ints("y_true")).predictions(t.ints("y_pred"))
                .sensitive("race", t.strings("race")).sensitive("sex", t.strings("sex"));
        if (weighted) {
            int[] w = t.ints("weight");
            double[] d = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                d[i] = w[i];
            }
            b.weights(d);
        }
        return b.build();
    }

    private static void assertSameNumbers(FairnessReport spark, FairnessReport memory) {
        assertThat(spark.byGroup()).isEqualTo(memory.byGroup());
        assertThat(spark.overall()).isEqualTo(memory.overall());
        for (GroupMetric m : memory.metrics()) {
            assertThat(spark.difference(m)).isEqualTo(memory.difference(m));
            assertThat(spark.ratio(m)).isEqualTo(memory.ratio(m));
        }
        assertThat(spark.fairnessMetrics()).isEqualTo(memory.fairnessMetrics());
        assertThat(spark.intervals()).isEqualTo(memory.intervals());
        assertThat(spark.warnings()).isEqualTo(memory.warnings());
        assertThat(spark.provenance().rows()).isEqualTo(memory.provenance().rows());
    }

    @Test
    void compasThroughSparkEqualsTheInMemoryReportAndTheGoldenValues() {
        EvaluationSpec spec = EvaluationSpec.builder().groupBy("race").reference("Caucasian").metrics(SIX)
                .intervals(Bootstrap.bca(200).seed(7)).build();
        FairnessReport viaSpark = SparkFairness.of(compas()).label("y_true").prediction("y_pred")
                .sensitive("race", "sex").evaluate(spec);
        FairnessReport inMemory = Fairness.of(compasInMemory(false), spec).evaluate();
        assertSameNumbers(viaSpark, inMemory);
        assertThat(viaSpark.intervals()).isNotEmpty();
        assertThat(viaSpark.provenance().configuration()).containsEntry("source", "spark");

        JsonNode golden = SharedFiles.golden("compas.json").path("metric_frame").path("race").path("unweighted");
        for (JsonNode g : golden.path("by_group")) {
            GroupKey key = GroupKey.of("race", g.path("group").path("race").asText());
            assertThat(viaSpark.value(Metrics.SELECTION_RATE, key).value())
                    .isCloseTo(g.path("metrics").path("selection_rate").asDouble(), within(1e-12));
            assertThat(viaSpark.value(Metrics.TRUE_POSITIVE_RATE, key).value())
                    .isCloseTo(g.path("metrics").path("true_positive_rate").asDouble(), within(1e-12));
        }
    }

    @Test
    void intersectionsAndWeightsMatchInMemory() {
        EvaluationSpec spec = EvaluationSpec.builder().groupBy("race", "sex").metrics(SIX).build();
        FairnessReport viaSpark = SparkFairness.of(compas()).label("y_true").prediction("y_pred")
                .sensitive("race", "sex").weight("weight").evaluate(spec);
        FairnessReport inMemory = Fairness.of(compasInMemory(true), spec).evaluate();
        // Integer weights: Spark's uncompensated sums are exact, so the numbers are identical.
        assertSameNumbers(viaSpark, inMemory);
    }

    @Test
    void realWeightsAgreeWithinTheSummationBound() {
        StructType schema = new StructType().add("y", DataTypes.IntegerType).add("p", DataTypes.IntegerType)
                .add("g", DataTypes.StringType).add("w", DataTypes.DoubleType);
        List<Row> rows = new ArrayList<>();
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        int n = 20_000;
        int[] y = new int[n];
        int[] p = new int[n];
        String[] g = new String[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(2);
            p[i] = r.nextInt(2);
            g[i] = "g" + r.nextInt(3);
            w[i] = r.nextDouble() * 10;
            rows.add(RowFactory.create(y[i], p[i], g[i], w[i]));
        }
        Dataset<Row> ds = spark.createDataFrame(rows, schema).repartition(3);
        EvaluationSpec spec = EvaluationSpec.builder().groupBy("g").metrics(SIX).build();
        FairnessReport viaSpark = SparkFairness.of(ds).label("y").prediction("p").sensitive("g").weight("w")
                .evaluate(spec);
        FairnessReport inMemory = Fairness.of(FairnessData.builder().labels(y).predictions(p).sensitive("g", g)
                .weights(w).build(), spec).evaluate();
        for (GroupMetric m : SIX) {
            for (GroupKey k : inMemory.groups()) {
                assertThat(viaSpark.value(m, k).value()).isCloseTo(inMemory.value(m, k).value(), within(1e-12));
            }
        }
    }

    @Test
    void badValuesAreCountedAndNamedWithAnExample() {
        StructType schema = new StructType().add("y", DataTypes.IntegerType).add("p", DataTypes.IntegerType)
                .add("g", DataTypes.StringType).add("w", DataTypes.DoubleType);
        Dataset<Row> badLabel = spark.createDataFrame(List.of(RowFactory.create(2, 0, "a", 1.0),
                RowFactory.create(2, 0, "a", 1.0), RowFactory.create(1, 0, "a", 1.0)), schema);
        assertThatThrownBy(() -> SparkFairness.of(badLabel).label("y").prediction("p").sensitive("g").evaluate())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'y', 2 rows (Spark rows have no row numbers): got 2; expected 0 or 1");
        Dataset<Row> nullLevel = spark.createDataFrame(List.of(RowFactory.create(1, 0, null, 1.0),
                RowFactory.create(1, 0, "a", 1.0)), schema);
        assertThatThrownBy(() -> SparkFairness.of(nullLevel).label("y").prediction("p").sensitive("g").evaluate())
                .hasMessage("column 'g', 1 row (Spark rows have no row numbers): got null; expected a non-null level");
        Dataset<Row> negative = spark.createDataFrame(List.of(RowFactory.create(1, 0, "a", -1.5),
                RowFactory.create(1, 0, "a", 1.0)), schema);
        assertThatThrownBy(() -> SparkFairness.of(negative).label("y").prediction("p").sensitive("g").weight("w")
                .evaluate()).hasMessage("column 'w', 1 row (Spark rows have no row numbers): got -1.5; expected a "
                        + "finite weight >= 0");
        assertThatThrownBy(() -> SparkFairness.of(negative).label("nope"))
                .hasMessageContaining("no column 'nope' for the label");
    }

    @Test
    void exactAucPerGroupFromTheExecutorsScoreCounts() {
        CsvTable t = SharedFiles.data("compas-predictions.csv");
        String[] s = t.strings("score");
        double[] scores = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            scores[i] = Double.parseDouble(s[i]);
        }
        FairnessData data = FairnessData.builder().labels(t.ints("y_true")).predictions(t.ints("y_pred"))
                .scores(scores).sensitive("race", t.strings("race")).build();
        FairnessReport inMemory = Fairness.of(data).scoreMetrics(ScoreMetrics.ROC_AUC).evaluate();
        List<Row> counts = SparkFairness.of(compas()).label("y_true").prediction("y_pred").sensitive("race")
                .scoreCounts("score", "race").collectAsList();
        Map<String, double[]> u = new java.util.TreeMap<>(); // U, positives above, P, N
        for (Row r : counts) {
            double[] a = u.computeIfAbsent(r.getString(0), k -> new double[4]);
            long pos = r.getLong(2);
            long neg = r.getLong(3);
            a[0] += neg * (a[1] + pos / 2.0);
            a[1] += pos;
            a[2] += pos;
            a[3] += neg;
        }
        for (GroupKey k : inMemory.groups()) {
            double[] a = u.get(k.levels().get(0));
            assertThat(a[0] / (a[2] * a[3])).isEqualTo(inMemory.value(ScoreMetrics.ROC_AUC, k).value());
        }
    }

    @Test
    void countsArePerGroupCellsAndFromCountsRefusesScoreMetrics() {
        Map<List<String>, CellCounts> c = SparkFairness.of(compas()).label("y_true").prediction("y_pred")
                .sensitive("sex").counts(List.of("sex"));
        assertThat(c.keySet()).containsExactly(List.of("Female"), List.of("Male"));
        assertThat(c.values().stream().mapToLong(CellCounts::rows).sum()).isEqualTo(6172);
        assertThatThrownBy(() -> SparkFairness.of(compas()).label("y_true").prediction("y_pred").sensitive("sex")
                .evaluate(EvaluationSpec.builder().groupBy("sex").scoreMetrics(ScoreMetrics.ROC_AUC).build()))
                .hasMessageContaining("scoreMetrics need the rows");
    }
}
