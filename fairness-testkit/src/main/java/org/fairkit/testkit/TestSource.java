package org.fairkit.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The source text of a test class, which README snippet tests search for the README's code lines ("docs are
 * tests"). The file is {@code src/test/java/<package path>/<SimpleName>.java} under the module directory, by
 * default the working directory (where Surefire runs a module's tests).
 */
public final class TestSource {
    private final Path file;
    private final String text;

    private TestSource(Path file, String text) {
        this.file = file;
        this.text = text;
    }

    /** @return the source of a top-level test class, under the working directory */
    public static TestSource of(Class<?> testClass) {
        return of(testClass, Path.of("."));
    }

    /** @return the source of a top-level test class, under {@code moduleDir} */
    public static TestSource of(Class<?> testClass, Path moduleDir) {
        if (testClass.getEnclosingClass() != null) {
            throw new IllegalArgumentException(testClass + " is nested; name its top-level class");
        }
        String relative = "src/test/java/" + testClass.getName().replace('.', '/') + ".java";
        Path file = moduleDir.resolve(relative);
        try {
            return new TestSource(file, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the source of " + testClass.getName() + " at " + file, e);
        }
    }

    /** @return the file read */
    public Path file() {
        return file;
    }

    /** @return the whole source text */
    public String text() {
        return text;
    }

    /**
     * @return the text between the first {@code startMarker} and the following {@code endMarker} (both excluded),
     *     e.g. between {@code "// snippet 1 start"} and {@code "// snippet 1 end"}
     * @throws AssertionError when a marker is missing
     */
    public String between(String startMarker, String endMarker) {
        int start = text.indexOf(startMarker);
        if (start < 0) {
            throw new AssertionError(file + " has no marker " + startMarker);
        }
        int end = text.indexOf(endMarker, start + startMarker.length());
        if (end < 0) {
            throw new AssertionError(file + " has no marker " + endMarker + " after " + startMarker);
        }
        return text.substring(start + startMarker.length(), end);
    }

    @Override
    public String toString() {
        return text;
    }
}
