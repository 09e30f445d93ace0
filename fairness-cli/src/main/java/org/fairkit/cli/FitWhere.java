package org.fairkit.cli;

import com.google.common.primitives.ImmutableIntArray;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import org.fairkit.orchestration.io.CsvTable;
import picocli.CommandLine.Option;

/**
 * {@code --fit-where COLUMN=VALUE}: the split between the rows a mitigator is fitted on and the rows it is evaluated
 * on, shared by the {@code fairkit mitigate} subcommands. With the option, the fitting rows are those whose cell in
 * {@code COLUMN} equals {@code VALUE} exactly (after the CSV reader's parsing, no trimming) and the evaluation rows are
 * all others; both sets must be non-empty. Without it, every row is both a fitting and an evaluation row.
 */
final class FitWhere {
    @Option(names = "--fit-where", paramLabel = "COLUMN=VALUE",
            description = "Fit on the rows where COLUMN equals VALUE and evaluate on all others "
                    + "(default: fit and evaluate on all rows).")
    String condition;

    /** Whether {@code --fit-where} was given. */
    boolean present() {
        return condition != null;
    }

    /** The column named before {@code =}. */
    String column() {
        return parts()[0];
    }

    /** The value after the first {@code =} (may be empty: the rows with an empty cell). */
    String value() {
        return parts()[1];
    }

    /**
     * Which rows of the table are fitting rows, in file order.
     *
     * @return {@code true} for a fitting row; every row without the option
     * @throws CliException (bad input) if the condition is malformed, names a missing column, or selects no row or
     *     every row
     */
    boolean[] fitRows(CsvTable table) throws IOException {
        if (!present()) {
            long[] n = {0};
            table.forEach(r -> n[0]++);
            boolean[] all = new boolean[Math.toIntExact(n[0])];
            Arrays.fill(all, true);
            return all;
        }
        String column = column();
        String value = value();
        int c;
        try {
            c = table.column(column, "--fit-where");
        } catch (IllegalArgumentException e) {
            throw CliException.badInput(e.getMessage());
        }
        ImmutableIntArray.Builder fit = ImmutableIntArray.builder();
        long rows = table.forEach(r -> fit.add(value.equals(r.cell(c)) ? 1 : 0));
        int[] flags = fit.build().toArray();
        boolean[] out = new boolean[flags.length];
        int selected = 0;
        for (int i = 0; i < flags.length; i++) {
            out[i] = flags[i] == 1;
            selected += flags[i];
        }
        if (selected == 0) {
            throw CliException.badInput(String.format(Locale.ROOT,
                    "--fit-where %s: no row of %s has '%s' in column '%s'; nothing to fit on", condition,
                    table.file(), value, column));
        }
        if (selected == rows) {
            throw CliException.badInput(String.format(Locale.ROOT,
                    "--fit-where %s: every row of %s has '%s' in column '%s'; nothing is left to evaluate on "
                            + "(leave out --fit-where to fit and evaluate on all rows)", condition, table.file(),
                    value, column));
        }
        return out;
    }

    private String[] parts() {
        int eq = condition.indexOf('=');
        if (eq <= 0) {
            throw CliException.badInput(String.format(Locale.ROOT,
                    "--fit-where: got '%s'; expected COLUMN=VALUE, e.g. split=train", condition));
        }
        return new String[] {condition.substring(0, eq).strip(), condition.substring(eq + 1)};
    }
}
