package org.fairkit.cli;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Keeps DuckDB's JDBC driver from registering its JFR memory-usage event in the {@code fairkit} process.
 *
 * <p>Why: {@code org.duckdb:duckdb_jdbc} 2.0's driver, in its static initializer, calls
 * {@code jdk.jfr.FlightRecorder.addPeriodicEvent} for its {@code duckdb.MemoryUsage} event whenever the JVM has the
 * {@code jdk.jfr} module. That initializes JFR's metadata (its type library, in interpreted code): 0.1 s of CPU and
 * 70–80 ms of wall time, a sixth of a whole {@code fairkit audit} of a Parquet file (benchmarks/README.md). Any
 * {@code DriverManager.getConnection} pays it, since the service loader initializes every driver in the jar. The CLI
 * is a one-shot process that never records JFR events, so {@link Main} marks DuckDB's monitor as already initialized
 * before any driver loads; DuckDB then skips the registration and works as before (its connections still report to
 * the monitor's map, which nothing reads).
 *
 * <p>How: DuckDB's package-private {@code org.duckdb.DuckDBMemoryMonitor} guards its registration with a
 * {@code private static boolean initialized}, which this class sets by reflection (the driver is on the class path,
 * in the unnamed module, so no module opens it). Fail-safe: when another DuckDB version lacks the field, or anything
 * refuses, nothing is changed and DuckDB registers its event as it always did; {@code DuckDbJfrMonitorTest} fails on
 * such a version, so that an upgrade of DuckDB looks at this again. Libraries (fairness-sql) never do this: an
 * application embedding FairKit keeps DuckDB's event.
 */
final class DuckDbJfrMonitor {
    static final String MONITOR = "org.duckdb.DuckDBMemoryMonitor";

    private DuckDbJfrMonitor() {
    }

    /** @return whether DuckDB's JFR registration is now skipped (false: DuckDB missing, changed, or refused) */
    static boolean skipRegistration() {
        try {
            Class<?> monitor = Class.forName(MONITOR, false, DuckDbJfrMonitor.class.getClassLoader());
            Field initialized = monitor.getDeclaredField("initialized");
            int modifiers = initialized.getModifiers();
            if (initialized.getType() != boolean.class || !Modifier.isStatic(modifiers)
                    || Modifier.isFinal(modifiers)) {
                return false;
            }
            initialized.setAccessible(true);
            initialized.setBoolean(null, true);
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false;
        }
    }
}
