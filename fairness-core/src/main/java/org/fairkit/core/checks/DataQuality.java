package org.fairkit.core.checks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.fairkit.core.FairnessData;
import org.fairkit.core.Severity;
import org.fairkit.core.Threshold;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.group.Grouping;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.ZeroDivision;

/**
 * Data quality gates: checks of the data behind a fairness evaluation, each returning {@link Finding}s with a
 * severity, so that a pipeline can stop before it reports group metrics that the data cannot support.
 *
 * <ul>
 *   <li>{@link DataCheck#MIN_GROUP_SIZE}: a group with fewer than {@code warningBelow} rows (default 30) is a
 *       WARNING, fewer than {@code criticalBelow} (default 10) CRITICAL.</li>
 *   <li>{@link DataCheck#REPRESENTATION} (when a reference distribution is given): each group's share of the rows
 *       over its reference share; a ratio below 0.8 is a WARNING, below 0.5 (or a reference group with no row)
 *       CRITICAL. A plain ratio check, not a chi-squared goodness-of-fit test (fairness-core has no statistics
 *       dependency, and with large data any difference is "significant"); groups absent from the reference are
 *       INFO.</li>
 *   <li>{@link DataCheck#MISSING_VALUES} (when features are given): per feature, the spread of missing rates across
 *       groups, and the spread of the share of rows with any missing value (the rows a complete-case analysis drops);
 *       a gap of 0.05 is a WARNING, 0.20 CRITICAL.</li>
 *   <li>{@link DataCheck#BASE_RATE_GAP} (when labels are given): the spread of the share of positive labels; 0.10 is
 *       a WARNING, 0.20 CRITICAL.</li>
 *   <li>{@link DataCheck#PROXY} (when features are given): per feature, Cramér's V (categorical; Bergsma's
 *       bias-corrected V on request) or the correlation ratio η (numeric) with the groups, over the rows where the
 *       feature is present; 0.3 is a WARNING, 0.5 CRITICAL. Mutual information (nats and bits) is reported beside
 *       each categorical score.</li>
 * </ul>
 * Gaps compare only groups with at least {@code warningBelow} rows (small groups are already flagged, and their rates
 * are noise); with fewer than two such groups the gap check gives an INFO note instead. Rows are counted unweighted.
 * All thresholds are settings of {@link #builder()}; {@link #defaults()} uses the values above. A measured value
 * within {@code 1e-12 · max(1, |threshold|)} of a threshold counts as equal to it ({@link Threshold}): shares and gaps of counts that
 * are exactly the threshold (0.7 − 0.5 = 0.2) come out of floating point a few units in the last place away
 * ({@code 0.19999999999999996}). Immutable.
 */
public final class DataQuality {
    private final int sizeWarning;
    private final int sizeCritical;
    private final Map<String, Double> reference;
    private final double representationWarning;
    private final double representationCritical;
    private final double missingWarning;
    private final double missingCritical;
    private final double baseRateWarning;
    private final double baseRateCritical;
    private final double proxyWarning;
    private final double proxyCritical;
    private final boolean biasCorrected;

    private DataQuality(Builder b) {
        this.sizeWarning = b.sizeWarning;
        this.sizeCritical = b.sizeCritical;
        this.reference = b.reference;
        this.representationWarning = b.representationWarning;
        this.representationCritical = b.representationCritical;
        this.missingWarning = b.missingWarning;
        this.missingCritical = b.missingCritical;
        this.baseRateWarning = b.baseRateWarning;
        this.baseRateCritical = b.baseRateCritical;
        this.proxyWarning = b.proxyWarning;
        this.proxyCritical = b.proxyCritical;
        this.biasCorrected = b.biasCorrected;
    }

    /** @return the checks with their default thresholds and no reference distribution */
    public static DataQuality defaults() {
        return builder().build();
    }

