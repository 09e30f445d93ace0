package org.fairkit.testkit;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A header-indexed CSV table of strings, for test data: read with Jackson's CSV parser, so quoted fields (commas,
 * quotes and line breaks inside a field, RFC 4180) are read as written. Empty lines are skipped; every other row
 * must have as many fields as the header, else reading fails naming the file and the record.
 *
 * <p>Immutable; the typed accessors parse on each call and fail naming the column, the row and the text.
 */
public final class CsvTable {
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    private final String source;
    private final List<String> header;
    private final List<String[]> rows;

    private CsvTable(String source, List<String> header, List<String[]> rows) {
        this.source = source;
        this.header = List.copyOf(header);
        this.rows = List.copyOf(rows);
    }

    /** @return the table of a UTF-8 CSV file whose first record is the header */
    public static CsvTable read(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.toString(), in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** @return the table of CSV text whose first record is the header; {@code source} names it in errors */
    public static CsvTable parse(String source, String text) {
        try (Reader in = new java.io.StringReader(text)) {
            return read(source, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    private static CsvTable read(String source, Reader in) throws IOException {
        List<String[]> records = new ArrayList<>();
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).readValues(in)) {
            while (it.hasNextValue()) {
                records.add(it.nextValue());
            }
        }
        if (records.isEmpty()) {
            throw new IllegalStateException(source + " has no header");
        }
        List<String> header = List.of(records.get(0));
        List<String[]> rows = records.subList(1, records.size());
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).length != header.size()) {
                throw new IllegalStateException(source + " record " + (i + 2) + " has " + rows.get(i).length
                        + " fields, the header " + header.size());
            }
        }
        return new CsvTable(source, header, rows);
    }

    /** @return the column names, in file order */
    public List<String> header() {
        return header;
    }

    /** @return the number of data rows */
    public int rows() {
        return rows.size();
    }

    /** @return the fields of data row {@code i} (a copy) */
    public String[] row(int i) {
        return rows.get(i).clone();
    }

    /** @return the field of data row {@code i} in column {@code name} */
    public String cell(int i, String name) {
        return rows.get(i)[column(name)];
    }

    /** @return whether the table has a column {@code name} */
    public boolean has(String name) {
        return header.contains(name);
    }

    /** @return a column as strings */
    public String[] strings(String name) {
        int c = column(name);
        return rows.stream().map(r -> r[c]).toArray(String[]::new);
    }

    /** @return a column as ints */
    public int[] ints(String name) {
        int c = column(name);
        int[] out = new int[rows.size()];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = Integer.parseInt(rows.get(i)[c]);
            } catch (NumberFormatException e) {
                throw new IllegalStateException(where(name, i) + " is not an int: '" + rows.get(i)[c] + "'", e);
            }
        }
        return out;
    }

    /** @return a column as doubles */
    public double[] doubles(String name) {
        int c = column(name);
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = Double.parseDouble(rows.get(i)[c]);
            } catch (NumberFormatException e) {
                throw new IllegalStateException(where(name, i) + " is not a number: '" + rows.get(i)[c] + "'", e);
            }
        }
        return out;
    }

    /** @return the columns by name, in file order, each as its list of fields */
    public Map<String, List<String>> columns() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String h : header) {
            out.put(h, List.of(strings(h)));
        }
        return out;
    }

    /** @return the rows whose column {@code name} is one of {@code levels}, in file order */
    public CsvTable where(String name, Collection<String> levels) {
        int c = column(name);
        return new CsvTable(source, header, rows.stream().filter(r -> levels.contains(r[c])).toList());
    }

    private int column(String name) {
        int c = header.indexOf(name);
        if (c < 0) {
            throw new IllegalArgumentException("no column '" + name + "' in " + source + "; columns are " + header);
        }
        return c;
    }

    private String where(String name, int row) {
        return source + " column '" + name + "' data row " + (row + 1);
    }

    @Override
    public String toString() {
        return "CsvTable" + header + " x " + rows.size() + " rows";
    }

}
