package org.fairkit.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown document (a README) cut into the pieces that "docs are tests" checks compare with code: sections,
 * fenced blocks, and the code lines of fenced blocks.
 *
 * <p>A <em>section</em> starts at its heading and ends before the next level-2 heading ({@code "\n## "}), so it
 * includes its {@code ###} subsections. Immutable.
 */
public final class Markdown {
    private final String text;

    private Markdown(String text) {
        this.text = text;
    }

    /** @return the document of a UTF-8 file, e.g. {@code Markdown.read(Path.of("README.md"))} */
    public static Markdown read(Path file) {
        try {
            return new Markdown(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** @return the document of this text */
    public static Markdown of(String text) {
        return new Markdown(text);
    }

    /** @return the whole text */
    public String text() {
        return text;
    }

    /**
     * @param heading the heading line as written, e.g. {@code "## Calibration"}
     * @return the text from the first occurrence of {@code heading} to the next level-2 heading (or the end)
     * @throws AssertionError when the document has no such heading
     */
    public Markdown section(String heading) {
        int start = text.indexOf(heading);
        if (start < 0) {
            throw new AssertionError("the document has no section " + heading);
        }
        int end = text.indexOf("\n## ", start + heading.length());
        return new Markdown(end < 0 ? text.substring(start) : text.substring(start, end));
    }

    /**
     * @param headings level-2 heading lines, e.g. {@code List.of("## Audit runs", "## Monitoring")}
     * @return the lines of every level-2 section whose heading line (stripped) is one of {@code headings}, in
     *     document order, each line followed by {@code '\n'}
     * @throws AssertionError when none of them is found
     */
    public Markdown sections(Collection<String> headings) {
        StringBuilder out = new StringBuilder();
        boolean mine = false;
        for (String l : text.split("\n")) {
            if (l.startsWith("## ")) {
                mine = headings.contains(l.strip());
            }
            if (mine) {
                out.append(l).append('\n');
            }
        }
        if (out.length() == 0) {
            throw new AssertionError("the document has none of the sections " + headings);
        }
        return new Markdown(out.toString());
    }

    /** @return the text before the first occurrence of {@code heading}, or the whole text when it has none */
    public Markdown before(String heading) {
        int at = text.indexOf(heading);
        return at < 0 ? this : new Markdown(text.substring(0, at));
    }

    /**
     * @param language the info string of the fence, e.g. {@code "java"}, {@code "bash"}, {@code "text"}
     * @return the contents of every block fenced by {@code ```language} and {@code ```}, in order, as written
     */
    public List<String> blocks(String language) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("```" + Pattern.quote(language) + "\\n(.*?)```", Pattern.DOTALL).matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /**
     * The {@code text} blocks tagged as the output of a program: a fenced {@code text} block right after a line
     * {@code <!-- output: NAME -->}.
     *
     * @return the blocks tagged {@code name}, in order, each as its lines
     */
    public List<List<String>> outputBlocks(String name) {
        List<List<String>> out = new ArrayList<>();
        Matcher m = Pattern.compile("<!-- output: (\\w+) -->\\s*\\n```text\\n(.*?)```", Pattern.DOTALL).matcher(text);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                out.add(m.group(2).lines().toList());
            }
        }
        return out;
    }

    /**
     * The code lines of the blocks of one language, as a test that must contain each of them compares them: a line
     * starting with {@code ```language} opens a block, any other line starting with {@code ```} closes it; each
     * line inside has its trailing {@code //} comment removed and is trimmed; empty lines are left out.
     *
     * @return the code lines, in document order
     */
    public List<String> codeLines(String language) {
        List<String> lines = new ArrayList<>();
        boolean in = false;
        for (String l : text.split("\n")) {
            if (l.startsWith("```" + language)) {
                in = true;
            } else if (l.startsWith("```")) {
                in = false;
            } else if (in) {
                String code = l.replaceAll("\\s*//.*$", "").trim();
                if (!code.isEmpty()) {
                    lines.add(code);
                }
            }
        }
        return lines;
    }

    /** @return {@code code} with every line stripped and empty lines left out, each line followed by '\n' */
    public static String normalize(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
    }

    @Override
    public String toString() {
        return text;
    }
}
