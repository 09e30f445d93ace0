package org.fairkit.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.stats.GroupComparisons;

/**
 * Everything a document renders: the {@link FairnessReport}, the {@link AuditContext}, and the optional parts that
 * other modules produce (group comparisons, calibration curves, policy verdicts, mitigation results), plus the
 * thresholds the disparities are judged against. Derived analyses ({@link #adverseImpact()}, {@link #concerns()})
 * are computed once, at {@link Builder#build()}, so every document shows the same numbers.
 *
 * <pre>{@code
 * ReportContent content = ReportContent.builder(report, AuditContext.of("Lending audit", "5,000 applications", clock))
 *     .comparisons(GroupComparisons.of(report).compute())
 *     .calibration(CalibrationSeries.uniformBins(data, 10, "ethnicity"))
 *     .build();
 * }</pre>
 *
 * <p>Immutable.
 */
public final class ReportContent {
    private final FairnessReport report;
    private final AuditContext context;
    private final Optional<GroupComparisons> comparisons;
    private final List<CalibrationSeries> calibration;
    private final List<PolicyVerdictView> verdicts;
    private final List<MitigationSummary> mitigations;
    private final Map<FairnessMetric, DisparityThreshold> thresholds;
    private final AdverseImpact adverseImpact;
    private final List<Concern> concerns;
    private final Optional<Trend> trend;
    private final Optional<TradeOffView> tradeOff;

    private ReportContent(Builder b) {
        this.report = b.report;
        this.context = b.context;
        this.comparisons = Optional.ofNullable(b.comparisons);
        this.calibration = List.copyOf(b.calibration);
        this.verdicts = List.copyOf(b.verdicts);
        this.mitigations = List.copyOf(b.mitigations);
        Map<FairnessMetric, DisparityThreshold> t = new LinkedHashMap<>();
        for (FairnessMetric f : report.fairnessMetrics().keySet()) {
            t.put(f, b.thresholds.getOrDefault(f, DisparityThreshold.defaultFor(f)));
        }
        for (Map.Entry<FairnessMetric, DisparityThreshold> e : b.thresholds.entrySet()) {
            t.putIfAbsent(e.getKey(), e.getValue());
        }
        this.thresholds = java.util.Collections.unmodifiableMap(t);
        AdverseImpact.Basis basis = b.basis != null ? b.basis : AdverseImpact.Basis.HIGHEST_RATE;
        this.adverseImpact = AdverseImpact.of(report, basis);
        this.concerns = Concerns.rank(this);
        this.trend = b.history.isEmpty() ? Optional.empty() : Optional.of(Trend.of(b.history, report, thresholds));
        this.tradeOff = Optional.ofNullable(b.tradeOff);
    }

    /** Starts content for a report and its context. */
    public static Builder builder(FairnessReport report, AuditContext context) {
        return new Builder(report, context);
    }

    /** @return the fairness report */
    public FairnessReport report() {
        return report;
    }

    /** @return the document's context */
    public AuditContext context() {
        return context;
    }

    /** @return the significance tests against the reference group, if computed */
    public Optional<GroupComparisons> comparisons() {
        return comparisons;
    }

    /** @return the calibration curves per group (empty when the model has no scores) */
    public List<CalibrationSeries> calibration() {
        return calibration;
    }

    /** @return the policy verdicts, in the policy's order */
    public List<PolicyVerdictView> verdicts() {
        return verdicts;
    }

    /** @return the mitigation runs, in order */
    public List<MitigationSummary> mitigations() {
        return mitigations;
    }

    /**
     * @return the threshold of each disparity judged: every named fairness metric of the report (its threshold
     *     as set, else {@link DisparityThreshold#defaultFor}), then thresholds set for metrics the report
     *     computes on demand
     */
    public Map<FairnessMetric, DisparityThreshold> thresholds() {
        return thresholds;
    }

    /** @return the fairness–accuracy trade-off frontier of a mitigator's knob, if one was supplied */
    public Optional<TradeOffView> tradeOff() {
        return tradeOff;
    }

    /** @return the four-fifths analysis */
    public AdverseImpact adverseImpact() {
        return adverseImpact;
    }

    /** @return every concern, ranked (see {@link Concerns}) */
    public List<Concern> concerns() {
        return concerns;
    }

    /**
     * @return each named fairness metric over the earlier runs and this one, with the change since the last run;
     *     empty without {@link Builder#history(List) history}
     */
    public Optional<Trend> trend() {
        return trend;
    }

