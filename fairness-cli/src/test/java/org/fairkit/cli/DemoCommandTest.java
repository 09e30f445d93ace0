package org.fairkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
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
    void aFileInTheWayIsBadInput(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("taken"), "x");
        Cli.Result r = Cli.run("demo", "--out", file.toString());
        assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).isEqualTo("fairkit demo: error: '" + file + "' exists and is not a directory"
                + System.lineSeparator());
    }
}
