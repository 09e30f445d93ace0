package org.fairkit.mitigation.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds and reads {@code ../shared/golden/*.json} and {@code ../shared/data/*.csv} through the system property
 * {@code fairkit.shared} (Surefire passes it from the root pom), and skips the calling test, saying why, when they
 * are absent. The files are never copied into the project.
 */
public final class Shared {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> JSON_CACHE = new ConcurrentHashMap<>();
    private static final Map<String, Csv> CSV_CACHE = new ConcurrentHashMap<>();

    private Shared() {
    }

    private static Path shared() {
        String p = System.getProperty("fairkit.shared");
        assumeTrue(p != null && !p.isBlank(), "golden tests skipped: system property fairkit.shared is not set "
                + "(run through Maven from the repository root)");
        Path dir = Path.of(p).toAbsolutePath().normalize();
        assumeTrue(Files.isDirectory(dir.resolve("golden")), "golden tests skipped: " + dir.resolve("golden")
                + " does not exist");
        return dir;
    }

    /** @return a golden JSON file, parsed once; skips the test when it is absent */
    public static JsonNode golden(String file) {
        Path f = shared().resolve("golden").resolve(file);
        assumeTrue(Files.isRegularFile(f), "golden tests skipped: " + f + " does not exist");
        return JSON_CACHE.computeIfAbsent(file, k -> {
            try {
                return JSON.readTree(f.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** @return a reference data CSV, read once; skips the test when it is absent */
    public static Csv data(String file) {
        Path f = shared().resolve("data").resolve(file);
        assumeTrue(Files.isRegularFile(f), "golden tests skipped: " + f + " does not exist");
        return CSV_CACHE.computeIfAbsent(file, k -> Csv.read(f));
    }

    /** @return a golden number, decoding "NaN", "Infinity", "-Infinity" */
    public static double num(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            throw new AssertionError("missing number in golden file");
        }
        return n.isNumber() ? n.doubleValue() : Double.parseDouble(n.asText());
    }

    /** A CSV without quoting (the shared predictions files): header and string cells. */
    public static final class Csv {
        private final Map<String, Integer> columns = new HashMap<>();
        private final List<String[]> rows = new ArrayList<>();

        static Csv read(Path f) {
            try {
                List<String> lines = Files.readAllLines(f);
                Csv c = new Csv();
                String[] header = lines.get(0).split(",", -1);
                for (int j = 0; j < header.length; j++) {
                    c.columns.put(header[j], j);
                }
                for (String l : lines.subList(1, lines.size())) {
                    if (l.contains("\"")) {
                        throw new IllegalStateException(f + " has quoted cells; this reader does not parse them");
                    }
                    if (!l.isEmpty()) {
                        c.rows.add(l.split(",", -1));
                    }
                }
                return c;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public int rows() {
            return rows.size();
        }

        public String[] strings(String column) {
            int j = column(column);
            String[] out = new String[rows.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = rows.get(i)[j];
            }
            return out;
        }

        public double[] doubles(String column) {
            String[] s = strings(column);
            double[] out = new double[s.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = Double.parseDouble(s[i]);
            }
            return out;
        }

        public int[] ints(String column) {
            String[] s = strings(column);
            int[] out = new int[s.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = Integer.parseInt(s[i]);
            }
            return out;
        }

        private int column(String name) {
            Integer j = columns.get(name);
            if (j == null) {
                throw new AssertionError("no column '" + name + "'; columns are " + columns.keySet());
            }
            return j;
        }
    }
}