    /** @return the first {@code n} concerns */
    public List<Concern> topConcerns(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        return concerns.subList(0, Math.min(n, concerns.size()));
    }

    /** @return the title, the size of the report and the top concern, e.g. for logs and JShell */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("ReportContent[").append(context.title()).append(": ")
                .append(report.provenance().rows()).append(" rows, ").append(report.groups().size())
                .append(" groups, ").append(concerns.size()).append(concerns.size() == 1 ? " concern" : " concerns");
        if (!concerns.isEmpty()) {
            b.append("; first: ").append(concerns.get(0).headline());
        }
        return b.append(']').toString();
    }

    /** Configures {@link ReportContent}; each part can be set once. */
    public static final class Builder {
        private final FairnessReport report;
        private final AuditContext context;
        private GroupComparisons comparisons;
        private List<CalibrationSeries> calibration = List.of();
        private List<PolicyVerdictView> verdicts = List.of();
        private List<MitigationSummary> mitigations = List.of();
        private final Map<FairnessMetric, DisparityThreshold> thresholds = new LinkedHashMap<>();
        private AdverseImpact.Basis basis;
        private List<TrendRun> history = List.of();
        private TradeOffView tradeOff;
        private final List<String> set = new ArrayList<>();

        private Builder(FairnessReport report, AuditContext context) {
            this.report = Objects.requireNonNull(report, "report");
            this.context = Objects.requireNonNull(context, "context");
        }

        private void once(String name) {
            if (set.contains(name)) {
                throw InputErrors.settingTwice(name);
            }
            set.add(name);
        }

        /** The significance tests of {@code GroupComparisons}. */
        public Builder comparisons(GroupComparisons value) {
            once("comparisons");
            comparisons = Objects.requireNonNull(value, "comparisons");
            return this;
        }

        /** Calibration curves, one per group. */
        public Builder calibration(List<CalibrationSeries> series) {
            once("calibration");
            calibration = List.copyOf(series);
            return this;
        }

        /** Policy verdicts. */
        public Builder verdicts(List<PolicyVerdictView> value) {
            once("verdicts");
            verdicts = List.copyOf(value);
            return this;
        }

        /** Mitigation results. */
        public Builder mitigations(List<MitigationSummary> value) {
            once("mitigations");
            mitigations = List.copyOf(value);
            return this;
        }

        /**
         * Thresholds for named fairness metrics; metrics without one get {@link DisparityThreshold#defaultFor}.
         *
         * @throws IllegalArgumentException if a metric appears twice
         */
        public Builder thresholds(List<DisparityThreshold> value) {
            once("thresholds");
            for (DisparityThreshold t : value) {
                if (thresholds.put(t.metric(), t) != null) {
                    throw new IllegalArgumentException("thresholds: " + t.metric().id() + " appears twice");
                }
            }
            return this;
        }

        /**
         * Earlier runs of the same audit, for the trend section of the dashboard and the audit PDF and the "since
         * last run" changes of the summaries.
         *
         * @param runs the earlier runs, at least one, in time order (oldest first)
         * @throws IllegalArgumentException when empty or not in time order
         */
        public Builder history(List<TrendRun> runs) {
            once("history");
            if (runs.isEmpty()) {
                throw new IllegalArgumentException("history: expected at least one earlier run, got none");
            }
            for (int i = 1; i < runs.size(); i++) {
                if (runs.get(i).time().isBefore(runs.get(i - 1).time())) {
                    throw new IllegalArgumentException("history: runs must be oldest first; run " + i + " ("
                            + runs.get(i).label() + ", " + runs.get(i).time() + ") is before run " + (i - 1) + " ("
                            + runs.get(i - 1).label() + ", " + runs.get(i - 1).time() + ")");
                }
            }
            history = List.copyOf(runs);
            return this;
        }

        /** A fairness–accuracy trade-off frontier: documents gain a trade-off section with its chart. */
        public Builder tradeOff(TradeOffView value) {
            once("tradeOff");
            tradeOff = Objects.requireNonNull(value, "tradeOff");
            return this;
        }

        /** The basis of the four-fifths analysis (default {@link AdverseImpact.Basis#HIGHEST_RATE}). */
        public Builder adverseImpactBasis(AdverseImpact.Basis value) {
            once("adverseImpactBasis");
            basis = Objects.requireNonNull(value, "adverseImpactBasis");
            return this;
        }

        /**
         * @throws IllegalArgumentException for {@link AdverseImpact.Basis#REFERENCE} without a reference group
         */
        public ReportContent build() {
            return new ReportContent(this);
        }
    }
}
