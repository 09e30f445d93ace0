package org.fairkit.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.fairkit.core.FairnessData;
import org.fairkit.orchestration.io.CsvRow;
import org.fairkit.orchestration.io.CsvSource;
import org.fairkit.orchestration.io.PlainCsv;
import org.fairkit.orchestration.io.StreamedInput;

/**
 * One pass over a CSV file through orchestration's {@link CsvSource} (so every bad cell is reported with its file
 * line and data row, in the one wording), with what only the CLI adds: rows counted for {@link Progress}, and a
 * limit on the groups of each grouping. Either into memory ({@link #load}) or, when nothing needs the rows, into
 * per-group counts in constant memory ({@link #stream}; a plain CSV file straight from its bytes through
 * {@link PlainCsv}, anything else, and every error, through {@link CsvSource}).
 */
final class CsvInput {
    private CsvInput() {
    }

    /**
     * Reads the whole file into memory; equal to {@link CsvSource#load()}.
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException at the first bad cell
     */
    static FairnessData load(CsvSource source, Progress progress) throws IOException {
        return load(source, progress, List.of(), Integer.MAX_VALUE);
    }

    /**
     * As {@link #load(CsvSource, Progress)}, refusing a grouping with more than {@code maxGroups} groups.
     *
     * @throws CliException when a grouping exceeds {@code maxGroups}
     */
    static FairnessData load(CsvSource source, Progress progress, List<List<String>> groupings, int maxGroups)
            throws IOException {
        return source.load(watch(source, progress, groupings, maxGroups));
    }

    /**
     * Tallies every grouping in one streaming pass; equal to {@link CsvSource#stream(List, int)} without score bins.
     *
     * @param groupings each grouping's sensitive columns (all mapped as sensitive)
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException at the first bad cell
     */
    static StreamedInput stream(CsvSource source, List<List<String>> groupings, Progress progress) throws IOException {
        return stream(source, groupings, progress, Integer.MAX_VALUE);
    }

    /**
     * As {@link #stream(CsvSource, List, Progress)}, stopping as soon as a grouping has more than {@code maxGroups}
     * groups (so an ID column passed as sensitive costs neither the whole file nor a group per row).
     *
     * @throws CliException when a grouping exceeds {@code maxGroups}
     */
    static StreamedInput stream(CsvSource source, List<List<String>> groupings, Progress progress, int maxGroups)
            throws IOException {
        AtomicLong rows = new AtomicLong();
        progress.phase("reading " + source.file().getFileName(), () -> Progress.count(rows.get()) + " rows");
        // Plain CSV from its bytes; on anything else (or any error, or too many groups) the reader below starts over
        // and reports it in its words.
        Optional<StreamedInput> plain = PlainCsv.stream(source, groupings, maxGroups, rows::lazySet);
        if (plain.isPresent()) {
            return plain.get();
        }
        rows.set(0);
        return source.stream(groupings, 0, observe(source, rows, groupings, maxGroups));
    }

    /** Starts the reading phase; the observer counts rows and refuses the group past {@code maxGroups}. */
    private static Consumer<CsvRow> watch(CsvSource source, Progress progress, List<List<String>> groupings,
            int maxGroups) {
        AtomicLong rows = new AtomicLong();
        progress.phase("reading " + source.file().getFileName(), () -> Progress.count(rows.get()) + " rows");
        return observe(source, rows, groupings, maxGroups);
    }

    /** Counts rows into {@code rows} and refuses the group past {@code maxGroups}. */
    private static Consumer<CsvRow> observe(CsvSource source, AtomicLong rows, List<List<String>> groupings,
            int maxGroups) {
        List<String> sensitive = source.columns().sensitive();
        List<int[]> picks = new ArrayList<>();
        List<Set<List<String>>> seen = new ArrayList<>();
        for (List<String> g : maxGroups == Integer.MAX_VALUE ? List.<List<String>>of() : groupings) {
            picks.add(g.stream().mapToInt(sensitive::indexOf).toArray());
            seen.add(new HashSet<>());
        }
        return row -> {
            for (int k = 0; k < picks.size(); k++) {
                int[] pick = picks.get(k);
                String[] l = new String[pick.length];
                for (int j = 0; j < l.length; j++) {
                    l[j] = row.sensitive().get(pick[j]);
                }
                if (seen.get(k).add(List.of(l)) && seen.get(k).size() > maxGroups) {
                    throw CliException.badInput(CliErrors.tooManyGroups(groupings.get(k), maxGroups, row.dataRow()));
                }
            }
            rows.lazySet(row.dataRow());
        };
    }
}
