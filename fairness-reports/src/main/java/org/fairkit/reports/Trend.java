package org.fairkit.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;

/**
 * Each named fairness metric over the earlier runs and this one, and its change since the last run: the documents'
 * trend section. Built by {@link ReportContent} from {@link ReportContent.Builder#history(List) the earlier runs}
 * (oldest first) and the current report, whose point is labelled {@value #CURRENT} at its evaluation time.
 *
 * <p>A run whose report did not compute a metric contributes an undefined point ("not measured in this run").
 * The change since the last run is {@code current − previous}; it is undefined, with the reason, when either value
 * is. Whether it is <b>worse</b> is judged by the threshold's {@link DisparityThreshold#severity severity} (the
 * distance from parity relative to the limit): worse when it grew, better when it shrank, unchanged within 1e-12.
 */
public final class Trend {
    /** The label of the current run's point. */
    public static final String CURRENT = "this run";

    /**
     * One run's value of one metric.
     *
     * @param time when the run was evaluated
     * @param label the run's label
     * @param value the value, or undefined with the reason
     * @param interval its interval, when estimated
     */
    public record Point(Instant time, String label, MetricValue value, Optional<Interval> interval) {
        /** Validates that every part is present. */
        public Point {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(interval, "interval");
        }
    }

    /** Whether a change moved away from parity. */
    public enum Direction {
        /** Further from parity (relative to the limit) than in the last run. */
        WORSE,
        /** Closer to parity. */
        BETTER,
        /** The same distance. */
        UNCHANGED,
        /** Either value is undefined. */
        UNKNOWN
    }

    /**
     * The change of one metric since the last run.
     *
     * @param metric the metric
     * @param previousLabel the last run's label
     * @param previous its value there
     * @param current its value now
     * @param change {@code current − previous}, or undefined with the reason
     * @param direction worse, better, unchanged, or unknown
     */
    public record Delta(FairnessMetric metric, String previousLabel, MetricValue previous, MetricValue current,
            MetricValue change, Direction direction) {
        /** Validates that every part is present. */
        public Delta {
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(previousLabel, "previousLabel");
            Objects.requireNonNull(previous, "previous");
            Objects.requireNonNull(current, "current");
            Objects.requireNonNull(change, "change");
            Objects.requireNonNull(direction, "direction");
        }

        /** @return e.g. {@code 0.742 → 0.701 (−0.041, worse)} or {@code undefined (reason)} */
        public String describe() {
            if (!change.isDefined()) {
                return "change undefined (" + change.reason().orElseThrow() + ")";
            }
            return String.format(Locale.ROOT, "%.3f \u2192 %.3f (%s%.3f, %s)", previous.value(), current.value(),
                    change.value() < 0 ? "\u2212" : "+", Math.abs(change.value()),
                    direction.name().toLowerCase(Locale.ROOT));
        }
    }

    private final Map<FairnessMetric, List<Point>> series;
    private final Map<FairnessMetric, Delta> deltas;
    private final Map<FairnessMetric, DisparityThreshold> thresholds;

    private Trend(Map<FairnessMetric, List<Point>> series, Map<FairnessMetric, Delta> deltas,
            Map<FairnessMetric, DisparityThreshold> thresholds) {
        this.series = series;
        this.deltas = deltas;
        this.thresholds = thresholds;
    }

    static Trend of(List<TrendRun> history, FairnessReport current, Map<FairnessMetric, DisparityThreshold> t) {
        Map<FairnessMetric, List<Point>> series = new LinkedHashMap<>();
        Map<FairnessMetric, Delta> deltas = new LinkedHashMap<>();
        TrendRun last = history.get(history.size() - 1);
        for (Map.Entry<FairnessMetric, DisparityThreshold> e : t.entrySet()) {
            FairnessMetric f = e.getKey();
            List<Point> points = new ArrayList<>();
            for (TrendRun run : history) {
                points.add(point(run.time(), run.label(), run.report(), f));
            }
            Point now = point(current.provenance().evaluatedAt(), CURRENT, current, f);
            points.add(now);
            series.put(f, List.copyOf(points));
            Point before = points.get(points.size() - 2);
            deltas.put(f, delta(f, last.label(), before.value(), now.value(), e.getValue()));
        }
        return new Trend(Collections.unmodifiableMap(series), Collections.unmodifiableMap(deltas), t);
    }

    private static Point point(Instant time, String label, FairnessReport r, FairnessMetric f) {
        if (!r.fairnessMetrics().containsKey(f)) {
            return new Point(time, label, MetricValue.undefined("not measured in this run"), Optional.empty());
        }
        Disparity d = r.fairness(f);
        return new Point(time, label, d.value(), d.interval());
    }

    static Delta delta(FairnessMetric f, String previousLabel, MetricValue previous, MetricValue current,
            DisparityThreshold threshold) {
        if (!previous.isDefined() || !current.isDefined()) {
            String reason = !previous.isDefined() ? "undefined in " + previousLabel + ": "
                    + previous.reason().orElseThrow() : "undefined in this run: " + current.reason().orElseThrow();
            return new Delta(f, previousLabel, previous, current, MetricValue.undefined(reason), Direction.UNKNOWN);
        }
        double before = threshold.severity(previous);
        double now = threshold.severity(current);
        Direction dir = Math.abs(now - before) <= 1e-12 || now == before ? Direction.UNCHANGED
                : now > before ? Direction.WORSE : Direction.BETTER;
        return new Delta(f, previousLabel, previous, current, MetricValue.of(current.value() - previous.value()),
                dir);
    }

    /** @return each metric's points, oldest first, the current run last */
    public Map<FairnessMetric, List<Point>> series() {
        return series;
    }

    /** @return each metric's change since the last run */
    public Map<FairnessMetric, Delta> sinceLastRun() {
        return deltas;
    }

    /** @return the thresholds the trend is drawn against */
    public Map<FairnessMetric, DisparityThreshold> thresholds() {
        return thresholds;
    }

    /** @return how many metrics got worse since the last run */
    public long worse() {
        return deltas.values().stream().filter(d -> d.direction() == Direction.WORSE).count();
    }

    /** @return the number of runs, this one included */
    public int runs() {
        return series.values().stream().findFirst().map(List::size).orElse(0);
    }

    @Override
    public String toString() {
        return "Trend[" + runs() + " runs, " + series.size() + " metrics, " + worse() + " worse since last run]";
    }
}
