package org.fairkit.cli;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.primitives.ImmutableDoubleArray;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.group.SensitiveFeature;
import org.fairkit.mitigation.preprocessing.FeatureTable;
import org.fairkit.orchestration.io.AtomicFiles;
import org.fairkit.orchestration.io.CsvTable;
import picocli.CommandLine.Option;

/**
 * The rows of {@code fairkit mitigate decorrelate|repair}: numeric feature columns and the group column(s) read from
 * a CSV into fairness-mitigation's {@link FeatureTable}, the split into fitting and evaluation rows of
 * {@link FitWhere}, the summaries both commands print, and the output file with the transformed features replaced in
 * place.
 *
 * @param table every row of the file, in file order, with one sensitive column named {@code group}
 * @param features the feature columns
 * @param group the name of the group column in the table: the sensitive columns' names joined by {@code " x "}
 * @param fit whether each row is a fitting row
 * @param split whether {@code --fit-where} split the rows (otherwise every row is both)
 */
record FeatureRows(FeatureTable table, List<String> features, String group, boolean[] fit, boolean split) {
    /** The options both commands share. */
    static final class Options {
        @Option(names = "--data", required = true, paramLabel = "FILE", description = "The CSV to fit on.")
        Path data;

        @Option(names = "--features", required = true, split = ",", paramLabel = "COLUMN",
                description = "The numeric feature columns to transform.")
        List<String> features;

        @Option(names = "--sensitive", required = true, split = ",", paramLabel = "COLUMN",
                description = "The group column (several: their intersection).")
        List<String> sensitive;

        @Option(names = "--write", required = true, paramLabel = "FILE",
                description = "The output CSV: every input row and column, the features replaced in place.")
        Path write;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
                description = "table (default) or json: schema fairkit.cli.mitigate/1.")
        Format format;

        List<String> featureColumns() {
            List<String> out = features.stream().map(String::strip).toList();
            for (int i = 0; i < out.size(); i++) {
                if (out.indexOf(out.get(i)) != i) {
                    throw CliException.badInput("--features: column '" + out.get(i) + "' is named twice; expected "
                            + "distinct columns");
                }
                if (sensitiveColumns().contains(out.get(i))) {
                    throw CliException.badInput("--features: column '" + out.get(i) + "' is also --sensitive; "
                            + "expected features other than the group columns");
                }
            }
            return out;
        }

