import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Writes the end-to-end benchmark's input with DuckDB (on the class path of fairness-cli/target/fairkit.jar):
 * 1e7 rows {@code y_true, y_pred, s}, labels and predictions from a hash of the row number, {@code s} in 5 groups
 * {@code g0..g4}; as Parquet, and as the same rows in CSV when a second path is given.
 *
 * <pre>java -cp fairness-cli/target/fairkit.jar benchmarks/harness/MakeParquet.java d1e7.parquet [d1e7.csv]</pre>
 */
public final class MakeParquet {
    private MakeParquet() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT CAST(hash(i) % 2 AS INTEGER) AS y_true, CAST(hash(i + 7) % 2 AS INTEGER) AS y_pred, "
                    + "'g' || CAST(i % 5 AS VARCHAR) AS s FROM range(10000000) t(i)) TO '" + args[0].replace("'", "''")
                    + "' (FORMAT PARQUET)");
            if (args.length > 1) {
                st.execute("COPY (SELECT * FROM read_parquet('" + args[0].replace("'", "''") + "')) TO '"
                        + args[1].replace("'", "''") + "' (FORMAT CSV, HEADER)");
            }
        }
    }
}
