package org.fairkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fairkit.testkit.Markdown;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Docs are tests: every {@code fairkit ...} (or {@code fairness-cli/target/fairkit/bin/fairkit ...}, or
 * {@code java -jar fairness-cli/target/fairkit.jar ...}) command line
 * in the bash blocks of the module README and the repository README parses: its command and options exist and its
 * required options are there.
 */
class ReadmeCommandsTest {
    private static final Path ROOT = Path.of(System.getProperty("fairkit.root", ".."));
    private static final String JAR = "java -jar fairness-cli/target/fairkit.jar";
    private static final String LAUNCHER = "fairness-cli/target/fairkit/bin/fairkit";

    @Test
    void everyCommandLineInTheModuleReadmeParses() throws IOException {
        List<String> commands = commands(ROOT.resolve("fairness-cli/README.md"));
        assertThat(commands).hasSizeGreaterThan(15);
        commands.forEach(ReadmeCommandsTest::parses);
    }

    @Test
    void everyCommandLineInTheRepositoryReadmeParses() throws IOException {
        List<String> commands = commands(ROOT.resolve("README.md"));
        assertThat(commands).contains("demo");
        commands.forEach(ReadmeCommandsTest::parses);
    }

    private static void parses(String command) {
        CommandLine cl = FairkitCommand.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        String[] args = tokens(command).toArray(new String[0]);
        try {
            cl.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new AssertionError("README command does not parse: fairkit " + command + "\n" + e.getMessage(), e);
        }
    }

    /** The fairkit command lines of a file's bash blocks, continuation lines joined, without the program name. */
    static List<String> commands(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        for (String bash : Markdown.read(file).blocks("bash")) {
            String block = bash.replaceAll("\\\\\\n\\s*", " ");
            for (String line : block.split("\\n")) {
                String l = line.strip();
                if (l.startsWith("exec ")) {
                    l = l.substring(5);
                }
                if (l.startsWith(JAR + " ")) {
                    out.add(l.substring(JAR.length() + 1).strip());
                } else if (l.startsWith(LAUNCHER + " ")) {
                    out.add(l.substring(LAUNCHER.length() + 1).strip());
                } else if (l.startsWith("fairkit ")) {
                    out.add(l.substring("fairkit ".length()).strip());
                }
            }
        }
        return out;
    }

    /** Shell words: quotes removed, adjacent parts joined, stopping at a redirection or a pipe. */
    static List<String> tokens(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder w = null;
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                w = w == null ? new StringBuilder() : w;
            } else if (Character.isWhitespace(c)) {
                if (w != null) {
                    words.add(w.toString());
                    w = null;
                }
            } else if ((c == '>' || c == '|' || c == '#') && w == null) {
                break;
            } else {
                w = w == null ? new StringBuilder() : w;
                w.append(c);
            }
        }
        if (w != null) {
            words.add(w.toString());
        }
        return words;
    }

    @Test
    void tokensFollowTheShell() {
        assertThat(tokens("check --reference ethnicity='Group A' --x \"a b\" > out.json"))
                .containsExactly("check", "--reference", "ethnicity=Group A", "--x", "a b");
    }
}
