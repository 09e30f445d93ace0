package org.fairkit.cli;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.fairkit.core.FairnessData;
import org.fairkit.core.Task;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.multiclass.MulticlassData;
import org.fairkit.core.ranking.Ranking;
import org.fairkit.core.regression.RegressionData;
import org.fairkit.core.regression.RegressionFairnessMetric;
import org.fairkit.core.regression.RegressionMetric;
import org.fairkit.micrometer.FairnessMeterBinder;
import org.fairkit.orchestration.alerting.DeliveryResult;
import org.fairkit.orchestration.alerting.WebhookDelivery;
import org.fairkit.orchestration.history.History;
import org.fairkit.orchestration.io.CsvColumns;
import org.fairkit.orchestration.io.CsvSource;
import org.fairkit.orchestration.io.CsvTable;
import org.fairkit.orchestration.io.ReportJson;
import org.fairkit.orchestration.monitor.Monitor;
import org.fairkit.orchestration.monitor.WindowCheck;
import org.fairkit.orchestration.monitor.WindowChecks;
import org.fairkit.orchestration.monitor.WindowReports;
import org.fairkit.orchestration.monitor.WindowResult;
import org.fairkit.orchestration.monitor.Windowing;
import org.fairkit.orchestration.run.RunRecord;

/**
 * The work of {@code fairkit monitor}: each {@link #tick()} audits the files of the source glob it has not seen (in
 * modification-time order), one window per file and grouping through orchestration's {@link Monitor} (its checks
 * and de-duplicated alerts), records each window's report in the {@link History} (run id
 * {@code monitor-<first 16 hex digits of the file's SHA-256>}, so a restarted monitor skips what is recorded),
 * publishes it through a {@link FairnessMeterBinder} on a Prometheus registry, and delivers the alerts to every
 * webhook. A stop request ends a tick between files: the file in flight is recorded and its alerts delivered, the
 * rest waits for the next start.
 */
final class MonitorService implements AutoCloseable {
    private final MonitorConfig config;
    private final Clock clock;
    private final PrintWriter out;
    private final PrintWriter err;
    private final History history;
    private final Map<List<String>, Monitor> monitors = new LinkedHashMap<>();
    private final FairnessMeterBinder binder;
    private final PrometheusMeterRegistry registry;
    private final Optional<PrometheusEndpoint> endpoint;
    private final List<WebhookDelivery> deliveries = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private long ticks;

    MonitorService(MonitorConfig config, Clock clock, PrintWriter out, PrintWriter err) throws IOException {
        this.config = config;
        this.clock = clock;
        this.out = out;
        this.err = err;
        this.history = History.open(config.history()).withClock(clock);
        List<WindowCheck> checks = new ArrayList<>();
        for (MonitorConfig.Check c : config.checks()) {
            if (c.metric().isPresent()) {
                checks.add(c.below() ? WindowChecks.fairnessBelow(c.metric().get(), c.warning(), c.critical())
                        : WindowChecks.fairnessAbove(c.metric().get(), c.warning(), c.critical()));
            } else {
                checks.add(c.below() ? WindowChecks.below(c.id(), c.warning(), c.critical())
                        : WindowChecks.above(c.id(), c.warning(), c.critical()));
            }
        }
        Task task = config.task();
        for (List<String> g : config.groupings()) {
            Monitor.Builder b = Monitor.builder().task(task).groupBy(g.toArray(String[]::new))
                    .minGroupSize(config.minGroupSize()).windowing(Windowing.tumblingBatches(1))
                    .checks(checks.toArray(WindowCheck[]::new)).deduplication(config.deduplication()).clock(clock);
            if (task == Task.BINARY || task == Task.MULTICLASS) {
                b.metrics(config.metrics().toArray(GroupMetric[]::new));
                if (!config.fairnessMetrics().isEmpty()) {
                    b.fairnessMetrics(config.fairnessMetrics().toArray(FairnessMetric[]::new));
                }
            } else if (task == Task.REGRESSION) {
                b.regressionMetrics(config.regressionMetrics().toArray(RegressionMetric[]::new))
                        .regressionFairnessMetrics(config.regressionFairnessMetrics()
                                .toArray(RegressionFairnessMetric[]::new));
            }
            monitors.put(g, b.build());
        }
        FairnessMeterBinder.Builder mb = FairnessMeterBinder.builder();
        if (task == Task.BINARY) {
            mb.fairnessMetrics(config.fairnessMetrics().toArray(FairnessMetric[]::new))
                    .groupMetrics(config.metrics().toArray(GroupMetric[]::new));
        } else {
            mb.disparities(publishedDisparities(config).toArray(String[]::new))
                    .groupMetricIds(publishedGroupMetrics(config).toArray(String[]::new));
        }
        this.binder = mb.maxGroups(config.prometheus().map(MonitorConfig.Prometheus::maxGroups).orElse(50))
                .maxGroupings(Math.max(8, config.groupings().size()))
                .tags("monitor", config.name(), "model_version", config.modelVersion().orElse("")).build();
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        binder.bindTo(registry);
        Optional<PrometheusEndpoint> e = Optional.empty();
        if (config.prometheus().isPresent()) {
            MonitorConfig.Prometheus p = config.prometheus().get();
            e = Optional.of(PrometheusEndpoint.start(registry, new InetSocketAddress(p.host(), p.port())));
        }
        this.endpoint = e;
        for (MonitorConfig.Webhook w : config.webhooks()) {
            deliveries.add(WebhookDelivery.to(w.url()).format(w.format()).source(config.name()).timeout(w.timeout())
                    .maxAttempts(w.maxAttempts()).deadLetters(config.deadLetters()).clock(clock).build());
        }
    }

