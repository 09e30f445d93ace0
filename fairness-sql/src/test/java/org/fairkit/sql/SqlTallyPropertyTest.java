package org.fairkit.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.fairkit.core.EvaluationSpec;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.metrics.Metrics;
import org.junit.jupiter.api.Test;

/**
 * Properties of the pushed-down tally against the in-memory one, on random tables: single-row groups, groups without
 * positives or without predicted positives, one group only, integer weights (whose sums are exact), and every
 * grouping (each column and the intersection, added up from the one full-key GROUP BY).
 */
class SqlTallyPropertyTest {

    @Test
    void theDatabaseTallyOfEveryGroupingEqualsTheInMemoryTally() {
        qt().withFixedSeed(20261207L).withExamples(40).forAll(integers().between(1, 300), integers().between(1, 6),
                longs().all()).checkAssert((rows, levels, seed) -> {
                    try {
                        check(rows, levels, seed);
                    } catch (SQLException e) {
                        throw new AssertionError(e);
                    }
                });
    }

    private static void check(int n, int levels, long seed) throws SQLException {
        Random r = new Random(seed);
        int[] y = new int[n];
        int[] p = new int[n];
        double[] w = new double[n];
        String[] a = new String[n];
        String[] b = new String[n];
        // Skewed rates so that small groups often lack positives or predicted positives.
        double py = r.nextDouble();
        double pp = r.nextDouble();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE t (y INTEGER, p INTEGER, a VARCHAR, b VARCHAR, w DOUBLE)");
            }
            try (DuckDBAppender app = ((DuckDBConnection) c).createAppender("main", "t")) {
                for (int i = 0; i < n; i++) {
                    y[i] = r.nextDouble() < py ? 1 : 0;
                    p[i] = r.nextDouble() < pp ? 1 : 0;
                    w[i] = 1 + r.nextInt(4);
                    a[i] = "a" + r.nextInt(levels);
                    b[i] = r.nextBoolean() ? "x" : "y y";
                    app.beginRow();
                    app.append(y[i]);
                    app.append(p[i]);
                    app.append(a[i]);
                    app.append(b[i]);
                    app.append(w[i]);
                    app.endRow();
                }
            }
            FairnessData data = FairnessData.builder().labels(y).predictions(p).sensitive("a", a).sensitive("b", b)
                    .weights(w).build();
            SqlColumns cols = SqlColumns.builder().label("y").prediction("p").sensitive("a", "b").weight("w").build();
            SqlTally t = SqlSource.table(c, cols, "t").tally();
            assertThat(t.rows()).isEqualTo(n);
            for (List<String> by : List.of(List.of("a"), List.of("b"), List.of("a", "b"), List.of("b", "a"))) {
                EvaluationSpec spec = EvaluationSpec.builder().groupBy(by.toArray(String[]::new))
                        .metrics(Metrics.values()).buildFor(List.of("a", "b"));
                var expected = Fairness.of(data, spec).evaluate();
                assertThat(t.grouping(by).groups()).isEqualTo(expected.groups());
                assertThat(t.confusion(by)).as("tally by %s", by).isEqualTo(expected.results().tally());
                var actual = t.report(spec, Compas.CLOCK);
                assertThat(actual.warnings()).isEqualTo(expected.warnings());
                assertThat(actual.fairnessMetrics()).isEqualTo(expected.fairnessMetrics());
            }
        }
    }
}
