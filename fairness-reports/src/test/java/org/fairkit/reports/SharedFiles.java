package org.fairkit.reports;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the shared reference files ({@code ../shared/golden/*.json}, {@code ../shared/data/*.csv}) through the
 * system property {@value #PROPERTY} (set by Surefire to {@code ${maven.multiModuleProjectDirectory}/../shared}),
 * as core's and stats' golden tests do, and skips the calling test with {@value #SKIP} when they are absent.
 */
final class SharedFiles {
    static final String PROPERTY = "fairkit.shared";
    static final String SKIP = "../shared not found: golden tests skipped";

    private SharedFiles() {
    }

    static Path shared() {
        String p = System.getProperty(PROPERTY);
        if (p != null && !p.isBlank()) {
            return Path.of(p).toAbsolutePath().normalize();
        }
        Path root = Path.of("").toAbsolutePath();
        for (Path d = root; d != null && Files.isRegularFile(d.resolve("pom.xml")); d = d.getParent()) {
            root = d;
        }
        return root.resolve("../shared").normalize();
    }

    private static Path file(String relative) {
        Path f = shared().resolve(relative);
        assumeTrue(Files.isRegularFile(f), SKIP + " (" + f + " is missing; set -D" + PROPERTY + "=<path of shared>)");
        return f;
    }

    static JsonNode golden(String name) {
        try {
            return new ObjectMapper().readTree(file("golden/" + name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CSV without quoted fields, as columns by header name. */
    static Map<String, List<String>> csv(String name) {
        try {
            List<String> lines = Files.readAllLines(file("data/" + name), StandardCharsets.UTF_8);
            String[] header = lines.get(0).split(",", -1);
            Map<String, List<String>> cols = new LinkedHashMap<>();
            for (String h : header) {
                cols.put(h, new ArrayList<>());
            }
            for (String line : lines.subList(1, lines.size())) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != header.length) {
                    throw new IllegalStateException(name + ": a line has " + f.length + " fields, expected "
                            + header.length + " (quoted fields are not supported here): " + line);
                }
                for (int i = 0; i < f.length; i++) {
                    cols.get(header[i]).add(f[i]);
                }
            }
            return cols;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
