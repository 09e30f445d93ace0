package org.fairkit.core.individual;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads {@code ../shared/golden/*.json} and {@code ../shared/data/*.csv} for the golden tests of the individual,
 * ranking and checks packages (the pattern of {@code org.fairkit.core.golden.GoldenFiles}).
 *
 * <p>The shared folder is the system property {@code fairkit.shared} (set by the root pom through Surefire), else
 * {@code ../shared} next to the repository root. When it is absent, the calling test is <em>skipped</em> through a
 * JUnit assumption that says so; the files are never copied into the project.
 */
public final class SharedFiles {
    /** Message of every skip. */
    public static final String SKIP_MESSAGE = "../shared/golden not found: golden tests skipped";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> JSON_CACHE = new ConcurrentHashMap<>();
    private static final Map<String, Csv> CSV_CACHE = new ConcurrentHashMap<>();

    private SharedFiles() {
    }

    private static Path shared() {
        String p = System.getProperty("fairkit.shared");
        if (p != null && !p.isBlank()) {
            return Path.of(p).toAbsolutePath().normalize();
        }
        Path root = Path.of("").toAbsolutePath();
        for (Path d = root; d != null && Files.isRegularFile(d.resolve("pom.xml")); d = d.getParent()) {
            root = d;
        }
        return root.resolve("../shared").normalize();
    }

    /** @return a golden JSON file, parsed once; skips the calling test when it is absent */
    public static JsonNode golden(String file) {
        Path f = shared().resolve("golden").resolve(file);
        assumeTrue(Files.isRegularFile(f), () -> SKIP_MESSAGE + " (" + f + " is missing; set -Dfairkit.shared)");
        return JSON_CACHE.computeIfAbsent(file, k -> {
            try {
                return JSON.readTree(f.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f, e);
            }
        });
    }

    /** @return a data CSV (plain comma-separated, no quoting), read once; skips the calling test when absent */
    public static Csv data(String file) {
        Path f = shared().resolve("data").resolve(file);
        assumeTrue(Files.isRegularFile(f), () -> SKIP_MESSAGE + " (" + f + " is missing; set -Dfairkit.shared)");
        return CSV_CACHE.computeIfAbsent(file, k -> Csv.read(f));
    }

    /** A golden float: a number or one of "NaN", "Infinity", "-Infinity". */
    public static double number(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            throw new IllegalArgumentException("no golden number here");
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        switch (n.asText()) {
            case "NaN":
                return Double.NaN;
            case "Infinity":
                return Double.POSITIVE_INFINITY;
            case "-Infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                throw new IllegalArgumentException("not a golden number: " + n);
        }
    }

    /** @return the ints of a JSON array */
    public static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    /** @return the doubles of a JSON array */
    public static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(array.get(i));
        }
        return out;
    }

    /** @return the strings of a JSON array */
    public static String[] strings(JsonNode array) {
        String[] out = new String[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asText();
        }
        return out;
    }

    /**
     * A header-indexed CSV without quoting.
     *
     * @param header the column names
     * @param rows the fields of each data row
     */
    public record Csv(List<String> header, List<String[]> rows) {
        static Csv read(Path f) {
            List<String> lines;
            try {
                lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f, e);
            }
            List<String> header = List.of(lines.get(0).split(",", -1));
            List<String[]> rows = new ArrayList<>();
            for (int i = 1; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isEmpty()) {
                    continue;
                }
                if (line.indexOf('"') >= 0) {
                    throw new IllegalStateException(f + " line " + (i + 1) + " has a quoted field");
                }
                String[] fields = line.split(",", -1);
                if (fields.length != header.size()) {
                    throw new IllegalStateException(f + " line " + (i + 1) + " has " + fields.length + " fields");
                }
                rows.add(fields);
            }
            return new Csv(header, List.copyOf(rows));
        }

        private int column(String name) {
            int c = header.indexOf(name);
            if (c < 0) {
                throw new IllegalArgumentException("no column " + name + " in " + header);
            }
            return c;
        }

        /** @return a column as strings */
        public String[] strings(String name) {
            int c = column(name);
            return rows.stream().map(r -> r[c]).toArray(String[]::new);
        }

        /** @return a column as ints */
        public int[] ints(String name) {
            int c = column(name);
            return rows.stream().mapToInt(r -> Integer.parseInt(r[c])).toArray();
        }

        /** @return a column as doubles */
        public double[] doubles(String name) {
            int c = column(name);
            return rows.stream().mapToDouble(r -> Double.parseDouble(r[c])).toArray();
        }

        /** @return the rows whose column {@code name} is one of {@code levels}, in file order */
        public Csv where(String name, List<String> levels) {
            int c = column(name);
            return new Csv(header, rows.stream().filter(r -> levels.contains(r[c])).toList());
        }
    }
}
