package org.fairkit.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.fairkit.orchestration.io.BinaryValues;
import org.fairkit.orchestration.io.Decimals;
import org.fairkit.orchestration.io.Utf8Input;

/**
 * A CSV file read record by record as raw cells, for the commands that need columns other than an audit's mapping
 * ({@code calibrate}: no prediction; {@code mitigate}: every input cell copied to the output). Same format and same
 * error wording as orchestration's {@code CsvSource}: RFC 4180, UTF-8 (a byte-order mark is ignored), a header line,
 * empty lines skipped, cells trimmed; a bad cell names the file, the file line (header = line 1), the data row
 * (first record = 1), the column and what was expected.
 */
final class CsvTable {
    private static final CsvMapper WRITER = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    private final Path file;
    private final List<String> header;

    private CsvTable(Path file, List<String> header) {
        this.file = file;
        this.header = header;
    }

    /** What a visitor receives: one record's cells (untrimmed) with its place in the file. */
    @FunctionalInterface
    interface RowVisitor {
        /**
         * @param cells the record's cells, one per header column
         * @param line the file line on which the record ends
         * @param dataRow the 1-based data row
         */
        void row(String[] cells, long line, long dataRow) throws IOException;
    }

    /**
     * Reads the header of a file.
     *
     * @throws CliException if the file does not exist
     * @throws IllegalArgumentException if it is empty, or a column name repeats
     */
    static CsvTable open(String option, Path file) throws IOException {
        Inputs.file(option, file, "a CSV file");
        List<String> header = new ArrayList<>();
        try (Reader reader = Utf8Input.reader(Files.newInputStream(file), file);
                MappingIterator<String[]> it = mapper().readerFor(String[].class).readValues(reader)) {
            if (!next(file, it)) {
                throw new IllegalArgumentException("file '" + file + "' is empty; expected a header line");
            }
            for (String h : value(it)) {
                header.add(h.strip());
            }
        }
        if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1));
        }
        for (int i = 0; i < header.size(); i++) {
            if (header.indexOf(header.get(i)) != i) {
                throw new IllegalArgumentException("file '" + file + "': column '" + header.get(i)
                        + "' appears twice in the header; expected distinct column names");
            }
        }
        return new CsvTable(file, List.copyOf(header));
    }

    private static CsvMapper mapper() {
        CsvMapper m = new CsvMapper();
        m.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        m.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        m.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        return m;
    }

    private static boolean next(Path file, MappingIterator<String[]> it) {
        try {
            return it.hasNextValue();
        } catch (IOException | RuntimeJsonMappingException e) {
            Utf8Input.Malformed utf8 = Utf8Input.Malformed.in(e);
            if (utf8 != null) {
                throw utf8;
            }
            String message = e instanceof JsonProcessingException ? ((JsonProcessingException) e).getOriginalMessage()
                    : e.getMessage();
            throw new IllegalArgumentException("file '" + file + "', line " + it.getParser().currentLocation()
                    .getLineNr() + ": not valid CSV: " + message);
        }
    }

    private static String[] value(MappingIterator<String[]> it) throws IOException {
        try {
            return it.nextValue();
        } catch (IOException | RuntimeException e) {
            Utf8Input.Malformed utf8 = Utf8Input.Malformed.in(e);
            if (utf8 != null) {
                throw utf8;
            }
            throw e;
        }
    }

    /** @return the file */
    Path file() {
        return file;
    }

    /** @return the header's column names, in order */
    List<String> header() {
        return header;
    }

    /**
     * @return the index of a column
     * @throws IllegalArgumentException naming its role and the header if it is missing
     */
    int column(String name, String role) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("file '" + file + "': column '" + name + "' (" + role
                    + ") is missing; the header has " + header);
        }
        return i;
    }

    /**
     * Reads every record after the header, in order.
     *
     * @return the number of data rows
     * @throws IllegalArgumentException for a record with the wrong number of cells, malformed CSV, or no data row
     */
    long forEach(RowVisitor visitor) throws IOException {
        long rows = 0;
        try (Reader reader = Utf8Input.reader(Files.newInputStream(file), file);
                MappingIterator<String[]> it = mapper().readerFor(String[].class).readValues(reader)) {
            next(file, it);
            value(it);
            while (next(file, it)) {
                String[] cells = value(it);
                long line = it.getParser().currentTokenLocation().getLineNr();
                rows++;
                if (cells.length != header.size()) {
                    throw new IllegalArgumentException(where(line, rows) + ": " + cells.length + " cells; expected "
                            + header.size() + " (one per header column)");
                }
                visitor.row(cells, line, rows);
            }
        }
        if (rows == 0) {
            throw new IllegalArgumentException("file '" + file + "' has a header but no data rows; expected at least "
                    + "one row");
        }
        return rows;
    }

    private String where(long line, long dataRow) {
        return "file '" + file + "', line " + line + " (data row " + dataRow + ")";
    }

    private IllegalArgumentException bad(long line, long dataRow, int column, String cell, String expected) {
        return new IllegalArgumentException(where(line, dataRow) + ", column '" + header.get(column) + "': got '"
                + cell + "'; expected " + expected);
    }

    /** A binary cell through its value mapping: 1 or 0. */
    int binary(String[] cells, int column, BinaryValues values, long line, long dataRow) {
        String c = cells[column].strip();
        if (values.positives().contains(c)) {
            return 1;
        }
        if (values.negatives().contains(c)) {
            return 0;
        }
        throw bad(line, dataRow, column, c, "1 for " + sorted(values.positives()) + " or 0 for "
                + sorted(values.negatives()));
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }

    /** A score cell: a number in [0, 1]. */
    double score(String[] cells, int column, long line, long dataRow) {
        String c = cells[column].strip();
        double x = parse(c);
        if (!(x >= 0 && x <= 1)) {
            throw bad(line, dataRow, column, c, "a number in [0, 1]");
        }
        return x;
    }

    /** A weight cell: finite and {@code >= 0}. */
    double weight(String[] cells, int column, long line, long dataRow) {
        String c = cells[column].strip();
        double x = parse(c);
        if (!(x >= 0) || !Double.isFinite(x)) {
            throw bad(line, dataRow, column, c, "a finite number >= 0");
        }
        return x;
    }

    /** A sensitive cell: any non-empty text. */
    String level(String[] cells, int column, long line, long dataRow) {
        String c = cells[column].strip();
        if (c.isEmpty()) {
            throw bad(line, dataRow, column, c, "a non-empty group level");
        }
        return c;
    }

    private static double parse(String c) {
        try {
            return c.isEmpty() ? Double.NaN : Decimals.parse(c);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Opens a CSV writer whose first record is the header; close it to flush. */
    static SequenceWriter writer(Writer out, List<String> columns) throws IOException {
        CsvSchema.Builder b = CsvSchema.builder().setUseHeader(true).setLineSeparator("\n");
        columns.forEach(b::addColumn);
        return WRITER.writer(b.build()).writeValues(out);
    }

    /** The cells of a row with extra cells appended. */
    static String[] append(String[] cells, String... extra) {
        String[] out = Arrays.copyOf(cells, cells.length + extra.length);
        System.arraycopy(extra, 0, out, cells.length, extra.length);
        return out;
    }
}
