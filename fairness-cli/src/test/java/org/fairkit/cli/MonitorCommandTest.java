package org.fairkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fairkit.core.FairnessData;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.orchestration.history.History;
import org.fairkit.orchestration.history.HistoryEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fairkit monitor}: its config, a pass over two model versions' files (history, webhook alerts, skipping what
 * is recorded), and the real process stopped by SIGTERM while a run is in flight.
 */
class MonitorCommandTest {
    @TempDir
    Path dir;

    HttpServer server;
    ExecutorService pool;
    final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch received = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    volatile boolean hold;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        pool = Executors.newCachedThreadPool();
        server.setExecutor(pool);
        server.createContext("/hook", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            received.countDown();
            if (hold) {
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        pool.shutdownNow();
    }

    Path data(String name, double penalty, long seed) throws IOException {
        Files.createDirectories(dir.resolve("incoming"));
        Path file = dir.resolve("incoming").resolve(name);
        FairnessData d = SyntheticLending.generate(3000, seed, penalty);
        DemoCommand.writeData(d, file);
        return file;
    }

    Path config(String extra) throws IOException {
        Path c = dir.resolve("monitor.yml");
        Files.writeString(c, "name: credit-monitor\n"
                + "every: 1h\n"
                + "source:\n  glob: incoming/*.csv\n  label: repaid\n  prediction: approved\n"
                + "groupings:\n  - [ethnicity]\n  - [sex]\n"
                + "fairness_metrics: [demographic_parity_ratio, equal_opportunity_difference]\n"
                + "checks:\n  - metric: demographic_parity_ratio\n    below: {warning: 0.9, critical: 0.8}\n"
                + "model_version: v7\n"
                + "history: history.db\n"
                + "webhooks:\n  - url: http://127.0.0.1:" + server.getAddress().getPort() + "/hook\n"
                + "    format: generic\n    timeout: 5s\n    max_attempts: 3\n"
                + extra);
        return c;
    }

    @Test
    void oncePassRecordsEachFileAndGroupingDeliversAlertsAndSkipsWhatIsRecorded() throws IOException {
        data("v6.csv", 0.0, 1);
        data("v7.csv", 1.2, 2);
        Path c = config("");

        Cli.Result r = Cli.run("monitor", "--config", c.toString(), "--once");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out().lines().toList()).hasSize(4).allMatch(l -> l.matches("incoming/v[67]\\.csv by (ethnicity"
                + "|sex): window \\d, 3000 rows, \\d findings, \\d alerts \\(\\d delivered, 0 dead-lettered\\), "
                + "recorded as monitor-[0-9a-f]{16}"));
        List<HistoryEntry> entries = History.open(dir.resolve("history.db").toString()).list();
        assertThat(entries).hasSize(4).allMatch(e -> e.kind().equals("monitor"))
                .allMatch(e -> e.modelVersion().orElseThrow().equals("v7"));
        assertThat(bodies).isNotEmpty();
        JsonNode alert = new ObjectMapper().readTree(bodies.get(0));
        assertThat(alert.get("schema").asText()).isEqualTo("fairkit.alert/1");
        assertThat(alert.get("source").asText()).isEqualTo("credit-monitor");
        assertThat(alert.get("rule").asText()).isEqualTo("demographic_parity_ratio_below");
        assertThat(Files.exists(dir.resolve("credit-monitor-dead-letters.jsonl"))).isFalse();

        Cli.Result again = Cli.run("monitor", "--config", c.toString(), "--once");
        assertThat(again.code()).isZero();
        assertThat(again.out()).isEmpty();
        assertThat(History.open(dir.resolve("history.db").toString()).list()).hasSize(4);
    }

