package org.fairkit.orchestration.monitor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.fairkit.core.Estimand;
import org.fairkit.core.EvaluationSpec;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.GroupResults;
import org.fairkit.core.Provenance;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.group.SensitiveFeature;
import org.fairkit.core.internal.Fingerprint;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.Metrics;
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

    private static final class Pane {
        final long index;
        final GroupTally tally;
        long firstBatch = -1;
        long lastBatch = -1;
        int batchCount;

        Pane(long index, GroupTally tally) {
            this.index = index;
            this.tally = tally;
        }
    }

    private Monitor(Builder b, EvaluationSpec spec) {
        this.spec = spec;
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
            this.baseline = tally(b.baseline, "baseline");
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
        long b = batches;
        GroupTally t = tally(batch, "batch " + b);
        if (weighted == null) {
            weighted = batch.hasWeights();
        } else if (weighted != batch.hasWeights()) {
            throw new IllegalArgumentException("batch " + b + " is " + (batch.hasWeights() ? "weighted" : "unweighted")
                    + " but earlier input (the baseline or the first batch) was "
                    + (weighted ? "weighted" : "unweighted") + "; every batch must agree");
        }
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
        open.tally.combine(t);
        fingerprint(batch);
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
        fingerprints.addLast(Fingerprint.Rows.binary(bins > 0, weighted != null && weighted, spec.groupBy()));
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

    private GroupTally emptyTally() {
        return GroupTally.create(spec.groupBy(), weighted != null && weighted, bins);
    }

    private GroupTally tally(FairnessData data, String what) {
        List<SensitiveFeature> features = new ArrayList<>();
        for (String f : spec.groupBy()) {
            try {
                features.add(data.sensitive(f));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
            }
        }
        if (bins > 0 && !data.hasScores()) {
            throw new IllegalArgumentException(what + " has no scores, but the monitor keeps score histograms "
                    + "(scoreBins = " + bins + ")");
        }
        GroupTally t = GroupTally.create(spec.groupBy(), data.hasWeights(), bins);
        String[] levels = new String[features.size()];
        for (int i = 0; i < data.rows(); i++) {
            for (int j = 0; j < levels.length; j++) {
                levels[j] = features.get(j).level(i);
            }
            t.accept(Arrays.asList(levels), data.label(i), data.prediction(i), data.weight(i),
                    data.hasScores() ? data.score(i) : Double.NaN);
        }
        return t;
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
        String fingerprint = fingerprints.removeFirst().hex();
        GroupTally merged = emptyTally();
        long first = -1;
        long lastBatch = -1;
        for (Pane q : closed) {
            merged.combine(q.tally);
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

    private WindowResult evaluate(GroupTally merged, long firstBatch, long lastBatch, String fingerprint) {
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
        if (spec.reference().isPresent() && !merged.groupLevels().contains(spec.reference().get())) {
            s = spec.withReference(Optional.empty());
            notes.add("reference group " + spec.reference().get() + " has no rows in this window: derived without "
                    + "reference group");
        }
        Provenance provenance = new Provenance(Provenance.currentLibraryVersion(), SpecConfiguration.of(s,
                merged.isWeighted(), "monitor window " + index + " (" + windowing + ", batches " + firstBatch + ".."
                        + lastBatch + ")"), merged.rows(), fingerprint, clock.instant());
        FairnessReport report = merged.report(s, provenance);
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
        WindowResult w = new WindowResult(index, firstBatch, lastBatch, start, end, merged.rows(), report, drift,
                List.of(), List.of(), notes, sincePrevious, sinceReference);
        if (history != null) {
            History.Recording rec = History.Recording.of(monitorId + "/window-" + index, "monitor",
                    ReportJson.toJson(report)).withSettings(Map.of("windowing", windowing.toString(),
                            "window", Long.toString(index)));
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
     * A quantity over the retained windows: any {@link Estimand} of the reports. A group value of a window without
     * that group is undefined ("no rows in this window"); a quantity a window did not report is undefined too.
     */
    public List<SeriesPoint> series(Estimand estimand) {
        Objects.requireNonNull(estimand, "estimand");
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

        private Builder() {
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
            return new Monitor(this, spec);
        }
    }
}
