package org.fairkit.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fairkit.core.EvaluationSpec;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.metrics.ZeroDivision;
import org.fairkit.testkit.CsvTable;
import org.fairkit.testkit.GoldenJson;
import org.fairkit.testkit.SharedFiles;

/**
 * The COMPAS golden checks shared by every engine's test: {@code ../shared/golden/compas.json}'s Fairlearn 0.13.0
 * {@code MetricFrame} by-group values (race, sex, race × sex; unweighted and weighted), and equality with the
 * in-memory report over the same rows, through any {@link SqlSource}.
 */
final class Compas {
    static final String CSV = "compas-predictions.csv";
    static final double TOLERANCE = 1e-12;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T00:00:00Z"), ZoneOffset.UTC);
    static final List<List<String>> GROUPINGS = List.of(List.of("race"), List.of("sex"), List.of("race", "sex"));
    private static final Map<String, GroupMetric> METRICS = new LinkedHashMap<>();

    static {
        METRICS.put("selection_rate", Metrics.SELECTION_RATE);
        METRICS.put("true_positive_rate", Metrics.TRUE_POSITIVE_RATE);
        METRICS.put("false_positive_rate", Metrics.FALSE_POSITIVE_RATE);
        METRICS.put("false_negative_rate", Metrics.FALSE_NEGATIVE_RATE);
        METRICS.put("true_negative_rate", Metrics.TRUE_NEGATIVE_RATE);
        METRICS.put("accuracy", Metrics.ACCURACY);
        METRICS.put("precision", Metrics.POSITIVE_PREDICTIVE_VALUE);
        METRICS.put("f1", Metrics.F1_SCORE);
    }

    private Compas() {
    }

    static Path csv() {
        return SharedFiles.dataFile(CSV);
    }

    static SqlColumns columns(boolean weighted) {
        SqlColumns.Builder b = SqlColumns.builder().label("y_true").prediction("y_pred").sensitive("race", "sex");
        if (weighted) {
            b.weight("weight");
        }
        return b.build();
    }

    /** Copies the COMPAS CSV into a DuckDB table (the CSV path is a bind parameter). */
    static void loadIntoDuckDb(Connection c, String table) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("CREATE TABLE " + SqlIdentifiers.withQuote("\"")
                .quote("table", table) + " AS SELECT * FROM read_csv(?, header = true)")) {
            st.setString(1, csv().toString());
            st.execute();
        }
    }

    static FairnessData inMemory(boolean weighted) {
        CsvTable t = SharedFiles.data(CSV);
        FairnessData.Builder b = FairnessData.builder().labels(t.ints("y_true")).predictions(t.ints("y_pred"))
                .sensitive("race", t.strings("race")).sensitive("sex", t.strings("sex"));
        if (weighted) {
            b.weights(t.doubles("weight"));
        }
        return b.build();
    }

    static EvaluationSpec spec(List<String> groupBy, ZeroDivision zd) {
        return EvaluationSpec.builder().groupBy(groupBy.toArray(String[]::new)).metrics(Metrics.values())
                .zeroDivision(zd).buildFor(List.of("race", "sex"));
    }

    /** Every golden by-group value of the six metric_frame blocks equals the source's report within 1e-12. */
    static void assertGolden(SqlSource unweighted, SqlSource weighted) throws SQLException {
        JsonNode mf = SharedFiles.golden("compas.json").get("metric_frame");
        int checked = 0;
        for (String block : List.of("race", "sex", "racexsex")) {
            for (String w : List.of("unweighted", "weighted")) {
                JsonNode b = mf.get(block).get(w);
                List<String> by = GoldenJson.strings(b.get("sensitive_features"));
                SqlSource source = w.equals("weighted") ? weighted : unweighted;
                FairnessReport r = source.evaluate(spec(by, ZeroDivision.ZERO), CLOCK);
                for (JsonNode g : b.get("by_group")) {
                    List<String> levels = new ArrayList<>();
                    for (String f : by) {
                        levels.add(g.get("group").get(f).asText());
                    }
                    GroupKey key = new GroupKey(by, levels);
                    for (Map.Entry<String, GroupMetric> m : METRICS.entrySet()) {
                        double expected = GoldenJson.number(g.get("metrics").get(m.getKey()));
                        assertThat(r.value(m.getValue(), key).value()).as("%s.%s %s %s", block, w, levels,
                                m.getKey()).isCloseTo(expected, within(TOLERANCE));
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(300);
    }

    /** The source's report equals the in-memory report: same groups, every metric bit for bit (or both undefined). */
    static void assertSameAsInMemory(SqlSource source, boolean weighted) throws SQLException {
        FairnessData data = inMemory(weighted);
        for (List<String> by : GROUPINGS) {
            EvaluationSpec spec = spec(by, ZeroDivision.UNDEFINED);
            FairnessReport expected = Fairness.of(data, spec).clock(CLOCK).evaluate();
            FairnessReport actual = source.evaluate(spec, CLOCK);
            assertThat(actual.groups()).isEqualTo(expected.groups());
            assertThat(actual.results().tally()).as("tally by %s", by).isEqualTo(expected.results().tally());
            for (GroupKey g : expected.groups()) {
                for (GroupMetric m : Metrics.values()) {
                    MetricValue e = expected.value(m, g);
                    assertThat(actual.value(m, g)).as("%s %s", g, m).isEqualTo(e);
                }
            }
            assertThat(actual.fairnessMetrics()).isEqualTo(expected.fairnessMetrics());
            assertThat(actual.warnings()).isEqualTo(expected.warnings());
            assertThat(actual.provenance().rows()).isEqualTo(data.rows());
        }
    }
}