    @Test
    void configErrorsNameTheKey() throws IOException {
        Path c = dir.resolve("m.yml");
        Files.writeString(c, "every: 1h\nsource: {glob: '*.csv', label: y}\n");
        Cli.Result r = Cli.run("monitor", "--config", c.toString(), "--once");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("fairkit monitor: error: monitor.yml: source.prediction: missing; expected the "
                + "prediction column\n");

        Files.writeString(c, "every: 1h\nsurce: {}\n");
        r = Cli.run("monitor", "--config", c.toString(), "--once");
        assertThat(r.err()).isEqualTo("fairkit monitor: error: monitor.yml: surce: unknown setting; expected one "
                + "of [checks, dead_letters, deduplication, every, fairness_metrics, groupings, history, metrics, "
                + "min_group_size, model_version, name, prometheus, source, task, webhooks]\n");

        Files.writeString(c, "every: 1h\nsource: {glob: '*.csv', label: y, prediction: p}\ngroupings: [[g]]\n"
                + "fairness_metrics: [demographic_parity_ratio]\n"
                + "checks:\n  - metric: demographic_parity_ratio\n    below: {warning: 0.7, critical: 0.8}\n");
        r = Cli.run("monitor", "--config", c.toString(), "--once");
        assertThat(r.err()).isEqualTo("fairkit monitor: error: monitor.yml: checks[0].below: critical 0.8 is above "
                + "warning 0.7; expected critical <= warning\n");

        Files.writeString(c, "every: 1h\nsource: {glob: '*.csv', label: y, prediction: p}\ngroupings: [[g]]\n"
                + "fairness_metrics: [parity]\n");
        r = Cli.run("monitor", "--config", c.toString(), "--once");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("fairkit monitor: error: monitor.yml: fairness_metrics: ");

        r = Cli.run("monitor", "--config", dir.resolve("none.yml").toString());
        assertThat(r.err()).isEqualTo("fairkit monitor: error: --config: file '" + dir.resolve("none.yml")
                + "' does not exist\n");
    }

