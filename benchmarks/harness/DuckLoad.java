// Harness (issue 16, benchmarks/README.md): run as described there; thread CPU time, not a JMH benchmark.
public class DuckLoad {
    public static void main(String[] a) throws Exception {
        long t0 = System.nanoTime();
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:")) {
            long t1 = System.nanoTime();
            System.out.printf("connect %.0f ms%n", (t1 - t0) / 1e6);
        }
    }
}
