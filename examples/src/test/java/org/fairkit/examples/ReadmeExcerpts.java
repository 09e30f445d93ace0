package org.fairkit.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.fairkit.testkit.Markdown;

/**
 * The sample output in {@code examples/README.md}, so that tests can check it is true. An excerpt is a fenced
 * {@code text} block right after a line {@code <!-- output: NAME -->}; every line of it must be a line of the
 * program's real output, except lines that are exactly {@code ...} (an elision).
 */
final class ReadmeExcerpts {
    static final String ELISION = "...";

    private ReadmeExcerpts() {
    }

    /** @return the excerpts of program {@code name}, each as its lines */
    static List<List<String>> of(String name) {
        Path examples = Path.of(System.getProperty("fairkit.examples.dir", "."));
        return Markdown.read(examples.resolve("README.md")).outputBlocks(name);
    }

    /** @return the excerpt lines (elisions left out) that are not lines of {@code output} */
    static List<String> missingFrom(String output, List<List<String>> excerpts) {
        Set<String> lines = output.lines().map(String::stripTrailing).collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        for (List<String> excerpt : excerpts) {
            for (String line : excerpt) {
                if (!line.equals(ELISION) && !lines.contains(line.stripTrailing())) {
                    missing.add(line);
                }
            }
        }
        return missing;
    }
}
