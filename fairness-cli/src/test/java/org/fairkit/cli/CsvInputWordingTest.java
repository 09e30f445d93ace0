package org.fairkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that reads a CSV ({@code audit}, {@code calibrate}, {@code mitigate reweigh}, {@code mitigate
 * threshold}) reads it through orchestration's one reader, so the same bad cell gets the same full message: file,
 * file line and 1-based data row, column, and the expected domain.
 */
class CsvInputWordingTest {
    private static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    private Path csv(String content) throws IOException {
        Path f = dir.resolve("in.csv");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    /** Each command on the file, with the columns y (label), p (prediction), s (score), g (group), w (weight). */
    private List<String[]> commands(Path f, boolean weighted) {
        String out = dir.resolve("out.csv").toString();
        List<String[]> all = new ArrayList<>();
        all.add(new String[] {"audit", "--data", f.toString(), "--label", "y", "--prediction", "p", "--score", "s",
            "--sensitive", "g"});
        all.add(new String[] {"calibrate", "--data", f.toString(), "--label", "y", "--score", "s", "--sensitive", "g"});
        all.add(new String[] {"mitigate", "reweigh", "--data", f.toString(), "--label", "y", "--sensitive", "g",
            "--write", out});
        all.add(new String[] {"mitigate", "threshold", "--data", f.toString(), "--label", "y", "--score", "s",
            "--sensitive", "g", "--write", out});
        if (weighted) {
            all.replaceAll(a -> {
                String[] w = java.util.Arrays.copyOf(a, a.length + 2);
                w[a.length] = "--weight";
                w[a.length + 1] = "w";
                return w;
            });
        }
        return all;
    }

    private void everyCommandSays(String content, boolean weighted, String message) throws IOException {
        commandsSay(content, weighted, message, false);
    }

    private void commandsSay(String content, boolean weighted, String message, boolean scoresOnly)
            throws IOException {
        Path f = csv(content);
        for (String[] args : commands(f, weighted)) {
            if (scoresOnly && !List.of(args).contains("--score")) {
                continue;
            }
            Cli.Result r = Cli.run(args);
            String name = args[0].equals("mitigate") ? "mitigate " + args[1] : args[0];
            assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(r.err()).as(name).isEqualTo("fairkit " + name + ": error: "
                    + message.replace("FILE", f.toString()) + NL);
        }
    }

    @Test
    void aNegativeWeightIsWordedOnce() throws IOException {
        everyCommandSays("y,p,s,g,w\n1,1,0.5,a,1\n0,0,0.2,b,-1\n", true,
                "file 'FILE', line 3 (data row 2), column 'w': got '-1'; expected a finite weight >= 0");
    }

    @Test
    void anEmptyGroupLevelIsWordedOnce() throws IOException {
        everyCommandSays("y,p,s,g\n1,1,0.5,a\n0,0,0.2, \n", false,
                "file 'FILE', line 3 (data row 2), column 'g': got ' '; expected a non-empty level");
    }

    @Test
    void aScoreOutsideTheUnitIntervalIsWordedOnceByEveryCommandThatReadsScores() throws IOException {
        commandsSay("y,p,s,g\n1,1,0.5,a\n0,0,1.5,b\n", false,
                "file 'FILE', line 3 (data row 2), column 's': got '1.5'; expected a number in [0, 1]", true);
    }

    @Test
    void aBadLabelIsWordedOnce() throws IOException {
        everyCommandSays("y,p,s,g\n1,1,0.5,a\nyes,0,0.2,b\n", false,
                "file 'FILE', line 3 (data row 2), column 'y': got 'yes'; expected 1 for [1] or 0 for [0]");
    }

    @Test
    void weightsThatOverflowAreReportedAtTheirRowByEveryCommand() throws IOException {
        everyCommandSays("y,p,s,g,w\n1,1,0.5,a,1e308\n0,0,0.2,b,1e308\n", true,
                "file 'FILE', line 3 (data row 2), column 'w': the weights sum past the largest number ("
                        + Double.MAX_VALUE + "); expected weights with a finite total (scale them down)");
    }

    @Test
    void aMissingColumnNamesItsRoleAndTheHeader() throws IOException {
        everyCommandSays("y,p,s,h\n1,1,0.5,a\n", false,
                "file 'FILE': column 'g' (sensitive) is missing; the header has [y, p, s, h]");
    }
}
