package org.fairkit.orchestration.policy;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A data-quality measure of a policy rule: judged on the data behind the decisions (fairness-core's
 * {@code DataQuality} checks, {@code fairkit check-data}) by {@link Policy#evaluateData}, not on a fairness report.
 * {@link Policy#evaluate(java.util.List)} leaves these rules out ({@code min_group_size}, judged by both, is a
 * {@link Measure.MinGroupSize}). Each is judged per group of the rule's grouping ({@code for COL}), or of every
 * sensitive column's grouping when the rule names none.
 *
 * <ul>
 *   <li>{@code max_missing_rate <= t} (every feature) or {@code max_missing_rate.COLUMN <= t} (one feature): for each
 *       feature {@code f} and group {@code g}, the missing rate {@code m_g(f) / n_g}, a proportion with its
 *       {@linkplain org.fairkit.stats.proportion.ProportionInterval#WILSON Wilson} 95% interval; the rule holds when
 *       every (feature, group) cell meets it. The value reported is the largest rate.</li>
 *   <li>{@code max_proxy_strength <= t} or {@code max_proxy_strength.COLUMN <= t}: for each feature, its association
 *       with the grouping over the rows where the feature is present: Cramér's V
 *       {@code sqrt(χ² / (N (min(r, c) − 1)))} for a categorical feature, the correlation ratio
 *       {@code η = sqrt(Σ_g n_g (x̄_g − x̄)² / Σ_i (x_i − x̄)²)} for a numeric one (both in [0, 1]; see core's
 *       {@code Association}). Judged on the point estimate: no interval is computed for V or η, so under an interval
 *       evidence mode the rule is INCONCLUSIVE and says why.</li>
 *   <li>{@code representation_ratio >= t}: without reference shares, each group's rows over the largest group's,
 *       {@code r_g = n_g / n_max} (the value reported is the smallest, {@code n_min / n_max}); its interval comes from
 *       the Wilson interval {@code [a, b]} of {@code π = n_g / (n_g + n_max)} (conditionally on {@code n_g + n_max},
 *       {@code n_g} is binomial with that proportion) through {@code r = π / (1 − π)}: {@code [a/(1−a), b/(1−b)]}
 *       (the largest group is chosen from the data, which the interval does not account for). With reference shares
 *       {@code q} (normalised to sum 1), {@code r_g = (n_g / n) / q_g}, with interval {@code [a, b] / q_g} from the
 *       Wilson interval of {@code n_g / n}; a reference group without rows has {@code r_g = 0}, and groups without a
 *       reference share are not judged (they are named in the verdict).</li>
 * </ul>
 *
 * @param kind which measure
 * @param column the one feature the rule is about, empty for every feature (only for the missing-rate and proxy
 *     measures)
 * @param referenceShares reference shares by group label for {@code representation_ratio}, empty for the
 *     smallest-over-largest ratio
 */
public record DataMeasure(Kind kind, Optional<String> column, Map<String, Double> referenceShares)
        implements Measure {

    /** The data-quality measures, with their rule ids. */
    public enum Kind {
        /** The largest missing rate of a feature in a group. */
        MAX_MISSING_RATE("max_missing_rate"),
        /** The strongest association of a feature with the grouping (Cramér's V or η). */
        MAX_PROXY_STRENGTH("max_proxy_strength"),
        /** The smallest group's share relative to the largest's, or to a reference share. */
        REPRESENTATION_RATIO("representation_ratio");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /** @return the id as written in rules */
        public String id() {
            return id;
        }
    }

    /** Validates the parts: a column only for per-feature measures, shares only for representation. */
    public DataMeasure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(referenceShares, "referenceShares");
        if (kind == Kind.REPRESENTATION_RATIO && column.isPresent()) {
            throw new IllegalArgumentException(kind.id() + " is about groups, not a column; got '" + kind.id() + "."
                    + column.get() + "'");
        }
        if (kind != Kind.REPRESENTATION_RATIO && !referenceShares.isEmpty()) {
            throw new IllegalArgumentException("reference shares belong to " + Kind.REPRESENTATION_RATIO.id()
                    + ", not to " + kind.id());
        }
        double total = 0;
        for (Map.Entry<String, Double> e : referenceShares.entrySet()) {
            Double q = e.getValue();
            if (e.getKey() == null || q == null || !(q >= 0) || q.isInfinite()) {
                throw new IllegalArgumentException("reference share of group '" + e.getKey() + "' must be a finite "
                        + "number >= 0, got " + q);
            }
            total += q;
        }
        if (!referenceShares.isEmpty() && !(total > 0)) {
            throw new IllegalArgumentException("reference shares must have a positive total, got " + referenceShares);
        }
        referenceShares = Collections.unmodifiableMap(new TreeMap<>(referenceShares));
    }

    /** @return {@code max_missing_rate}, over every feature */
    public static DataMeasure maxMissingRate() {
        return new DataMeasure(Kind.MAX_MISSING_RATE, Optional.empty(), Map.of());
    }

    /** @return {@code max_proxy_strength}, over every feature */
    public static DataMeasure maxProxyStrength() {
        return new DataMeasure(Kind.MAX_PROXY_STRENGTH, Optional.empty(), Map.of());
    }

    /** @return {@code representation_ratio}: each group's rows over the largest group's */
    public static DataMeasure representationRatio() {
        return new DataMeasure(Kind.REPRESENTATION_RATIO, Optional.empty(), Map.of());
    }

    /** @return {@code representation_ratio} against reference shares by group label (normalised to sum 1) */
    public static DataMeasure representationRatio(Map<String, Double> referenceShares) {
        return new DataMeasure(Kind.REPRESENTATION_RATIO, Optional.empty(), referenceShares);
    }

    /** @return this measure about one feature */
    public DataMeasure forColumn(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a column name must be non-blank, got '" + name + "'");
        }
        return new DataMeasure(kind, Optional.of(name), referenceShares);
    }

    /** Parses {@code kind[.column]}, or returns empty when the id is not a data measure. */
    static Optional<DataMeasure> parse(String id) {
        String trimmed = id == null ? "" : id.trim();
        for (Kind k : Kind.values()) {
            String lower = trimmed.toLowerCase(Locale.ROOT);
            if (lower.equals(k.id())) {
                return Optional.of(new DataMeasure(k, Optional.empty(), Map.of()));
            }
            if (lower.startsWith(k.id() + ".")) {
                return Optional.of(new DataMeasure(k, Optional.empty(), Map.of())
                        .forColumn(trimmed.substring(k.id().length() + 1)));
            }
        }
        return Optional.empty();
    }

    /** @return the rule ids, for error messages */
    static String ids() {
        return Kind.MAX_MISSING_RATE.id() + "[.COLUMN], " + Kind.MAX_PROXY_STRENGTH.id() + "[.COLUMN], "
                + Kind.REPRESENTATION_RATIO.id();
    }

    @Override
    public String id() {
        return kind.id() + column.map(c -> "." + c).orElse("");
    }
}
