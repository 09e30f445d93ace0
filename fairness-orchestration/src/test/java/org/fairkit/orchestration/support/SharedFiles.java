package org.fairkit.orchestration.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared reference data ({@code ../shared/data}) through the system property {@value #PROPERTY} (set by
 * the root pom's Surefire configuration), else {@code ../shared} beside the repository root. When a file is absent
 * the calling test is <em>skipped</em> with {@value #SKIP_MESSAGE}; the files are never copied into the project.
 */
public final class SharedFiles {
    static final String PROPERTY = "fairkit.shared";
    static final String SKIP_MESSAGE = "../shared/data not found: tests on shared data skipped";

    private SharedFiles() {
    }

    /** @return the shared folder (it may not exist) */
    public static Path shared() {
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

    /** @return a file of {@code shared/data}; skips the calling test when it is absent */
    public static Path data(String name) {
        Path f = shared().resolve("data").resolve(name);
        assumeTrue(Files.isRegularFile(f), SKIP_MESSAGE + " (" + f + ")");
        return f;
    }
}
