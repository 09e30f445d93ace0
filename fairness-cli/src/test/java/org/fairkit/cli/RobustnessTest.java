package org.fairkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The command line against hostile input, as one table: each case prepares files in a fresh directory, runs
 * {@code fairkit} in-process, and pins the exit code and a fragment of the one-line message (or of the output).
 * It holds the defects of issue 13 (numbered {@code #N} in the case names) beside the hostile cases that were
 * already handled, so that none of them regresses: exit 1 only ever means a negative verdict (a failed policy, an
 * infeasible plan, a trail that is not intact), bad input is 2, and nothing prints a stack trace (70).
 */
class RobustnessTest {

    /**
     * One hostile input.
     *
     * @param name what is tried
     * @param args the command line, from the case's directory (where {@code setup} wrote its files)
     * @param exit the expected exit code
     * @param fragment text the run must print (stderr for a non-zero exit of 2, else stdout or stderr)
     * @param after a check of the directory after the run, e.g. that an input was not destroyed
     */
    record Case(String name, Args args, int exit, String fragment, Check after) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Prepares the case's files and returns its command line. */
    @FunctionalInterface
    interface Args {
        String[] apply(Path dir) throws IOException;
    }

    /** A check of the case's directory after the run. */
    @FunctionalInterface
    interface Check {
        void verify(Path dir) throws IOException;

        Check NONE = dir -> { };
    }

    static final String DATA = "y,p,g\n1,1,a\n0,0,a\n1,0,b\n0,1,b\n1,1,a\n0,0,b\n";

    static Path write(Path dir, String name, String text) {
        return write(dir, name, text.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path dir, String name, byte[] bytes) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.toAbsolutePath().getParent());
            Files.write(p, bytes);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text and raw bytes, in order: strings as UTF-8, integers as one byte. */
    static byte[] bytes(Object... parts) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        for (Object o : parts) {
            if (o instanceof String s) {
                b.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            } else {
                b.write((Integer) o);
            }
        }
        return b.toByteArray();
    }

    /** A CSV with {@code n} groups, one row each: an ID column as the sensitive column. */
    static String ids(int n) {
        StringBuilder b = new StringBuilder("y,p,g\n");
        for (int i = 0; i < n; i++) {
            b.append(i % 2).append(',').append((i / 2) % 2).append(",id").append(i).append('\n');
        }
        return b.toString();
    }

    static void symlink(Path link, Path target) {
        try {
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Audits {@link #DATA} into {@code dir/out} {@code runs} times; returns the trail. */
    static Path auditedTrail(Path dir, int runs) {
        Path in = write(dir, "in.csv", DATA);
        for (int i = 0; i < runs; i++) {
            Cli.Result r = Cli.run(audit(in, "--out", dir.resolve("out").toString()));
            assertThat(r.code()).as(r.toString()).isZero();
        }
        return dir.resolve("out/audit-trail.jsonl");
    }

    /** {@code audit --data FILE --label y --prediction p --sensitive g} plus more. */
    static String[] audit(Path data, String... more) {
        List<String> a = new ArrayList<>(List.of("audit", "--data", data.toString(), "--label", "y", "--prediction",
                "p", "--sensitive", "g"));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    /** A policy check of seeded lending data whose disparate impact of Group B is about 0.6. */
    static String[] checkLending(Path dir, String policy) {
        Path data = Cli.lending(dir, 2000, 9);
        Path p = write(dir, "policy.yml", policy);
        return new String[] {"check", "--policy", p.toString(), "--data", data.toString(), "--label", "repaid",
            "--prediction", "approved", "--sensitive", "ethnicity", "--reference", "ethnicity=Group A"};
    }

    static Case bad(String name, Args args, String fragment) {
        return new Case(name, args, ExitCode.BAD_INPUT, fragment, Check.NONE);
    }

    static Case ok(String name, Args args, String fragment) {
        return new Case(name, args, ExitCode.OK, fragment, Check.NONE);
    }

    static Stream<Case> cases() {
        return Stream.of(
                // already handled before issue 13: keep them so
                bad("missing data file", d -> audit(d.resolve("missing.csv")), "--data: file '"),
                bad("a label cell outside its values", d -> audit(write(d, "in.csv", "y,p,g\n1,1,a\nyes,0,b\n")),
                        "line 3 (data row 2), column 'y': got 'yes'"),
                bad("a missing sensitive column", d -> audit(write(d, "in.csv", "y,p,h\n1,1,a\n")),
                        "column 'g' (sensitive) is missing"),
                bad("an unclosed quote", d -> audit(write(d, "in.csv", "y,p,g\n1,1,\"a\n0,0,b\n")), "not valid CSV"),
                bad("a score outside [0, 1]", d -> audit(write(d, "in.csv", "y,p,g,s\n1,1,a,1.5\n"), "--score", "s"),
                        "column 's': got '1.5'; expected a number in [0, 1]"),
                bad("a negative weight", d -> audit(write(d, "in.csv", "y,p,g,w\n1,1,a,-1\n"), "--weight", "w"),
                        "column 'w': got '-1'"),
                bad("an empty file", d -> audit(write(d, "in.csv", "")), "is empty; expected a header line"),
                bad("a header without rows", d -> audit(write(d, "in.csv", "y,p,g\n")), "has a header but no data rows"),
                bad("an unknown option", d -> new String[] {"plan", "--bogus"}, "Unknown option: '--bogus'"),
                bad("a YAML type tag in a rule", d -> checkLending(d, "policy: p\nrules:\n"
                        + "  - !!java.net.URL [\"http://localhost/\"]\n"), "policy '"),
                bad("a YAML type tag on a value", d -> checkLending(d, "policy: !!java.lang.Object p\nrules:\n"
                        + "  - disparate_impact >= 0.8 for ethnicity\n"),
                        "line 1, column 9: a type tag (tag:yaml.org,2002:java.lang.Object): type tags are not allowed"),
                bad("an unknown policy key", d -> checkLending(d, "policy: p\nrulez: []\n"), "unknown key 'rulez'"),
                new Case("a failed policy is exit 1", d -> checkLending(d, "policy: p\nrules:\n"
                        + "  - disparate_impact >= 0.8 for ethnicity\n"), ExitCode.FINDING, "Policy p: FAIL (exit 1)",
                        Check.NONE),
                bad("a missing trail", d -> new String[] {"trail", "verify", d.resolve("t.jsonl").toString()},
                        "does not exist"),

                // issue 13
                bad("#2 a second 'rules' key cannot relax the first", d -> checkLending(d, "policy: p\nrules:\n"
                        + "  - disparate_impact >= 0.8 for ethnicity\nrules:\n  - disparate_impact >= 0.0 for "
                        + "ethnicity\n"), "line 4, column 6: the key 'rules' appears twice in the same mapping"),
                bad("#2 a repeated severity", d -> checkLending(d, "policy: p\nrules:\n"
                        + "  - rule: disparate_impact >= 0.8 for ethnicity\n    severity: error\n    severity: warning\n"),
                        "the key 'severity' appears twice"),
                bad("#3 an alias is not read as its anchor's name", d -> checkLending(d, "policy: p\nrules:\n"
                        + "  - rule: min_group_size >= 1\n    severity: &warning error\n"
                        + "  - rule: disparate_impact >= 0.8 for ethnicity\n    severity: *warning\n"),
                        "an alias (*warning): anchors and aliases are not allowed in a policy"),
                bad("#11 --bootstrap is bounded", d -> audit(write(d, "in.csv", DATA), "--bootstrap", "1000000000"),
                        "--bootstrap: 1000000000 is out of range; expected 1 to 100000 resamples"),
                bad("#11 calibrate --bins is bounded", d -> new String[] {"calibrate", "--data",
                    write(d, "in.csv", "y,s,g\n1,0.5,a\n").toString(), "--label", "y", "--score", "s", "--sensitive",
                    "g", "--bins", "2000000000"}, "--bins: 2000000000 is out of range; expected 1 to 10000 bins"),
                bad("#11 demo --rows is bounded", d -> new String[] {"demo", "--out", d.resolve("demo").toString(),
                    "--rows", "2147483647"}, "--rows: 2147483647 is out of range; expected 1 to 5000000 rows"),
                bad("#14 a huge --time-limit", d -> new String[] {"plan", "--time-limit", "999999999999d"},
                        "--time-limit: '999999999999d' is longer than 36500d (100 years)"),
                bad("#14 a huge --period", d -> new String[] {"plan", "--mode", "continuous", "--period",
                    "99999999999d"}, "--period: '99999999999d' is longer than 36500d"),
                bad("#14 an extreme --from", d -> new String[] {"plan", "--from", "0001-01-01", "--to",
                    "+999999999-12-31"}, "--from: '0001-01-01' is outside the years 1900 to 9999"),
                bad("#14 a date range of 8000 years", d -> new String[] {"plan", "--from", "1900-01-01", "--to",
                    "9999-12-31"}, "the date range is longer than 36500 days"),
                bad("#6 Latin-1 labels are not silently merged", d -> audit(write(d, "in.csv",
                        bytes("y,p,g\n1,1,caf", 0xE9, "\n0,0,caf", 0xE8, "\n"))),
                        "in.csv', line 2, column 8: not valid UTF-8 (byte 0xE9)"),
                bad("#6 malformed UTF-8 in a file mitigate reads", d -> new String[] {"mitigate", "reweigh", "--data",
                    write(d, "in.csv", bytes("y,g\n1,a\n0,", 0xFF, "\n")).toString(), "--label", "y", "--sensitive",
                    "g", "--write", d.resolve("out.csv").toString()}, "line 3, column 3: not valid UTF-8 (byte 0xFF)"),
                bad("#6 a UTF-8 sequence cut off at the end", d -> audit(write(d, "in.csv",
                        bytes("y,p,g\n1,1,a", 0xC3))),
                        "in.csv', line 2, column 6: not valid UTF-8 (a UTF-8 sequence cut off by the end of the file, byte 0xC3)"),
                bad("#19 a weight written as a Java literal", d -> audit(write(d, "in.csv", "y,p,g,w\n1,1,a,0.5d\n"),
                        "--weight", "w"), "column 'w': got '0.5d'"),
                bad("#19 a hexadecimal score", d -> audit(write(d, "in.csv", "y,p,g,s\n1,1,a,0x1p-2\n"), "--score",
                        "s"), "column 's': got '0x1p-2'"),
                bad("#19 a score with a type suffix in calibrate", d -> new String[] {"calibrate", "--data",
                    write(d, "in.csv", "y,s,g\n1,3F,a\n").toString(), "--label", "y", "--score", "s", "--sensitive",
                    "g"}, "column 's': got '3F'"),
                ok("#19 plain decimals and exponents are numbers", d -> audit(write(d, "in.csv",
                        "y,p,g,w,s\n1,1,a,.5,1e-1\n0,0,b,2E+0,0.25\n"), "--weight", "w", "--score", "s"),
                        "FairKit report"),
                new Case("#1 mitigate reweigh --write naming --data adds the column, keeps every row", d -> {
                    Path in = write(d, "in.csv", DATA);
                    return new String[] {"mitigate", "reweigh", "--data", in.toString(), "--label", "y", "--sensitive",
                        "g", "--write", in.toString()};
                }, ExitCode.OK, "with 'fairkit_weight' appended", d -> assertThat(Files.readAllLines(
                        d.resolve("in.csv"))).hasSize(7).first().isEqualTo("y,p,g,fairkit_weight")),
                new Case("#1 mitigate threshold --write naming --data", d -> {
                    Path in = write(d, "in.csv", "y,s,g\n1,0.9,a\n0,0.2,a\n1,0.7,b\n0,0.4,b\n1,0.6,a\n0,0.5,b\n");
                    return new String[] {"mitigate", "threshold", "--data", in.toString(), "--label", "y", "--score",
                        "s", "--sensitive", "g", "--write", in.toString()};
                }, ExitCode.OK, "'fair_prediction'", d -> assertThat(Files.readAllLines(d.resolve("in.csv")))
                        .hasSize(7).first().isEqualTo("y,s,g,fair_probability,fair_prediction")),
                new Case("#1 calibrate --write naming --data", d -> {
                    Path in = write(d, "in.csv", "y,s,g\n1,0.9,a\n0,0.2,a\n1,0.7,b\n0,0.4,b\n1,0.6,a\n0,0.5,b\n");
                    return new String[] {"calibrate", "--data", in.toString(), "--label", "y", "--score", "s",
                        "--sensitive", "g", "--min-group-size", "1", "--write", in.toString()};
                }, ExitCode.OK, "'calibrated_score' appended", d -> assertThat(Files.readAllLines(
                        d.resolve("in.csv"))).hasSize(7).first().isEqualTo("y,s,g,calibrated_score")),
                new Case("#9 a planted metrics.csv link is refused and its target untouched", d -> {
                    Path victim = write(d, "victim.txt", "precious\n");
                    symlink(d.resolve("out/metrics.csv"), victim);
                    return audit(write(d, "in.csv", DATA), "--out", d.resolve("out").toString());
                }, ExitCode.BAD_INPUT, "refusing to write '", d -> {
                    assertThat(Files.readString(d.resolve("victim.txt"))).isEqualTo("precious\n");
                    assertThat(d.resolve("out/report.json")).doesNotExist();
                    assertThat(d.resolve("out/audit-trail.jsonl")).hasContent("");
                }),
                new Case("#9 a symlinked trail is refused and its target untouched", d -> {
                    Path victim = write(d, "victim.txt", "precious\n");
                    symlink(d.resolve("out/audit-trail.jsonl"), victim);
                    return audit(write(d, "in.csv", DATA), "--out", d.resolve("out").toString());
                }, ExitCode.BAD_INPUT, "is a symbolic link", d -> {
                    assertThat(Files.readString(d.resolve("victim.txt"))).isEqualTo("precious\n");
                    assertThat(d.resolve("out/report.json")).doesNotExist();
                }),
                new Case("#9 --write to a link is refused", d -> {
                    Path victim = write(d, "victim.txt", "precious\n");
                    symlink(d.resolve("out.csv"), victim);
                    return new String[] {"mitigate", "reweigh", "--data", write(d, "in.csv", DATA).toString(),
                        "--label", "y", "--sensitive", "g", "--write", d.resolve("out.csv").toString()};
                }, ExitCode.BAD_INPUT, "it is a symbolic link", d -> assertThat(Files.readString(
                        d.resolve("victim.txt"))).isEqualTo("precious\n")),
                new Case("#15 repair completes an entry that lacks only its newline", d -> {
                    Path trail = auditedTrail(d, 2);
                    byte[] b = Files.readAllBytes(trail);
                    Files.write(trail, java.util.Arrays.copyOf(b, b.length - 1));
                    return new String[] {"trail", "repair", trail.toString()};
                }, ExitCode.OK, "completed the last entry", d -> assertThat(Cli.run("trail", "verify",
                        d.resolve("out/audit-trail.jsonl").toString()).out()).contains("intact, 2 entries")),
                new Case("#15 repair still removes an incomplete line", d -> {
                    Path trail = auditedTrail(d, 2);
                    byte[] b = Files.readAllBytes(trail);
                    Files.write(trail, java.util.Arrays.copyOf(b, b.length - 40));
                    return new String[] {"trail", "repair", trail.toString()};
                }, ExitCode.OK, "removed a torn last line", d -> assertThat(Cli.run("trail", "verify",
                        d.resolve("out/audit-trail.jsonl").toString()).out()).contains("intact, 1 entry")),
                new Case("#16 an audit into a torn trail writes nothing and says how to repair", d -> {
                    Path trail = auditedTrail(d, 1);
                    Files.writeString(trail, "{\"seq\":2,\"ti", java.nio.file.StandardOpenOption.APPEND);
                    Files.delete(d.resolve("out/report.json"));
                    return audit(d.resolve("in.csv"), "--out", d.resolve("out").toString());
                }, ExitCode.BAD_INPUT, "nothing was written. Check it with 'fairkit trail verify ", d -> {
                    assertThat(d.resolve("out/report.json")).doesNotExist();
                    String err = Cli.run(audit(d.resolve("in.csv"), "--out", d.resolve("out").toString())).err();
                    assertThat(err).contains("then repair it with 'fairkit trail repair ").doesNotContain("repairTornTail");
                }),
                new Case("trail anchor printed after the append", d -> audit(write(d, "in.csv", DATA), "--out",
                        d.resolve("out").toString()), ExitCode.OK, "Trail anchor: 1 entry, head ", d -> {
                    String out = Cli.run(audit(d.resolve("in.csv"), "--out", d.resolve("out").toString())).out();
                    String verify = out.substring(out.indexOf("fairkit trail verify " + d.resolve("out")
                            .resolve("audit-trail.jsonl") + " --entries 2 --head ")).strip();
                    String[] args = verify.substring("fairkit ".length()).split(" ");
                    assertThat(Cli.run(args).code()).isZero();
                }),
                new Case("#7 formula cells and headers are neutralised in metrics.csv and flagged-cases.csv", d -> {
                    Path in = write(d, "in.csv", "y,p,=cmd|x\n1,0,@x2\n1,0,@x2\n1,1,@x2\n1,1,\"=HYPERLINK(\"\"http://e\"\")\"\n"
                            + "1,1,\"=HYPERLINK(\"\"http://e\"\")\"\n0,0,@x2\n");
                    return new String[] {"audit", "--data", in.toString(), "--label", "y", "--prediction", "p",
                        "--sensitive", "=cmd|x", "--out",
                        d.resolve("out").toString(), "--outputs", "metrics_export,flagged_cases"};
                }, ExitCode.OK, "metrics.csv", d -> {
                    String metrics = Files.readString(d.resolve("out/metrics.csv"));
                    assertThat(metrics).contains("'@x2").contains("'=HYPERLINK").doesNotContain(",@x2")
                            .doesNotContain(",=HYPERLINK").doesNotContain(",\"=HYPERLINK");
                    List<String> flagged = Files.readAllLines(d.resolve("out/flagged-cases.csv"));
                    assertThat(flagged.get(0)).contains("'=cmd|x").doesNotContain(",=cmd");
                    assertThat(flagged).hasSize(3).allMatch(l -> l.equals(flagged.get(0)) || l.contains(",'@x2,"));
                }),
                new Case("#17 two intersections never print the same label", d -> new String[] {"audit", "--data",
                    write(d, "in.csv", "y,p,a,b\n1,1,x & y,z\n0,1,x,y & z\n").toString(), "--label", "y",
                    "--prediction", "p", "--sensitive", "a,b", "--intersect"}, ExitCode.OK,
                        "\"x & y\" & z", d -> { }),
                new Case("#17 mitigate keeps the two intersections apart", d -> new String[] {"mitigate", "reweigh",
                    "--data", write(d, "in.csv", "y,a,b\n1,x & y,z\n0,x & y,z\n1,x,y & z\n0,x,y & z\n").toString(),
                    "--label", "y", "--sensitive", "a,b", "--write", d.resolve("out.csv").toString()}, ExitCode.OK,
                        "x & \"y & z\"", d -> { }),
                bad("#10 an ID column passed as sensitive is refused (default limit 10000 groups)", d -> audit(
                        write(d, "ids.csv", ids(10_001))), "the grouping by g has more than 10000 groups (at data row "
                        + "10001): a sensitive column with this many levels is likely an ID column"),
                bad("#10 the limit holds before any output is written", d -> audit(write(d, "ids.csv", ids(50)),
                        "--max-groups", "20", "--out", d.resolve("out").toString()), "has more than 20 groups"),
                bad("#10 the limit holds with intervals (rows in memory)", d -> audit(write(d, "ids.csv", ids(50)),
                        "--max-groups", "20", "--bayes"), "has more than 20 groups"),
                ok("#10 20000 groups under a raised limit", d -> audit(write(d, "ids.csv", ids(20_000)),
                        "--max-groups", "20000", "--metrics", "selection_rate"), "20000 groups by g"),
                bad("#20 weights that overflow name the user's column and row (streamed)", d -> audit(write(d,
                        "in.csv", "y,p,g,w\n1,1,a,1e308\n1,1,a,1e308\n0,0,b,1\n"), "--weight", "w"),
                        "line 3 (data row 2), column 'w': the weights sum past the largest number"),
                bad("#20 weights that overflow, with intervals", d -> audit(write(d, "in.csv",
                        "y,p,g,w\n1,1,a,1e308\n1,1,a,1e308\n0,0,b,1\n"), "--weight", "w", "--bayes"),
                        "column 'w': the weights sum past the largest number"),
                bad("#20 weights that overflow in mitigate name the user's column", d -> new String[] {"mitigate",
                    "reweigh", "--data", write(d, "in.csv", "y,g,w\n1,a,1e308\n1,a,1e308\n0,b,1\n").toString(),
                    "--label", "y", "--sensitive", "g", "--weight", "w", "--write", d.resolve("o.csv").toString()},
                        "column 'w': the weights sum past the largest number"),
                bad("#20 all-zero weights in calibrate name the user's column", d -> new String[] {"calibrate",
                    "--data", write(d, "in.csv", "y,g,w,s\n1,a,0,0.5\n0,b,0,0.2\n").toString(), "--label", "y",
                    "--score", "s", "--sensitive", "g", "--weight", "w"}, "column 'w': every weight is 0"),
                bad("#18 --out \"\" is refused", d -> audit(write(d, "in.csv", DATA), "--out", ""),
                        "Invalid value for option '--out': the path is empty"),
                bad("#19 a Java literal is not a number option", d -> new String[] {"plan", "--estimated-size",
                    "0.5d"}, "'0.5d' is not a decimal number"),
                bad("#20 --data naming a directory", d -> audit(d), "' is a directory; expected a CSV file"),
                bad("#20 trail verify naming a directory", d -> new String[] {"trail", "verify", d.toString()},
                        "is a directory; expected the trail file")
        );
    }

    /** A command that runs out of memory, standing in for a 3 GB record or a huge trail line. */
    @picocli.CommandLine.Command(name = "oom")
    static final class OutOfMemory implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Test
    void runningOutOfMemoryIsOneLineAndExitTwoNeverOne() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = FairkitCommand.commandLine(new FairkitCommand(Cli.CLOCK), new PrintWriter(out, true),
                new PrintWriter(err, true));
        cl.addSubcommand("oom", new OutOfMemory());
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("oom");
        assertThat(code).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).startsWith("fairkit oom: error: out of memory (Java heap space)")
                .contains("java -Xmx4g").doesNotContain("\tat ");
        assertThat(err.toString().strip().lines().count()).isEqualTo(1);
    }

    @Test
    void controlCharactersOfLabelsAndCellsNeverReachTheTerminal(@TempDir Path dir) {
        Path data = write(dir, "in.csv", "y,p,g\n1,1,a\u001b[2Jb\n0,0,c\u0007d\n");
        Cli.Result table = Cli.run(audit(data));
        assertThat(table.code()).as(table.toString()).isZero();
        assertThat(table.out()).doesNotContain("\u001b").doesNotContain("\u0007").contains("a\\u001B[2Jb")
                .contains("c\\u0007d");
        Cli.Result error = Cli.run(audit(write(dir, "bad.csv", "y,p,g\n\u001b]0;owned\u0007,1,a\n")));
        assertThat(error.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(error.err()).doesNotContain("\u001b").contains("got '\\u001B]0;owned\\u0007'");
    }

    @Test
    void planHelpPrintsNoPicocliWarnings() {
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
        Cli.Result r;
        try {
            r = Cli.run("plan", "--help");
        } finally {
            System.setErr(saved);
        }
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Add the 20% safety buffer");
        assertThat(captured.toString(StandardCharsets.UTF_8) + r.err()).doesNotContain("WARN");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hostileInputGetsItsExitCodeAndOneLine(Case c, @TempDir Path dir) throws IOException {
        Cli.Result r = Cli.run(c.args().apply(dir));
        assertThat(r.code()).as(r.toString()).isEqualTo(c.exit());
        if (c.exit() == ExitCode.BAD_INPUT) {
            assertThat(r.err()).as(r.toString()).contains(c.fragment());
            assertThat(r.err().strip().lines().count()).as("one line: " + r).isEqualTo(1);
        } else {
            assertThat(r.out() + r.err()).as(r.toString()).contains(c.fragment());
        }
        assertThat(r.err()).as(r.toString()).doesNotContain("internal error").doesNotContain("\tat ");
        c.after().verify(dir);
    }
}
