package org.fairkit.examples;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import org.fairkit.core.FairnessData;

/**
 * ProPublica's COMPAS file ({@code compas-scores-two-years.csv} from {@code propublica/compas-analysis}) read with
 * ProPublica's standard filters into {@link FairnessData}, with the same definitions as the golden values in
 * {@code ../shared/golden/compas.json} (Fairlearn 0.13 / AIF360 0.6.1 on the same rows).
 *
 * <p><b>Filters</b> (ProPublica's "How We Analyzed the COMPAS Recidivism Algorithm", notebook cell 2), applied in
 * this order; a row is counted against the first filter it fails:
 * <ol>
 *   <li>{@value #FILTER_DAYS}: {@code -30 <= days_b_screening_arrest <= 30}; an empty value drops the row (pandas
 *       compares NaN as false). The arrest must be close to the COMPAS screening, or the screening may be about
 *       another offence.</li>
 *   <li>{@value #FILTER_RECID}: {@code is_recid != -1} (no COMPAS case was found).</li>
 *   <li>{@value #FILTER_CHARGE}: {@code c_charge_degree != "O"} (ordinary traffic offences, no jail time).</li>
 *   <li>{@value #FILTER_SCORE}: {@code score_text != "N/A"} (no usable score).</li>
 * </ol>
 * On the published file the last three remove nothing (they matter for ProPublica's other file,
 * {@code compas-scores.csv}); the first removes 1,042 of 7,214 rows, leaving {@value #PROPUBLICA_ROWS}.
 *
 * <p><b>Columns</b> of the kept rows: label {@code two_year_recid} (1 = re-offended within two years), prediction
 * {@code decile_score >= 5} (score text Medium or High: flagged as a risk; in COMPAS the "positive" decision is the
 * adverse one), score {@code decile_score / 10}, sensitive features {@code race} and {@code sex}. The file names
 * {@code decile_score} and {@code priors_count} twice (identical values); the first occurrence is read.
 *
 * <p>Errors name the file, the line (1-based, header = line 1), the data row (1-based) and the column, and say what
 * was expected: {@code file 'x.csv', line 3 (data row 2), column 'decile_score': got 'high'; expected an integer
 * from 1 to 10}.
 *
 * @param file the file read
 * @param rawRows the data rows in the file
 * @param excluded rows removed by each filter, in filter order (every filter present, possibly with 0)
 * @param data the kept rows
 */
public record CompasFile(Path file, int rawRows, Map<String, Integer> excluded, FairnessData data) {
    /** The row count of ProPublica's analysis (and of the golden values) after the filters. */
    public static final int PROPUBLICA_ROWS = 6_172;
    /** The name of the filter on {@code days_b_screening_arrest}. */
    public static final String FILTER_DAYS = "days_b_screening_arrest missing or outside [-30, 30]";
    /** The name of the filter on {@code is_recid}. */
    public static final String FILTER_RECID = "is_recid = -1";
    /** The name of the filter on {@code c_charge_degree}. */
    public static final String FILTER_CHARGE = "c_charge_degree = O";
    /** The name of the filter on {@code score_text}. */
    public static final String FILTER_SCORE = "score_text = N/A";

    private static final String LABEL = "two_year_recid";
    private static final String DECILE = "decile_score";
    private static final String DAYS = "days_b_screening_arrest";
    private static final String IS_RECID = "is_recid";
    private static final String CHARGE = "c_charge_degree";
    private static final String SCORE_TEXT = "score_text";
    private static final String RACE = "race";
    private static final String SEX = "sex";
    private static final List<String> COLUMNS = List.of(LABEL, DECILE, DAYS, IS_RECID, CHARGE, SCORE_TEXT, RACE, SEX);

    /** Validates and copies. */
    public CompasFile {
        Objects.requireNonNull(file, "file");
        excluded = Collections.unmodifiableMap(new LinkedHashMap<>(excluded));
        Objects.requireNonNull(data, "data");
    }

    /** @return the rows kept by the filters */
    public int rows() {
        return data.rows();
    }

    /**
     * The kept rows with the favourable outcome as the positive class, AIF360's {@code favorable_label=0} view:
     * label 1 = did not re-offend within two years, prediction 1 = rated Low risk ({@code decile_score <= 4}), no
     * score. A four-fifths analysis compares rates of a favourable decision, so it needs this view; the selection
     * rate is then the share rated Low risk, and a group's false positive rate here is its false negative rate in
     * {@link #data()}.
     */
    public FairnessData favorableOutcomes() {
        FairnessData.RecordBuilder<Integer> b = FairnessData
                .fromRecords(IntStream.range(0, data.rows()).boxed().toList())
                .label(i -> 1 - data.label(i))
                .prediction(i -> 1 - data.prediction(i));
        for (String feature : data.sensitiveNames()) {
            b.sensitive(feature, i -> data.sensitive(feature).level(i));
        }
        return b.build();
    }

