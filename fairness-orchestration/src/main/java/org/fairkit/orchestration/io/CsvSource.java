package org.fairkit.orchestration.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import com.google.common.primitives.ImmutableDoubleArray;
import com.google.common.primitives.ImmutableIntArray;
import org.fairkit.core.FairnessData;
import org.fairkit.core.internal.Fingerprint;

/**
 * A CSV file read through a {@link CsvColumns} mapping, record by record, with FairKit's one CSV reader
 * ({@link CsvTable}, which words every input error).
 *
 * <pre>{@code
 * CsvSource source = CsvSource.of(Path.of("predictions.csv"), columns);
 * StreamedInput in = source.stream(List.of(List.of("race")), 0);   // one pass, memory independent of rows
 * FairnessReport report = in.report(spec, Clock.systemUTC());
 * FairnessData data = source.load();                               // or everything in memory
 * }</pre>
 *
 * <p><b>Streaming.</b> {@link #stream} and {@link #forEachRow} hold one record at a time: memory grows with the
 * number of groups, never with the number of rows. {@link #stream} tallies each grouping into a {@link GroupTally},
 * whose report equals the in-memory {@code Fairness.of(load())...evaluate()} (see {@link GroupTally} for the one
 * rounding caveat of real-valued weights). Every pass also computes the input fingerprint of the rows read (the
 * one definition of {@code org.fairkit.core.internal.Fingerprint}: equal to {@code load().fingerprint()}), which a
 * streamed report's provenance carries as {@code input_sha256}, and the SHA-256 of the file's bytes, which it
 * carries as {@code input_file_sha256} (an auditor can check that one with {@code sha256sum}).
 *
 * <p><b>Format.</b> RFC 4180 CSV, UTF-8 (a leading byte-order mark is ignored; malformed UTF-8 is an error naming its
 * line and column, see {@link Utf8Input}), numbers in decimal notation ({@link Decimals}), comma separated, a header
 * line with
 * distinct names for the mapped columns; quoted cells may contain commas and line breaks; empty lines are skipped.
 * Cells are trimmed of surrounding spaces before they are mapped.
 *
 * <p><b>Errors</b> are {@link IllegalArgumentException}s naming the file, the file line and 1-based data row, the
 * column and the expected domain: a missing mapped column, a record with the wrong number of cells, a label or
 * prediction cell outside its {@link BinaryValues}, a score outside [0, 1] or not a number, a negative or non-finite
 * weight, an empty sensitive cell, or malformed CSV. The first bad cell stops the read.
 */
public final class CsvSource {
    private final Path file;
    private final CsvColumns columns;

    private CsvSource(Path file, CsvColumns columns) {
        this.file = file;
        this.columns = columns;
    }

    /** A file read through a column mapping. Nothing is read until a method below is called. */
    public static CsvSource of(Path file, CsvColumns columns) {
        return new CsvSource(Objects.requireNonNull(file, "file"), Objects.requireNonNull(columns, "columns"));
    }

    /** @return the file */
    public Path file() {
        return file;
    }

    /** @return the column mapping */
    public CsvColumns columns() {
        return columns;
    }

    /**
     * What a pass over the file saw.
     *
     * @param rows the number of data rows
     * @param sha256 the input fingerprint of the rows read (as {@code load().fingerprint()}), in hex
     * @param fileSha256 the SHA-256 of the file's bytes, in hex
     */
    public record ReadSummary(long rows, String sha256, String fileSha256) {
    }

