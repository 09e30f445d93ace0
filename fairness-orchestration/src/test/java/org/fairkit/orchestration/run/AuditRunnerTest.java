package org.fairkit.orchestration.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.fairkit.core.FairnessData;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.orchestration.io.FlaggedCases;
import org.fairkit.orchestration.io.MetricsExport;
import org.fairkit.orchestration.io.ReportJson;
import org.fairkit.orchestration.io.RowSource;
import org.fairkit.orchestration.support.TestData;
import org.fairkit.stats.Bayesian;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An audit run writes each selected output's real files and records durations and hashes. */
class AuditRunnerTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T12:00:00Z"), ZoneOffset.UTC);
    static final String YAML = "alerts:\n  - metric: demographic_parity_ratio\n    below: 0.8\n    severity: critical\n";

    @TempDir
    Path dir;

    private static AuditRunner runner(long... ticks) {
        AtomicInteger next = new AtomicInteger();
        AtomicLong run = new AtomicLong();
        return AuditRunner.builder()
                .outputs(StandardOutputs.metricsExport(), StandardOutputs.flaggedCases(),
                        StandardOutputs.detailedReport(), StandardOutputs.alertConfiguration(ctx -> YAML))
                .clock(CLOCK).ticker(() -> ticks[next.getAndIncrement()])
                .estimator(plan -> Optional.of(Duration.ofNanos(200)))
                .runIds(() -> "run-" + run.incrementAndGet()).build();
    }

    private static AuditPlan plan(AuditSource source) {
        return AuditPlan.builder("credit-q2").source(source)
                .groupings(AuditGrouping.of("a").reference("A0"), AuditGrouping.of("a", "b"))
                .metrics(Metrics.COUNT, Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE,
                        Metrics.FALSE_POSITIVE_RATE)
                .outputs(StandardOutputs.METRICS_EXPORT, StandardOutputs.FLAGGED_CASES, StandardOutputs.DETAILED_REPORT,
                        StandardOutputs.ALERT_CONFIGURATION)
                .timeline(Duration.ofNanos(300)).build();
    }

    private static FairnessData data() {
        return TestData.randomWithGroups(5, 3000, false);
    }

    @Test
    void everySelectedOutputIsWrittenWithTheContentOfTheReportsAndHashedInTheRecord() throws Exception {
        FairnessData data = data();
        AuditResult result = runner(1_000, 1_250).run(plan(AuditSource.of(data)), dir);
        RunRecord r = result.record();
        assertThat(r.runId()).isEqualTo("run-1");
        assertThat(r.planId()).isEqualTo("credit-q2");
        assertThat(r.startedAt()).isEqualTo(CLOCK.instant());
        assertThat(r.duration()).isEqualTo(Duration.ofNanos(250));
        assertThat(r.estimate()).contains(Duration.ofNanos(200));
        assertThat(r.estimateRatio()).contains(1.25);
        assertThat(r.withinTimeline()).isTrue();
        assertThat(r.outputs()).extracting(OutputFile::outputId, OutputFile::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("metrics_export", "metrics.csv"),
                org.assertj.core.groups.Tuple.tuple("metrics_export", "metrics.json"),
                org.assertj.core.groups.Tuple.tuple("flagged_cases", "flagged-cases.csv"),
                org.assertj.core.groups.Tuple.tuple("detailed_report", "report.json"),
                org.assertj.core.groups.Tuple.tuple("alert_configuration", "alert-configuration.yaml"));
        for (OutputFile f : r.outputs()) {
            byte[] bytes = Files.readAllBytes(dir.resolve(f.path()));
            assertThat(f.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(bytes)));
            assertThat(f.bytes()).isEqualTo(bytes.length);
        }

        StringWriter csv = new StringWriter();
        MetricsExport.writeCsv(result.reports(), csv);
        assertThat(read("metrics.csv")).isEqualTo(csv.toString());
        StringWriter json = new StringWriter();
        MetricsExport.writeJson(result.reports(), json);
        assertThat(read("metrics.json")).isEqualTo(json.toString());
        StringWriter flagged = new StringWriter();
        long n = FlaggedCases.of(result.reports()).build().write(RowSource.of(data), flagged);
        assertThat(n).isPositive();
        assertThat(read("flagged-cases.csv")).isEqualTo(flagged.toString());
        assertThat(read("alert-configuration.yaml")).isEqualTo(YAML);

        JsonNode report = new ObjectMapper().readTree(read("report.json"));
        assertThat(report.get("schema").asText()).isEqualTo("fairkit.audit/1");
        assertThat(report.get("run_id").asText()).isEqualTo("run-1");
        assertThat(report.get("reports")).hasSize(2);
        assertThat(report.get("reports").get(1))
                .isEqualTo(new ObjectMapper().readTree(ReportJson.toJson(result.reports().get(1))));

        JsonNode record = new ObjectMapper().readTree(read(AuditRunner.RUN_RECORD_FILE));
        assertThat(record.get("duration_nanos").asLong()).isEqualTo(250);
        assertThat(record.get("estimate_nanos").asLong()).isEqualTo(200);
        assertThat(record.get("within_timeline").asBoolean()).isTrue();
        assertThat(record.get("outputs").get(0).get("sha256").asText()).isEqualTo(r.outputs().get(0).sha256());
    }

    @Test
    void aRunOverItsTimelineSaysSo() throws IOException {
        RunRecord r = runner(0, 301).run(plan(AuditSource.of(data())), dir).record();
        assertThat(r.withinTimeline()).isFalse();
    }

    @Test
    void streamedLoadedAndInMemorySourcesGiveTheSameReportsAndFlaggedCases() throws IOException {
        FairnessData data = data();
        Path file = TestData.writeCsv(data, dir.resolve("in.csv"));
        AuditResult memory = runner(0, 1).run(plan(AuditSource.of(data)), dir.resolve("memory"));
        AuditResult loaded = runner(0, 1).run(plan(AuditSource.csv(file, TestData.columns(false))), dir.resolve("l"));
        AuditResult streamed = runner(0, 1).run(plan(AuditSource.streamedCsv(file, TestData.columns(false))),
                dir.resolve("s"));
        for (int g = 0; g < 2; g++) {
            assertThat(TestData.withoutProvenance(streamed.reports().get(g)))
                    .isEqualTo(TestData.withoutProvenance(memory.reports().get(g)))
                    .isEqualTo(TestData.withoutProvenance(loaded.reports().get(g)));
        }
        // One input fingerprint whatever the door (Fingerprint: the rows' values); the file's bytes beside it.
        assertThat(streamed.reports().get(0).provenance().inputSha256()).isEqualTo(data.fingerprint())
                .isEqualTo(loaded.reports().get(0).provenance().inputSha256())
                .isEqualTo(memory.reports().get(0).provenance().inputSha256());
        assertThat(streamed.reports().get(0).provenance().inputFileSha256()).contains(AuditRunner.sha256(file));
        assertThat(loaded.reports().get(0).provenance().inputFileSha256()).contains(AuditRunner.sha256(file));
        assertThat(memory.reports().get(0).provenance().inputFileSha256()).isEmpty();
        // CSV sources name rows by id; otherwise the lines are the same.
        List<String> fromMemory = Files.readAllLines(dir.resolve("memory/flagged-cases.csv"));
        List<String> fromFile = Files.readAllLines(dir.resolve("s/flagged-cases.csv"));
        assertThat(fromFile).hasSameSizeAs(fromMemory);
        assertThat(fromFile.get(1)).startsWith(fromMemory.get(1).replaceFirst("^(\\d+),", "$1,r$1"));
    }

    @Test
    void intervalsFromStatsReachTheMetricsExport() throws IOException {
        AuditPlan p = AuditPlan.builder("with-intervals").source(AuditSource.of(data()))
                .groupings(AuditGrouping.of("a")).metrics(Metrics.SELECTION_RATE)
                .intervals(Bayesian.jeffreys().draws(500).seed(1)).outputs(StandardOutputs.METRICS_EXPORT).build();
        runner(0, 1).run(p, dir);
        String first = Files.readAllLines(dir.resolve("metrics.csv")).get(1);
        assertThat(first).matches("a,group_value,selection_rate,A0,\\d+,[0-9.E-]+,,[0-9.E-]+,[0-9.E-]+,0.95,.+");
    }

    @Test
    void unregisteredOutputsAndStreamedIntervalsAreRejectedBeforeAnyWork() throws IOException {
        AuditPlan p = AuditPlan.builder("x").source(AuditSource.of(data())).groupings(AuditGrouping.of("a"))
                .outputs("fairness_audit_pdf").build();
        assertThatThrownBy(() -> AuditRunner.standard().run(p, dir.resolve("never")))
                .hasMessage("plan 'x' selects output 'fairness_audit_pdf', which no writer is registered for; "
                        + "registered: [metrics_export, flagged_cases, detailed_report]");
        assertThat(dir.resolve("never")).doesNotExist();
        Path file = TestData.writeCsv(data(), dir.resolve("in.csv"));
        assertThatThrownBy(() -> AuditPlan.builder("x").source(AuditSource.streamedCsv(file, TestData.columns(false)))
                .groupings(AuditGrouping.of("a")).intervals(Bayesian.jeffreys()).outputs("metrics_export").build())
                .hasMessage("intervals need the rows, but the source is a streamed CSV; use AuditSource.csv(...) to "
                        + "load it, or drop intervals(...)");
        assertThatThrownBy(() -> AuditPlan.builder("bad id").source(AuditSource.of(data()))
                .groupings(AuditGrouping.of("a")).outputs("metrics_export").build())
                .hasMessageStartingWith("plan id must be");
    }

    @Test
    void aDocumentOutputPlugsInByIdAndMayNotWriteOutsideTheRunDirectory() throws IOException {
        AuditOutput pdf = new AuditOutput() {
            @Override
            public String id() {
                return "fairness_audit_pdf";
            }

            @Override
            public String description() {
                return "test document";
            }

            @Override
            public List<Path> write(AuditRunContext context, Path directory) throws IOException {
                return List.of(Files.writeString(directory.resolve("audit.pdf"), "%PDF " + context.reports().size()));
            }
        };
        AuditOutput escaping = new AuditOutput() {
            @Override
            public String id() {
                return "escaping";
            }

            @Override
            public String description() {
                return "writes outside";
            }

            @Override
            public List<Path> write(AuditRunContext context, Path directory) throws IOException {
                return List.of(Files.writeString(directory.resolveSibling("outside.txt"), "x"));
            }
        };
        AuditRunner r = AuditRunner.builder().outputs(pdf, escaping).build();
        AuditPlan p = AuditPlan.builder("doc").source(AuditSource.of(data())).groupings(AuditGrouping.of("a"))
                .outputs("fairness_audit_pdf").build();
        RunRecord record = r.run(p, dir.resolve("run")).record();
        assertThat(record.outputs()).singleElement().satisfies(f -> assertThat(f.path()).isEqualTo("audit.pdf"));
        assertThat(Files.readString(dir.resolve("run/audit.pdf"))).isEqualTo("%PDF 1");
        AuditPlan bad = AuditPlan.builder("doc").source(AuditSource.of(data())).groupings(AuditGrouping.of("a"))
                .outputs("escaping").build();
        assertThatThrownBy(() -> r.run(bad, dir.resolve("run2"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside the run directory");
    }

    /** A document output writing {@code text} to {@code audit.pdf}, then failing if {@code fail}. */
    private static AuditOutput document(String text, boolean fail) {
        return new AuditOutput() {
            @Override
            public String id() {
                return "fairness_audit_pdf";
            }

            @Override
            public String description() {
                return "test document";
            }

            @Override
            public List<Path> write(AuditRunContext context, Path directory) throws IOException {
                Path f = Files.writeString(directory.resolve("audit.pdf"), text);
                if (fail) {
                    throw new IOException("disk full after " + text.length() + " bytes");
                }
                return List.of(f);
            }
        };
    }

    @Test
    void aRunThatFailsHalfwayLeavesTheDirectoryAsItWasAndNoTruncatedFile() throws IOException {
        AuditPlan p = AuditPlan.builder("doc").source(AuditSource.of(data())).groupings(AuditGrouping.of("a"))
                .outputs("fairness_audit_pdf").build();
        Path run = dir.resolve("run");
        AuditRunner.builder().outputs(document("%PDF complete", false)).build().run(p, run);
        String record = Files.readString(run.resolve(AuditRunner.RUN_RECORD_FILE));
        assertThatThrownBy(() -> AuditRunner.builder().outputs(document("%PD", true)).build().run(p, run))
                .isInstanceOf(IOException.class).hasMessageContaining("disk full");
        assertThat(Files.readString(run.resolve("audit.pdf"))).isEqualTo("%PDF complete");
        assertThat(Files.readString(run.resolve(AuditRunner.RUN_RECORD_FILE))).isEqualTo(record);
        try (java.util.stream.Stream<Path> s = Files.list(run)) {
            assertThat(s.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("audit.pdf",
                    AuditRunner.RUN_RECORD_FILE);
        }
    }

    @Test
    void aPlantedLinkWhereAnOutputBelongsIsRefusedAndItsTargetUntouched() throws IOException {
        Path run = dir.resolve("run");
        Files.createDirectories(run);
        Path victim = Files.writeString(dir.resolve("victim.txt"), "precious");
        Files.createSymbolicLink(run.resolve("audit.pdf"), victim);
        AuditPlan p = AuditPlan.builder("doc").source(AuditSource.of(data())).groupings(AuditGrouping.of("a"))
                .outputs("fairness_audit_pdf").build();
        assertThatThrownBy(() -> AuditRunner.builder().outputs(document("%PDF", false)).build().run(p, run))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("it is a symbolic link");
        assertThat(Files.readString(victim)).isEqualTo("precious");
        assertThat(run.resolve(AuditRunner.RUN_RECORD_FILE)).doesNotExist();
    }

    @Test
    void invalidAlertYamlFailsTheRun() {
        AuditRunner r = AuditRunner.builder().outputs(StandardOutputs.alertConfiguration(ctx -> "a: [unclosed"))
                .build();
        AuditPlan p = AuditPlan.builder("y").source(AuditSource.of(data())).groupings(AuditGrouping.of("a"))
                .outputs("alert_configuration").build();
        assertThatThrownBy(() -> r.run(p, dir)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the alert renderer returned invalid YAML");
    }

    private String read(String name) throws IOException {
        return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    }
}