    /**
     * The disparities a monitor of another task than binary publishes: the task's named ones that are known before
     * the data (regression's configured ones, ranking's exposure ones; multiclass names its per class), then each
     * check's id.
     */
    private static List<String> publishedDisparities(MonitorConfig config) {
        Set<String> ids = new LinkedHashSet<>();
        switch (config.task()) {
            case REGRESSION -> config.regressionFairnessMetrics().forEach(m -> ids.add(m.id()));
            case RANKING -> ids.addAll(List.of("exposure_difference", "exposure_ratio", "disparate_treatment_ratio",
                    "disparate_impact_ratio"));
            default -> config.metrics().forEach(m -> ids.add("macro_" + m.id() + ".difference"));
        }
        config.checks().forEach(c -> ids.add(c.id()));
        return List.copyOf(ids);
    }

    /** The group metrics a monitor of another task than binary publishes per group. */
    private static List<String> publishedGroupMetrics(MonitorConfig config) {
        return switch (config.task()) {
            case REGRESSION -> config.regressionMetrics().stream().map(RegressionMetric::id).toList();
            case RANKING -> List.of("exposure", "exposure_per_relevance", "click_through_per_relevance");
            default -> config.metrics().stream().map(m -> "macro_" + m.id()).toList();
        };
    }

    /** @return the scrape endpoint's address, when one is served */
    Optional<InetSocketAddress> endpoint() {
        return endpoint.map(PrometheusEndpoint::address);
    }

    /** Asks a running tick to stop after the file in flight; later ticks do nothing. */
    void requestStop() {
        stopping.set(true);
    }