    /**
     * Reads every row, in file order, handing each to {@code visitor}; one record is held at a time.
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException at the first bad cell, naming line, data row and column
     */
    public ReadSummary forEachRow(Consumer<? super CsvRow> visitor) throws IOException {
        Objects.requireNonNull(visitor, "visitor");
        MessageDigest md = Fingerprint.sha256();
        Fingerprint.Rows fingerprint = Fingerprint.Rows.binary(columns.score().isPresent(),
                columns.weight().isPresent(), columns.sensitive());
        long rows;
        try (InputStream raw = Files.newInputStream(file);
                DigestInputStream digest = new DigestInputStream(new BufferedInputStream(raw, 1 << 16), md);
                Reader reader = Utf8Input.reader(digest, file)) {
            rows = CsvTable.read(file, reader, header -> {
                Layout layout = new Layout(header);
                return r -> {
                    CsvRow row = layout.row(r);
                    visitor.accept(row);
                    fingerprint.accept(row.label(), row.prediction(), row.score(), row.weight(), row.sensitive());
                };
            });
            // The CSV parser may stop before trailing bytes: hash the whole file.
            byte[] sink = new byte[8192];
            while (digest.read(sink) >= 0) {
                // drain
            }
        }
        return new ReadSummary(rows, fingerprint.hex(), Fingerprint.hex(md));
    }

    /**
     * One streaming pass that tallies every grouping at once. Without score bins, a plain CSV file (no quotes, UTF-8
     * without a byte-order mark, label, prediction and sensitive columns only) is read straight from its bytes by
     * {@link PlainCsv}, with the same result; any other file, and any file with an error, by the reader of
     * {@link #forEachRow}.
     *
     * @param groupings each grouping's sensitive columns (one or several for an intersection)
     * @param scoreBins equal-width score bins per group for drift tests, or 0 for none (then no score is needed)
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException at the first bad cell, or for a grouping naming an unmapped column
     */
    public StreamedInput stream(List<List<String>> groupings, int scoreBins) throws IOException {
        if (scoreBins == 0) {
            // Plain CSV is read from its bytes; anything else, and every error, by the reader below.
            Optional<StreamedInput> plain = PlainCsv.stream(this, groupings, Integer.MAX_VALUE, rows -> { });
            if (plain.isPresent()) {
                return plain.get();
            }
        }
        return stream(groupings, scoreBins, row -> { });
    }

    /**
     * As {@link #stream(List, int)}, showing each row to {@code observer} before it is tallied (to count rows for
     * progress, or to stop the read by throwing, e.g. at a group limit).
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException at the first bad cell, or for a grouping naming an unmapped column
     */
    public StreamedInput stream(List<List<String>> groupings, int scoreBins, Consumer<? super CsvRow> observer)
            throws IOException {
        Objects.requireNonNull(observer, "observer");
        if (groupings.isEmpty()) {
            throw new IllegalArgumentException("groupings must hold at least one grouping");
        }
        if (scoreBins > 0 && columns.score().isEmpty()) {
            throw new IllegalArgumentException("score histograms need a score column; map one with score(column)");
        }
        boolean weighted = columns.weight().isPresent();
        Map<List<String>, GroupTally> tallies = new LinkedHashMap<>();
        List<int[]> picks = new ArrayList<>();
        for (List<String> g : groupings) {
            int[] pick = new int[g.size()];
            for (int j = 0; j < g.size(); j++) {
                pick[j] = columns.sensitive().indexOf(g.get(j));
                if (pick[j] < 0) {
                    throw new IllegalArgumentException("grouping " + g + " names '" + g.get(j)
                            + "', which is not a sensitive column of the mapping " + columns.sensitive());
                }
            }
            if (tallies.putIfAbsent(List.copyOf(g), GroupTally.create(g, weighted, scoreBins)) == null) {
                picks.add(pick);
            }
        }
        List<GroupTally> ts = new ArrayList<>(tallies.values());
        ReadSummary summary = forEachRow(row -> {
            observer.accept(row);
            for (int k = 0; k < ts.size(); k++) {
                int[] pick = picks.get(k);
                List<String> levels;
                if (pick.length == 1) {
                    levels = List.of(row.sensitive().get(pick[0]));
                } else {
                    String[] l = new String[pick.length];
                    for (int j = 0; j < pick.length; j++) {
                        l[j] = row.sensitive().get(pick[j]);
                    }
                    levels = Arrays.asList(l);
                }
                ts.get(k).accept(levels, row.label(), row.prediction(), row.weight(), row.score());
            }
        });
        return new StreamedInput(file, summary.rows(), summary.sha256(), summary.fileSha256(), tallies);
    }