    /** @return a builder of thresholds, starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks the data's groups and labels, and the features when given.
     *
     * @param data labels and sensitive features (predictions are not used)
     * @param features features of the same rows, or {@code null} to skip the missing-value and proxy checks
     * @param groupBy the sensitive features to group by (their intersection)
     * @throws IllegalArgumentException if a feature name is unknown or the row counts differ
     */
    public DataQualityReport check(FairnessData data, FeatureTable features, String... groupBy) {
        Objects.requireNonNull(data, "data");
        if (groupBy.length == 0) {
            throw new IllegalArgumentException("groupBy needs at least one sensitive feature; the data has "
                    + data.sensitiveNames());
        }
        int[] labels = new int[data.rows()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = data.label(i);
        }
        return check(data.grouping(List.of(groupBy)), features, labels);
    }

    /**
     * Checks a grouping, and the features and labels when given.
     *
     * @param grouping each row's group
     * @param features features of the same rows, or {@code null}
     * @param labels 0/1 labels of the same rows, or {@code null} to skip the base-rate check
     * @throws IllegalArgumentException if the row counts differ or a label is not 0 or 1
     */
    public DataQualityReport check(Grouping grouping, FeatureTable features, int[] labels) {
        Objects.requireNonNull(grouping, "grouping");
        int n = grouping.rows();
        if (features != null && features.rows() != n) {
            throw InputErrors.lengthMismatch("features", features.rows(), "grouping " + grouping.features(), n);
        }
        if (labels != null) {
            if (labels.length != n) {
                throw InputErrors.lengthMismatch("labels", labels.length, "grouping " + grouping.features(), n);
            }
            for (int i = 0; i < n; i++) {
                if (labels[i] != 0 && labels[i] != 1) {
                    throw InputErrors.badValue("labels", i, labels[i], "0 or 1");
                }
            }
        }
        List<GroupKey> groups = grouping.groups();
        int[] size = new int[groups.size()];
        for (int i = 0; i < n; i++) {
            size[grouping.groupOf(i)]++;
        }
        List<Finding> findings = new ArrayList<>();
        List<DataCheck> checked = new ArrayList<>();
        checked.add(DataCheck.MIN_GROUP_SIZE);
        groupSizes(groups, size, findings);
        if (reference != null) {
            checked.add(DataCheck.REPRESENTATION);
            representation(groups, size, n, findings);
        }
        MissingProfile missing = null;
        List<ProxyScore> proxies = List.of();
        if (features != null) {
            checked.add(DataCheck.MISSING_VALUES);
            missing = MissingProfile.of(features, grouping);
            missingValues(missing, size, findings);
            checked.add(DataCheck.PROXY);
            proxies = proxies(features, grouping, findings);
        }
        GroupValues baseRates = null;
        if (labels != null) {
            checked.add(DataCheck.BASE_RATE_GAP);
            baseRates = baseRates(groups, size, grouping, labels, findings);
        }
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort((a, b) -> b.severity().compareTo(a.severity()) != 0 ? b.severity().compareTo(a.severity())
                : a.check().compareTo(b.check()));
        return new DataQualityReport(sorted, checked, groups, size, Optional.ofNullable(missing), proxies,
                Optional.ofNullable(baseRates));
    }

    private static Finding finding(DataCheck check, Severity severity, GroupKey group, String feature,
            double measured, double threshold, String message) {
        return new Finding(check, severity, Optional.ofNullable(group), Optional.ofNullable(feature),
                Double.isNaN(measured) ? OptionalDouble.empty() : OptionalDouble.of(measured),
                Double.isNaN(threshold) ? OptionalDouble.empty() : OptionalDouble.of(threshold), message);
    }

