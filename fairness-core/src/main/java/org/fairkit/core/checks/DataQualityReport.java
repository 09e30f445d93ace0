package org.fairkit.core.checks;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.fairkit.core.Severity;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.GroupValues;

/**
 * The result of {@link DataQuality#check}: the findings (most severe first), which checks ran, and what they measured.
 * {@link #passes(Severity)} is the gate. Immutable.
 */
public final class DataQualityReport {
    private final List<Finding> findings;
    private final List<DataCheck> checked;
    private final List<GroupKey> groups;
    private final int[] size;
    private final Optional<MissingProfile> missing;
    private final List<ProxyScore> proxies;
    private final Optional<GroupValues> baseRates;

    DataQualityReport(List<Finding> findings, List<DataCheck> checked, List<GroupKey> groups, int[] size,
            Optional<MissingProfile> missing, List<ProxyScore> proxies, Optional<GroupValues> baseRates) {
        this.findings = List.copyOf(findings);
        this.checked = List.copyOf(checked);
        this.groups = List.copyOf(groups);
        this.size = size.clone();
        this.missing = missing;
        this.proxies = List.copyOf(proxies);
        this.baseRates = baseRates;
    }

    /** @return every finding, CRITICAL first, then WARNING, then INFO; within a severity in check order */
    public List<Finding> findings() {
        return findings;
    }

    /** @return the findings at or above a severity */
    public List<Finding> findings(Severity atLeast) {
        Objects.requireNonNull(atLeast, "atLeast");
        return findings.stream().filter(f -> f.severity().compareTo(atLeast) >= 0).toList();
    }

    /** @return the most severe finding's severity, empty when there is none */
    public Optional<Severity> worst() {
        return findings.isEmpty() ? Optional.empty() : Optional.of(findings.get(0).severity());
    }

    /** @return whether no finding is at or above {@code failAt} (a gate usually fails at CRITICAL) */
    public boolean passes(Severity failAt) {
        return findings(failAt).isEmpty();
    }

    /** @return the checks that ran (a check without its input, e.g. labels, does not run) */
    public List<DataCheck> checked() {
        return checked;
    }

    /** @return the groups, in grouping order */
    public List<GroupKey> groups() {
        return groups;
    }

    /** @return the number of rows of group {@code g} */
    public int size(int g) {
        return size[g];
    }

    /** @return where values are missing, when features were checked */
    public Optional<MissingProfile> missingValues() {
        return missing;
    }

    /** @return each feature's association with the groups, when features were checked */
    public List<ProxyScore> proxies() {
        return proxies;
    }

    /** @return the label base rate per group (small groups marked, left out of aggregates), when labels were given */
    public Optional<GroupValues> baseRates() {
        return baseRates;
    }

    /** @return a summary line, then one line per finding */
    @Override
    public String toString() {
        long critical = findings.stream().filter(f -> f.severity() == Severity.CRITICAL).count();
        long warning = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
        long info = findings.size() - critical - warning;
        StringBuilder b = new StringBuilder("data quality: ").append(critical).append(" critical, ").append(warning)
                .append(" warning, ").append(info).append(" info; checked ")
                .append(checked.stream().map(DataCheck::id).collect(Collectors.joining(", ")))
                .append(" over ").append(groups.size()).append(" groups\n");
        for (Finding f : findings) {
            b.append("  ").append(f).append('\n');
        }
        return b.toString();
    }
}
