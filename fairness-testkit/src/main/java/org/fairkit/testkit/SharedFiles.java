package org.fairkit.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Finds and reads the shared reference files: {@code ../shared/golden/*.json} (values computed by Fairlearn,
 * AIF360, scikit-learn, SciPy...) and {@code ../shared/data/*.csv} (public data sets and predictions).
 *
 * <p>The shared folder is the system property {@value #PROPERTY} (the root pom passes
 * {@code ${maven.multiModuleProjectDirectory}/../shared} through Surefire), else {@code ../shared} beside the
 * repository root, the highest ancestor of the working directory that holds a {@code pom.xml} (Surefire runs each
 * module's tests in the module's directory). When a file is absent, the calling test is <em>skipped</em> through a
 * JUnit assumption whose message starts with {@value #SKIP_MESSAGE} and names the missing path; the first skip is
 * also printed to standard error, because Surefire's summary only counts skipped tests. The files are read, never
 * copied into the project.
 *
 * <p>Parsed files are cached for the life of the test JVM: golden JSON trees must not be modified by tests.
 */
public final class SharedFiles {
    /** The system property naming the shared folder. */
    public static final String PROPERTY = "fairkit.shared";
    /** The start of every skip message. */
    public static final String SKIP_MESSAGE = "../shared not found: tests on shared files skipped";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Path, JsonNode> JSON_CACHE = new ConcurrentHashMap<>();
    private static final Map<Path, CsvTable> CSV_CACHE = new ConcurrentHashMap<>();
    private static final AtomicBoolean SKIP_ANNOUNCED = new AtomicBoolean();

    private SharedFiles() {
    }

    /** @return the shared folder, absolute and normalized (it may not exist) */
    public static Path shared() {
        String p = System.getProperty(PROPERTY);
        if (p != null && !p.isBlank()) {
            return Path.of(p).toAbsolutePath().normalize();
        }
        return repositoryRoot().resolve("../shared").normalize();
    }

    /** @return the highest ancestor of the working directory that still holds a {@code pom.xml} */
    public static Path repositoryRoot() {
        Path root = Path.of("").toAbsolutePath();
        for (Path d = root; d != null && Files.isRegularFile(d.resolve("pom.xml")); d = d.getParent()) {
            root = d;
        }
        return root;
    }

    /**
     * @param relative a path inside the shared folder, e.g. {@code "data/compas-predictions.csv"}
     * @return the file; skips the calling test when it is not a regular file
     */
    public static Path file(String relative) {
        Path f = shared().resolve(relative).normalize();
        boolean present = Files.isRegularFile(f);
        if (!present) {
            String message = skipMessage(f);
            if (!SKIP_ANNOUNCED.getAndSet(true)) {
                System.err.println(message);
            }
            assumeTrue(false, message);
        }
        return f;
    }

    /**
     * @param relative a folder inside the shared folder, e.g. {@code "golden"}
     * @return the folder; skips the calling test when it is not a directory
     */
    public static Path directory(String relative) {
        Path d = shared().resolve(relative).normalize();
        assumeTrue(Files.isDirectory(d), () -> skipMessage(d));
        return d;
    }

    /** @return {@code golden/<name>}; skips the calling test when it is absent */
    public static Path goldenFile(String name) {
        return file("golden/" + name);
    }

    /** @return {@code data/<name>}; skips the calling test when it is absent */
    public static Path dataFile(String name) {
        return file("data/" + name);
    }

    /** @return the golden JSON file {@code golden/<name>}, parsed once; skips the calling test when it is absent */
    public static JsonNode golden(String name) {
        return json(goldenFile(name));
    }

    /** @return the data CSV {@code data/<name>}, read once; skips the calling test when it is absent */
    public static CsvTable data(String name) {
        return CSV_CACHE.computeIfAbsent(dataFile(name), CsvTable::read);
    }

    /** @return a JSON file parsed once (cached by path) */
    public static JsonNode json(Path file) {
        return JSON_CACHE.computeIfAbsent(file, f -> {
            try {
                return JSON.readTree(f.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f, e);
            }
        });
    }

    private static String skipMessage(Path missing) {
        return SKIP_MESSAGE + " (" + missing + " is missing; set -D" + PROPERTY + "=<path of shared>)";
    }
}
