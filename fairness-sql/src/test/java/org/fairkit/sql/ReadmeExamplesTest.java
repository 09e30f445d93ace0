package org.fairkit.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.fairkit.core.EvaluationSpec;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.tally.GroupConfusion;
import org.fairkit.testkit.Markdown;
import org.fairkit.testkit.TestSource;
import org.junit.jupiter.api.Test;

/** Docs are tests: every line of the README's Java snippet appears here, compiled and run on DuckDB. */
class ReadmeExamplesTest {

    @Test
    void theReadmeSnippetRunsOnADuckDbTable() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE decisions (y_true INTEGER, y_pred INTEGER, race VARCHAR, sex VARCHAR, "
                        + "weight DOUBLE)");
                st.execute("INSERT INTO decisions VALUES (1, 1, 'A', 'F', 1), (0, 1, 'A', 'M', 2), "
                        + "(1, 0, 'B', 'F', 1), (0, 0, 'B', 'M', 3)");
            }
            DataSource dataSource = new SingleConnection(c);
            SqlColumns columns = SqlColumns.builder().label("y_true").prediction("y_pred")
                .sensitive("race", "sex").weight("weight").build();
            SqlSource source = SqlSource.table(dataSource, columns, "decisions");     // or SqlSource.query(dataSource, columns, "SELECT ...")
            EvaluationSpec spec = EvaluationSpec.builder().groupBy("race").metrics(Metrics.SELECTION_RATE)
                .buildFor(columns.sensitive());
            FairnessReport report = source.evaluate(spec);
            SqlTally tally = source.tally();                                        // the counts alone
            GroupConfusion byRaceAndSex = tally.confusion(List.of("race", "sex"));
            assertThat(report.value(Metrics.SELECTION_RATE, GroupKey.of("race", "A")).value()).isEqualTo(1.0);
            assertThat(byRaceAndSex.groupCount()).isEqualTo(4);
        }
    }

    @Test
    void everyJavaLineOfTheReadmeIsInThisTest() {
        String self = TestSource.of(ReadmeExamplesTest.class).text();
        List<String> lines = Markdown.read(Path.of("README.md")).codeLines("java");
        assertThat(lines).hasSizeGreaterThan(5);
        for (String code : lines) {
            assertThat(self).as("README line %s", code).contains(code);
        }
    }

    /** A DataSource over one open connection, whose close() leaves it open (for the test only). */
    private static final class SingleConnection implements DataSource {
        private final Connection c;

        SingleConnection(Connection c) {
            this.c = c;
        }

        @Override
        public Connection getConnection() {
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, m, args) -> m.getName().equals("close") ? null
                            : m.invoke(c, args));
        }

        @Override
        public Connection getConnection(String user, String password) {
            return getConnection();
        }

        @Override
        public java.io.PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(java.io.PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public java.util.logging.Logger getParentLogger() {
            return java.util.logging.Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
