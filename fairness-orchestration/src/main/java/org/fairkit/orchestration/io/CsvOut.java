package org.fairkit.orchestration.io;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes CSV records with Jackson: a header, then one array of cells per record, {@code \n} line ends. */
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
            b.addColumn(c);
        }
        return MAPPER.writer(b.build()).writeValues(out);
    }

    /** A double cell: Java's shortest round-trip form, {@code Infinity}, or empty for NaN. */
    static String number(double x) {
        return Double.isNaN(x) ? "" : Double.toString(x);
    }
}
