package org.fairkit.core.golden;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Finds and reads the shared reference files ({@code ../shared/golden/*.json}, {@code ../shared/data/*.csv}).
 *
 * <p>The shared folder is the system property {@value #PROPERTY} (the root pom passes
 * {@code ${maven.multiModuleProjectDirectory}/../shared} through Surefire), else {@code ../shared} next to the
 * repository root. When it is absent, every golden test is <em>skipped</em> through a JUnit assumption with the
 * message {@value #SKIP_MESSAGE}; the files are never copied into the project.
 */
final class GoldenFiles {
    /** Absolute tolerance of every golden comparison. */
    static final double TOLERANCE = 1e-9;
    static final String PROPERTY = "fairkit.shared";
    static final String SKIP_MESSAGE = "../shared/golden not found: golden tests skipped";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> JSON_CACHE = new ConcurrentHashMap<>();
    private static final Map<String, Table> CSV_CACHE = new ConcurrentHashMap<>();
    private static final AtomicBoolean SKIP_ANNOUNCED = new AtomicBoolean();

    private GoldenFiles() {
    }

    /** @return the shared folder (it may not exist) */
    static Path shared() {
        String p = System.getProperty(PROPERTY);
        if (p != null && !p.isBlank()) {
            return Path.of(p).toAbsolutePath().normalize();
        }
        return repositoryRoot().resolve("../shared").normalize();
    }

    /** Surefire runs in the module directory: the root is the highest ancestor that still holds a pom.xml. */
    private static Path repositoryRoot() {
        Path root = Path.of("").toAbsolutePath();
        for (Path d = root; d != null && Files.isRegularFile(d.resolve("pom.xml")); d = d.getParent()) {
            root = d;
        }
        return root;
    }

    /** @return the golden folder; skips the calling test when it is absent */
    static Path goldenDir() {
        Path dir = shared().resolve("golden");
        boolean present = Files.isDirectory(dir);
        String message = SKIP_MESSAGE + " (looked in " + dir + "; set -D" + PROPERTY + "=<path of shared>)";
        if (!present && !SKIP_ANNOUNCED.getAndSet(true)) {
            System.err.println(message); // Surefire's summary only counts skipped tests; say why once
        }
        assumeTrue(present, message);
        return dir;
    }

    /** @return a golden JSON file, parsed once; skips the calling test when it is absent */
    static JsonNode golden(String file) {
        Path f = goldenDir().resolve(file);
        assumeTrue(Files.isRegularFile(f), () -> SKIP_MESSAGE + " (" + f + " is missing)");
        return JSON_CACHE.computeIfAbsent(file, k -> {
            try {
                return JSON.readTree(f.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f, e);
            }
        });
    }

    /** @return a reference data CSV, read once; skips the calling test when it is absent */
    static Table data(String file) {
        goldenDir();
        Path f = shared().resolve("data").resolve(file);
        assumeTrue(Files.isRegularFile(f), () -> "../shared/data/" + file + " not found: golden tests skipped");
        return CSV_CACHE.computeIfAbsent(file, k -> Table.read(f));
    }

    /**
     * A golden float: a JSON number, or one of the strings "NaN", "Infinity", "-Infinity" (the files'
     * {@code conventions.non_finite}).
     */
    static double number(JsonNode n) {
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

    /** @return the field names of a JSON object, in file order */
    static List<String> fieldNames(JsonNode object) {
        List<String> out = new ArrayList<>();
        Iterator<String> it = object.fieldNames();
        it.forEachRemaining(out::add);
        return out;
    }

    /** @return the strings of a JSON array */
    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asText()));
        return out;
    }

    /**
     * A header-indexed CSV without quoting (the derived prediction files write none; {@link #read} checks it).
     *
     * @param header the column names
     * @param rows the fields of each data row
     */
    record Table(List<String> header, List<String[]> rows) {
        static Table read(Path f) {
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
                    throw new IllegalStateException(f + " line " + (i + 1) + " has a quoted field; this reader "
                            + "only handles plain comma-separated fields");
                }
                String[] fields = line.split(",", -1);
                if (fields.length != header.size()) {
                    throw new IllegalStateException(f + " line " + (i + 1) + " has " + fields.length
                            + " fields, the header " + header.size());
                }
                rows.add(fields);
            }
            return new Table(header, List.copyOf(rows));
        }

        private int column(String name) {
            int c = header.indexOf(name);
            if (c < 0) {
                throw new IllegalArgumentException("no column " + name + " in " + header);
            }
            return c;
        }

        String[] strings(String name) {
            int c = column(name);
            return rows.stream().map(r -> r[c]).toArray(String[]::new);
        }

        int[] ints(String name) {
            int c = column(name);
            return rows.stream().mapToInt(r -> Integer.parseInt(r[c])).toArray();
        }

        double[] doubles(String name) {
            int c = column(name);
            return rows.stream().mapToDouble(r -> Double.parseDouble(r[c])).toArray();
        }

        /** @return the rows whose {@code name} column is one of {@code levels}, in file order */
        Table where(String name, Collection<String> levels) {
            int c = column(name);
            return new Table(header, rows.stream().filter(r -> levels.contains(r[c])).toList());
        }

        @Override
        public String toString() {
            return "Table" + header + " x " + rows.size() + " rows";
        }
    }
}
