package org.fairkit.core.datasets;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.fairkit.core.internal.InputErrors;

/**
 * The shared pieces of the seeded data sets: normal draws, categorical draws, the CSV number format and the CSV
 * file writer. Package-private.
 */
final class Draws {
    private Draws() {
    }

    /** A standard normal draw by the Box-Muller transform (one of the pair), as {@link SyntheticLending}. */
    static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** The index {@code k} of a draw from a categorical law given by its cumulative probabilities. */
    static int categorical(SplittableRandom random, double[] cumulative) {
        double u = random.nextDouble();
        for (int k = 0; k < cumulative.length - 1; k++) {
            if (u < cumulative[k]) {
                return k;
            }
        }
        return cumulative.length - 1;
    }

    /** Rounds to 2 decimals (the nearest double to a whole number of hundredths). */
    static double cents(double x) {
        return Math.round(x * 100.0) / 100.0;
    }

    /**
     * The CSV text of a number: the shortest decimal that reads back as the same double ({@link Double#toString}),
     * without an exponent ({@code 12.35}, {@code 0.0}, {@code -0.731}). Locale-free.
     */
    static String number(double x) {
        return BigDecimal.valueOf(x).toPlainString();
    }

    /** One CSV line of plain fields (none contains a comma, a quote or a line break), ended by {@code \n}. */
    static void line(Appendable out, String... fields) throws IOException {
        for (int k = 0; k < fields.length; k++) {
            if (k > 0) {
                out.append(',');
            }
            out.append(fields[k]);
        }
        out.append('\n');
    }

    /** The header line of a column list. */
    static void header(Appendable out, List<String> columns) throws IOException {
        line(out, columns.toArray(new String[0]));
    }

    /** A writer of CSV text to a file (UTF-8, replaced if present). */
    interface CsvBody {
        void writeTo(Appendable out) throws IOException;
    }

    /** Writes a data set's CSV to a file in UTF-8, replacing it. */
    static void writeFile(Path file, CsvBody body) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            body.writeTo(w);
        }
    }

    /** Checks {@code rows >= 1}, naming the setting. */
    static int positive(String setting, int value) {
        if (value < 1) {
            throw InputErrors.badSetting(setting, value, ">= 1");
        }
        return value;
    }

    /** Checks {@code 0 <= strength <= max} and finite, naming the setting. */
    static double strength(double value, double max) {
        if (!(value >= 0) || !(value <= max)) {
            throw InputErrors.badSetting("strength", value, "a finite number in [0, " + number(max) + "]");
        }
        return value;
    }
}
