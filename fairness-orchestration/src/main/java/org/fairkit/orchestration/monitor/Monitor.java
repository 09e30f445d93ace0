package org.fairkit.orchestration.monitor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.fairkit.core.Estimand;
import org.fairkit.core.EvaluationSpec;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.GroupResults;
import org.fairkit.core.Provenance;
import org.fairkit.core.Task;
import org.fairkit.core.TaskReport;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.group.SensitiveFeature;
import org.fairkit.core.internal.Fingerprint;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.multiclass.MulticlassData;
import org.fairkit.core.ranking.PositionBias;
import org.fairkit.core.ranking.Ranking;
import org.fairkit.core.ranking.RankingFairness;
import org.fairkit.core.ranking.RankingReport;
import org.fairkit.core.regression.RegressionData;
import org.fairkit.core.regression.RegressionFairnessMetric;
import org.fairkit.core.regression.RegressionMetric;
import org.fairkit.orchestration.history.History;
import org.fairkit.orchestration.io.GroupTally;
import org.fairkit.orchestration.io.ReportJson;
import org.fairkit.orchestration.io.SpecConfiguration;
import org.fairkit.stats.FairnessComparison;
import org.fairkit.stats.correction.MultipleTesting;
import org.fairkit.stats.drift.DistributionDrift;
import org.fairkit.stats.drift.PsiSmoothing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Monitors a model in production from batches of predictions: keeps tumbling or sliding windows of the mergeable
 * per-group counts ({@link GroupTally}), and for every window derives a {@link FairnessReport}, tests score drift
 * against a baseline ({@link DistributionDrift}: population stability index and chi-squared homogeneity of per-group
 * score histograms), runs the {@link WindowCheck}s, and turns their findings into de-duplicated {@link Alert}s.
 *
 * <pre>{@code
 * Monitor monitor = Monitor.builder()
 *     .groupBy("race").reference("Caucasian")
 *     .windowing(Windowing.slidingTime(Duration.ofDays(7), Duration.ofDays(1)))
 *     .scoreBins(10)
 *     .checks(WindowChecks.fairnessBelow(FairnessMetric.DISPARATE_IMPACT, 0.9, 0.8),
 *             WindowChecks.scoreDrift(0.1, 0.25))
 *     .build();
 * for (WindowResult w : monitor.accept(batch, eventTime)) {
 *     w.alerts().forEach(alert -> notify(alert));
 * }
 * monitor.series(FairnessMetric.DISPARATE_IMPACT);   // the metric over the retained windows
 * }</pre>
 *
 * <p><b>Any task</b> ({@link Builder#task}): a monitor of a regression model accepts {@code RegressionData} batches, of a
 * multiclass classifier {@code MulticlassData} batches, of a ranker lists of {@code Ranking}s (one per query); each
 * pane and window keeps the task's mergeable {@link WindowTally} (error sums, exposure sums, per-class confusion
 * counts) and every window carries its {@link WindowResult#taskReport() TaskReport}. Checks by any id of that report
 * ({@link WindowChecks#below(String, double, double)}, {@link WindowChecks#above(String, double, double)}) and
 * {@link #series(String)} work for every task, binary included:
 *
 * <pre>{@code
 * Monitor limits = Monitor.builder().task(Task.REGRESSION).groupBy("sex")
 *     .windowing(Windowing.tumblingTime(Duration.ofDays(1)))
 *     .checks(WindowChecks.above("mean_absolute_error.difference", 500, 1000))
 *     .build();
 * limits.accept(regressionBatch, eventTime);
 * limits.series("bounded_group_loss_absolute");
 * }</pre>
 * Score drift, a drift baseline and window comparisons need binary windows (their score histograms and confusion
 * counts). The input fingerprint of a regression window is {@code RegressionData.fingerprint()}'s definition over
 * its rows (as for binary windows); of a multiclass or ranking window, the SHA-256 of its batches' fingerprints
 * (a canonical encoding of each batch's evaluated columns), one per line, in order.
 *
 * <p><b>Windows</b> ({@link Windowing}) are merges of panes. Count panes close on their last batch. Time panes are
 * aligned to the epoch; a pane closes when a batch with a later pane's event time arrives (or on {@link #flush()});
 * a batch whose event time falls in a closed pane (before the open one, or after {@link #flush()} in or before the
 * flushed one) is late: it is dropped, counted in {@link #lateBatches()} and logged. Panes that passed without
 * batches are empty; windows without rows are not emitted.
 *
 * <p><b>Baseline</b> of the drift tests: {@link Builder#baseline(FairnessData)} when given, otherwise the first
 * emitted window (which then has no drift results).
 *
 * <p><b>Window comparisons</b> ({@link Builder#compareWindows(double)}): each window against the previous one and
 * against a fixed reference window ("this week vs last week, this week vs the reference"), from their counts
 * ({@link FairnessComparison}). Score drift uses the score histograms the windows keep (PSI and chi-squared against
 * the baseline); a two-sample Kolmogorov-Smirnov test needs the raw scores, which windows do not keep, so it is not
 * run here ({@code DistributionDrift.kolmogorovSmirnov} on a batch's scores does it where they are at hand).
 *
 * <p><b>History</b> ({@link Builder#history}): every window's report is recorded as it is emitted.
 *
 * <p><b>Reference group</b>: when the configured reference group has no rows in a window, that window's report is
 * derived without reference (comparisons to the reference are then undefined) and a note says so.
 *
 * <p><b>Input fingerprint</b> of a window's report: the one definition of {@code Fingerprint}, over the rows of the
 * window's batches in order and the columns it evaluates (label, prediction, score when {@code scoreBins > 0},
 * weight when weighted, the grouping's features); the same as {@code FairnessData.fingerprint()} of those rows.
 * A SHA-256 cannot be merged like counts, so each window in progress (at most {@code panes}) keeps its own hash
 * state, and every row is hashed once per window that holds it.
 *
 * <p>Memory: the open pane and the last {@code panes} closed panes (counts per group), one hash state (an 8 KiB
 * buffer and the encoded levels seen) per window in progress, and the last {@link Builder#retainWindows(int)
 * retained} window results. Not thread-safe: feed a monitor from one thread.
 */
public final class Monitor {
    private static final Logger LOG = LoggerFactory.getLogger(Monitor.class);

    private final EvaluationSpec spec;
    private final Windowing windowing;
    private final int bins;
    private final PsiSmoothing smoothing;
    private final List<WindowCheck> checks;
    private final Deduplication.State dedup;
    private final int retain;
    private final Clock clock;
    private final Double comparisonLevel;
    private final int referenceWindow;
    private final History history;
    private final Optional<String> modelVersion;
    private final String monitorId = java.util.UUID.randomUUID().toString();
    private GroupResults previousResults;
    private GroupResults referenceResults;

    private final Task task;
    private final WindowSpec windowSpec;
    private final PositionBias positionBias;
    private Boolean weighted;
    private GroupTally baseline;
    private final Deque<Pane> closed = new ArrayDeque<>();
    private Pane open;
    private long lastPane = Long.MIN_VALUE;
    private long batches;
    private long late;
    private long emitted;
    private final Deque<WindowResult> windows = new ArrayDeque<>();
    /** The input fingerprint of each window that holds the open pane, oldest first (one per pane it starts at). */
    private final Deque<Fingerprint.Rows> fingerprints = new ArrayDeque<>();
    /** Multiclass and ranking windows: the digest of each window's batch fingerprints, as {@code fingerprints}. */
    private final Deque<MessageDigest> digests = new ArrayDeque<>();

    private static final class Pane {
        final long index;
        WindowTally tally;
        long firstBatch = -1;
        long lastBatch = -1;
        int batchCount;

        Pane(long index, WindowTally tally) {
            this.index = index;
            this.tally = tally;
        }
    }

    private Monitor(Builder b, EvaluationSpec spec) {
        this.spec = spec;
        this.task = b.task == null ? Task.BINARY : b.task;
        WindowSpec ws = WindowSpec.of(spec);
        if (b.regressionMetrics != null || b.regressionFairnessMetrics != null) {
            ws = new WindowSpec(spec, b.regressionMetrics != null ? b.regressionMetrics : ws.regressionMetrics(),
                    b.regressionFairnessMetrics != null ? b.regressionFairnessMetrics : ws.regressionFairnessMetrics());
        }
        this.windowSpec = ws;
        this.positionBias = b.positionBias == null ? PositionBias.logarithmic() : b.positionBias;
        this.windowing = b.windowing;
        this.bins = b.scoreBins == null ? 0 : b.scoreBins;
        this.smoothing = b.smoothing == null ? PsiSmoothing.EPSILON_1E_4 : b.smoothing;
        this.checks = b.checks == null ? List.of() : b.checks;
        this.dedup = new Deduplication.State(b.dedup == null ? Deduplication.untilCleared() : b.dedup);
        this.retain = b.retain == null ? 1000 : b.retain;
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.comparisonLevel = b.comparisonLevel;
        this.referenceWindow = b.referenceWindow == null ? 0 : b.referenceWindow;
        this.history = b.history;
        this.modelVersion = Optional.ofNullable(b.modelVersion);
        if (b.baseline != null) {
            this.weighted = b.baseline.hasWeights();
            this.baseline = BinaryWindowTally.of(b.baseline, spec.groupBy(), bins, "baseline").counts();
        }
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return what each window computes */
    public EvaluationSpec spec() {
        return spec;
    }

    /** @return the task of the model monitored (the kind of batch {@code accept} takes) */
    public Task task() {
        return task;
    }

    /** @return what each window derives, with the regression metrics of regression windows */
    public WindowSpec windowSpec() {
        return windowSpec;
    }

    /** Accepts a batch whose event time is the clock's now. */
    public List<WindowResult> accept(FairnessData batch) {
        return accept(batch, clock.instant());
    }

    /**
     * Accepts a batch of predictions.
     *
     * @param batch the rows, with the grouping's sensitive features (and scores when score bins are set)
     * @param eventTime when the predictions were made (places the batch in a time pane)
     * @return the windows this batch closed, in order (usually none or one)
     * @throws IllegalArgumentException if the batch lacks a feature or scores, or its weighting differs from the
     *     first batch's
     */
    public List<WindowResult> accept(FairnessData batch, Instant eventTime) {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(eventTime, "eventTime");
        requireTask(Task.BINARY, "FairnessData");
        long b = batches;
        WindowTally t = BinaryWindowTally.of(batch, spec.groupBy(), bins, "batch " + b);
        requireWeighting(b, batch.hasWeights());
        return place(t, eventTime, () -> fingerprint(batch));
    }

    /** Accepts a regression model's batch whose event time is the clock's now. */
    public List<WindowResult> accept(RegressionData batch) {
        return accept(batch, clock.instant());
    }

    /**
     * Accepts a batch of a regression model's predictions (a monitor built with {@code task(Task.REGRESSION)}).
     *
     * @param batch the rows, with the grouping's sensitive features
     * @param eventTime when the predictions were made
     * @return the windows this batch closed, in order
     * @throws IllegalArgumentException if the monitor watches another task, the batch lacks a feature, or its
     *     weighting differs from the first batch's
     */
    public List<WindowResult> accept(RegressionData batch, Instant eventTime) {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(eventTime, "eventTime");
        requireTask(Task.REGRESSION, "RegressionData");
        long b = batches;
        WindowTally t = RegressionWindowTally.of(batch, spec.groupBy(), "batch " + b);
        requireWeighting(b, batch.hasWeights());
        return place(t, eventTime, () -> fingerprint(batch));
    }

    /** Accepts a multiclass classifier's batch whose event time is the clock's now. */
    public List<WindowResult> accept(MulticlassData batch) {
        return accept(batch, clock.instant());
    }

    /**
     * Accepts a batch of a multiclass classifier's predictions (a monitor built with {@code task(Task.MULTICLASS)}).
     *
     * @param batch the rows, with the grouping's sensitive features
     * @param eventTime when the predictions were made
     * @return the windows this batch closed, in order
     * @throws IllegalArgumentException if the monitor watches another task, the batch lacks a feature, or its
     *     weighting differs from the first batch's
     */
    public List<WindowResult> accept(MulticlassData batch, Instant eventTime) {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(eventTime, "eventTime");
        requireTask(Task.MULTICLASS, "MulticlassData");
        long b = batches;
        WindowTally t = MulticlassWindowTally.of(batch, spec.groupBy(), "batch " + b);
        FairnessData base = batch.oneVsRest(batch.classes().get(0));
        requireWeighting(b, base.hasWeights());
        return place(t, eventTime, () -> digest(BatchDigests.of(batch, base, spec.groupBy())));
    }

    /** Accepts a batch of rankings whose event time is the clock's now. */
    public List<WindowResult> accept(List<Ranking> batch) {
        return accept(batch, clock.instant());
    }

    /**
     * Accepts a batch of rankings, one per query (a monitor built with {@code task(Task.RANKING)}): each is evaluated
     * under the monitor's {@link Builder#positionBias position bias}, and its exposure sums join the window's.
     *
     * @param batch the rankings, each grouping its items by exactly the monitor's {@code groupBy} features
     * @param eventTime when the rankings were served
     * @return the windows this batch closed, in order
     * @throws IllegalArgumentException if the monitor watches another task, a ranking groups by other features, or
     *     the rankings disagree on relevance
     */
    public List<WindowResult> accept(List<Ranking> batch, Instant eventTime) {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(eventTime, "eventTime");
        requireTask(Task.RANKING, "a list of Ranking");
        long b = batches;
        List<RankingReport> reports = new ArrayList<>();
        for (Ranking r : batch) {
            reports.add(RankingFairness.of(r).positionBias(positionBias).evaluate());
        }
        WindowTally t = RankingWindowTally.of(reports, spec.groupBy(), "batch " + b);
        requireWeighting(b, false);
        return place(t, eventTime, () -> digest(BatchDigests.of(batch)));
    }

    private void requireTask(Task accepted, String what) {
        if (task != accepted) {
            throw new IllegalArgumentException("this monitor watches a " + task.id() + " model, but the batch is "
                    + what + " (a " + accepted.id() + " batch); build the monitor with task(Task."
                    + accepted.name() + ")");
        }
    }

    private void requireWeighting(long b, boolean batchWeighted) {
        if (weighted == null) {
            weighted = batchWeighted;
        } else if (weighted != batchWeighted) {
            throw new IllegalArgumentException("batch " + b + " is " + (batchWeighted ? "weighted" : "unweighted")
                    + " but earlier input (the baseline or the first batch) was "
                    + (weighted ? "weighted" : "unweighted") + "; every batch must agree");
        }
    }

    /** Places a batch's tally in its pane, closing the panes (and emitting the windows) it ends. */
    private List<WindowResult> place(WindowTally t, Instant eventTime, Runnable fingerprint) {
        long b = batches;
        List<WindowResult> out = new ArrayList<>();
        long paneIndex;
        if (windowing.isTime()) {
            paneIndex = Math.floorDiv(Duration.between(Instant.EPOCH, eventTime).toNanos(),
                    windowing.paneSpan().toNanos());
            boolean started = open != null || lastPane != Long.MIN_VALUE;
            long current = open != null ? open.index : lastPane;
            if (started && (open != null ? paneIndex < current : paneIndex <= current)) {
                late++;
                batches++;
                LOG.warn("batch {} at {} is late (its pane {} is closed; the latest pane is {}); dropped", b,
                        eventTime, paneIndex, current);
                return out;
            }
            if (started && paneIndex > current) {
                if (open != null) {
                    close(out);
                }
                long gap = paneIndex - current - 1;
                for (long j = 1; j <= Math.min(gap, windowing.panes()); j++) {
                    openPane(current + j);
                    close(out);
                }
            }
        } else {
            paneIndex = b / windowing.batchesPerPane();
        }
        if (open == null) {
            openPane(paneIndex);
        }
        open.tally = open.tally.merge(t);
        fingerprint.run();
        if (open.firstBatch < 0) {
            open.firstBatch = b;
        }
        open.lastBatch = b;
        open.batchCount++;
        batches++;
        if (!windowing.isTime() && open.batchCount == windowing.batchesPerPane()) {
            close(out);
        }
        return out;
    }

    /**
     * Closes the open pane (end of input, or a time pane whose end has passed without a later batch).
     *
     * @return the windows it closed
     */
    public List<WindowResult> flush() {
        List<WindowResult> out = new ArrayList<>();
        if (open != null) {
            close(out);
        }
        return out;
    }

    private void openPane(long index) {
        open = new Pane(index, emptyTally());
        // A window is the last `panes` panes: the one starting at this pane takes its rows and those of later panes.
        boolean w = weighted != null && weighted;
        switch (task) {
            case BINARY -> fingerprints.addLast(Fingerprint.Rows.binary(bins > 0, w, spec.groupBy()));
            case REGRESSION -> fingerprints.addLast(Fingerprint.Rows.regression(w, spec.groupBy()));
            default -> digests.addLast(Fingerprint.sha256());
        }
    }

    /** Feeds a regression batch's evaluated columns to the fingerprint of every window that will hold the open pane. */
    private void fingerprint(RegressionData batch) {
        List<SensitiveFeature> features = new ArrayList<>();
        for (String f : spec.groupBy()) {
            features.add(batch.sensitive(f));
        }
        String[] levels = new String[features.size()];
        List<String> row = Arrays.asList(levels);
        for (int i = 0; i < batch.rows(); i++) {
            for (int j = 0; j < levels.length; j++) {
                levels[j] = features.get(j).level(i);
            }
            for (Fingerprint.Rows f : fingerprints) {
                f.acceptRegression(batch.target(i), batch.prediction(i), batch.weight(i), row);
            }
        }
    }

    /** Feeds a batch's fingerprint to the digest of every window that will hold the open pane. */
    private void digest(String batchFingerprint) {
        byte[] bytes = (batchFingerprint + "\n").getBytes(StandardCharsets.UTF_8);
        for (MessageDigest d : digests) {
            d.update(bytes);
        }
    }

    /** Feeds a batch's evaluated columns to the fingerprint of every window that will hold the open pane. */
    private void fingerprint(FairnessData batch) {
        List<SensitiveFeature> features = new ArrayList<>();
        for (String f : spec.groupBy()) {
            features.add(batch.sensitive(f));
        }
        String[] levels = new String[features.size()];
        List<String> row = Arrays.asList(levels);
        for (int i = 0; i < batch.rows(); i++) {
            for (int j = 0; j < levels.length; j++) {
                levels[j] = features.get(j).level(i);
            }
            double score = bins > 0 ? batch.score(i) : Double.NaN;
            for (Fingerprint.Rows f : fingerprints) {
                f.accept(batch.label(i), batch.prediction(i), score, batch.weight(i), row);
            }
        }
    }

    private WindowTally emptyTally() {
        return task == Task.BINARY ? BinaryWindowTally.empty(spec.groupBy(), weighted != null && weighted, bins)
                : WindowTally.empty(task, spec.groupBy());
    }

    private void close(List<WindowResult> out) {
        Pane p = open;
        open = null;
        lastPane = p.index;
        closed.addLast(p);
        while (closed.size() > windowing.panes()) {
            closed.removeFirst();
        }
        if (closed.size() < windowing.panes()) {
            return;
        }
        String fingerprint = task == Task.BINARY || task == Task.REGRESSION ? fingerprints.removeFirst().hex()
                : Fingerprint.hex(digests.removeFirst());
        WindowTally merged = emptyTally();
        long first = -1;
        long lastBatch = -1;
        for (Pane q : closed) {
            merged = merged.merge(q.tally);
            if (q.firstBatch >= 0) {
                first = first < 0 ? q.firstBatch : first;
                lastBatch = q.lastBatch;
            }
        }
        if (merged.isEmpty()) {
            return;
        }
        out.add(evaluate(merged, first, lastBatch, fingerprint));
    }

    private WindowResult evaluate(WindowTally tally, long firstBatch, long lastBatch, String fingerprint) {
        long index = emitted++;
        Optional<Instant> start = Optional.empty();
        Optional<Instant> end = Optional.empty();
        if (windowing.isTime()) {
            long span = windowing.paneSpan().toNanos();
            long lastPane = closed.peekLast().index;
            start = Optional.of(Instant.EPOCH.plusNanos((lastPane - windowing.panes() + 1) * span));
            end = Optional.of(Instant.EPOCH.plusNanos((lastPane + 1) * span));
        }
        List<String> notes = new ArrayList<>();
        EvaluationSpec s = spec;
        if (spec.reference().isPresent() && !tally.groupLevels().contains(spec.reference().get())) {
            s = spec.withReference(Optional.empty());
            notes.add("reference group " + spec.reference().get() + " has no rows in this window: derived without "
                    + "reference group");
        }
        String input = "monitor window " + index + " (" + windowing + ", batches " + firstBatch + ".." + lastBatch
                + ")";
        WindowResult w;
        String json;
        if (tally instanceof BinaryWindowTally binary) {
            GroupTally merged = binary.counts();
            Provenance provenance = new Provenance(Provenance.currentLibraryVersion(), SpecConfiguration.of(s,
                    merged.isWeighted(), input), merged.rows(), fingerprint, clock.instant());
            FairnessReport report = binary.fairnessReport(windowSpec.withSettings(s), provenance);
            List<DriftResult> drift = new ArrayList<>();
            if (bins > 0) {
                if (baseline == null) {
                    baseline = merged.copy();
                    notes.add("this window is the drift baseline");
                } else {
                    drift = drift(merged);
                }
            }
            Optional<FairnessComparison> sincePrevious = Optional.empty();
            Optional<FairnessComparison> sinceReference = Optional.empty();
            if (comparisonLevel != null) {
                GroupResults now = report.results();
                if (previousResults != null) {
                    sincePrevious = Optional.of(FairnessComparison.of(previousResults, now, comparisonLevel,
                            MultipleTesting.HOLM));
                }
                if (referenceResults != null) {
                    sinceReference = Optional.of(FairnessComparison.of(referenceResults, now, comparisonLevel,
                            MultipleTesting.HOLM));
                } else if (index == referenceWindow) {
                    referenceResults = now;
                    notes.add("this window is the reference of the window comparisons");
                }
                previousResults = now;
            }
            w = new WindowResult(index, firstBatch, lastBatch, start, end, merged.rows(), report.asTaskReport(),
                    Optional.of(report), drift, List.of(), List.of(), notes, sincePrevious, sinceReference);
            json = history != null ? ReportJson.toJson(report) : null;
        } else {
            Provenance provenance = new Provenance(Provenance.currentLibraryVersion(), configuration(s, input),
                    tally.size(), fingerprint, clock.instant());
            TaskReport report = tally.report(windowSpec.withSettings(s), provenance);
            w = new WindowResult(index, firstBatch, lastBatch, start, end, tally.size(), report, Optional.empty(),
                    List.of(), List.of(), List.of(), notes, Optional.empty(), Optional.empty());
            json = history != null ? WindowReports.toJson(report, s.reference(), task == Task.RANKING ? 0
                    : s.minGroupSize()) : null;
        }
        if (history != null) {
            History.Recording rec = History.Recording.of(monitorId + "/window-" + index, "monitor", json)
                    .withSettings(Map.of("windowing", windowing.toString(), "window", Long.toString(index)));
            history.record(modelVersion.isPresent() ? rec.withModelVersion(modelVersion.get()) : rec);
        }
        List<WindowFinding> findings = new ArrayList<>();
        WindowContext ctx = new WindowContext(w, List.copyOf(windows));
        for (WindowCheck c : checks) {
            findings.addAll(c.check(ctx));
        }
        List<Alert> alerts = dedup.apply(index, findings);
        w = w.with(findings, alerts);
        for (Alert a : alerts) {
            LOG.info("monitor alert: {}", a);
        }
        windows.addLast(w);
        while (windows.size() > retain) {
            windows.removeFirst();
        }
        return w;
    }

    /**
     * The provenance configuration of a window of another task than binary: the task, then the keys core writes
     * ({@link SpecConfiguration}) with the task's own metrics in place of the classification ones.
     */
    private Map<String, String> configuration(EvaluationSpec s, String input) {
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("task", task.id());
        conf.putAll(SpecConfiguration.of(s, weighted != null && weighted, input));
        switch (task) {
            case REGRESSION -> {
                conf.put("metrics", windowSpec.regressionMetrics().stream().map(RegressionMetric::id)
                        .collect(Collectors.joining(",")));
                conf.put("fairnessMetrics", windowSpec.regressionFairnessMetrics().stream()
                        .map(RegressionFairnessMetric::id).collect(Collectors.joining(",")));
            }
            case RANKING -> {
                conf.put("metrics", "exposure,exposure_per_relevance,click_through_per_relevance");
                conf.put("fairnessMetrics", "exposure_difference,exposure_ratio,disparate_treatment_ratio,"
                        + "disparate_impact_ratio");
                conf.put("positionBias", positionBias.describe());
            }
            default -> {
                // multiclass: the confusion metrics of the settings, per class and macro-averaged
            }
        }
        return conf;
    }

    private List<DriftResult> drift(GroupTally window) {
        List<DriftResult> out = new ArrayList<>();
        long[] baseAll = new long[bins];
        long[] winAll = new long[bins];
        for (Map.Entry<List<String>, long[]> e : window.scoreHistograms().entrySet()) {
            long[] base = baseline.scoreHistogram(e.getKey());
            long[] win = e.getValue();
            for (int i = 0; i < bins; i++) {
                baseAll[i] += base[i];
                winAll[i] += win[i];
            }
            out.add(driftOf(Optional.of(new GroupKey(spec.groupBy(), e.getKey())), base, win));
        }
        for (Map.Entry<List<String>, long[]> e : baseline.scoreHistograms().entrySet()) {
            if (!window.groupLevels().contains(e.getKey())) {
                for (int i = 0; i < bins; i++) {
                    baseAll[i] += e.getValue()[i];
                }
            }
        }
        out.add(driftOf(Optional.empty(), baseAll, winAll));
        return out;
    }

    private DriftResult driftOf(Optional<GroupKey> group, long[] base, long[] win) {
        long nb = Arrays.stream(base).sum();
        long nw = Arrays.stream(win).sum();
        MetricValue psi = DistributionDrift.populationStabilityIndex(base, win, smoothing);
        return new DriftResult(group, nb, nw, psi, nb > 0 && nw > 0
                ? Optional.of(DistributionDrift.chiSquaredHomogeneity(base, win)) : Optional.empty());
    }

    /** @return the retained window results, oldest first */
    public List<WindowResult> windows() {
        return List.copyOf(windows);
    }

    /** @return every alert event of the retained windows, in order */
    public List<Alert> alerts() {
        return windows.stream().flatMap(w -> w.alerts().stream()).toList();
    }

    /** @return how many findings de-duplication held back so far */
    public long suppressedFindings() {
        return dedup.suppressed();
    }

    /** @return how many batches were accepted, late ones included */
    public long batches() {
        return batches;
    }

    /** @return how many late batches were dropped */
    public long lateBatches() {
        return late;
    }

    /**
     * A disparity over the retained windows, by any id a window's {@link TaskReport#disparity(String)} answers: a
     * named one ({@code demographic_parity_ratio}, {@code exposure_ratio}, {@code bounded_group_loss_absolute},
     * {@code equal_opportunity_difference@urgent}) or a group metric's aggregate ({@code
     * mean_absolute_error.difference}, {@code macro_true_positive_rate.difference}). A window that cannot answer the
     * id has an undefined point saying so. Works for every task.
     */
    public List<SeriesPoint> series(String disparityId) {
        Objects.requireNonNull(disparityId, "disparityId");
        List<SeriesPoint> out = new ArrayList<>();
        for (WindowResult w : windows) {
            MetricValue v = w.taskReport().disparity(disparityId).map(d -> d.value()).orElseGet(() -> MetricValue
                    .undefined(disparityId + " is not reported in this window"));
            out.add(new SeriesPoint(w.index(), w.start(), w.end(), w.rows(), v));
        }
        return out;
    }

    /**
     * One group's value of a group metric over the retained windows, by the metric's id in the windows'
     * {@link TaskReport}s ({@code mean_absolute_error}, {@code exposure}, {@code macro_true_positive_rate},
     * {@code selection_rate}). Undefined where the window has no rows of the group or does not report the metric.
     */
    public List<SeriesPoint> series(String metricId, GroupKey group) {
        Objects.requireNonNull(metricId, "metricId");
        Objects.requireNonNull(group, "group");
        List<SeriesPoint> out = new ArrayList<>();
        for (WindowResult w : windows) {
            TaskReport r = w.taskReport();
            int g = r.groups().indexOf(group);
            MetricValue v = g < 0 ? MetricValue.undefined("no rows of " + group.describe() + " in this window")
                    : r.values(metricId).map(x -> x.value(g)).orElseGet(() -> MetricValue.undefined(metricId
                            + " is not reported in this window"));
            out.add(new SeriesPoint(w.index(), w.start(), w.end(), w.rows(), v));
        }
        return out;
    }

    /**
     * A quantity over the retained windows: any {@link Estimand} of the reports (binary windows; other tasks use
     * {@link #series(String)}). A group value of a window without
     * that group is undefined ("no rows in this window"); a quantity a window did not report is undefined too.
     */
    public List<SeriesPoint> series(Estimand estimand) {
        Objects.requireNonNull(estimand, "estimand");
        if (task != Task.BINARY) {
            throw new IllegalStateException("series(Estimand) reads binary reports, but this monitor watches a "
                    + task.id() + " model; use series(String id) or series(String metricId, GroupKey group)");
        }
        List<SeriesPoint> out = new ArrayList<>();
        for (WindowResult w : windows) {
            out.add(new SeriesPoint(w.index(), w.start(), w.end(), w.rows(), valueOf(w.report(), estimand)));
        }
        return out;
    }

    /** A group's metric over the retained windows (the metric need not be among the requested ones). */
    public List<SeriesPoint> series(GroupMetric metric, GroupKey group) {
        return series(Estimand.groupValue(metric, group));
    }

    /** A named fairness metric over the retained windows. */
    public List<SeriesPoint> series(FairnessMetric metric) {
        return series(Estimand.fairness(metric));
    }

    private static MetricValue valueOf(FairnessReport r, Estimand e) {
        Optional<GroupKey> g = e.group();
        if (g.isPresent() && !r.groups().contains(g.get())) {
            return MetricValue.undefined("no rows of " + g.get().describe() + " in this window");
        }
        switch (e.kind()) {
            case GROUP_VALUE:
                return r.value(Metrics.byId(e.metricId()), g.orElseThrow());
            case OVERALL_VALUE:
                return r.overall(Metrics.byId(e.metricId()));
            case FAIRNESS_METRIC:
                return r.fairness(FairnessMetric.byId(e.metricId())).value();
            default:
                MetricValue v = r.results().values().get(e);
                return v != null ? v : MetricValue.undefined(e + " is not reported in this window");
        }
    }

    @Override
    public String toString() {
        return "Monitor[" + String.join(" x ", spec.groupBy()) + ", " + windowing + ", " + batches + " batches, "
                + emitted + " windows, " + checks.size() + " checks]";
    }

    /**
     * Configures a {@link Monitor}. The evaluation of each window ({@code groupBy}, {@code metrics},
     * {@code fairnessMetrics}, {@code reference}, {@code minGroupSize}) is an {@link EvaluationSpec}, with its rules
     * and defaults: each setting is validated at once ({@link IllegalArgumentException}) and set once (a second call
     * throws {@link IllegalStateException}); a missing {@code groupBy} or {@code windowing} is an
     * {@link IllegalStateException} at {@link #build()}.
     */
    public static final class Builder {
        private final EvaluationSpec.Builder settings = EvaluationSpec.builder();
        private Windowing windowing;
        private Integer scoreBins;
        private PsiSmoothing smoothing;
        private FairnessData baseline;
        private List<WindowCheck> checks;
        private Deduplication dedup;
        private Integer retain;
        private Clock clock;
        private Double comparisonLevel;
        private Integer referenceWindow;
        private History history;
        private String modelVersion;
        private Task task;
        private List<RegressionMetric> regressionMetrics;
        private List<RegressionFairnessMetric> regressionFairnessMetrics;
        private PositionBias positionBias;

        private Builder() {
        }

        /**
         * The task of the model monitored (default {@link Task#BINARY}): which batches {@code accept} takes and which
         * {@link WindowTally} the windows keep. Score bins, a drift baseline and window comparisons are for binary
         * windows only.
         */
        public Builder task(Task t) {
            InputErrors.requireUnset(task, "task");
            task = Objects.requireNonNull(t, "task");
            return this;
        }

        /** The regression group metrics of regression windows (default {@code RegressionMetrics.defaults()}). */
        public Builder regressionMetrics(RegressionMetric... m) {
            InputErrors.requireUnset(regressionMetrics, "regressionMetrics");
            if (m.length == 0) {
                throw InputErrors.badSetting("regressionMetrics", "nothing", "at least one metric");
            }
            regressionMetrics = List.of(m);
            return this;
        }

        /** The named regression fairness metrics of regression windows (default: all). */
        public Builder regressionFairnessMetrics(RegressionFairnessMetric... m) {
            InputErrors.requireUnset(regressionFairnessMetrics, "regressionFairnessMetrics");
            regressionFairnessMetrics = List.of(m);
            return this;
        }

        /** The attention model of ranking windows (default {@link PositionBias#logarithmic()}). */
        public Builder positionBias(PositionBias b) {
            InputErrors.requireUnset(positionBias, "positionBias");
            positionBias = Objects.requireNonNull(b, "positionBias");
            return this;
        }

        /**
         * Compares every window with the previous window and with a fixed reference window
         * ({@link WindowResult#sincePrevious()}, {@link WindowResult#sinceReference()}): every group metric and named
         * fairness metric's change with its interval at {@code level}, beyond chance or not after Holm's correction
         * ({@link FairnessComparison}; windows are taken as independent samples, which sliding windows sharing panes
         * are not: compare tumbling windows for a valid test). Default: no comparisons.
         */
        public Builder compareWindows(double level) {
            InputErrors.requireUnset(comparisonLevel, "compareWindows");
            if (!(level > 0 && level < 1)) {
                throw InputErrors.badSetting("compareWindows level", level, "in (0, 1)");
            }
            comparisonLevel = level;
            return this;
        }

        /** The index of the window every later window is compared with (default 0: the first emitted window). */
        public Builder referenceWindow(int index) {
            InputErrors.requireUnset(referenceWindow, "referenceWindow");
            if (index < 0) {
                throw InputErrors.badSetting("referenceWindow", index, ">= 0");
            }
            referenceWindow = index;
            return this;
        }

        /**
         * Records every window's report in a run history (kind {@code monitor}, run id {@code MONITOR-ID/window-N}),
         * labelled with a model version when not null.
         */
        public Builder history(History h, String modelVersionLabel) {
            InputErrors.requireUnset(history, "history");
            history = Objects.requireNonNull(h, "history");
            modelVersion = modelVersionLabel;
            return this;
        }

        /** The sensitive features to group by (required). */
        public Builder groupBy(String... features) {
            settings.groupBy(features);
            return this;
        }

        /** The group metrics (default {@link Metrics#defaults()}). */
        public Builder metrics(GroupMetric... m) {
            settings.metrics(m);
            return this;
        }

        /** The named fairness metrics (default {@link EvaluationSpec#defaultFairnessMetrics}). */
        public Builder fairnessMetrics(FairnessMetric... f) {
            settings.fairnessMetrics(f);
            return this;
        }

        /** The reference group, one level per feature. */
        public Builder reference(String... levels) {
            settings.reference(levels);
            return this;
        }

        /** Groups with fewer rows in a window are flagged and left out of its disparities (default 0). */
        public Builder minGroupSize(int n) {
            settings.minGroupSize(n);
            return this;
        }

        /** The windows (required). */
        public Builder windowing(Windowing w) {
            InputErrors.requireUnset(windowing, "windowing");
            windowing = Objects.requireNonNull(w, "windowing");
            return this;
        }

        /** Equal-width score bins on [0, 1] for drift tests (default 0: no drift tests; batches then need no scores). */
        public Builder scoreBins(int n) {
            InputErrors.requireUnset(scoreBins, "scoreBins");
            if (n < 2) {
                throw InputErrors.badSetting("scoreBins", n, ">= 2");
            }
            scoreBins = n;
            return this;
        }

        /** Empty-bin treatment of the PSI (default {@link PsiSmoothing#EPSILON_1E_4}). */
        public Builder psiSmoothing(PsiSmoothing s) {
            InputErrors.requireUnset(smoothing, "psiSmoothing");
            smoothing = Objects.requireNonNull(s, "psiSmoothing");
            return this;
        }

        /** The drift baseline (default: the first window). */
        public Builder baseline(FairnessData data) {
            InputErrors.requireUnset(baseline, "baseline");
            baseline = Objects.requireNonNull(data, "baseline");
            return this;
        }

        /** The checks run on every window. */
        public Builder checks(WindowCheck... c) {
            InputErrors.requireUnset(checks, "checks");
            checks = List.of(c);
            return this;
        }

        /** How findings become alerts (default {@link Deduplication#untilCleared()}). */
        public Builder deduplication(Deduplication d) {
            InputErrors.requireUnset(dedup, "deduplication");
            dedup = Objects.requireNonNull(d, "deduplication");
            return this;
        }

        /** How many window results to keep for {@link Monitor#series} and checks (default 1000), {@code >= 1}. */
        public Builder retainWindows(int n) {
            InputErrors.requireUnset(retain, "retainWindows");
            if (n < 1) {
                throw InputErrors.badSetting("retainWindows", n, ">= 1");
            }
            retain = n;
            return this;
        }

        /** The clock of report provenance and of {@link Monitor#accept(FairnessData)} (default system UTC). */
        public Builder clock(Clock c) {
            InputErrors.requireUnset(clock, "clock");
            clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /**
         * @return the monitor
         * @throws IllegalStateException if groupBy or windowing is missing
         * @throws IllegalArgumentException if the settings are inconsistent (a baseline without score bins, a
         *     reference of another length than groupBy)
         */
        public Monitor build() {
            EvaluationSpec spec = settings.build();
            if (windowing == null) {
                throw InputErrors.missingSetting("windowing", "a monitor evaluates windows of batches");
            }
            if (referenceWindow != null && comparisonLevel == null) {
                throw new IllegalArgumentException("a reference window is only used by window comparisons; set "
                        + "compareWindows(level)");
            }
            if (baseline != null && scoreBins == null) {
                throw new IllegalArgumentException("a baseline is only used by drift tests; set scoreBins(...)");
            }
            Task t = task == null ? Task.BINARY : task;
            if (t != Task.BINARY && (scoreBins != null || comparisonLevel != null)) {
                throw new IllegalArgumentException("score drift (scoreBins, baseline) and window comparisons "
                        + "(compareWindows) are for binary windows; this monitor watches a " + t.id() + " model");
            }
            if (t != Task.REGRESSION && (regressionMetrics != null || regressionFairnessMetrics != null)) {
                throw new IllegalArgumentException("regression metrics are for a regression monitor; set "
                        + "task(Task.REGRESSION)");
            }
            if (t != Task.RANKING && positionBias != null) {
                throw new IllegalArgumentException("a position bias is for a ranking monitor; set task(Task.RANKING)");
            }
            return new Monitor(this, spec);
        }
    }
}
