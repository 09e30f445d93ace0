package org.fairkit.orchestration.io;

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
import java.util.Objects;
import java.util.function.Function;

/**
 * FairKit's one CSV reader: a file read record by record as raw cells, with the typed cells FairKit understands
 * (binary, score, weight, group level) parsed in one place. {@link CsvSource} reads through it with a column
 * mapping; a caller that needs other columns (the CLI's {@code calibrate} and {@code mitigate}, which copy every
 * cell to their output) uses it directly.
 *
 * <pre>{@code
 * CsvTable table = CsvTable.open(Path.of("scores.csv"));
 * int y = table.column("y", "label");
 * int s = table.column("score", "score");
 * table.forEach(r -> use(r.binary(y, BinaryValues.ZERO_ONE), r.score(s)));
 * }</pre>
 *
 * <p><b>Format.</b> RFC 4180 CSV through Jackson's {@link CsvMapper}, UTF-8 (a leading byte-order mark is ignored;
 * malformed UTF-8 is an error, see {@link Utf8Input}), comma separated, a header line; quoted cells may contain
 * commas and line breaks; empty lines are skipped. Header names and typed cells are trimmed of surrounding spaces
 * ({@link String#trim()}); {@link Record#cells()} are the cells as written.
 *
 * <p><b>Errors</b> are {@link IllegalArgumentException}s, worded once (in {@code CsvErrors}), naming the file, the
 * column and the expected domain, and for a cell both its <b>file line</b> (1-based, the header is line 1; the line
 * on which the record ends, or where its last cell starts if that quoted cell spans lines) and its <b>data row</b> (1-based, the first record after the header is data row 1):
 * {@code file 'in.csv', line 3 (data row 2), column 'y': got 'yes'; expected 1 for [1] or 0 for [0]}.
 */
public final class CsvTable {
    /** Quotes a cell only when it must (separator, quote, line break, surrounding space). */
    private static final CsvMapper WRITER = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    private final Path file;
    private final List<String> header;

    private CsvTable(Path file, List<String> header) {
        this.file = file;
        this.header = header;
    }

    /** What {@link #forEach} hands over: one record at a time. */
    @FunctionalInterface
    public interface RecordVisitor {
        /**
         * @param record the record, valid during the call
         * @throws IOException to stop the read with an I/O error (e.g. of a writer copying the rows)
         */
        void record(Record record) throws IOException;
    }

    /**
     * Reads the header of a file.
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if it is empty, not valid CSV or UTF-8, or a column name repeats
     */
    public static CsvTable open(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (Reader reader = Utf8Input.reader(Files.newInputStream(file), file);
                MappingIterator<String[]> it = records(reader)) {
            if (!hasNext(file, it)) {
                throw CsvErrors.noHeader(file);
            }
            List<String> header = header(next(file, it));
            for (int i = 0; i < header.size(); i++) {
                if (header.indexOf(header.get(i)) != i) {
                    throw CsvErrors.duplicateColumn(file, header.get(i));
                }
            }
            return new CsvTable(file, header);
        }
    }

    /** @return the file */
    public Path file() {
        return file;
    }

    /** @return the header's column names (trimmed), in order */
    public List<String> header() {
        return header;
    }