    private void groupSizes(List<GroupKey> groups, int[] size, List<Finding> out) {
        for (int g = 0; g < size.length; g++) {
            if (size[g] < sizeCritical) {
                out.add(finding(DataCheck.MIN_GROUP_SIZE, Severity.CRITICAL, groups.get(g), null, size[g], sizeCritical,
                        size[g] + " rows, fewer than " + sizeCritical + ": no rate of this group can be trusted"));
            } else if (size[g] < sizeWarning) {
                out.add(finding(DataCheck.MIN_GROUP_SIZE, Severity.WARNING, groups.get(g), null, size[g], sizeWarning,
                        size[g] + " rows, fewer than " + sizeWarning + ": this group's rates have wide intervals"));
            }
        }
    }

    private void representation(List<GroupKey> groups, int[] size, int n, List<Finding> out) {
        double total = reference.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Integer> byLabel = new LinkedHashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            byLabel.put(groups.get(g).label(), g);
        }
        for (Map.Entry<String, Double> e : reference.entrySet()) {
            double q = e.getValue() / total;
            Integer g = byLabel.get(e.getKey());
            if (q == 0) {
                continue;
            }
            if (g == null) {
                out.add(finding(DataCheck.REPRESENTATION, Severity.CRITICAL, null, null, 0, representationCritical,
                        String.format(Locale.ROOT, "group '%s' has share %.4f in the reference distribution but no "
                                + "row in the data", e.getKey(), q)));
                continue;
            }
            double p = (double) size[g] / n;
            double ratio = p / q;
            Severity s = !reaches(ratio, representationCritical) ? Severity.CRITICAL
                    : !reaches(ratio, representationWarning) ? Severity.WARNING : null;
            if (s != null) {
                double threshold = s == Severity.CRITICAL ? representationCritical : representationWarning;
                out.add(finding(DataCheck.REPRESENTATION, s, groups.get(g), null, ratio, threshold,
                        String.format(Locale.ROOT, "share %.4f of the rows (n = %d) against %.4f in the reference: "
                                + "ratio %.3f < %s", p, size[g], q, ratio, threshold)));
            }
        }
        for (int g = 0; g < groups.size(); g++) {
            Double q = reference.get(groups.get(g).label());
            if (q == null || q == 0) {
                out.add(finding(DataCheck.REPRESENTATION, Severity.INFO, groups.get(g), null, Double.NaN, Double.NaN,
                        "group '" + groups.get(g).label() + "' (" + size[g] + " rows) has no share in the reference "
                                + "distribution " + reference.keySet() + "; not checked"));
            }
        }
    }

    private List<Integer> eligible(int[] size) {
        List<Integer> out = new ArrayList<>();
        for (int g = 0; g < size.length; g++) {
            if (size[g] >= sizeWarning) {
                out.add(g);
            }
        }
        return out;
    }

    private Finding notAssessed(DataCheck check, String feature, int eligible) {
        return finding(check, Severity.INFO, null, feature, Double.NaN, Double.NaN, "not assessed: " + eligible
                + (eligible == 1 ? " group has" : " groups have") + " at least " + sizeWarning
                + " rows; a gap needs two");
    }

    private void missingValues(MissingProfile profile, int[] size, List<Finding> out) {
        List<Integer> ok = eligible(size);
        if (ok.size() < 2) {
            out.add(notAssessed(DataCheck.MISSING_VALUES, null, ok.size()));
            return;
        }
        for (String f : profile.features()) {
            gap(DataCheck.MISSING_VALUES, f, ok, g -> profile.missingRate(f, g), profile.groups(), size,
                    missingWarning, missingCritical, "'" + f + "' is missing in", "", out);
        }
        if (profile.features().size() > 1) {
            gap(DataCheck.MISSING_VALUES, null, ok, profile::incompleteRate, profile.groups(), size, missingWarning,
                    missingCritical, "some feature is missing in", "; dropping incomplete rows would remove the groups "
                            + "unevenly", out);
        }
    }

    private GroupValues baseRates(List<GroupKey> groups, int[] size, Grouping grouping, int[] labels,
            List<Finding> out) {
        long[] positives = new long[size.length];
        long all = 0;
        for (int i = 0; i < labels.length; i++) {
            positives[grouping.groupOf(i)] += labels[i];
            all += labels[i];
        }
        List<MetricValue> values = new ArrayList<>();
        List<String> small = new ArrayList<>();
        for (int g = 0; g < size.length; g++) {
            values.add(MetricValue.of((double) positives[g] / size[g]));
            small.add(size[g] < sizeWarning ? size[g] + " rows < " + sizeWarning : null);
        }
        GroupValues rates = new GroupValues("base_rate", groups, values, small,
                MetricValue.of((double) all / labels.length), ZeroDivision.UNDEFINED);
        List<Integer> ok = eligible(size);
        if (ok.size() < 2) {
            out.add(notAssessed(DataCheck.BASE_RATE_GAP, null, ok.size()));
        } else {
            gap(DataCheck.BASE_RATE_GAP, null, ok, g -> (double) positives[g] / size[g], groups, size, baseRateWarning,
                    baseRateCritical, "positive labels in", "; with unequal base rates, calibration and equal error "
                            + "rates cannot both hold (Kleinberg et al. 2016)", out);
        }
        return rates;
    }

    /** @return whether {@code value >= threshold}, ties as {@link Threshold} defines them */
    static boolean reaches(double value, double threshold) {
        return Threshold.atLeast(threshold).isMetBy(value);
    }

    /** A max − min gap over the eligible groups, as a finding on the group with the largest value. */
    private static void gap(DataCheck check, String feature, List<Integer> ok,
            java.util.function.IntToDoubleFunction rate, List<GroupKey> groups, int[] size, double warning,
            double critical, String what, String why, List<Finding> out) {
        int max = ok.get(0);
        int min = ok.get(0);
        for (int g : ok) {
            if (rate.applyAsDouble(g) > rate.applyAsDouble(max)) {
                max = g;
            }
            if (rate.applyAsDouble(g) < rate.applyAsDouble(min)) {
                min = g;
            }
        }
        double gap = rate.applyAsDouble(max) - rate.applyAsDouble(min);
        Severity s = reaches(gap, critical) ? Severity.CRITICAL : reaches(gap, warning) ? Severity.WARNING : null;
        if (s == null) {
            return;
        }
        double threshold = s == Severity.CRITICAL ? critical : warning;
        out.add(finding(check, s, groups.get(max), feature, gap, threshold, String.format(Locale.ROOT,
                "%s %.1f%% of %s (n = %d) vs %.1f%% of %s (n = %d): a gap of %.3f >= %s%s", what,
                100 * rate.applyAsDouble(max), groups.get(max).label(), size[max], 100 * rate.applyAsDouble(min),
                groups.get(min).label(), size[min], gap, threshold, why)));
    }

    private List<ProxyScore> proxies(FeatureTable features, Grouping grouping, List<Finding> out) {
        List<ProxyScore> scores = new ArrayList<>();
        int groups = grouping.groupCount();
        for (String f : features.names()) {
            ProxyScore score;
            if (features.kind(f) == FeatureTable.Kind.CATEGORICAL) {
                int[] codes = features.codes(f);
                long[][] table = new long[features.levels(f).size()][groups];
                int rows = 0;
                for (int i = 0; i < codes.length; i++) {
                    if (codes[i] >= 0) {
                        table[codes[i]][grouping.groupOf(i)]++;
                        rows++;
                    }
                }
                DataQualityMetrics measure = biasCorrected ? DataQualityMetrics.CRAMERS_V_BIAS_CORRECTED
                        : DataQualityMetrics.CRAMERS_V;
                MetricValue v = biasCorrected ? Association.cramersVBiasCorrected(table) : Association.cramersV(table);
                score = new ProxyScore(f, FeatureTable.Kind.CATEGORICAL, measure, v,
                        Association.mutualInformation(table), rows);
            } else {
                double[] values = features.values(f);
                int rows = 0;
                for (double x : values) {
                    rows += Double.isNaN(x) ? 0 : 1;
                }
                double[] present = new double[rows];
                int[] codes = new int[rows];
                for (int i = 0, r = 0; i < values.length; i++) {
                    if (!Double.isNaN(values[i])) {
                        present[r] = values[i];
                        codes[r++] = grouping.groupOf(i);
                    }
                }
                score = new ProxyScore(f, FeatureTable.Kind.NUMERIC, DataQualityMetrics.CORRELATION_RATIO,
                        Association.correlationRatio(present, codes), MetricValue.undefined(
                                "mutual information of a numeric feature needs a binning"), rows);
            }
            scores.add(score);
            proxyFinding(score, out);
        }
        return Collections.unmodifiableList(scores);
    }

    private void proxyFinding(ProxyScore score, List<Finding> out) {
        String name = score.measure().info().name();
        if (!score.association().isDefined()) {
            out.add(finding(DataCheck.PROXY, Severity.INFO, null, score.feature(), Double.NaN, Double.NaN,
                    "not assessed: " + name + " is undefined (" + score.association().reason().orElseThrow() + ")"));
            return;
        }
        double v = score.association().value();
        Severity s = reaches(v, proxyCritical) ? Severity.CRITICAL
                : reaches(v, proxyWarning) ? Severity.WARNING : null;
        if (s == null) {
            return;
        }
        double threshold = s == Severity.CRITICAL ? proxyCritical : proxyWarning;
        String mi = score.mutualInformationNats().isDefined()
                ? String.format(Locale.ROOT, " (mutual information %.4f nats = %.4f bits)",
                        score.mutualInformationNats().value(), score.mutualInformationNats().value() / Math.log(2))
                : "";
        out.add(finding(DataCheck.PROXY, s, null, score.feature(), v, threshold, String.format(Locale.ROOT,
                "%s %.3f >= %s between '%s' and the groups over %d rows%s: the feature can stand in for the "
                        + "sensitive attribute", name, v, threshold, score.feature(), score.rows(), mi)));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "DataQuality[group size warning < %d, critical < %d; representation %s; "
                + "missing-rate gap warning >= %s, critical >= %s; base-rate gap warning >= %s, critical >= %s; "
                + "proxy %s warning >= %s, critical >= %s]", sizeWarning, sizeCritical,
                reference == null ? "not checked" : "ratio warning < " + representationWarning + ", critical < "
                        + representationCritical + " against " + reference,
                missingWarning, missingCritical, baseRateWarning, baseRateCritical,
                biasCorrected ? "bias-corrected Cramér's V / η" : "Cramér's V / η", proxyWarning, proxyCritical);
    }

    /** Thresholds of the checks; each setting is validated at once and can be set once. */
    public static final class Builder {
        private int sizeWarning = 30;
        private int sizeCritical = 10;
        private Map<String, Double> reference;
        private double representationWarning = 0.8;
        private double representationCritical = 0.5;
        private double missingWarning = 0.05;
        private double missingCritical = 0.20;
        private double baseRateWarning = 0.10;
        private double baseRateCritical = 0.20;
        private double proxyWarning = 0.3;
        private double proxyCritical = 0.5;
        private boolean biasCorrected;
        private final java.util.Set<String> set = new java.util.HashSet<>();

        private Builder() {
        }

        private void once(String setting) {
            if (!set.add(setting)) {
                throw InputErrors.settingTwice(setting);
            }
        }

        private static void checkPair(String setting, double warning, double critical, boolean atLeast) {
            String got = "(" + number(warning) + ", " + number(critical) + ")";
            if (!(warning >= 0 && critical >= 0) || Double.isInfinite(warning) || Double.isInfinite(critical)) {
                throw InputErrors.badSetting(setting, got, "finite thresholds >= 0");
            }
            if (atLeast ? critical < warning : critical > warning) {
                throw InputErrors.badSetting(setting, got, "a critical threshold " + (atLeast ? ">=" : "<=")
                        + " the warning threshold");
            }
        }

        private static String number(double x) {
            return x == Math.rint(x) && !Double.isInfinite(x) ? String.valueOf((long) x) : String.valueOf(x);
        }

        /** Groups below {@code warningBelow} rows are a WARNING, below {@code criticalBelow} CRITICAL (30, 10). */
        public Builder minGroupSize(int warningBelow, int criticalBelow) {
            once("minGroupSize");
            checkPair("minGroupSize", warningBelow, criticalBelow, false);
            sizeWarning = warningBelow;
            sizeCritical = criticalBelow;
            return this;
        }

        /**
         * Enables the representation check against reference shares, keyed by group label ({@code GroupKey.label()},
         * e.g. {@code "Female"} or {@code "Black & Female"} for an intersection); shares are normalised to sum 1.
         * Reference groups are checked in sorted label order.
         *
         * @throws IllegalArgumentException if a share is negative or not finite, or all are 0
         */
        public Builder representation(Map<String, Double> referenceShares) {
            once("representation");
            Objects.requireNonNull(referenceShares, "referenceShares");
            double total = 0;
            for (Map.Entry<String, Double> e : referenceShares.entrySet()) {
                Double q = e.getValue();
                if (e.getKey() == null || q == null || !(q >= 0) || q.isInfinite()) {
                    throw InputErrors.badSetting("representation share of '" + e.getKey() + "'", q,
                            "a finite share >= 0");
                }
                total += q;
            }
            if (!(total > 0)) {
                throw InputErrors.badSetting("representation", referenceShares, "shares with a positive total");
            }
            reference = Collections.unmodifiableMap(new java.util.TreeMap<>(referenceShares)); // sorted: stable text
            return this;
        }

        /** Share ratios below {@code warningBelow} are a WARNING, below {@code criticalBelow} CRITICAL (0.8, 0.5). */
        public Builder representationRatio(double warningBelow, double criticalBelow) {
            once("representationRatio");
            checkPair("representationRatio", warningBelow, criticalBelow, false);
            representationWarning = warningBelow;
            representationCritical = criticalBelow;
            return this;
        }

        /** Missing-rate gaps of at least {@code warningAt} are a WARNING, {@code criticalAt} CRITICAL (0.05, 0.20). */
        public Builder missingRateGap(double warningAt, double criticalAt) {
            once("missingRateGap");
            checkPair("missingRateGap", warningAt, criticalAt, true);
            missingWarning = warningAt;
            missingCritical = criticalAt;
            return this;
        }

        /** Base-rate gaps of at least {@code warningAt} are a WARNING, {@code criticalAt} CRITICAL (0.10, 0.20). */
        public Builder baseRateGap(double warningAt, double criticalAt) {
            once("baseRateGap");
            checkPair("baseRateGap", warningAt, criticalAt, true);
            baseRateWarning = warningAt;
            baseRateCritical = criticalAt;
            return this;
        }

        /** Associations (V or η) of at least {@code warningAt} are a WARNING, {@code criticalAt} CRITICAL (0.3, 0.5).
         */
        public Builder proxyAssociation(double warningAt, double criticalAt) {
            once("proxyAssociation");
            checkPair("proxyAssociation", warningAt, criticalAt, true);
            proxyWarning = warningAt;
            proxyCritical = criticalAt;
            return this;
        }

        /** Uses Bergsma's bias-corrected Cramér's V for categorical features (default: the plain V). */
        public Builder biasCorrectedCramersV() {
            once("biasCorrectedCramersV");
            biasCorrected = true;
            return this;
        }

        /** @return the configured checks */
        public DataQuality build() {
            return new DataQuality(this);
        }
    }
}
