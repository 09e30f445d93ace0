package org.fairkit.core.ranking;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.fairkit.core.metrics.Direction;
import org.fairkit.core.metrics.MetricFamily;
import org.fairkit.core.metrics.MetricInfo;
import org.fairkit.core.metrics.Requirement;

/**
 * The catalog of ranking-fairness metrics: the metadata of what {@link RankingReport} and {@link TopK} compute.
 * Every {@link MetricInfo} of this package is built here.
 */
public enum RankingMetrics {
    /** Average exposure per item of a group. */
    EXPOSURE(info("exposure", "Exposure", "Average attention an item of the group receives from its position.",
            "Exposure(G) = (1/|G|) Σ_{i∈G} v(p_i), v = position bias (1/log2(1+p) by default); tied items share "
                    + "the mean of v over their block",
            0, Double.POSITIVE_INFINITY, Direction.NONE, Defaults.PER_GROUP, Defaults.RANKS, "never",
            List.of("average_exposure"), "Singh & Joachims 2018 (KDD), eq. 4",
            "Fairlearn issue #959 / PR #974 (not merged) defines the same average exposure with v = 1/log2(1+j).",
            "Depends on the position-bias model; compare groups under the same model. Says nothing about merit: "
                    + "see exposure_per_relevance.")),
    /** Spread of average exposure. */
    EXPOSURE_DIFFERENCE(info("exposure_difference", "Exposure difference",
            "Largest minus smallest average exposure across groups (demographic parity of exposure).",
            "max_G Exposure(G) − min_G Exposure(G)", 0, Double.POSITIVE_INFINITY, Direction.ZERO_IS_PARITY,
            Defaults.COMPARISON, Defaults.RANKS, "fewer than two groups", List.of("exposure_parity_difference"),
            "Singh & Joachims 2018 (demographic parity constraint)",
            "Fairlearn MetricFrame(...).difference() of an exposure metric; Fairlearn PR #974 (not merged).",
            "Ignores merit: a group of less relevant items is expected to get less exposure under a merit-based "
                    + "ranking; use disparate_treatment_ratio for that question.")),
    /** Ratio of average exposure. */
    EXPOSURE_RATIO(info("exposure_ratio", "Exposure ratio",
            "Smallest over largest average exposure across groups.", "min_G Exposure(G) / max_G Exposure(G)", 0, 1,
            Direction.ONE_IS_PARITY, Defaults.COMPARISON, Defaults.RANKS,
            "fewer than two groups, or every group has exposure 0", List.of("exposure_parity_ratio"),
            "Singh & Joachims 2018 (demographic parity constraint)",
            "Fairlearn MetricFrame(...).ratio() of an exposure metric; Fairlearn PR #974 (not merged).",
            "Ignores merit (see exposure_difference).")),
    /** Exposure over relevance. */
    EXPOSURE_PER_RELEVANCE(info("exposure_per_relevance", "Exposure per relevance",
            "Average exposure of the group over its average relevance: attention per unit of merit.",
            "Exposure(G) / U(G), U(G) = (1/|G|) Σ_{i∈G} u_i", 0, Double.POSITIVE_INFINITY, Direction.NONE,
            Defaults.PER_GROUP, Defaults.RANKS_AND_RELEVANCE, "the group's mean relevance is 0", List.of(),
            "Singh & Joachims 2018 (disparate treatment constraint, eq. 6)",
            "The per-group quantity whose ratio is the paper's disparate treatment ratio.",
            "Relevance must be on a ratio scale (0 = no merit) for the quotient to mean anything.")),
    /** Disparate treatment ratio. */
    DISPARATE_TREATMENT_RATIO(info("disparate_treatment_ratio", "Disparate treatment ratio",
            "Smallest over largest exposure per relevance across groups: are groups exposed in proportion to their "
                    + "merit?",
            "min_G [Exposure(G)/U(G)] / max_G [Exposure(G)/U(G)]", 0, 1, Direction.ONE_IS_PARITY,
            Defaults.COMPARISON, Defaults.RANKS_AND_RELEVANCE,
            "fewer than two groups with positive mean relevance", List.of("dtr"), "Singh & Joachims 2018, §4 (DTR)",
            "The paper's DTR is the ratio G0 over G1 and can exceed 1; FairKit orients it min / max into [0, 1] "
                    + "(exposure_per_relevance.toReference gives the oriented ratios).",
            "See exposure_per_relevance.")),
    /** Click-through over relevance. */
    CLICK_THROUGH_PER_RELEVANCE(info("click_through_per_relevance", "Click-through per relevance",
            "Expected clicks (exposure times relevance) of the group over its average relevance.",
            "CTR(G) / U(G), CTR(G) = (1/|G|) Σ_{i∈G} v(p_i) u_i", 0, Double.POSITIVE_INFINITY, Direction.NONE,
            Defaults.PER_GROUP, Defaults.RANKS_AND_RELEVANCE, "the group's mean relevance is 0", List.of(),
            "Singh & Joachims 2018 (disparate impact constraint, eq. 7)",
            "The per-group quantity whose ratio is the paper's disparate impact ratio.",
            "Assumes the click probability is exposure times relevance.")),
    /** Disparate impact ratio. */
    DISPARATE_IMPACT_RATIO(info("disparate_impact_ratio", "Disparate impact ratio (ranking)",
            "Smallest over largest click-through per relevance across groups.",
            "min_G [CTR(G)/U(G)] / max_G [CTR(G)/U(G)]", 0, 1, Direction.ONE_IS_PARITY, Defaults.COMPARISON,
            Defaults.RANKS_AND_RELEVANCE, "fewer than two groups with positive mean relevance", List.of("dir"),
            "Singh & Joachims 2018, §4 (DIR)",
            "The paper's DIR is the ratio G0 over G1; FairKit orients it min / max into [0, 1]. Not the "
                    + "classification disparate_impact (a selection-rate ratio).",
            "See click_through_per_relevance.")),
    /** Top-k selection rate. */
    TOP_K_SELECTION_RATE(info("top_k_selection_rate", "Top-k selection rate",
            "Share of the group's items that reach the top k.", "s_G / |G|, s_G = items of G in the first k positions",
            0, 1, Direction.NONE, Defaults.PER_GROUP, Defaults.RANKS, "never (groups are non-empty)",
            List.of("selection_rate_at_k"), "Zehlike et al. 2017 (FA*IR): selection of a group in the top k",
            "Equals a classification selection rate with 'in the top k' as the positive decision.",
            "The four-fifths rule (29 CFR 1607.4(D)) applies to its ratio; read it with group sizes.")),
    /** Ratio of top-k selection rates. */
    TOP_K_SELECTION_RATE_RATIO(info("top_k_selection_rate_ratio", "Top-k selection rate ratio",
            "Smallest over largest top-k selection rate across groups.", "min_G (s_G/|G|) / max_G (s_G/|G|)", 0, 1,
            Direction.ONE_IS_PARITY, Defaults.COMPARISON, Defaults.RANKS,
            "fewer than two groups, or no group has an item in the top k", List.of("top_k_disparate_impact"),
            "EEOC Uniform Guidelines (four-fifths rule) applied to the top k",
            "Fairlearn demographic_parity_ratio with 'in the top k' as the positive prediction.",
            "A value below 0.8 is evidence of adverse impact, not proof.")),
    /** Difference of top-k selection rates. */
    TOP_K_SELECTION_RATE_DIFFERENCE(info("top_k_selection_rate_difference", "Top-k selection rate difference",
            "Largest minus smallest top-k selection rate across groups.", "max_G (s_G/|G|) − min_G (s_G/|G|)", 0, 1,
            Direction.ZERO_IS_PARITY, Defaults.COMPARISON, Defaults.RANKS, "fewer than two groups",
            List.of("top_k_demographic_parity_difference"), "Zehlike et al. 2017 (FA*IR)",
            "Fairlearn demographic_parity_difference with 'in the top k' as the positive prediction.",
            "Read with group sizes.")),
    /** Skew@k. */
    TOP_K_SKEW(info("top_k_skew", "Skew at k",
            "The group's share of the top k over its share of all items: 1 is proportional representation.",
            "(s_G / k) / (|G| / n)", 0, Double.POSITIVE_INFINITY, Direction.ONE_IS_PARITY, Defaults.PER_GROUP,
            Defaults.RANKS, "never (groups are non-empty)", List.of("skew_at_k"),
            "Geyik, Ambler & Kenthapadi 2019 (KDD), Skew@k with the items' own shares as the desired distribution",
            "Geyik et al. report log Skew@k; this is its exponential.",
            "Unstable for small k or small groups.")),
    /** NDCG@k within a group. */
    NDCG_AT_K(info("ndcg_at_k", "NDCG@k (within group)",
            "How well the group's own items are ordered by relevance: the NDCG@k of the group's items in their "
                    + "ranking order against the group's ideal order.",
            "DCG_G@k / IDCG_G@k, DCG_G@k = Σ_{j ≤ k} gain(u of the group's j-th item) v(j)", 0, 1,
            Direction.HIGHER_IS_BETTER, Defaults.PER_GROUP, Defaults.RANKS_AND_RELEVANCE,
            "no item of the group is relevant (ideal DCG@k = 0)", List.of("ndcg"),
            "Järvelin & Kekäläinen 2002; ties averaged as McSherry & Najork 2008",
            "Overall value = scikit-learn ndcg_score(y_true, y_score, k) (linear gain, ties averaged) with the "
                    + "logarithmic bias; scikit-learn returns 0 where the ideal DCG is 0, FairKit undefined.",
            "Within-group quality, not placement: a group ranked entirely below another can have NDCG 1. Use "
                    + "exposure and top-k selection for placement.")),
    /** Precision@k within a group. */
    PRECISION_AT_K(info("precision_at_k", "Precision@k (within group)",
            "Share of relevant items (relevance > 0) among the group's first min(k, |G|) items in the ranking.",
            "relevant among the group's first min(k,|G|) items / min(k,|G|)", 0, 1, Direction.HIGHER_IS_BETTER,
            Defaults.PER_GROUP, Defaults.RANKS_AND_RELEVANCE, "never (groups are non-empty)",
            List.of("p_at_k"), "Manning, Raghavan & Schütze 2008, §8.4 (precision at k)",
            "Overall value = precision@k of the whole ranking (denominator k); trec_eval P@k also divides by k.",
            "A group with fewer than k items is judged on all of its items."));

