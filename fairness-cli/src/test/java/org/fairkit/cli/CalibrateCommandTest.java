package org.fairkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fairkit.core.FairnessData;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.mitigation.calibration.Calibration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrateCommandTest {
    private static final String NL = System.lineSeparator();

    private static double[] gaps(String out) {
        Matcher m = Pattern.compile("ECE gap between groups: ([0-9.]+) before, ([0-9.]+) after").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
    }

    @Test
    void perGroupIsotonicOnHeldOutDataNarrowsTheEceGap(@TempDir Path tmp) {
        Path train = Cli.lending(tmp, 8000, 1);
        Path test = Cli.lending(tmp, 8000, 2);
        Cli.Result r = Cli.run("calibrate", "--data", train.toString(), "--test", test.toString(), "--label", "repaid",
                "--score", "score", "--sensitive", "ethnicity");
        assertThat(r.code()).as(r.toString()).isZero();
        double[] gap = gaps(r.out());
        assertThat(gap[0]).isGreaterThan(0.08);
        assertThat(gap[1]).isLessThan(gap[0] / 3);
        assertThat(r.out()).contains("measured on " + test).contains("Calibrator[isotonic");
    }

    @Test
    void writeAppendsTheLibrarysCalibratedScores(@TempDir Path tmp) throws IOException {
        Path train = Cli.lending(tmp, 2000, 5);
        Path out = tmp.resolve("calibrated.csv");
        Cli.Result r = Cli.run("calibrate", "--data", train.toString(), "--label", "repaid", "--score", "score",
                "--sensitive", "ethnicity", "--write", out.toString(), "--method", "platt");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("in-sample").contains("Wrote " + out);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2001);
        assertThat(lines.get(0)).isEqualTo("id,ethnicity,sex,repaid,score,approved,calibrated_score");
        FairnessData data = SyntheticLending.generate(2000, 5);
        Calibration.Fitted c = Calibration.platt().groupBy("ethnicity").fit(data);
        double[] expected = c.apply(data);
        for (int i : new int[] {0, 17, 1999}) {
            String[] cells = lines.get(i + 1).split(",");
            assertThat(Double.parseDouble(cells[6])).isEqualTo(expected[i]);
        }
    }

    @Test
    void mistakesAreOneLine(@TempDir Path tmp) throws IOException {
        Path csv = tmp.resolve("s.csv");
        Files.writeString(csv, "y,s,g\n1,0.9,a\n0,1.5,b\n");
        Cli.Result r = Cli.run("calibrate", "--data", csv.toString(), "--label", "y", "--score", "s", "--sensitive",
                "g");
        assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).isEqualTo("fairkit calibrate: error: file '" + csv + "', line 3 (data row 2), column 's': "
                + "got '1.5'; expected a number in [0, 1]" + NL);
        Cli.Result m = Cli.run("calibrate", "--data", csv.toString(), "--label", "y", "--score", "p", "--sensitive",
                "g");
        assertThat(m.err()).isEqualTo("fairkit calibrate: error: file '" + csv + "': column 'p' (score) is missing; "
                + "the header has [y, s, g]" + NL);
        Cli.Result method = Cli.run("calibrate", "--data", csv.toString(), "--label", "y", "--score", "s",
                "--sensitive", "g", "--method", "magic");
        assertThat(method.err()).isEqualTo("fairkit calibrate: error: --method: unknown calibration method 'magic'; "
                + "valid: isotonic, platt, beta, temperature, histogram" + NL);
        Cli.Result exists = Cli.run("calibrate", "--data", csv.toString(), "--label", "y", "--score", "s",
                "--sensitive", "g", "--write", tmp.resolve("o.csv").toString(), "--column", "s");
        assertThat(exists.err()).isEqualTo("fairkit calibrate: error: file '" + csv + "' already has a column 's'; "
                + "choose another name for the output column" + NL);
    }
}
