package org.fairkit.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.fairkit.orchestration.io.BinaryValues;
import org.fairkit.orchestration.io.CsvTable;
import picocli.CommandLine.Option;

/**
 * What {@code fairkit mitigate calibrated-eo} and {@code reject-option} share: the rows of a CSV (label, score, group)
 * split into fitting and evaluation rows by {@link FitWhere}, and the per-group rates of decisions (0/1, or the
 * expected value {@code P(yhat = 1)} of a randomized method) on each set, printed as a table or written into the
 * {@code fairkit.cli.mitigate/1} document:
 *
 * <pre>
 * { "schema": "fairkit.cli.mitigate/1", "method", "fit": RATES, "evaluate": RATES, "model": { method-specific } }
 * RATES  { "rows", "selection_rate", "true_positive_rate", "false_positive_rate", "accuracy", "balanced_accuracy",
 *          "groups": { "&lt;group&gt;": { "rows", "selection_rate", "true_positive_rate", "false_positive_rate",
 *                                      "accuracy", "balanced_accuracy" } },
 *          "undefined": { "&lt;group&gt;.&lt;key&gt;": reason } }   (a rate without positives or negatives is null)
 * </pre>
 * Without {@code --fit-where}, "evaluate" is computed on the same (all) rows as "fit".
 */
final class PostprocessRows {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String[] KEYS = {"selection_rate", "true_positive_rate", "false_positive_rate", "accuracy",
        "balanced_accuracy"};

    final CsvTable table;
    final LabeledRows rows;
    final boolean[] fit;
    final boolean split;

    private PostprocessRows(CsvTable table, LabeledRows rows, boolean[] fit, boolean split) {
        this.table = table;
        this.rows = rows;
        this.fit = fit;
        this.split = split;
    }

    /**
     * The input options both commands share, as a picocli mixin: {@code --data}, {@code --label}, {@code --score},
     * {@code --sensitive} and {@code --privileged}.
     */
    static final class Input {
        @Option(names = "--data", required = true, paramLabel = "FILE", description = "The CSV.")
        Path data;

        @Option(names = "--label", required = true, paramLabel = "COLUMN", description = "The true outcome's column (0/1).")
        String label;

        @Option(names = "--score", required = true, paramLabel = "COLUMN", description = "The score's column, in [0, 1].")
        String score;

        @Option(names = "--sensitive", required = true, split = ",", paramLabel = "COLUMN",
                description = "The group column (several: their intersection).")
        List<String> sensitive;

        @Option(names = "--privileged", required = true, paramLabel = "VALUE",
                description = "The privileged group; every other group is unprivileged.")
        String privileged;

        /** Reads {@code --data}, split into fitting and evaluation rows by {@code where}. */
        PostprocessRows read(FitWhere where, Progress progress) throws IOException {
            return PostprocessRows.read(data, label, score, sensitive, where, progress);
        }
    }

    static PostprocessRows read(Path data, String label, String score, List<String> sensitive, FitWhere where,
            Progress progress) throws IOException {
        CsvTable table = Inputs.table("--data", data);
        boolean[] fit = where.fitRows(table);
        LabeledRows rows = LabeledRows.read(table, label, BinaryValues.ZERO_ONE, score,
                sensitive.stream().map(String::strip).toList(), null, progress);
        return new PostprocessRows(table, rows, fit, where.present());
    }

    double[] scores() {
        return rows.scores().orElseThrow();
    }

    /** The fitting rows' scores. */
    double[] fitScores() {
        double[] s = scores();
        double[] out = new double[count()];
        int k = 0;
        for (int i = 0; i < s.length; i++) {
            if (fit[i]) {
                out[k++] = s[i];
            }
        }
        return out;
    }

    int[] fitLabels() {
        int[] out = new int[count()];
        int k = 0;
        for (int i = 0; i < fit.length; i++) {
            if (fit[i]) {
                out[k++] = rows.labels()[i];
            }
        }
        return out;
    }

    String[] fitGroups() {
        String[] out = new String[count()];
        int k = 0;
        for (int i = 0; i < fit.length; i++) {
            if (fit[i]) {
                out[k++] = rows.groups()[i];
            }
        }
        return out;
    }

