package org.fairkit.sql;

import java.sql.Connection;
import java.util.Locale;
import java.util.Optional;

/**
 * Files read by an embedded DuckDB connection as a {@link SqlSource}: Parquet ({@code .parquet}), CSV ({@code .csv},
 * {@code .csv.gz}) and JSON ({@code .json}, {@code .ndjson}, {@code .jsonl}), one file or a glob of partitioned files
 * ({@code data/month=*}{@code /*.parquet}). The path is a bind parameter of DuckDB's reader
 * ({@code read_parquet(?)}, {@code read_csv(?, header = true)}, {@code read_json_auto(?)}), never SQL text.
 *
 * <p>Errors name a single Parquet file's data row (DuckDB's {@code file_row_number}, from 1 as the CSV reader's data
 * rows); CSV and JSON files, and globs, are named without a row (DuckDB does not number their rows). DuckDB infers
 * the CSV columns' types: a sensitive column of digits is read as a number, so {@code 01} becomes level {@code 1};
 * FairKit's own CSV reader keeps cells as written.
 */
public final class DuckDbFiles {
    private DuckDbFiles() {
    }

    /** The file formats DuckDB reads here, by file name ending. */
    enum Format {
        PARQUET, CSV, JSON
    }

    /**
     * @param duckdb an open DuckDB connection (e.g. {@code DriverManager.getConnection("jdbc:duckdb:")}), kept open
     *     by the caller
     * @param columns the column mapping
     * @param pathOrGlob a file path or glob ending in a supported extension
     * @throws IllegalArgumentException for another extension
     */
    public static SqlSource source(Connection duckdb, SqlColumns columns, String pathOrGlob) {
        Format f = format(pathOrGlob).orElseThrow(() -> new IllegalArgumentException("file '" + pathOrGlob
                + "' has no supported extension; expected .parquet, .csv, .csv.gz, .json, .ndjson or .jsonl"));
        boolean glob = isGlob(pathOrGlob);
        return SqlSource.relation(duckdb, columns, new SqlSource.Relation() {
            @Override
            public void from(Sql sql, SqlIdentifiers ids) {
                switch (f) {
                    case PARQUET:
                        sql.append("read_parquet(").bind(pathOrGlob).append(glob ? ")" : ", file_row_number = true)");
                        break;
                    case CSV:
                        sql.append("read_csv(").bind(pathOrGlob).append(", header = true)");
                        break;
                    default:
                        sql.append("read_json_auto(").bind(pathOrGlob).append(")");
                        break;
                }
            }

            @Override
            public String describe() {
                return (glob ? "files '" : "file '") + pathOrGlob + "'";
            }

            @Override
            public Optional<String> rowNumber(Connection c) {
                return f == Format.PARQUET && !glob ? Optional.of("(fk_src.file_row_number + 1)") : Optional.empty();
            }
        });
    }

    /** @return the format a path's name ends with, if supported */
    static Optional<Format> format(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        if (p.endsWith(".parquet")) {
            return Optional.of(Format.PARQUET);
        }
        if (p.endsWith(".csv") || p.endsWith(".csv.gz")) {
            return Optional.of(Format.CSV);
        }
        if (p.endsWith(".json") || p.endsWith(".ndjson") || p.endsWith(".jsonl") || p.endsWith(".json.gz")
                || p.endsWith(".ndjson.gz")) {
            return Optional.of(Format.JSON);
        }
        return Optional.empty();
    }

    /** @return whether DuckDB reads the path as a glob */
    public static boolean isGlob(String path) {
        return path.indexOf('*') >= 0 || path.indexOf('?') >= 0 || path.indexOf('[') >= 0;
    }

    /** @return whether a path names a file this class reads (by its extension) */
    public static boolean supports(String path) {
        return format(path).isPresent();
    }
}
