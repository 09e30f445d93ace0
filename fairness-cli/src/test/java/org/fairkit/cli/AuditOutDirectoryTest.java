package org.fairkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.fairkit.orchestration.run.AuditRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit --out}: concurrent runs into one directory, and groups without selections (issue 13, #4 and #5). */
class AuditOutDirectoryTest {

    @Test
    void concurrentRunsIntoOneDirectoryNeverMixTheirEvidence(@TempDir Path dir) throws Exception {
        Path data = Cli.lending(dir, 3000, 5);
        Path shared = dir.resolve("shared");
        int runs = 8;
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Cli.Result>> results = new ArrayList<>();
        try {
            for (int i = 0; i < runs; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return Cli.run(Cli.audit(data, "--out", shared.toString(), "--outputs",
                            "metrics_export,flagged_cases,detailed_report"));
                }));
            }
            start.countDown();
            int recorded = 0;
            for (Future<Cli.Result> f : results) {
                Cli.Result r = f.get();
                if (r.code() == ExitCode.OK) {
                    recorded++;
                } else {
                    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.BAD_INPUT);
                    assertThat(r.err()).as(r.toString()).contains("another fairkit run is writing to '" + shared);
                }
            }
            assertThat(recorded).isPositive();
            Cli.Result verify = Cli.run("trail", "verify", shared.resolve(Audits.TRAIL_FILE).toString(), "--format",
                    "json");
            assertThat(verify.code()).as(verify.toString()).isZero();
            assertThat(verify.json().get("entries").asLong()).isEqualTo(recorded);

            List<String> lines = Files.readAllLines(shared.resolve(Audits.TRAIL_FILE));
            ObjectMapper json = new ObjectMapper();
            for (String line : lines) {
                for (JsonNode o : json.readTree(line).get("details").get("outputs")) {
                    assertThat(o.get("bytes").asLong()).as(line).isPositive();
                }
            }
            JsonNode last = json.readTree(lines.get(lines.size() - 1)).get("details");
            for (JsonNode o : last.get("outputs")) {
                Path file = shared.resolve(o.get("path").asText());
                assertThat(AuditRunner.sha256(file)).as(o.toString()).isEqualTo(o.get("sha256").asText());
                assertThat(Files.size(file)).isEqualTo(o.get("bytes").asLong());
            }
            assertThat(JsonNodeRunId.of(shared.resolve("report.json"))).isEqualTo(last.get("run_id").asText());
            try (Stream<Path> s = Files.list(shared)) {
                assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".fairkit-run-"))
                        .noneMatch(n -> n.endsWith(".tmp"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Reads the run id of a detailed report. */
    private static final class JsonNodeRunId {
        static String of(Path report) throws IOException {
            return new ObjectMapper().readTree(report.toFile()).get("run_id").asText();
        }
    }

    /**
     * Failed with "n1 must be >= 1, got 0" (issue 13, defect 5): {@code GroupComparisons.compute()} (fairness-stats,
     * called by the document outputs for a report with a reference group) passed a group with no predicted
     * positives, whose positive predictive value has a zero denominator, to the z test. It now gives that group an
     * undefined row with the reason.
     */
    @Test
    void aGroupWithoutSelectionsStillGetsEveryOutput(@TempDir Path dir) throws IOException {
        Path data = RobustnessTest.write(dir, "in.csv", "y,p,g\n1,1,a\n0,0,a\n1,0,b\n0,0,b\n1,1,a\n0,0,b\n");
        Path out = dir.resolve("out");
        Cli.Result r = Cli.run(RobustnessTest.audit(data, "--reference", "a", "--out", out.toString()));
        assertThat(r.code()).as(r.toString()).isZero();
        for (String f : List.of("metrics.csv", "metrics.json", "flagged-cases.csv", "report.json",
                "fairness-dashboard.html", "fairness-audit.pdf", "compliance-report.pdf", "executive-summary.html",
                "run-record.json", Audits.TRAIL_FILE)) {
            assertThat(out.resolve(f)).as(f).isNotEmptyFile();
        }
    }
}