    private int count() {
        int n = 0;
        for (boolean b : fit) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /** The rates of decisions {@code p} on the fitting rows ({@code evaluation} false) or the evaluation rows. */
    Rates rates(double[] p, boolean evaluation) {
        Map<String, double[]> by = new TreeMap<>();
        double[] all = new double[5];
        for (int i = 0; i < p.length; i++) {
            boolean take = evaluation ? (!split || !fit[i]) : fit[i];
            if (!take) {
                continue;
            }
            double[] c = by.computeIfAbsent(rows.groups()[i], g -> new double[5]);
            for (double[] t : new double[][] {c, all}) {
                t[0]++;
                if (rows.labels()[i] == 1) {
                    t[1]++;
                    t[3] += p[i];
                } else {
                    t[2]++;
                    t[4] += p[i];
                }
            }
        }
        return new Rates(all, by);
    }

    /** Counts per group: rows, positives, negatives, expected TP, expected FP. */
    record Rates(double[] overall, Map<String, double[]> groups) {
        ObjectNode json() {
            ObjectNode o = F.objectNode();
            ObjectNode undefined = F.objectNode();
            put(o, overall, "overall", undefined);
            ObjectNode g = o.putObject("groups");
            groups.forEach((k, v) -> put(g.putObject(k), v, k, undefined));
            o.set("undefined", undefined);
            return o;
        }

        private static void put(ObjectNode o, double[] c, String name, ObjectNode undefined) {
            o.put("rows", (long) c[0]);
            double[] v = values(c);
            for (int k = 0; k < KEYS.length; k++) {
                if (Double.isNaN(v[k])) {
                    o.putNull(KEYS[k]);
                    undefined.put(name + "." + KEYS[k], reason(c, k));
                } else {
                    o.put(KEYS[k], v[k]);
                }
            }
        }

        private static String reason(double[] c, int k) {
            boolean noPos = c[1] == 0;
            return k == 1 || (k == 4 && noPos) ? "no positives (no label-1 rows)" : "no negatives (no label-0 rows)";
        }

        /** selection, TPR, FPR, accuracy, balanced accuracy; NaN where undefined. */
        static double[] values(double[] c) {
            double tpr = c[1] > 0 ? c[3] / c[1] : Double.NaN;
            double fpr = c[2] > 0 ? c[4] / c[2] : Double.NaN;
            double ba = c[1] > 0 && c[2] > 0 ? 0.5 * (tpr + (1 - fpr)) : Double.NaN;
            return new double[] {(c[3] + c[4]) / c[0], tpr, fpr, (c[3] + c[2] - c[4]) / c[0], ba};
        }

        void print(PrintWriter w, String title) {
            w.printf(Locale.ROOT, "%s%n", title);
            String line = "  %-20s %8s %10s %8s %8s %9s %9s%n";
            w.printf(Locale.ROOT, line, "group", "rows", "selection", "TPR", "FPR", "accuracy", "bal. acc.");
            List<Map.Entry<String, double[]>> lines = new ArrayList<>(groups.entrySet());
            lines.add(Map.entry("(all)", overall));
            for (Map.Entry<String, double[]> e : lines) {
                double[] v = values(e.getValue());
                w.printf(Locale.ROOT, line, e.getKey(), (long) e.getValue()[0], cell(v[0]), cell(v[1]), cell(v[2]),
                        cell(v[3]), cell(v[4]));
            }
        }

        private static String cell(double v) {
            return Double.isNaN(v) ? "undef." : String.format(Locale.ROOT, "%.4f", v);
        }
    }

    /** The document's frame: schema, method, fit and evaluate; the caller adds "model". */
    ObjectNode document(String method, double[] p) {
        ObjectNode root = F.objectNode();
        root.put("schema", "fairkit.cli.mitigate/1");
        root.put("method", method);
        root.put("source", table.file().toString());
        root.put("fit_where", split ? "given" : "all rows");
        root.set("fit", rates(p, false).json());
        root.set("evaluate", rates(p, true).json());
        return root;
    }

    /** Prints both rate tables. */
    void printRates(PrintWriter w, double[] p, String what) {
        rates(p, false).print(w, "On the fitting rows (" + what + "):");
        if (split) {
            rates(p, true).print(w, "On the evaluation rows (" + what + "):");
        }
    }
}