    @Test
    void sigtermWaitsForTheRunInFlightAfterServingTheGauges() throws Exception {
        data("v7.csv", 1.2, 3);
        Path c = config("prometheus:\n  port: 0\n");
        hold = true;
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "monitor", "--config", c.toString());
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(dir.resolve("err.txt").toFile())
                .start();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch started = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String l = in.readLine(); l != null; l = in.readLine()) {
                    lines.add(l);
                    if (l.startsWith("monitoring ")) {
                        started.countDown();
                    }
                }
            } catch (IOException e) {
                lines.add("read failed: " + e);
            }
        });
        reader.start();
        try {
            assertThat(started.await(60, TimeUnit.SECONDS)).as("started; stderr: %s", err()).isTrue();
            Matcher m = Pattern.compile("metrics at (http://127\\.0\\.0\\.1:\\d+/metrics)").matcher(lines.get(0));
            assertThat(m.find()).as(lines.get(0)).isTrue();
            // the run is in flight: its window is recorded and published, its alert is being delivered
            assertThat(received.await(60, TimeUnit.SECONDS)).as("webhook called; stderr: %s", err()).isTrue();
            HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(m.group(1))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body()).containsPattern("fairkit_fairness\\{grouping=\"ethnicity\",metric="
                    + "\"demographic_parity_ratio\",model_version=\"v7\",monitor=\"credit-monitor\"} 0\\.\\d+");

            p.toHandle().destroy();           // SIGTERM (Process.destroy would also close our end of stdout)
            Thread.sleep(300);                // let the hook start waiting before the webhook answers
            release.countDown();

            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
            assertThat(p.exitValue()).as("exit after SIGTERM; stderr: %s", err()).isEqualTo(143);
            List<String> out = List.copyOf(lines);
            assertThat(out.get(out.size() - 1)).isEqualTo("stopped");
            assertThat(out).anyMatch(l -> l.startsWith("incoming/v7.csv by ethnicity: window 0, 3000 rows, 1 "
                    + "findings, 1 alerts (1 delivered, 0 dead-lettered)"));
            assertThat(History.open(dir.resolve("history.db").toString()).list()).hasSizeGreaterThanOrEqualTo(1);
            assertThat(Files.exists(dir.resolve("credit-monitor-dead-letters.jsonl"))).isFalse();
        } finally {
            p.destroyForcibly();
        }
    }

    private String err() throws IOException {
        Path e = dir.resolve("err.txt");
        return Files.exists(e) ? Files.readString(e) : "";
    }
    @Test
    void theReadmesMonitorYmlIsValid() throws IOException {
        Path root = Path.of(System.getProperty("fairkit.root", ".."));
        List<String> yaml = org.fairkit.testkit.Markdown.read(root.resolve("fairness-cli/README.md"))
                .section("## monitor\n").blocks("yaml");
        assertThat(yaml).hasSize(1);
        Path c = dir.resolve("monitor.yml");
        Files.writeString(c, yaml.get(0));

        MonitorConfig m = MonitorConfig.read(c);

        assertThat(m.name()).isEqualTo("credit-monitor");
        assertThat(m.every()).isEqualTo(java.time.Duration.ofHours(1));
        assertThat(m.groupings()).containsExactly(List.of("ethnicity"), List.of("ethnicity", "sex"));
        assertThat(m.checks()).hasSize(2);
        assertThat(m.prometheus().orElseThrow()).isEqualTo(new MonitorConfig.Prometheus("127.0.0.1", 9464, 50));
        assertThat(m.webhooks()).singleElement().satisfies(w -> assertThat(w.maxAttempts()).isEqualTo(5));
        assertThat(m.deadLetters()).isEqualTo(dir.resolve("monitor-dead-letters.jsonl"));
        assertThat(m.history()).isEqualTo(dir.resolve("fairkit-history.db").toString());
    }
    @Test
    void everyConfigMistakeIsNamed() throws IOException {
        String base = "every: 1h\nsource: {glob: '*.csv', label: y, prediction: p}\ngroupings: [[g]]\n"
                + "fairness_metrics: [demographic_parity_ratio]\n";
        String[][] cases = {
            {"every: 1h\n", "source: missing; expected a mapping with glob, label and prediction"},
            {"every: 0s\nsource: {}\n", "every: got PT0S; expected a positive period"},
            {base.replace("groupings: [[g]]", "groupings: []"),
                "groupings: got []; expected a list of groupings, e.g. [[race], [race, sex]]"},
            {base + "metrics: [nope]\n", "metrics: unknown group metric id 'nope'; valid ids: count, "},
            {base + "min_group_size: 0\n", "min_group_size: got 0; expected an integer in 1..2147483647"},
            {base + "checks: 3\n", "checks: got 3; expected a list of {metric, below|above: {warning, critical}}"},
            {base + "checks:\n  - metric: demographic_parity_ratio\n", "checks[0]: expected exactly one of below "
                + "(for ratios) or above (for differences)"},
            {base + "checks:\n  - metric: demographic_parity_difference\n    above: {warning: 0.1, critical: 0.2}\n",
                "checks[0].metric: 'demographic_parity_difference' is not in fairness_metrics "
                    + "[demographic_parity_ratio]; add it there"},
            {base + "checks:\n  - metric: demographic_parity_ratio\n    above: {warning: 0.3, critical: 0.2}\n",
                "checks[0].above: expected 0 <= warning <= critical, got warning 0.3 and critical 0.2"},
            {base + "checks:\n  - metric: demographic_parity_ratio\n    below: {warning: x, critical: 0.2}\n",
                "checks[0].below.warning: got \"x\"; expected a number"},
            {base + "deduplication: sometimes\n",
                "deduplication: got \"sometimes\"; expected until_cleared or a number of windows >= 1"},
            {base + "webhooks: x\n", "webhooks: got \"x\"; expected a list of {url, format, timeout, max_attempts}"},
            {base + "webhooks:\n  - url: http://h/x\n    format: teams\n",
                "webhooks[0].format: unknown webhook format 'teams'; valid: generic, slack"},
            {base + "prometheus: {port: 70000}\n", "prometheus.port: got 70000; expected an integer in 0..65535"},
            {"- a\n", "expected a mapping of settings (name, every, source, ...)"},
        };
        Path c = dir.resolve("m.yml");
        for (String[] k : cases) {
            Files.writeString(c, k[0]);
            Cli.Result r = Cli.run("monitor", "--config", c.toString(), "--once");
            assertThat(r.code()).as(k[0]).isEqualTo(2);
            assertThat(r.err()).as(k[0]).startsWith("fairkit monitor: error: monitor.yml: " + k[1]);
        }
        Files.writeString(c, base + "deduplication: 3\nprometheus: {host: 127.0.0.1, port: 0}\n");
        MonitorConfig m = MonitorConfig.read(c);
        assertThat(m.deduplication()).isEqualTo(org.fairkit.orchestration.monitor.Deduplication.withinWindows(3));
        assertThat(m.prometheus().orElseThrow().port()).isZero();
        assertThat(m.deadLetters()).isEqualTo(dir.resolve("fairkit-monitor-dead-letters.jsonl"));
    }

    @Test
    void anUnreadableFileIsReportedAndSkipped() throws IOException {
        Files.createDirectories(dir.resolve("incoming"));
        Files.writeString(dir.resolve("incoming").resolve("bad.csv"), "repaid,approved,ethnicity,sex\n2,1,A,M\n");
        Cli.Result r = Cli.run("monitor", "--config", config("").toString(), "--once");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("fairkit monitor: skipped " + dir.resolve("incoming").resolve("bad.csv")
                + ": ");
    }
}