    /**
     * The family and requirements of this package's metrics, in one place: per-group quantities are
     * {@code RANKING}, comparisons across groups {@code DISPARITY} (as the named regression fairness metrics). A
     * nested class, because enum constants are built before the enum's own static fields.
     */
    private static final class Defaults {
        static final MetricFamily PER_GROUP = MetricFamily.RANKING;
        static final MetricFamily COMPARISON = MetricFamily.DISPARITY;
        static final Set<Requirement> RANKS = EnumSet.of(Requirement.RANKS, Requirement.ROWS);
        static final Set<Requirement> RANKS_AND_RELEVANCE = EnumSet.of(Requirement.RANKS, Requirement.ROWS,
                Requirement.LABELS);
    }

    private final MetricInfo info;

    RankingMetrics(MetricInfo info) {
        this.info = info;
    }

    private static MetricInfo info(String id, String name, String description, String formula, double lo, double hi,
            Direction direction, MetricFamily family, Set<Requirement> requires, String undefinedWhen,
            List<String> aliases, String reference, String matches, String limitations) {
        return new MetricInfo(id, name, description, formula, lo, hi, direction, family, requires, undefinedWhen,
                aliases, reference, matches, limitations, 1);
    }

    /** @return the metric's metadata */
    public MetricInfo info() {
        return info;
    }

    /** @return every metric's metadata, in declaration order (for registration in a catalog) */
    public static List<MetricInfo> infos() {
        return Arrays.stream(values()).map(RankingMetrics::info).toList();
    }
}