    /**
     * Reads the whole file into memory (for intervals that resample rows, or row-level outputs), in one pass.
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException at the first bad cell
     */
    public FairnessData load() throws IOException {
        return load(row -> { });
    }

    /**
     * As {@link #load()}, showing each row to {@code observer} before it is kept (to count rows for progress, or to
     * stop the read by throwing, e.g. at a group limit).
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException at the first bad cell
     */
    public FairnessData load(Consumer<? super CsvRow> observer) throws IOException {
        Objects.requireNonNull(observer, "observer");
        ImmutableIntArray.Builder labels = ImmutableIntArray.builder(1024);
        ImmutableIntArray.Builder predictions = ImmutableIntArray.builder(1024);
        ImmutableDoubleArray.Builder scores = columns.score().isPresent() ? ImmutableDoubleArray.builder(1024) : null;
        ImmutableDoubleArray.Builder weights = columns.weight().isPresent() ? ImmutableDoubleArray.builder(1024)
                : null;
        List<List<String>> levels = new ArrayList<>();
        for (int j = 0; j < columns.sensitive().size(); j++) {
            levels.add(new ArrayList<>());
        }
        forEachRow(row -> {
            observer.accept(row);
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
        });
        FairnessData.Builder b = FairnessData.builder().labels(labels.build().toArray())
                .predictions(predictions.build().toArray());
        if (scores != null) {
            b.scores(scores.build().toArray());
        }
        if (weights != null) {
            b.weights(weights.build().toArray());
        }
        for (int j = 0; j < levels.size(); j++) {
            b.sensitive(columns.sensitive().get(j), levels.get(j).toArray(new String[0]));
        }
        return b.build();
    }

    @Override
    public String toString() {
        return "CsvSource[" + file + ", " + columns.roles() + "]";
    }

    /** Where each mapped column sits in the header, and how to turn a record into a {@link CsvRow}. */
    private final class Layout {
        private final int label;
        private final int prediction;
        private final int score;
        private final int weight;
        private final int id;
        private final int[] sensitive;
        private final Map<String, String> interned = new HashMap<>();

        Layout(List<String> names) {
            for (String mapped : columns.roles().keySet()) {
                if (names.indexOf(mapped) != names.lastIndexOf(mapped)) {
                    throw CsvErrors.duplicateColumn(file, mapped);
                }
            }
            label = index(names, columns.label(), "label");
            prediction = index(names, columns.prediction(), "prediction");
            score = columns.score().map(c -> index(names, c, "score")).orElse(-1);
            weight = columns.weight().map(c -> index(names, c, "weight")).orElse(-1);
            id = columns.id().map(c -> index(names, c, "id")).orElse(-1);
            sensitive = new int[columns.sensitive().size()];
            for (int j = 0; j < sensitive.length; j++) {
                sensitive[j] = index(names, columns.sensitive().get(j), "sensitive");
            }
        }

        private int index(List<String> names, String column, String role) {
            int i = names.indexOf(column);
            if (i < 0) {
                throw CsvErrors.missingColumn(file, column, role, names);
            }
            return i;
        }

        CsvRow row(CsvTable.Record r) {
            int y = r.binary(label, columns.labelValues());
            int p = r.binary(prediction, columns.predictionValues());
            double s = score >= 0 ? r.score(score) : Double.NaN;
            double w = weight >= 0 ? r.weight(weight) : 1.0;
            String[] levels = new String[sensitive.length];
            for (int j = 0; j < sensitive.length; j++) {
                String v = r.level(sensitive[j]);
                levels[j] = interned.size() < 65536 ? interned.computeIfAbsent(v, x -> x) : v;
            }
            Optional<String> rowId = id >= 0 ? Optional.of(r.cell(id).trim()) : Optional.empty();
            return new CsvRow(r.dataRow(), r.line(), rowId, y, p, s, w, Arrays.asList(levels));
        }
    }
}
