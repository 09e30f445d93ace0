package org.fairkit.orchestration.io;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes CSV records with Jackson: a header, then one array of cells per record, {@code \n} line ends.
 *
 * <p><b>Formula injection.</b> A spreadsheet opening the file would run a cell that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return as a formula ({@code =HYPERLINK(...)}, {@code =cmd|...}). As OWASP
 * recommends, such cells (header names included) are written with a leading single quote, which spreadsheets show
 * as text; a cell that is a number in decimal notation ({@code -0.25}, {@code -1e-3}) is left as it is.
 */
final class CsvOut {
    /** Quotes a cell only when it must (separator, quote, line break, surrounding space). */
    private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    private CsvOut() {
    }

    /** Opens a writer that first writes the header; close it to flush. */
    static SequenceWriter open(Writer out, List<String> columns) throws IOException {
        CsvSchema.Builder b = CsvSchema.builder().setUseHeader(true).setLineSeparator("\n");
        for (String c : columns) {
            b.addColumn(cell(c));
        }
        return MAPPER.writer(b.build()).writeValues(out);
    }

    /** @return the cell, neutralised with a leading {@code '} if a spreadsheet would read it as a formula */
    static String cell(String s) {
        if (s.isEmpty() || Decimals.isDecimal(s) || s.equals("-Infinity")) {
            return s;
        }
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
    }

    /** @return the record with every text cell through {@link #cell(String)} */
    static Object[] row(Object... cells) {
        Object[] out = cells.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof String s) {
                out[i] = cell(s);
            }
        }
        return out;
    }

    /** A double cell: Java's shortest round-trip form, {@code Infinity}, or empty for NaN. */
    static String number(double x) {
        return Double.isNaN(x) ? "" : Double.toString(x);
    }
}