    /**
     * Reads and filters the file.
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException for a missing column, a malformed line, a bad cell (naming line, data row and
     *     column), or when no row survives the filters
     */
    public static CompasFile read(Path file) throws IOException {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        mapper.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        mapper.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
        Map<String, Integer> excluded = new LinkedHashMap<>();
        for (String f : List.of(FILTER_DAYS, FILTER_RECID, FILTER_CHARGE, FILTER_SCORE)) {
            excluded.put(f, 0);
        }
        List<Kept> kept = new ArrayList<>();
        int rawRows = 0;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(reader)) {
            if (!hasNext(file, it)) {
                throw new IllegalArgumentException("file '" + file + "' is empty; expected ProPublica's header line");
            }
            Header header = Header.of(file, next(file, it));
            while (hasNext(file, it)) {
                String[] cells = next(file, it);
                rawRows++;
                Row row = new Row(file, header, cells, it.getParser().currentTokenLocation().getLineNr(), rawRows);
                String filter = row.failedFilter();
                if (filter != null) {
                    excluded.merge(filter, 1, Integer::sum);
                } else {
                    kept.add(Kept.of(row));
                }
            }
        }
        if (rawRows == 0) {
            throw new IllegalArgumentException("file '" + file + "' has a header but no data rows");
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("file '" + file + "': none of its " + rawRows
                    + " rows passes ProPublica's filters " + excluded);
        }
        return new CompasFile(file, rawRows, excluded, toData(kept));
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
        String message = e instanceof JsonProcessingException ? ((JsonProcessingException) e).getOriginalMessage()
                : e.getMessage();
        return new IllegalArgumentException("file '" + file + "', line " + it.getParser().currentLocation().getLineNr()
                + ": not valid CSV: " + message);
    }

    /** Where each needed column is: the first occurrence of its name. */
    private record Header(int cells, Map<String, Integer> index) {
        static Header of(Path file, String[] names) {
            Map<String, Integer> index = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                index.putIfAbsent(names[i].strip(), i);
            }
            for (String c : COLUMNS) {
                if (!index.containsKey(c)) {
                    throw new IllegalArgumentException("file '" + file + "': column '" + c + "' is missing; expected "
                            + "ProPublica's compas-scores-two-years.csv, which has " + COLUMNS + "; the header has "
                            + Arrays.asList(names));
                }
            }
            return new Header(names.length, index);
        }
    }

    /** One data row, parsed on demand, with errors that say where. */
    private static final class Row {
        private final Path file;
        private final Header header;
        private final String[] cells;
        private final long line;
        private final int dataRow;

        Row(Path file, Header header, String[] cells, long line, int dataRow) {
            if (cells.length != header.cells()) {
                throw new IllegalArgumentException(where(file, line, dataRow) + ": " + cells.length
                        + " cells; expected " + header.cells() + " (one per header column)");
            }
            this.file = file;
            this.header = header;
            this.cells = cells;
            this.line = line;
            this.dataRow = dataRow;
        }

        /** @return the first filter the row fails, or null when it is kept */
        String failedFilter() {
            String days = cell(DAYS);
            if (days.isEmpty()) {
                return FILTER_DAYS;
            }
            long d = integer(DAYS, Long.MIN_VALUE, Long.MAX_VALUE, "an integer number of days, or empty");
            if (d < -30 || d > 30) {
                return FILTER_DAYS;
            }
            if (integer(IS_RECID, -1, 1, "-1, 0 or 1") == -1) {
                return FILTER_RECID;
            }
            if (cell(CHARGE).equals("O")) {
                return FILTER_CHARGE;
            }
            if (cell(SCORE_TEXT).equals("N/A")) {
                return FILTER_SCORE;
            }
            return null;
        }

        int label() {
            return (int) integer(LABEL, 0, 1, "0 or 1");
        }

        int decile() {
            return (int) integer(DECILE, 1, 10, "an integer from 1 to 10");
        }

        String level(String column) {
            String v = cell(column);
            if (v.isEmpty()) {
                throw bad(column, v, "a non-empty " + column);
            }
            return v;
        }

        private String cell(String column) {
            return cells[header.index().get(column)].strip();
        }

        private long integer(String column, long min, long max, String expected) {
            String v = cell(column);
            long parsed;
            try {
                parsed = Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw bad(column, v, expected);
            }
            if (parsed < min || parsed > max) {
                throw bad(column, v, expected);
            }
            return parsed;
        }

        private IllegalArgumentException bad(String column, String value, String expected) {
            return new IllegalArgumentException(where(file, line, dataRow) + ", column '" + column + "': got '"
                    + value + "'; expected " + expected);
        }

        private static String where(Path file, long line, int dataRow) {
            return "file '" + file + "', line " + line + " (data row " + dataRow + ")";
        }
    }

    /** A kept row: what the audit needs of it. */
    private record Kept(int label, int decile, String race, String sex) {
        static Kept of(Row row) {
            return new Kept(row.label(), row.decile(), row.level(RACE), row.level(SEX));
        }
    }

    private static FairnessData toData(List<Kept> rows) {
        return FairnessData.fromRecords(rows)
                .label(Kept::label)
                .prediction(k -> k.decile() >= 5 ? 1 : 0)
                .score(k -> k.decile() / 10.0)
                .sensitive(RACE, Kept::race)
                .sensitive(SEX, Kept::sex)
                .build();
    }
}
