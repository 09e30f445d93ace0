package org.fairkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.fairkit.core.datasets.SyntheticCreditLimits;
import org.fairkit.core.datasets.SyntheticSearchRanking;
import org.fairkit.core.datasets.SyntheticTriage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @Test
    void demoWritesTheFullReportSetAndFindsTheInjectedBias(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("demo");
        Cli.Result r = Cli.run("demo", "--out", out.toString(), "--rows", "5000", "--bootstrap", "200");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("Four-fifths rule: disparate impact 0.")
                .contains("for Group B against Group A").contains("BELOW 0.8")
                .contains("Policy lending-fairness: FAIL")
                .contains("Reports written to " + out);
        List<String> files;
        try (Stream<Path> s = Files.list(out)) {
            files = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(files).as("the directory lock stays; no staging directory is left").contains(DirectoryLock.FILE)
                .noneMatch(f -> f.startsWith(".fairkit-run-"));
        files = files.stream().filter(f -> !f.equals(DirectoryLock.FILE)).toList();
        assertThat(files).containsExactly("alert-configuration.yaml", "audit-trail.jsonl", "calibration.txt",
                "compliance-report-ethnicity-x-sex.pdf", "compliance-report-sex.pdf", "compliance-report.pdf",
                "executive-summary-ethnicity-x-sex.html", "executive-summary-sex.html", "executive-summary.html",
                "fairness-audit-ethnicity-x-sex.pdf", "fairness-audit-sex.pdf", "fairness-audit.pdf",
                "fairness-dashboard-ethnicity-x-sex.html", "fairness-dashboard-sex.html", "fairness-dashboard.html",
                "flagged-cases.csv", "lending.csv", "metrics.csv", "metrics.json", "policy-result.txt", "policy.yml",
                "report.json", "run-record.json");
        assertThat(Files.readAllBytes(out.resolve("fairness-audit.pdf"))).startsWith("%PDF".getBytes());
        for (String f : files) {
            assertThat(out.resolve(f)).as(f).isNotEmptyFile();
        }
        assertThat(Files.readString(out.resolve("report.json"))).contains("\"roc_auc\"");
        assertThat(Cli.run("trail", "verify", out.resolve("audit-trail.jsonl").toString()).code()).isZero();
        // The demo's files are the input of the README's commands.
        Cli.Result audit = Cli.run("audit", "--data", out.resolve("lending.csv").toString(), "--label", "repaid",
                "--prediction", "approved", "--sensitive", "ethnicity");
        assertThat(audit.code()).as(audit.toString()).isZero();
        assertThat(audit.out()).contains("FairKit report: 3 groups by ethnicity, 5000 rows");
    }

    @Test
    void eachTaskWritesItsSeededDataSetAndPrintsTheAuditCommand(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("tasks");
        String nl = System.lineSeparator();

        Cli.Result regression = Cli.run("demo", "--task", "regression", "--out", out.toString(), "--rows", "3000",
                "--seed", "9");
        assertThat(regression.code()).as(regression.toString()).isZero();
        assertThat(regression.err()).isEmpty();
        Path limits = out.resolve("credit-limits.csv");
        assertThat(regression.out()).isEqualTo("Synthetic credit-limit regression: 3,000 rows (seed 9). True limits "
                + "(y, in thousands) follow the same law in every group;" + nl + "the model under-predicts Female "
                + "limits by 1.5 and is noisier for them (error sd 1.5 against 1.0)." + nl + "Expected by sex: MAE "
                + "Female 1.750, Male 0.798: mae_parity_difference 0.952, bounded_group_loss_absolute 1.750 (Female). "
                + "By age_band: no disparity." + nl + nl + "Data written to " + limits + nl
                + "Next: fairkit audit --data " + limits + " --task regression --target y --prediction y_hat "
                + "--sensitive sex" + nl);
        StringBuilder expected = new StringBuilder();
        SyntheticCreditLimits.builder().rows(3000).seed(9).build().writeCsv(expected);
        assertThat(Files.readString(limits)).isEqualTo(expected.toString());

        Cli.Result ranking = Cli.run("demo", "--task", "ranking", "--out", out.toString(), "--rows", "1000");
        assertThat(ranking.code()).as(ranking.toString()).isZero();
        Path search = out.resolve("search-ranking.csv");
        assertThat(ranking.out()).startsWith("Synthetic search ranking: 50 queries of 20 items (seed 42), 8 of each "
                + "query's items in Group B." + nl)
                .contains("exposure ratio 0.708, below 0.8.")
                .endsWith("Next: fairkit audit --data " + search + " --task ranking --query query_id --rank rank "
                        + "--relevance relevance --sensitive group" + nl);
        expected.setLength(0);
        SyntheticSearchRanking.builder().queries(50).seed(42).build().writeCsv(expected);
        assertThat(Files.readString(search)).isEqualTo(expected.toString());

        Cli.Result multiclass = Cli.run("demo", "--task", "MULTICLASS", "--out", out.toString(), "--rows", "2000");
        assertThat(multiclass.code()).as(multiclass.toString()).isZero();
        Path triage = out.resolve("triage.csv");
        assertThat(multiclass.out()).contains("Expected recall of class high: Female 0.55, Male 0.80")
                .endsWith("Next: fairkit audit --data " + triage + " --task multiclass --label y_true --prediction "
                        + "y_pred --sensitive sex" + nl);
        expected.setLength(0);
        SyntheticTriage.builder().rows(2000).seed(42).build().writeCsv(expected);
        assertThat(Files.readString(triage)).isEqualTo(expected.toString());

        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("credit-limits.csv", "search-ranking.csv", "triage.csv");
        }
    }

    @Test
    void aRankingDemoWithFewRowsStillHasOneQuery(@TempDir Path tmp) throws IOException {
        Cli.Result r = Cli.run("demo", "--task", "ranking", "--out", tmp.toString(), "--rows", "7");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(Files.readAllLines(tmp.resolve("search-ranking.csv"))).hasSize(21);
    }

    @Test
    void anUnknownTaskIsAUsageError(@TempDir Path tmp) {
        Cli.Result r = Cli.run("demo", "--task", "clustering", "--out", tmp.toString());
        assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).isEqualTo("fairkit demo: error: Invalid value for option '--task': expected one of "
                + "[BINARY, REGRESSION, RANKING, MULTICLASS] (case-insensitive) but was 'clustering' (see 'fairkit demo "
                + "--help')" + System.lineSeparator());
    }

    @Test
    void aFileInTheWayIsBadInput(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("taken"), "x");
        Cli.Result r = Cli.run("demo", "--out", file.toString());
        assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).isEqualTo("fairkit demo: error: '" + file + "' exists and is not a directory"
                + System.lineSeparator());
    }
}