        List<String> sensitiveColumns() {
            return sensitive.stream().map(String::strip).toList();
        }
    }

    /**
     * Reads the features and groups in one pass.
     *
     * @throws IllegalArgumentException for a missing column or a bad cell, naming the file, line and data row
     */
    static FeatureRows read(CsvTable csv, List<String> features, List<String> sensitive, FitWhere where,
            Progress progress) throws IOException {
        boolean[] fit = where.fitRows(csv);
        int[] fi = new int[features.size()];
        for (int j = 0; j < fi.length; j++) {
            fi[j] = csv.column(features.get(j), "feature");
        }
        int[] gi = new int[sensitive.size()];
        for (int j = 0; j < gi.length; j++) {
            gi[j] = csv.column(sensitive.get(j), "sensitive");
        }
        List<ImmutableDoubleArray.Builder> columns = new ArrayList<>();
        for (int j = 0; j < fi.length; j++) {
            columns.add(ImmutableDoubleArray.builder(1024));
        }
        List<String> groups = new ArrayList<>();
        Map<String, String> interned = new HashMap<>();
        AtomicLong rows = new AtomicLong();
        progress.phase("reading " + csv.file().getFileName(), () -> Progress.count(rows.get()) + " rows");
        csv.forEach(r -> {
            for (int j = 0; j < fi.length; j++) {
                columns.get(j).add(r.number(fi[j]));
            }
            String[] levels = new String[gi.length];
            for (int j = 0; j < gi.length; j++) {
                levels[j] = r.level(gi[j]);
            }
            String key = GroupKey.label(Arrays.asList(levels));
            groups.add(interned.computeIfAbsent(key, k -> k));
            rows.lazySet(r.dataRow());
        });
        FeatureTable.Builder b = FeatureTable.builder();
        for (int j = 0; j < fi.length; j++) {
            b.numeric(features.get(j), columns.get(j).build().toArray());
        }
        String group = String.join(" x ", sensitive);
        b.sensitive(group, groups.toArray(new String[0]));
        return new FeatureRows(b.build(), features, group, fit, where.present());
    }

    /** @return the rows selected by {@code which} ({@code true}: the fitting rows; {@code false}: the others) */
    FeatureTable rows(FeatureTable from, boolean which) {
        int n = 0;
        for (boolean f : fit) {
            n += f == which || !split ? 1 : 0;
        }
        int[] idx = new int[n];
        int k = 0;
        for (int i = 0; i < fit.length; i++) {
            if (fit[i] == which || !split) {
                idx[k++] = i;
            }
        }
        FeatureTable.Builder b = FeatureTable.builder();
        for (String f : from.numericNames()) {
            double[] all = from.numeric(f);
            double[] sub = new double[n];
            for (int i = 0; i < n; i++) {
                sub[i] = all[idx[i]];
            }
            b.numeric(f, sub);
        }
        SensitiveFeature g = from.sensitive(group);
        String[] sub = new String[n];
        for (int i = 0; i < n; i++) {
            sub[i] = g.level(idx[i]);
        }
        return b.sensitive(group, sub).build();
    }

    /** What a command reports of one feature on a set of rows, written into that feature's summary object. */
    interface FeatureSummary {
        /**
         * @param into the feature's object in the summary
         * @param before the feature's values before the transform
         * @param after the feature's values after it
         * @param groups the rows' group labels
         * @param levels the groups, in the table's order
         */
        void put(ObjectNode into, double[] before, double[] after, String[] groups, List<String> levels);
    }

    /**
     * The summary of the fitting ({@code fitting}) or evaluation rows, before ({@link #table()}) and after
     * ({@code out}): {@code {"rows", "features": {FEATURE: {...}}}}, each feature's entry filled by {@code per}.
     */
    ObjectNode summary(FeatureTable out, boolean fitting, FeatureSummary per) {
        FeatureTable before = rows(table, fitting);
        FeatureTable after = rows(out, fitting);
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("rows", before.rows());
        ObjectNode fs = o.putObject("features");
        String[] g = groups(before);
        List<String> levels = before.sensitive(group).levels();
        for (String f : features) {
            ObjectNode x = fs.putObject(f);
            per.put(x, before.numeric(f), after.numeric(f), g, levels);
        }
        return o;
    }

    /** The head of the {@code fairkit.cli.mitigate/1} document: schema, method, the source CSV and the output. */
    static ObjectNode document(String method, CsvTable csv, Path write) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("schema", "fairkit.cli.mitigate/1");
        root.put("method", method);
        root.put("source", csv.file().toString());
        root.put("write", write.toString());
        return root;
    }

    /** Prints the fitting rows' summary, then the evaluation rows' when {@code --fit-where} split the rows. */
    void printTables(BiConsumer<String, ObjectNode> table, ObjectNode fit, ObjectNode evaluate) {
        table.accept("fitting rows", fit);
        if (split) {
            table.accept("evaluation rows", evaluate);
        }
    }

    /** @return the group labels of a table's rows */
    String[] groups(FeatureTable t) {
        SensitiveFeature g = t.sensitive(group);
        String[] out = new String[t.rows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = g.level(i);
        }
        return out;
    }

    /**
     * Writes every row and column of {@code csv}, with the cells of the {@code out} table's features replaced,
     * atomically ({@link AtomicFiles}). A value equal to the cell's number keeps the cell as written; another is
     * written as an integer when it is one, else as Java's shortest round-trip decimal.
     */
    void write(CsvTable csv, Path file, FeatureTable out) throws IOException {
        int[] fi = new int[features.size()];
        double[][] values = new double[features.size()][];
        for (int j = 0; j < fi.length; j++) {
            fi[j] = csv.column(features.get(j), "feature");
            values[j] = out.numeric(features.get(j));
        }
        AtomicFiles.write(file, o -> {
            try (SequenceWriter w = CsvTable.writer(o, csv.header())) {
                csv.forEach(r -> {
                    int i = (int) r.dataRow() - 1;
                    String[] cells = r.cells();
                    for (int j = 0; j < fi.length; j++) {
                        double v = values[j][i];
                        if (v != r.number(fi[j])) {
                            cells[fi[j]] = number(v);
                        }
                    }
                    w.write(cells);
                });
            }
        });
    }

    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%d", (long) v)
                : Double.toString(v);
    }

    /** VALUE: {@code {"value": x}} or {@code {"value": null, "undefined": reason}}. */
    static ObjectNode value(double v, String undefinedReason) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        if (undefinedReason != null) {
            o.putNull("value");
            o.put("undefined", undefinedReason);
        } else {
            o.put("value", v);
        }
        return o;
    }

    /** @return the mean of the values ({@code NaN} for none) */
    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
