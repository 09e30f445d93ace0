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
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.micrometer.FairnessMeterBinder;
import org.fairkit.orchestration.alerting.DeliveryResult;
import org.fairkit.orchestration.alerting.WebhookDelivery;
import org.fairkit.orchestration.history.History;
import org.fairkit.orchestration.io.CsvColumns;
import org.fairkit.orchestration.io.CsvSource;
import org.fairkit.orchestration.io.ReportJson;
import org.fairkit.orchestration.monitor.Monitor;
import org.fairkit.orchestration.monitor.WindowCheck;
import org.fairkit.orchestration.monitor.WindowChecks;
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
            checks.add(c.below() ? WindowChecks.fairnessBelow(c.metric(), c.warning(), c.critical())
                    : WindowChecks.fairnessAbove(c.metric(), c.warning(), c.critical()));
        }
        for (List<String> g : config.groupings()) {
            monitors.put(g, Monitor.builder().groupBy(g.toArray(String[]::new))
                    .metrics(config.metrics().toArray(GroupMetric[]::new))
                    .fairnessMetrics(config.fairnessMetrics().toArray(FairnessMetric[]::new))
                    .minGroupSize(config.minGroupSize()).windowing(Windowing.tumblingBatches(1))
                    .checks(checks.toArray(WindowCheck[]::new)).deduplication(config.deduplication()).clock(clock)
                    .build());
        }
        this.binder = FairnessMeterBinder.builder()
                .fairnessMetrics(config.fairnessMetrics().toArray(FairnessMetric[]::new))
                .groupMetrics(config.metrics().toArray(GroupMetric[]::new))
                .maxGroups(config.prometheus().map(MonitorConfig.Prometheus::maxGroups).orElse(50))
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
        CsvColumns.Builder cols = CsvColumns.builder().label(config.label()).prediction(config.prediction())
                .sensitive(sensitive.toArray(String[]::new));
        config.score().ifPresent(cols::score);
        FairnessData data;
        try {
            data = CsvSource.of(file, cols.build()).load();
        } catch (IllegalArgumentException e) {
            err.println("fairkit monitor: skipped " + file + ": " + e.getMessage());
            err.flush();
            return;
        }
        Instant eventTime = Files.getLastModifiedTime(file).toInstant();
        String rel = config.directory().relativize(file.toAbsolutePath()).toString();
        for (Map.Entry<List<String>, Monitor> e : monitors.entrySet()) {
            for (WindowResult w : e.getValue().accept(data, eventTime)) {
                history.record(History.Recording.of(runId, "monitor", ReportJson.toJson(w.report()))
                        .withModelVersion(config.modelVersion().orElse(null))
                        .withSettings(Map.of("file", rel, "window", Long.toString(w.index()))));
                binder.update(w.report());
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
