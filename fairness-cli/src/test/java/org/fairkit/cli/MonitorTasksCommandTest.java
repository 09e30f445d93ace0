package org.fairkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.fairkit.orchestration.history.History;
import org.fairkit.orchestration.history.HistoryEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fairkit monitor} for regression, ranking and multiclass models: three small files, one window each, the
 * last with an injected disparity that raises the configured alert (and only there), recorded in the history and
 * delivered to the webhook; config errors of the task keys name the key.
 */
class MonitorTasksCommandTest {
    static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    @TempDir
    Path dir;

    HttpServer server;
    final List<String> bodies = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** Writes a file of the incoming directory, modified {@code hour} hours after T0 (the monitor's file order). */
    void file(String name, int hour, String csv) throws IOException {
        Files.createDirectories(dir.resolve("incoming"));
        Path f = dir.resolve("incoming").resolve(name);
        Files.writeString(f, csv);
        Files.setLastModifiedTime(f, FileTime.from(T0.plusSeconds(3600L * hour)));
    }

    Path config(String task, String source, String checks) throws IOException {
        Path c = dir.resolve("monitor.yml");
        Files.writeString(c, "name: " + task + "-monitor\nevery: 1h\ntask: " + task + "\n"
                + "source:\n  glob: incoming/*.csv\n" + source
                + "groupings: [[sex]]\n"
                + "checks:\n" + checks
                + "history: history.db\n"
                + "webhooks:\n  - url: http://127.0.0.1:" + server.getAddress().getPort() + "/hook\n");
        return c;
    }

    /** Runs one pass and checks: three windows, the alert only in the third, its rule in the webhook and history. */
    void assertAlertOnlyInTheLastWindow(Path config, String rule) throws IOException {
        Cli.Result r = Cli.run("monitor", "--config", config.toString(), "--once");

        assertThat(r.code()).as(r.toString()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).as(r.toString()).hasSize(3);
        assertThat(lines.get(0)).startsWith("incoming/w1.csv by sex: window 0, ").contains(", 0 findings, 0 alerts");
        assertThat(lines.get(1)).startsWith("incoming/w2.csv by sex: window 1, ").contains(", 0 findings, 0 alerts");
        assertThat(lines.get(2)).startsWith("incoming/w3.csv by sex: window 2, ")
                .contains(", 1 findings, 1 alerts (1 delivered, 0 dead-lettered)");
        assertThat(bodies).hasSize(1);
        JsonNode alert = new ObjectMapper().readTree(bodies.get(0));
        assertThat(alert.get("schema").asText()).isEqualTo("fairkit.alert/1");
        assertThat(alert.get("rule").asText()).isEqualTo(rule);
        List<HistoryEntry> entries = History.open(dir.resolve("history.db").toString()).list();
        assertThat(entries).hasSize(3).allMatch(e -> e.kind().equals("monitor"));
        JsonNode doc = new ObjectMapper().readTree(entries.get(0).reportJson());
        assertThat(doc.get("schema").asText()).isEqualTo("fairkit.report/1");
        assertThat(doc.get("provenance").get("configuration").get("task").asText()).isEqualTo(doc.get("task")
                .asText());
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aRegressionMonitorAlertsWhenTheErrorOfOneGroupGrowsInALaterWindow() throws IOException {
        for (int k = 1; k <= 3; k++) {
            Random rnd = new Random(k);
            StringBuilder csv = new StringBuilder("limit_true,limit_pred,sex\n");
            for (int i = 0; i < 200; i++) {
                String sex = i % 2 == 0 ? "F" : "M";
                double y = 1000 + 100 * rnd.nextDouble();
                double p = y + 5 * rnd.nextGaussian() + (k == 3 && sex.equals("F") ? 40 : 0);
                csv.append(String.format(Locale.ROOT, "%.3f,%.3f,%s%n", y, p, sex));
            }
            file("w" + k + ".csv", k, csv.toString());
        }
        Path c = config("regression", "  target: limit_true\n  prediction: limit_pred\n",
                "  - metric: mean_absolute_error.difference\n    above: {warning: 10, critical: 20}\n");

        assertAlertOnlyInTheLastWindow(c, "mean_absolute_error.difference_above");
        JsonNode last = new ObjectMapper().readTree(History.open(dir.resolve("history.db").toString()).list().get(2)
                .reportJson());
        assertThat(last.get("task").asText()).isEqualTo("regression");
        assertThat(last.at("/fairness_metrics/bounded_group_loss_absolute/value").asDouble()).isGreaterThan(30);
        assertThat(last.at("/aggregates/mean_absolute_error/difference/value").asDouble()).isGreaterThan(30);
    }

    @Test
    void aRankingMonitorAlertsWhenOneGroupLosesExposureInALaterWindow() throws IOException {
        for (int k = 1; k <= 3; k++) {
            Random rnd = new Random(k);
            StringBuilder csv = new StringBuilder("query,rank,relevance,sex\n");
            for (int q = 0; q < 20; q++) {
                for (int pos = 1; pos <= 10; pos++) {
                    // windows 1 and 2 alternate the groups down the list; window 3 puts F at the bottom
                    String sex = k == 3 ? (pos <= 5 ? "M" : "F") : ((pos + q) % 2 == 0 ? "F" : "M");
                    csv.append("q").append(q).append(',').append(pos).append(',').append(rnd.nextInt(2))
                            .append(',').append(sex).append('\n');
                }
            }
            file("w" + k + ".csv", k, csv.toString());
        }
        Path c = config("ranking", "  query: query\n  rank: rank\n  relevance: relevance\n",
                "  - metric: exposure_ratio\n    below: {warning: 0.8, critical: 0.6}\n");

        assertAlertOnlyInTheLastWindow(c, "exposure_ratio_below");
        JsonNode last = new ObjectMapper().readTree(History.open(dir.resolve("history.db").toString()).list().get(2)
                .reportJson());
        assertThat(last.get("task").asText()).isEqualTo("ranking");
        assertThat(last.at("/fairness_metrics/exposure_ratio/value").asDouble()).isLessThan(0.6);
        assertThat(last.at("/overall/count").asLong()).isEqualTo(200);
    }

    @Test
    void aMulticlassMonitorAlertsWhenOneGroupsMacroRecallDropsInALaterWindow() throws IOException {
        String[] classes = {"low", "medium", "urgent"};
        for (int k = 1; k <= 3; k++) {
            Random rnd = new Random(k);
            StringBuilder csv = new StringBuilder("triage,predicted,sex\n");
            for (int i = 0; i < 300; i++) {
                String sex = i % 2 == 0 ? "F" : "M";
                String y = classes[rnd.nextInt(3)];
                double miss = k == 3 && sex.equals("F") ? 0.6 : 0.1;
                String p = rnd.nextDouble() < miss ? classes[(List.of(classes).indexOf(y) + 1) % 3] : y;
                csv.append(y).append(',').append(p).append(',').append(sex).append('\n');
            }
            file("w" + k + ".csv", k, csv.toString());
        }
        Path c = config("multiclass", "  label: triage\n  prediction: predicted\n",
                "  - metric: macro_true_positive_rate.difference\n    above: {warning: 0.15, critical: 0.3}\n");

        assertAlertOnlyInTheLastWindow(c, "macro_true_positive_rate.difference_above");
        JsonNode last = new ObjectMapper().readTree(History.open(dir.resolve("history.db").toString()).list().get(2)
                .reportJson());
        assertThat(last.get("task").asText()).isEqualTo("multiclass");
        assertThat(last.at("/aggregates/macro_true_positive_rate/difference/value").asDouble()).isGreaterThan(0.3);
        assertThat(last.at("/fairness_metrics").has("equal_opportunity_difference@urgent")).isTrue();
    }

    @Test
    void taskConfigMistakesAreNamed() throws IOException {
        String[][] cases = {
            {"task: sorting\nsource: {glob: '*.csv'}\n", "task: "},
            {"task: regression\nsource: {glob: '*.csv', prediction: p}\n",
                "source.target: missing; expected the target column (true values)"},
            {"task: regression\nsource: {glob: '*.csv', target: y, prediction: p, label: l}\n",
                "source.label: not a column of a regression monitor; expected [glob, target, prediction]"},
            {"task: ranking\nsource: {glob: '*.csv', query: q, rank: r, score: s}\n",
                "source: expected exactly one of rank (positions, 1 = top) or score (a higher score ranks higher)"},
            {"task: ranking\nsource: {glob: '*.csv', query: q, rank: r}\ngroupings: [[g]]\nmetrics: [exposure]\n",
                "metrics: a ranking monitor reports exposure"},
            {"task: regression\nsource: {glob: '*.csv', target: y, prediction: p}\ngroupings: [[g]]\n"
                + "checks:\n  - metric: roc_auc.difference\n    above: {warning: 0.1, critical: 0.2}\n",
                "checks[0].metric: 'roc_auc.difference' is not reported by a regression monitor; expected a "
                    + "regression fairness metric id or <metric>.<difference|ratio|difference_to_overall|"
                    + "ratio_to_overall> of a metric in metrics [mean_prediction, mean_error, mean_absolute_error, "
                    + "root_mean_squared_error, r2_score]"},
            {"task: ranking\nsource: {glob: '*.csv', query: q, score: s}\ngroupings: [[g]]\n"
                + "checks:\n  - metric: exposure_parity\n    below: {warning: 0.8, critical: 0.6}\n",
                "checks[0].metric: 'exposure_parity' is not reported by a ranking monitor; expected one of "
                    + "[exposure_difference, exposure_ratio, disparate_treatment_ratio, disparate_impact_ratio]"},
        };
        Path c = dir.resolve("m.yml");
        for (String[] k : cases) {
            Files.writeString(c, "every: 1h\n" + k[0]);
            Cli.Result r = Cli.run("monitor", "--config", c.toString(), "--once");
            assertThat(r.code()).as(k[0]).isEqualTo(2);
            assertThat(r.err()).as(k[0]).startsWith("fairkit monitor: error: monitor.yml: " + k[1]);
        }
        Files.writeString(c, "every: 1h\ntask: regression\nsource: {glob: '*.csv', target: y, prediction: p}\n"
                + "groupings: [[g]]\nmetrics: [mae]\nfairness_metrics: [bounded_group_loss_absolute]\n"
                + "checks:\n  - metric: mae.ratio\n    below: {warning: 0.8, critical: 0.5}\n");
        MonitorConfig m = MonitorConfig.read(c);
        assertThat(m.task()).isEqualTo(org.fairkit.core.Task.REGRESSION);
        assertThat(m.columns().target()).contains("y");
        assertThat(m.checks()).singleElement().satisfies(k -> assertThat(k.id()).isEqualTo("mae.ratio"));
    }

    @Test
    void theReadmesTaskMonitorYmlsAreValid() throws IOException {
        Path root = Path.of(System.getProperty("fairkit.root", ".."));
        List<String> yaml = org.fairkit.testkit.Markdown.read(root.resolve("fairness-cli/README.md"))
                .section("## monitor for every task\n").blocks("yaml");
        assertThat(yaml).hasSize(2);
        Path c = dir.resolve("monitor.yml");
        Files.writeString(c, yaml.get(0));
        MonitorConfig regression = MonitorConfig.read(c);
        assertThat(regression.task()).isEqualTo(org.fairkit.core.Task.REGRESSION);
        assertThat(regression.checks()).extracting(MonitorConfig.Check::id).containsExactly(
                "mean_absolute_error.difference", "bounded_group_loss_absolute");
        Files.writeString(c, yaml.get(1));
        MonitorConfig ranking = MonitorConfig.read(c);
        assertThat(ranking.columns().rank()).contains("position");
        assertThat(ranking.columns().relevance()).contains("clicked");
    }
}
