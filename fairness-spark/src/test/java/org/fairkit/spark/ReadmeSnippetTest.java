package org.fairkit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fairkit.core.EvaluationSpec;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.testkit.Markdown;
import org.fairkit.testkit.SharedFiles;
import org.fairkit.testkit.TestSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Docs are tests: the README's snippet is this test's code, and the example runs on local[2]. */
class ReadmeSnippetTest {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("fairkit-readme")
                .config("spark.ui.enabled", "false").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1").config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void snippetAndExampleRun() {
        Path csv = SharedFiles.dataFile("compas-predictions.csv");
        Dataset<Row> rows = spark.read().option("header", "true").option("inferSchema", "true").csv(csv.toString());
        // snippet 1 start
        FairnessReport report = SparkFairness.of(rows)            // a Dataset<Row>
            .label("y_true").prediction("y_pred").sensitive("race", "sex")
            .evaluate(EvaluationSpec.builder().groupBy("race").reference("Caucasian")
                .metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE).build());
        // snippet 1 end
        assertThat(report.groups()).hasSize(6);
        FairnessReport example = SparkAuditExample.run(spark, csv.toString(), "sex");
        assertThat(example.provenance().rows()).isEqualTo(6172);
        assertThat(example.metrics()).hasSize(6);
    }

    @Test
    void readmeShowsExactlyTheSnippetThisTestRuns() {
        List<String> blocks = Markdown.read(Path.of("README.md")).blocks("java").stream().map(Markdown::normalize)
                .toList();
        String snippet = TestSource.of(ReadmeSnippetTest.class).between("// snippet 1 start", "// snippet 1 end");
        assertThat(blocks).contains(Markdown.normalize(snippet));
    }
}
