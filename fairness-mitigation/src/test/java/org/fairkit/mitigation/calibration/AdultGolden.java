package org.fairkit.mitigation.calibration;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Adult calibration golden file ({@code ../shared/golden/adult_calibration.json}, scikit-learn 1.2.1) and its
 * inputs ({@code ../shared/data/adult-predictions.csv}, test split: {@code row % 3 == 2}). Found through the system
 * property {@code fairkit.shared} (Surefire passes it from the root pom); the calling test is skipped with a message
 * when either file is absent. The data file is read, never copied into the project.
 */
final class AdultGolden {
    private static JsonNode json;
    private static Rows test;

    /** The test-split rows in file order. */
    record Rows(double[] scores, int[] labels, double[] weights, String[] sex, String[] race) {
        int size() {
            return scores.length;
        }
    }

    private AdultGolden() {
    }

    private static Path shared() {
        String shared = System.getProperty("fairkit.shared");
        assumeTrue(shared != null, "golden tests skipped: system property fairkit.shared is not set "
                + "(run through Maven from the repository root)");
        return Path.of(shared);
    }

    /** @return {@code adult_calibration.json -> calibration} */
    static synchronized JsonNode calibration() {
        if (json == null) {
            Path file = shared().resolve("golden").resolve("adult_calibration.json");
            assumeTrue(Files.isRegularFile(file), "golden tests skipped: " + file + " does not exist");
            try {
                json = new ObjectMapper().readTree(file.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return json.path("calibration");
    }

    /** @return the 10,853 test-split rows */
    static synchronized Rows test() {
        if (test == null) {
            Path file = shared().resolve("data").resolve("adult-predictions.csv");
            assumeTrue(Files.isRegularFile(file), "golden tests skipped: " + file + " does not exist");
            List<String> lines;
            try {
                lines = Files.readAllLines(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<String> header = List.of(lines.get(0).split(","));
            int split = header.indexOf("split");
            int y = header.indexOf("y_true");
            int p = header.indexOf("proba");
            int w = header.indexOf("weight");
            int sex = header.indexOf("sex");
            int race = header.indexOf("race");
            List<String[]> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f[split].equals("test")) {
                    rows.add(f);
                }
            }
            int n = rows.size();
            double[] s = new double[n];
            int[] l = new int[n];
            double[] wt = new double[n];
            String[] sx = new String[n];
            String[] rc = new String[n];
            for (int i = 0; i < n; i++) {
                String[] f = rows.get(i);
                s[i] = Double.parseDouble(f[p]);
                l[i] = Integer.parseInt(f[y]);
                wt[i] = Double.parseDouble(f[w]);
                sx[i] = f[sex];
                rc[i] = f[race];
            }
            test = new Rows(s, l, wt, sx, rc);
        }
        return test;
    }

    /** @return the rows of one group of a column */
    static Rows subset(Rows all, String[] column, String level) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (column[i].equals(level)) {
                idx.add(i);
            }
        }
        int n = idx.size();
        double[] s = new double[n];
        int[] l = new int[n];
        double[] w = new double[n];
        String[] sx = new String[n];
        String[] rc = new String[n];
        for (int k = 0; k < n; k++) {
            int i = idx.get(k);
            s[k] = all.scores()[i];
            l[k] = all.labels()[i];
            w[k] = all.weights()[i];
            sx[k] = all.sex()[i];
            rc[k] = all.race()[i];
        }
        return new Rows(s, l, w, sx, rc);
    }

    /** @return a JSON number array as doubles */
    static double[] doubles(JsonNode node) {
        if (!node.isArray()) {
            throw new AssertionError("golden file: expected an array, got " + node);
        }
        double[] a = new double[node.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = node.get(i).isTextual() ? Double.parseDouble(node.get(i).asText()) : node.get(i).asDouble();
        }
        return a;
    }

    /** @return a JSON number, failing clearly when missing */
    static double num(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new AssertionError("golden file: missing number");
        }
        return node.isTextual() ? Double.parseDouble(node.asText()) : node.asDouble();
    }
}
