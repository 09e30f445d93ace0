/**
 * The tally pushed down into a database: {@link org.fairkit.sql.SqlSource} (the front door) runs one
 * {@code GROUP BY} over a table, a read-only query or a file an embedded engine reads, validating every value in the
 * same pass, and {@link org.fairkit.sql.SqlTally} turns the counts into the same {@code GroupConfusion}s and
 * {@code FairnessReport}s as rows in memory. Tested on DuckDB (embedded) and PostgreSQL; any JDBC driver with
 * {@code CASE}, {@code CAST(... AS VARCHAR)}, {@code CAST(... AS FLOAT8)} and {@code FETCH FIRST} works.
 * Stability: new in 0.1; the Java API may change.
 */
package org.fairkit.sql;
