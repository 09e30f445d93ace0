package org.fairkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Quick start story runs end to end on the defaults (50,000 rows, seed 42), once for all these tests. */
class QuickStartTest {
    static final List<String> REPORT_FILES = List.of("metrics.csv", "metrics.json", "report.json",
            "fairness-dashboard.html", "fairness-audit.pdf", "executive-summary.html", "run-record.json");

    @TempDir
    static Path dir;
    static Path reports;
    static String out;

    @BeforeAll
    static void runTheQuickStart() throws IOException {
        reports = dir.resolve("reports");
        out = run(reports, 50_000, 42);
    }

    static String run(Path output, int rows, long seed) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        QuickStart.run(output, rows, seed, new PrintStream(buf, true, StandardCharsets.UTF_8));
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theAuditFindsTheInjectedBiasAgainstGroupBWithIntervals() {
        assertThat(out).contains("FairKit report: 3 groups by ethnicity, 50000 rows, unweighted");
        assertThat(out).contains("FairKit report: 6 groups by ethnicity x sex, 50000 rows, unweighted");
        assertThat(out).contains("intervals: bootstrap");
        assertThat(out).containsPattern("disparate_impact\\s+0\\.6\\d{3} \\[0\\.\\d{4}, 0\\.\\d{4}\\]\\s+Group B vs "
                + "Group A");
        assertThat(out).contains("BELOW 0.8");
        assertThat(out).containsPattern("selection_rate\\s+Group B vs Group A\\s+12380\\s+-0\\.2392 .* yes");
    }

    @Test
    void reweighingEqualizesTheWeightedBaseRates() {
        Matcher m = Pattern.compile("base rate\\s+Group A (0\\.\\d{4})\\s+Group B (0\\.\\d{4})\\s+Group C "
                + "(0\\.\\d{4})\\s+\\(reweighed: equal\\)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        assertThat(m.group(2)).isEqualTo(m.group(1));
        assertThat(m.group(3)).isEqualTo(m.group(1));
    }

    @Test
    void equalizedOddsThresholdsRemoveMostOfTheGapOnTheTestHalf() {
        double[] di = beforeAfter("disparate_impact");
        assertThat(di[0]).isLessThan(0.8);
        assertThat(di[1]).isGreaterThan(0.9);
        double[] eod = beforeAfter("equalized_odds_difference");
        assertThat(eod[0]).isGreaterThan(0.2);
        assertThat(eod[1]).isLessThan(0.05);
        double[] accuracy = beforeAfter("accuracy");
        assertThat(Math.abs(accuracy[1] - accuracy[0])).isLessThan(0.05);
    }

    @Test
    void perGroupCalibrationShrinksGroupBsCalibrationError() {
        Matcher b = Pattern.compile("Group B\\s+(0\\.\\d{4})\\s+(0\\.\\d{4})").matcher(out);
        assertThat(b.find()).as(out).isTrue();
        assertThat(Double.parseDouble(b.group(1))).isGreaterThan(0.1);
        assertThat(Double.parseDouble(b.group(2))).isLessThan(0.05);
        double[] gap = beforeAfter("ECE gap");
        assertThat(gap[1]).isLessThan(gap[0] / 5);
    }

    @Test
    void thePolicyFailsOnTheFourFifthsRuleAndEqualOpportunity() {
        assertThat(out).contains("Policy lending-quickstart: FAIL (2 failed, 0 inconclusive, 1 passed)");
        assertThat(out).containsPattern("FAIL\\s+error\\s+disparate_impact >= 0.8 for ethnicity");
    }

    @Test
    void theLoadModelEstimatesThePlanAndTheReportSetIsWritten() throws IOException {
        // I = 100 + 20 x 2 sensitive features; O = metrics 1.0 + JSON 1.2 + dashboard 1.8 + PDF 2.5 + slides 2.0
        assertThat(out).contains("Load model: This fairness audit will process approximately 140 input units and "
                + "generate 8.5 output units, taking approximately 25.1 seconds to complete.");
        assertThat(out).contains("Report set in " + reports.toAbsolutePath().normalize() + ":");
        for (String file : REPORT_FILES) {
            Path p = reports.resolve(file);
            assertThat(p).as(file).isRegularFile();
            assertThat(Files.size(p)).as(file).isPositive();
            assertThat(out).as(file).contains("  " + file);
        }
        byte[] pdf = Files.readAllBytes(reports.resolve("fairness-audit.pdf"));
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(Files.readString(reports.resolve("fairness-dashboard.html"))).contains("Synthetic lending model audit")
                .contains("ThresholdOptimizer (equalized odds)").contains("disparate_impact &gt;= 0.8 for ethnicity");
        assertThat(Files.readString(reports.resolve("run-record.json"))).contains("\"estimate_nanos\": 25086956522");
    }

    @Test
    void theReadmeSampleOutputIsWhatTheQuickStartPrints() throws IOException {
        List<List<String>> excerpts = ReadmeExcerpts.of("QuickStart");
        assertThat(excerpts).as("examples/README.md has QuickStart excerpts").isNotEmpty();
        assertThat(ReadmeExcerpts.missingFrom(out, excerpts)).as(out).isEmpty();
    }

    @Test
    void mainTakesTheOutputDirectoryRowsAndSeed(@TempDir Path other) throws IOException {
        PrintStream stdout = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            QuickStart.main(new String[] {other.toString(), "2000", "3"});
        } finally {
            System.setOut(stdout);
        }
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("2000 applicants (seed 3)")
                .contains("FairKit report: 3 groups by ethnicity, 2000 rows");
        assertThat(other.resolve("fairness-dashboard.html")).isRegularFile();
    }

    @Test
    void tooFewRowsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> run(dir.resolve("none"), 99, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rows must be >= 100 (half of them train the mitigations), got 99");
    }

    private static double[] beforeAfter(String name) {
        Matcher m = Pattern.compile(Pattern.quote(name) + "\\s+(\\d\\.\\d{4})\\s+(?:->\\s+)?(\\d\\.\\d{4})").matcher(out);
        assertThat(m.find()).as(name + " in\n" + out).isTrue();
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
    }
}
