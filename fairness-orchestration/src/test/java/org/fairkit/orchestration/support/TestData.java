package org.fairkit.orchestration.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.orchestration.io.CsvColumns;
import org.fairkit.orchestration.io.ReportJson;

/** Seeded random data, its CSV form, and report comparison without provenance. */
public final class TestData {
    private TestData() {
    }

    /**
     * Random rows with two sensitive features {@code a} (up to 4 levels) and {@code b} (up to 3), scores, and integer
     * weights 0..4 when {@code weighted}. Small row counts give empty cells, groups without positives and single-row
     * groups.
     */
    public static FairnessData random(long seed, int rows, boolean weighted) {
        SplittableRandom r = new SplittableRandom(seed);
        int ka = 1 + r.nextInt(4);
        int kb = 1 + r.nextInt(3);
        double pLabel = r.nextDouble();
        int[] y = new int[rows];
        int[] p = new int[rows];
        double[] s = new double[rows];
        double[] w = new double[rows];
        String[] a = new String[rows];
        String[] b = new String[rows];
        for (int i = 0; i < rows; i++) {
            int ga = r.nextInt(ka);
            a[i] = "A" + ga;
            b[i] = "b" + r.nextInt(kb);
            y[i] = r.nextDouble() < pLabel ? 1 : 0;
            s[i] = Math.min(1, Math.max(0, 0.3 * y[i] + 0.1 * ga + 0.6 * r.nextDouble()));
            p[i] = s[i] >= 0.5 ? 1 : 0;
            w[i] = r.nextInt(5);
        }
        FairnessData.Builder bld = FairnessData.builder().labels(y).predictions(p).scores(s).sensitive("a", a)
                .sensitive("b", b);
        if (weighted) {
            bld.weights(w);
        }
        return bld.build();
    }

    /** {@link #random} from the first seed at or after {@code seed} whose feature {@code a} has 3 or 4 levels. */
    public static FairnessData randomWithGroups(long seed, int rows, boolean weighted) {
        for (long s = seed;; s++) {
            FairnessData d = random(s, rows, weighted);
            if (d.sensitive("a").levels().size() >= 3 && d.sensitive("b").levels().size() >= 2) {
                return d;
            }
        }
    }

    /** The rows of several data sets with the same columns, in order. */
    public static FairnessData concat(java.util.List<FairnessData> parts) {
        int n = parts.stream().mapToInt(FairnessData::rows).sum();
        FairnessData first = parts.get(0);
        int[] y = new int[n];
        int[] p = new int[n];
        double[] s = first.hasScores() ? new double[n] : null;
        double[] w = first.hasWeights() ? new double[n] : null;
        java.util.Map<String, String[]> features = new java.util.LinkedHashMap<>();
        for (String f : first.sensitiveNames()) {
            features.put(f, new String[n]);
        }
        int k = 0;
        for (FairnessData d : parts) {
            for (int i = 0; i < d.rows(); i++, k++) {
                y[k] = d.label(i);
                p[k] = d.prediction(i);
                if (s != null) {
                    s[k] = d.score(i);
                }
                if (w != null) {
                    w[k] = d.weight(i);
                }
                for (java.util.Map.Entry<String, String[]> e : features.entrySet()) {
                    e.getValue()[k] = d.sensitive(e.getKey()).level(i);
                }
            }
        }
        FairnessData.Builder b = FairnessData.builder().labels(y).predictions(p);
        if (s != null) {
            b.scores(s);
        }
        if (w != null) {
            b.weights(w);
        }
        features.forEach(b::sensitive);
        return b.build();
    }

    /** The mapping of files written by {@link #writeCsv}. */
    public static CsvColumns columns(boolean weighted) {
        CsvColumns.Builder b = CsvColumns.builder().id("id").label("y").prediction("p").score("score")
                .sensitive("a", "b");
        if (weighted) {
            b.weight("w");
        }
        return b.build();
    }

    /** Writes {@code id,y,p,score,w,a,b} (w only when weighted; ids are {@code r<row>}). */
    public static Path writeCsv(FairnessData data, Path file) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,y,p,score," + (data.hasWeights() ? "w," : "") + "a,b\n");
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < data.rows(); i++) {
                line.setLength(0);
                line.append('r').append(i + 1).append(',').append(data.label(i)).append(',')
                        .append(data.prediction(i)).append(',').append(data.score(i)).append(',');
                if (data.hasWeights()) {
                    line.append(data.weight(i)).append(',');
                }
                line.append(data.sensitive("a").level(i)).append(',').append(data.sensitive("b").level(i))
                        .append('\n');
                out.write(line.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The report's JSON tree without its provenance. */
    public static ObjectNode withoutProvenance(FairnessReport report) {
        ObjectNode tree = ReportJson.toTree(report);
        tree.remove("provenance");
        return tree;
    }
}
