package org.fairkit.stats.golden;

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
 * Locates {@code ../shared/golden} through the system property {@code fairkit.shared} (Surefire passes it from
 * the root pom) and skips the calling test, with a message saying why, when the file is absent.
 */
public final class Golden {
    private static JsonNode stats;

    private Golden() {
    }

    /** @return the parsed {@code stats.json}; skips the test (JUnit assumption) when it cannot be found */
    public static synchronized JsonNode stats() {
        if (stats == null) {
            String shared = System.getProperty("fairkit.shared");
            assumeTrue(shared != null, "golden tests skipped: system property fairkit.shared is not set "
                    + "(run through Maven from the repository root)");
            Path file = Path.of(shared, "golden", "stats.json");
            assumeTrue(Files.isRegularFile(file), "golden tests skipped: " + file + " does not exist");
            try {
                stats = new ObjectMapper().readTree(file.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stats;
    }

    /** @return the rows of {@code stats.json -> block -> field} */
    public static List<JsonNode> rows(String block, String field) {
        JsonNode node = stats().path(block).path(field);
        if (!node.isArray() || node.size() == 0) {
            throw new AssertionError("stats.json has no rows at " + block + "." + field);
        }
        List<JsonNode> rows = new ArrayList<>();
        node.forEach(rows::add);
        return rows;
    }

    /** @return a number, decoding the strings "NaN", "Infinity", "-Infinity" */
    public static double num(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new AssertionError("missing number in golden file");
        }
        if (node.isTextual()) {
            return Double.parseDouble(node.asText());
        }
        return node.asDouble();
    }

    /** @return a double array from a JSON array */
    public static double[] doubles(JsonNode node) {
        double[] a = new double[node.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = num(node.get(i));
        }
        return a;
    }

    /** @return a long array from a JSON array */
    public static long[] longs(JsonNode node) {
        long[] a = new long[node.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = node.get(i).asLong();
        }
        return a;
    }

    /** @return a long matrix from a JSON array of arrays */
    public static long[][] table(JsonNode node) {
        long[][] t = new long[node.size()][];
        for (int i = 0; i < t.length; i++) {
            t[i] = longs(node.get(i));
        }
        return t;
    }

    /** @return the row's concrete producing call, for {@code as(...)} */
    public static String call(JsonNode row) {
        return row.path("call").asText("(no call recorded)");
    }
}