    /**
     * @param role what the column is for, for the message: {@code label}, {@code score}, ...
     * @return the index of a column
     * @throws IllegalArgumentException naming the file, the column, its role and the header, if it is missing
     */
    public int column(String name, String role) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw CsvErrors.missingColumn(file, name, role, header);
        }
        return i;
    }

    /**
     * Reads every record after the header, in order; one record is held at a time.
     *
     * @return the number of data rows
     * @throws IOException if the file cannot be read, or the visitor throws it
     * @throws IllegalArgumentException for a record with the wrong number of cells, malformed CSV, no data row, or
     *     the visitor's first bad cell
     */
    public long forEach(RecordVisitor visitor) throws IOException {
        Objects.requireNonNull(visitor, "visitor");
        try (Reader reader = Utf8Input.reader(Files.newInputStream(file), file)) {
            return read(file, reader, h -> visitor);
        }
    }

    /**
     * The one read loop: the header (BOM removed, names trimmed) goes to {@code onHeader}, which checks it and
     * returns the visitor of the records.
     */
    static long read(Path file, Reader reader, Function<List<String>, RecordVisitor> onHeader) throws IOException {
        long rows = 0;
        try (MappingIterator<String[]> it = records(reader)) {
            if (!hasNext(file, it)) {
                throw CsvErrors.noHeader(file);
            }
            List<String> header = header(next(file, it));
            RecordVisitor visitor = onHeader.apply(header);
            double[] weightTotals = new double[header.size()];
            while (hasNext(file, it)) {
                String[] cells = next(file, it);
                long line = it.getParser().currentTokenLocation().getLineNr();
                rows++;
                if (cells.length != header.size()) {
                    throw CsvErrors.cellCount(file, line, rows, cells.length, header.size());
                }
                visitor.record(new Record(file, header, cells, line, rows, weightTotals));
            }
        }
        if (rows == 0) {
            throw CsvErrors.noRows(file);
        }
        return rows;
    }

    private static MappingIterator<String[]> records(Reader reader) throws IOException {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        mapper.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        mapper.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        return mapper.readerFor(String[].class).readValues(reader);
    }

    private static List<String> header(String[] cells) {
        List<String> names = new ArrayList<>();
        for (String h : cells) {
            names.add(h.trim());
        }
        if (!names.isEmpty() && names.get(0).startsWith("\uFEFF")) {
            names.set(0, names.get(0).substring(1).trim());
        }
        return List.copyOf(names);
    }

    private static boolean hasNext(Path file, MappingIterator<String[]> it) throws IOException {
        try {
            return it.hasNextValue();
        } catch (JsonProcessingException | RuntimeJsonMappingException e) {
            throw malformed(file, it, e);
        }
    }

    private static String[] next(Path file, MappingIterator<String[]> it) throws IOException {
        try {
            return it.nextValue();
        } catch (JsonProcessingException | RuntimeJsonMappingException e) {
            throw malformed(file, it, e);
        }
    }

    private static IllegalArgumentException malformed(Path file, MappingIterator<String[]> it, Exception e) {
        Utf8Input.Malformed utf8 = Utf8Input.Malformed.in(e);
        if (utf8 != null) {
            return utf8;
        }
        String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        return CsvErrors.malformed(file, it.getParser().currentLocation().getLineNr(), message);
    }

    /**
     * Opens a CSV writer in the same format (RFC 4180, {@code \n} line ends, a cell quoted only when it must be)
     * whose first record is the header; cells are written as given. Close it to flush.
     */
    public static SequenceWriter writer(Writer out, List<String> columns) throws IOException {
        CsvSchema.Builder b = CsvSchema.builder().setUseHeader(true).setLineSeparator("\n");
        columns.forEach(b::addColumn);
        return WRITER.writer(b.build()).writeValues(out);
    }

    /**
     * One record of a {@link CsvTable}, with its place in the file and the typed reading of its cells. Every typed
     * reader throws the one error of its domain, naming the file, line, data row and column.
     */
    public static final class Record {
        private final Path file;
        private final List<String> header;
        private final String[] cells;
        private final long line;
        private final long dataRow;
        private final double[] weightTotals;

        private Record(Path file, List<String> header, String[] cells, long line, long dataRow,
                double[] weightTotals) {
            this.file = file;
            this.header = header;
            this.cells = cells;
            this.line = line;
            this.dataRow = dataRow;
            this.weightTotals = weightTotals;
        }

        /**
         * @return the file line on which the record ends, or where its last cell starts if that quoted cell spans
         *     lines (the header is line 1)
         */
        public long line() {
            return line;
        }

        /** @return the 1-based data row (the first record after the header is 1) */
        public long dataRow() {
            return dataRow;
        }

        /** @return the cell in a column, as written (untrimmed) */
        public String cell(int column) {
            return cells[column];
        }

        /** @return a copy of the record's cells, as written, one per header column */
        public String[] cells() {
            return cells.clone();
        }

        /** @return a copy of the record's cells, as written, with {@code extra} cells appended */
        public String[] cellsWith(String... extra) {
            String[] out = Arrays.copyOf(cells, cells.length + extra.length);
            System.arraycopy(extra, 0, out, cells.length, extra.length);
            return out;
        }

        /**
         * A binary cell (label or prediction) through its value mapping.
         *
         * @return 1 or 0
         * @throws IllegalArgumentException {@code expected 1 for [..] or 0 for [..]} if the cell is in neither list
         */
        public int binary(int column, BinaryValues values) {
            int code = values.code(cells[column].trim());
            if (code < 0) {
                throw bad(column, values.expected());
            }
            return code;
        }

        /**
         * A score cell.
         *
         * @return a number in [0, 1]
         * @throws IllegalArgumentException {@code expected a number in [0, 1]} otherwise
         */
        public double score(int column) {
            double s = number(column, CsvErrors.SCORE);
            if (!(s >= 0 && s <= 1)) {
                throw bad(column, CsvErrors.SCORE);
            }
            return s;
        }

        /**
         * A weight cell. The weights of a column read in one pass must also have a finite total.
         *
         * @return a finite number {@code >= 0}
         * @throws IllegalArgumentException {@code expected a finite weight >= 0} otherwise, or when the column's
         *     running total passes the largest double at this row
         */
        public double weight(int column) {
            double w = number(column, CsvErrors.WEIGHT);
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw bad(column, CsvErrors.WEIGHT);
            }
            weightTotals[column] += w;
            if (Double.isInfinite(weightTotals[column])) {
                throw CsvErrors.weightOverflow(file, line, dataRow, header.get(column));
            }
            return w;
        }

        /**
         * A numeric feature cell (a decimal number as {@link Decimals} reads it).
         *
         * @return a finite number
         * @throws IllegalArgumentException {@code expected a finite number} otherwise
         */
        public double number(int column) {
            double v = number(column, CsvErrors.NUMBER);
            if (!Double.isFinite(v)) {
                throw bad(column, CsvErrors.NUMBER);
            }
            return v;
        }

        /**
         * A rank cell: an item's position in its ranking.
         *
         * @return a whole number {@code >= 1}
         * @throws IllegalArgumentException {@code expected a whole number >= 1 (a rank, 1 = top)} otherwise
         */
        public int position(int column) {
            String c = cells[column].trim();
            if (!c.matches("\\+?[0-9]{1,9}")) {
                throw bad(column, CsvErrors.POSITION);
            }
            int p = Integer.parseInt(c.startsWith("+") ? c.substring(1) : c);
            if (p < 1) {
                throw bad(column, CsvErrors.POSITION);
            }
            return p;
        }

        /**
         * The error of a cell that its reader refuses for a reason only the caller knows (a rank used twice in its
         * ranking), in the one wording: file, line, data row, column, the cell, what was expected.
         *
         * @param expected what the cell should have been
         * @return the error, to throw
         */
        public IllegalArgumentException badCell(int column, String expected) {
            return bad(column, expected);
        }

        /**
         * A sensitive cell.
         *
         * @return the trimmed, non-empty group level
         * @throws IllegalArgumentException {@code expected a non-empty level} if the trimmed cell is empty
         */
        public String level(int column) {
            String v = cells[column].trim();
            if (v.isEmpty()) {
                throw bad(column, CsvErrors.LEVEL);
            }
            return v;
        }

        private double number(int column, String expected) {
            try {
                return Decimals.parse(cells[column].trim());
            } catch (NumberFormatException e) {
                throw bad(column, expected);
            }
        }

        private IllegalArgumentException bad(int column, String expected) {
            return CsvErrors.badCell(file, line, dataRow, header.get(column), cells[column], expected);
        }
    }
}