    private List<Path> candidates() throws IOException {
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + config.glob());
        Path dir = config.directory();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> m.matches(dir.relativize(p)))
                    .sorted(Comparator.comparing((Path p) -> {
                        try {
                            return Files.getLastModifiedTime(p).toInstant();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).thenComparing(Path::toString)).toList();
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Audits the new files of the source.
     *
     * @return the tick's record (its outputs are empty: the results are in the history)
     */
    RunRecord tick() throws IOException {
        running.lock();
        try {
            Instant started = clock.instant();
            long t0 = System.nanoTime();
            long n = ++ticks;
            if (!stopping.get()) {
                for (Path file : candidates()) {
                    if (stopping.get()) {
                        break;
                    }
                    String key = file + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
                    if (!seen.add(key)) {
                        continue;
                    }
                    String runId = "monitor-" + sha256(file).substring(0, 16);
                    if (!history.run(runId).isEmpty()) {
                        continue;
                    }
                    process(file, runId);
                }
            }
            return new RunRecord(config.name() + "-tick-" + n, config.name(), config.glob(), started,
                    Duration.ofNanos(System.nanoTime() - t0), Optional.empty(), Optional.empty(), List.of());
        } finally {
            running.unlock();
        }
    }

    private void process(Path file, String runId) throws IOException {
        Set<String> sensitive = new LinkedHashSet<>();
        config.groupings().forEach(sensitive::addAll);
        Batch batch;
        try {
            batch = load(file, List.copyOf(sensitive));
        } catch (IllegalArgumentException e) {
            err.println("fairkit monitor: skipped " + file + ": " + e.getMessage());
            err.flush();
            return;
        }
        Instant eventTime = Files.getLastModifiedTime(file).toInstant();
        String rel = config.directory().relativize(file.toAbsolutePath()).toString();
        for (Map.Entry<List<String>, Monitor> e : monitors.entrySet()) {
            for (WindowResult w : batch.accept(e.getValue(), e.getKey(), eventTime)) {
                String json = config.task() == Task.BINARY ? ReportJson.toJson(w.report())
                        : WindowReports.toJson(w.taskReport(), Optional.empty(),
                                config.task() == Task.RANKING ? 0 : config.minGroupSize());
                history.record(History.Recording.of(runId, "monitor", json)
                        .withModelVersion(config.modelVersion().orElse(null))
                        .withSettings(Map.of("file", rel, "window", Long.toString(w.index()))));
                if (config.task() == Task.BINARY) {
                    binder.update(w.report());
                } else {
                    binder.update(w.taskReport());
                }
                int delivered = 0;
                int dead = 0;
                for (WebhookDelivery d : deliveries) {
                    for (DeliveryResult r : d.deliverAll(w.alerts())) {
                        if (r.outcome() == DeliveryResult.Outcome.DELIVERED) {
                            delivered++;
                        } else {
                            dead++;
                        }
                    }
                }
                out.println(rel + " by " + String.join(" & ", e.getKey()) + ": window " + w.index() + ", "
                        + w.rows() + " rows, " + w.findings().size() + " findings, " + w.alerts().size()
                        + " alerts (" + delivered + " delivered, " + dead + " dead-lettered), recorded as " + runId);
                out.flush();
            }
        }
    }

    /** One file's rows, as the batch its task's monitor accepts (for ranking, per grouping). */
    @FunctionalInterface
    private interface Batch {
        List<WindowResult> accept(Monitor monitor, List<String> grouping, Instant eventTime);
    }

    private Batch load(Path file, List<String> sensitive) throws IOException {
        MonitorConfig.Columns c = config.columns();
        switch (config.task()) {
            case BINARY -> {
                CsvColumns.Builder cols = CsvColumns.builder().label(config.label()).prediction(config.prediction())
                        .sensitive(sensitive.toArray(String[]::new));
                config.score().ifPresent(cols::score);
                FairnessData data = CsvSource.of(file, cols.build()).load();
                return (m, g, t) -> m.accept(data, t);
            }
            case REGRESSION -> {
                CsvTable table = CsvTable.open(file);
                int y = table.column(c.target().orElseThrow(), "target");
                int p = table.column(c.prediction().orElseThrow(), "prediction");
                int[] s = columns(table, sensitive);
                List<double[]> rows = new ArrayList<>();
                List<String[]> levels = new ArrayList<>();
                table.forEach(r -> {
                    rows.add(new double[] {r.number(y), r.number(p)});
                    levels.add(levels(r, s));
                });
                RegressionData.Builder b = RegressionData.builder()
                        .targets(rows.stream().mapToDouble(v -> v[0]).toArray())
                        .predictions(rows.stream().mapToDouble(v -> v[1]).toArray());
                sensitive(levels, sensitive, b::sensitive);
                RegressionData data = b.build();
                return (m, g, t) -> m.accept(data, t);
            }
            case MULTICLASS -> {
                CsvTable table = CsvTable.open(file);
                int y = table.column(c.label().orElseThrow(), "label");
                int p = table.column(c.prediction().orElseThrow(), "prediction");
                int[] s = columns(table, sensitive);
                List<String> labels = new ArrayList<>();
                List<String> predictions = new ArrayList<>();
                List<String[]> levels = new ArrayList<>();
                table.forEach(r -> {
                    labels.add(r.level(y));
                    predictions.add(r.level(p));
                    levels.add(levels(r, s));
                });
                MulticlassData.Builder b = MulticlassData.builder().labels(labels.toArray(String[]::new))
                        .predictions(predictions.toArray(String[]::new));
                sensitive(levels, sensitive, b::sensitive);
                MulticlassData data = b.build();
                return (m, g, t) -> m.accept(data, t);
            }
            default -> {
                return rankings(file, sensitive);
            }
        }
    }

    /**
     * A ranking file: one ranking per value of the query column (in order of first appearance), its items ordered by
     * the rank column (1 = top) or the score column (higher first), with relevance when configured; one list of
     * rankings per grouping, each ranking grouped by exactly that grouping's features.
     */
    private Batch rankings(Path file, List<String> sensitive) throws IOException {
        MonitorConfig.Columns c = config.columns();
        CsvTable table = CsvTable.open(file);
        int q = table.column(c.query().orElseThrow(), "query");
        int order = c.rank().isPresent() ? table.column(c.rank().get(), "rank")
                : table.column(c.score().orElseThrow(), "score");
        int rel = c.relevance().isPresent() ? table.column(c.relevance().get(), "relevance") : -1;
        int[] s = columns(table, sensitive);
        Map<String, List<double[]>> values = new LinkedHashMap<>();
        Map<String, List<String[]>> levels = new LinkedHashMap<>();
        table.forEach(r -> {
            String query = r.level(q);
            double v = r.number(order);
            if (c.rank().isPresent() && (v < 1 || v != Math.rint(v))) {
                throw new IllegalArgumentException(file + ": line " + r.line() + ": column '" + c.rank().get()
                        + "' (rank): got " + r.cell(order) + "; expected a whole number >= 1");
            }
            values.computeIfAbsent(query, k -> new ArrayList<>()).add(new double[] {v, rel < 0 ? 0 : r.number(rel)});
            levels.computeIfAbsent(query, k -> new ArrayList<>()).add(levels(r, s));
        });
        Map<List<String>, List<Ranking>> byGrouping = new LinkedHashMap<>();
        for (List<String> g : config.groupings()) {
            List<Ranking> rs = new ArrayList<>();
            for (Map.Entry<String, List<double[]>> e : values.entrySet()) {
                List<double[]> v = e.getValue();
                Ranking.Builder b = Ranking.builder();
                List<String[]> lv = levels.get(e.getKey());
                for (String f : g) {
                    int j = sensitive.indexOf(f);
                    b.sensitive(f, lv.stream().map(x -> x[j]).toArray(String[]::new));
                }
                if (c.rank().isPresent()) {
                    b.positions(v.stream().mapToInt(x -> (int) x[0]).toArray());
                } else {
                    b.scores(v.stream().mapToDouble(x -> x[0]).toArray());
                }
                if (rel >= 0) {
                    b.relevance(v.stream().mapToDouble(x -> x[1]).toArray());
                }
                try {
                    rs.add(b.build());
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException(file + ": query '" + e.getKey() + "': " + ex.getMessage(), ex);
                }
            }
            byGrouping.put(g, rs);
        }
        return (m, g, t) -> m.accept(byGrouping.get(g), t);
    }

    private static int[] columns(CsvTable table, List<String> sensitive) {
        int[] s = new int[sensitive.size()];
        for (int j = 0; j < s.length; j++) {
            s[j] = table.column(sensitive.get(j), "sensitive");
        }
        return s;
    }

    private static String[] levels(CsvTable.Record r, int[] columns) {
        String[] out = new String[columns.length];
        for (int j = 0; j < columns.length; j++) {
            out[j] = r.level(columns[j]);
        }
        return out;
    }

    private static void sensitive(List<String[]> levels, List<String> names,
            java.util.function.BiConsumer<String, String[]> add) {
        for (int j = 0; j < names.size(); j++) {
            int at = j;
            add.accept(names.get(j), levels.stream().map(x -> x[at]).toArray(String[]::new));
        }
    }

    /** Waits for a tick in flight to finish, then stops serving metrics. */
    @Override
    public void close() {
        stopping.set(true);
        running.lock();
        try {
            endpoint.ifPresent(PrometheusEndpoint::close);
            registry.close();
        } finally {
            running.unlock();
        }
    }
}
