package org.fairkit.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.fairkit.core.FairnessData;
import org.fairkit.orchestration.io.CsvColumns;
import org.fairkit.orchestration.io.CsvSource;
import org.fairkit.orchestration.io.GroupTally;
import org.fairkit.orchestration.io.StreamedInput;

/**
 * One pass over a CSV file through orchestration's {@link CsvSource} (so every bad cell is reported with its file
 * line and data row), counting rows for {@link Progress}: either into memory ({@link #load}) or, when nothing needs
 * the rows, into per-group counts in constant memory ({@link #stream}).
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
        CsvColumns columns = source.columns();
        AtomicLong rows = new AtomicLong();
        progress.phase("reading " + source.file().getFileName(), () -> Progress.count(rows.get()) + " rows");
        Buffers.Ints labels = new Buffers.Ints();
        Buffers.Ints predictions = new Buffers.Ints();
        Buffers.Doubles scores = columns.score().isPresent() ? new Buffers.Doubles() : null;
        Buffers.Doubles weights = columns.weight().isPresent() ? new Buffers.Doubles() : null;
        List<List<String>> levels = new ArrayList<>();
        for (int j = 0; j < columns.sensitive().size(); j++) {
            levels.add(new ArrayList<>());
        }
        List<java.util.Set<List<String>>> seen = new ArrayList<>();
        for (int k = 0; k < groupings.size(); k++) {
            seen.add(new java.util.HashSet<>());
        }
        source.forEachRow(row -> {
            for (int k = 0; k < groupings.size(); k++) {
                List<String> g = groupings.get(k);
                String[] l = new String[g.size()];
                for (int j = 0; j < l.length; j++) {
                    l[j] = row.sensitive().get(columns.sensitive().indexOf(g.get(j)));
                }
                if (seen.get(k).add(Arrays.asList(l)) && seen.get(k).size() > maxGroups) {
                    throw CliException.badInput(CliErrors.tooManyGroups(g, maxGroups, row.dataRow()));
                }
            }
            labels.add(row.label());
            predictions.add(row.prediction());
            if (scores != null) {
                scores.add(row.score());
            }
            if (weights != null) {
                weights.add(row.weight());
            }
            for (int j = 0; j < levels.size(); j++) {
                levels.get(j).add(row.sensitive().get(j));
            }
            rows.lazySet(row.dataRow());
        });
        FairnessData.Builder b = FairnessData.builder().labels(labels.toArray()).predictions(predictions.toArray());
        if (scores != null) {
            b.scores(scores.toArray());
        }
        if (weights != null) {
            b.weights(weights.toArray());
        }
        for (int j = 0; j < levels.size(); j++) {
            b.sensitive(columns.sensitive().get(j), levels.get(j).toArray(new String[0]));
        }
        return b.build();
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
        CsvColumns columns = source.columns();
        AtomicLong rows = new AtomicLong();
        progress.phase("reading " + source.file().getFileName(), () -> Progress.count(rows.get()) + " rows");
        boolean weighted = columns.weight().isPresent();
        Map<List<String>, GroupTally> tallies = new LinkedHashMap<>();
        List<int[]> picks = new ArrayList<>();
        for (List<String> g : groupings) {
            if (tallies.containsKey(g)) {
                continue;
            }
            int[] pick = new int[g.size()];
            for (int j = 0; j < g.size(); j++) {
                pick[j] = columns.sensitive().indexOf(g.get(j));
            }
            tallies.put(List.copyOf(g), GroupTally.create(g, weighted, 0));
            picks.add(pick);
        }
        List<GroupTally> ts = new ArrayList<>(tallies.values());
        CsvSource.ReadSummary summary = source.forEachRow(row -> {
            for (int k = 0; k < ts.size(); k++) {
                int[] pick = picks.get(k);
                String[] l = new String[pick.length];
                for (int j = 0; j < pick.length; j++) {
                    l[j] = row.sensitive().get(pick[j]);
                }
                GroupTally t = ts.get(k);
                t.accept(Arrays.asList(l), row.label(), row.prediction(), row.weight(), row.score());
                if (t.groupCount() > maxGroups) {
                    throw CliException.badInput(CliErrors.tooManyGroups(t.features(), maxGroups, row.dataRow()));
                }
            }
            rows.lazySet(row.dataRow());
        });
        return new StreamedInput(source.file(), summary.rows(), summary.sha256(), tallies);
    }
}
