package org.fairkit.core.checks;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.fairkit.core.metrics.Direction;
import org.fairkit.core.metrics.MetricFamily;
import org.fairkit.core.metrics.MetricInfo;
import org.fairkit.core.metrics.Requirement;

/**
 * The catalog of the quantities the data quality checks measure. Group sizes are the existing {@code count} metric.
 * Every {@link MetricInfo} of this package is built here.
 */
public enum DataQualityMetrics {
    /** Observed share over reference share. */
    GROUP_SHARE_RATIO(info("group_share_ratio", "Group share ratio",
            "A group's share of the rows over its share in a reference distribution (census, applicant pool).",
            "(n_g / n) / q_g, q = reference shares normalised to sum 1", 0, Double.POSITIVE_INFINITY,
            Direction.ONE_IS_PARITY, Defaults.NO_COLUMNS, "the group is not in the reference distribution (q_g = 0)",
            List.of("representation_ratio"), "EU AI Act Art. 10(3) (training data representative of the persons "
                    + "concerned); the ratio itself is FairKit's",
            "A plain ratio check, not a goodness-of-fit test: it needs no distribution and flags large relative "
                    + "shortfalls however large the sample.",
            "Small groups have noisy shares; read the ratio with the group size. Rows are counted unweighted.")),
    /** Missing rate of a feature in a group. */
    MISSING_RATE(info("missing_rate", "Missing rate", "Share of a group's rows where a feature is missing.",
            "missing_g(f) / n_g", 0, 1, Direction.LOWER_IS_BETTER, Defaults.FEATURES, "never (groups are non-empty)",
            List.of(), "Little & Rubin 2019, Statistical Analysis with Missing Data (missingness that depends on a "
                    + "variable is not missing completely at random)",
            "pandas df.isna().groupby(group).mean().",
            "Missing values that depend on the group bias any model that imputes or drops them.")),
    /** Spread of missing rates. */
    MISSING_RATE_GAP(info("missing_rate_gap", "Missing rate gap",
            "Largest minus smallest missing rate of a feature across groups with enough rows; for the row-level "
                    + "check, the share of rows with any missing value.",
            "max_g missing_g(f)/n_g − min_g missing_g(f)/n_g", 0, 1, Direction.ZERO_IS_PARITY, Defaults.FEATURES,
            "fewer than two groups have enough rows", List.of(), "Little & Rubin 2019 (missing data mechanisms)",
            "max − min over groups of pandas df.isna().groupby(group).mean().",
            "A gap in missingness is a data-collection problem, not proof of model bias.")),
    /** Spread of label base rates. */
    BASE_RATE_GAP(info("base_rate_gap", "Base rate gap",
            "Largest minus smallest share of positive labels across groups with enough rows.",
            "max_g P(y=1 | g) − min_g P(y=1 | g)", 0, 1, Direction.NONE, EnumSet.of(Requirement.LABELS),
            "fewer than two groups have enough rows", List.of("label_base_rate_gap"),
            "Kleinberg, Mullainathan & Raghavan 2016 (impossibility with unequal base rates)",
            "equals base_rate.difference over the eligible groups (Fairlearn MetricFrame difference of the base rate).",
            "Unequal base rates may be real or come from biased labels; either way calibration and equal error rates "
                    + "cannot both hold.")),
    /** Mutual information, in nats. */
    MUTUAL_INFORMATION(info("mutual_information", "Mutual information",
            "Information a categorical feature carries about the sensitive attribute, in nats (bits = nats / ln 2).",
            "Σ (O_ij/N) ln(O_ij N / (R_i C_j))", 0, Double.POSITIVE_INFINITY, Direction.LOWER_IS_BETTER,
            Defaults.FEATURES, "no row has the feature", List.of("mi"), "Shannon 1948",
            "scikit-learn mutual_info_score (nats); 2 N I = the G statistic of scipy.stats.chi2_contingency"
                    + "(lambda_='log-likelihood', correction=False).",
            "Grows with the number of levels; compare features with Cramér's V, which is normalised.")),
    /** Cramér's V. */
    CRAMERS_V(info("cramers_v", "Cramér's V",
            "Association of a categorical feature with the sensitive attribute, 0 (independent) to 1 (determined).",
            "sqrt(χ² / (N (min(r, c) − 1)))", 0, 1, Direction.LOWER_IS_BETTER, Defaults.FEATURES,
            "a variable has a single level among the rows with a value", List.of("cramer_v"), "Cramér 1946",
            "scipy.stats.contingency.association(method='cramer'): V from chi2_contingency(correction=False).",
            "Biased upwards in small samples with many levels; see cramers_v_bias_corrected.")),
    /** Bergsma's bias-corrected Cramér's V. */
    CRAMERS_V_BIAS_CORRECTED(info("cramers_v_bias_corrected", "Cramér's V (bias-corrected)",
            "Cramér's V with Bergsma's small-sample bias correction.",
            "sqrt(max(0, χ²/N − (r−1)(c−1)/(N−1)) / min(r̃ − 1, c̃ − 1))", 0, 1, Direction.LOWER_IS_BETTER,
            Defaults.FEATURES, "a variable has a single level, or too few rows for the correction",
            List.of("bergsma_v"), "Bergsma 2013 (J. Korean Stat. Soc. 42)",
            "Bergsma's formula; SciPy's association(method='cramer') has no correction, R rcompanion "
                    + "cramerV(bias.correct=TRUE) implements this one.",
            "Can be 0 where the plain V is not: it subtracts the association expected by chance.")),
    /** Correlation ratio η. */
    CORRELATION_RATIO(info("correlation_ratio", "Correlation ratio",
            "How much of a numeric feature's spread the sensitive attribute explains, 0 to 1.",
            "sqrt(Σ_g n_g (x̄_g − x̄)² / Σ_i (x_i − x̄)²)", 0, 1, Direction.LOWER_IS_BETTER, Defaults.FEATURES,
            "the feature is constant", List.of("eta"), "Pearson 1903",
            "η² is the R² of a one-way ANOVA (scipy.stats.f_oneway): η² = F (k−1) / (F (k−1) + N − k).",
            "Sees differences in group means only, not in spread or shape."));

    /**
     * The family and requirements of this package's metrics, in one place. A nested class, because enum constants
     * are built before the enum's own static fields.
     */
    private static final class Defaults {
        static final MetricFamily FAMILY = MetricFamily.DATA_QUALITY;
        static final Set<Requirement> FEATURES = EnumSet.of(Requirement.FEATURES, Requirement.ROWS);
        static final Set<Requirement> NO_COLUMNS = EnumSet.noneOf(Requirement.class);
    }

    private final MetricInfo info;

    DataQualityMetrics(MetricInfo info) {
        this.info = info;
    }

    private static MetricInfo info(String id, String name, String description, String formula, double lo, double hi,
            Direction direction, Set<Requirement> requires, String undefinedWhen, List<String> aliases,
            String reference, String matches, String limitations) {
        return new MetricInfo(id, name, description, formula, lo, hi, direction, Defaults.FAMILY, requires,
                undefinedWhen, aliases, reference, matches, limitations, 1);
    }

    /** @return the metric's metadata */
    public MetricInfo info() {
        return info;
    }

    /** @return every metric's metadata, in declaration order (for registration in a catalog) */
    public static List<MetricInfo> infos() {
        return Arrays.stream(values()).map(DataQualityMetrics::info).toList();
    }
}
