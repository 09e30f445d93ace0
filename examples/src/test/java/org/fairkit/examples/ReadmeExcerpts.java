package org.fairkit.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The sample output in {@code examples/README.md}, so that tests can check it is true. An excerpt is a fenced
 * {@code text} block right after a line {@code <!-- output: NAME -->}; every line of it must be a line of the
 * program's real output, except lines that are exactly {@code ...} (an elision).
 */
final class ReadmeExcerpts {
    static final String ELISION = "...";
    private static final Pattern BLOCK = Pattern.compile("<!-- output: (\\w+) -->\\s*\\n```text\\n(.*?)```",
            Pattern.DOTALL);

    private ReadmeExcerpts() {
    }

    /** @return the excerpts of program {@code name}, each as its lines */
    static List<List<String>> of(String name) throws IOException {
        Path examples = Path.of(System.getProperty("fairkit.examples.dir", "."));
        String readme = Files.readString(examples.resolve("README.md"), StandardCharsets.UTF_8);
        List<List<String>> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(readme);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                out.add(m.group(2).lines().toList());
            }
        }
        return out;
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
