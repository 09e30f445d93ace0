package org.fairkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fairkit.core.datasets.SyntheticLending;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two audits of demo data by two model versions, the second with an injected regression, into one history: the
 * second run's dashboard and audit PDF have the trend section with the first run in it, and its slides say what got
 * worse since the last run; the first run (no earlier run) has none.
 */
class TrendDocumentsTest {
    @TempDir
    Path dir;

    Path data(String name, double penalty) throws IOException {
        Path file = dir.resolve(name);
        DemoCommand.writeData(SyntheticLending.generate(3000, 4, penalty), file);
        return file;
    }

    Cli.Result audit(Path data, String version, Path out) {
        return Cli.run("audit", "--data", data.toString(), "--label", "repaid", "--prediction", "approved",
                "--sensitive", "ethnicity", "--history", dir.resolve("h.db").toString(), "--model-version", version,
                "--out", out.toString(), "--outputs", "dashboard_export,executive_summary_slides,fairness_audit_pdf");
    }

    @Test
    void theSecondModelVersionsDocumentsShowTheTrendAndWhatGotWorse() throws IOException {
        Cli.Result first = audit(data("v1.csv", 0.2), "v1", dir.resolve("run1"));
        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(Files.readString(dir.resolve("run1").resolve("fairness-dashboard.html")))
                .doesNotContain("id=\"trend\"");

        Cli.Result second = audit(data("v2.csv", 1.4), "v2", dir.resolve("run2"));
        assertThat(second.code()).as(second.toString()).isZero();

        String dashboard = Files.readString(dir.resolve("run2").resolve("fairness-dashboard.html"));
        assertThat(dashboard).contains("<h2>Trend over runs</h2>").contains("id=\"trend-0\"")
                .contains("v1: 0.").contains("this run: 0.").contains("metrics worse since last run");
        String slides = Files.readString(dir.resolve("run2").resolve("executive-summary.html"));
        assertThat(slides).contains("Since last run (v1): ").contains(", worse)");
        assertThat(Files.size(dir.resolve("run2").resolve("fairness-audit.pdf")))
                .isGreaterThan(Files.size(dir.resolve("run1").resolve("fairness-audit.pdf")));
    }
}
