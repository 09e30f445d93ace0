package org.fairkit.core.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.fairkit.core.checks.DataQualityMetrics;
import org.fairkit.core.individual.IndividualMetrics;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.MetricFamily;
import org.fairkit.core.metrics.MetricInfo;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.metrics.Requirement;
import org.fairkit.core.ranking.RankingMetrics;
import org.fairkit.core.regression.RegressionFairnessMetric;
import org.fairkit.core.regression.RegressionMetrics;
import org.fairkit.core.scores.ScoreMetrics;

/**
 * Every metric FairKit core computes, by its {@link MetricInfo}: one place to list, look up and document them
 * (for JSON, YAML, the CLI, and a reader who wants to know what a number means).
 *
 * <p>Sources, in catalog order: the confusion group metrics ({@link Metrics}), the named fairness metrics
 * ({@link FairnessMetric}), the score metrics ({@link ScoreMetrics}), the regression metrics
 * ({@link RegressionMetrics}), the regression fairness metrics ({@link RegressionFairnessMetric}), the ranking and
 * exposure metrics ({@link RankingMetrics}), the individual-fairness indices ({@link IndividualMetrics}) and the data
 * quality checks ({@link DataQualityMetrics}). Multiclass
 * one-vs-rest and macro values are the confusion metrics per class, and the threshold sweep the confusion metrics
 * per threshold: they add no entry. Ids and aliases are unique across the catalog (a test keeps them so), so
 * {@link #byId(String)} resolves any of them. Immutable.
 */
public final class MetricCatalog {
    private static final List<MetricInfo> ALL = Stream.of(
            infos(Metrics.values(), Metrics::info),
            infos(FairnessMetric.values(), FairnessMetric::info),
            infos(ScoreMetrics.values(), ScoreMetrics::info),
            infos(RegressionMetrics.values(), RegressionMetrics::info),
            infos(RegressionFairnessMetric.values(), RegressionFairnessMetric::info),
            infos(RankingMetrics.values(), RankingMetrics::info),
            infos(IndividualMetrics.values(), IndividualMetrics::info),
            infos(DataQualityMetrics.values(), DataQualityMetrics::info)
            // New metric sets are registered here, one line each.
    ).flatMap(s -> s).toList();

    private static final Map<String, MetricInfo> BY_NAME = index();

    private MetricCatalog() {
    }

    private static <T> Stream<MetricInfo> infos(T[] values, Function<T, MetricInfo> info) {
        return Arrays.stream(values).map(info);
    }

    private static Map<String, MetricInfo> index() {
        Map<String, MetricInfo> out = new LinkedHashMap<>();
        for (MetricInfo m : ALL) {
            out.putIfAbsent(m.id(), m);
            m.aliases().forEach(a -> out.putIfAbsent(a, m));
        }
        return out;
    }

    /** @return every metric, in catalog order */
    public static List<MetricInfo> all() {
        return ALL;
    }

    /**
     * Looks a metric up by its id or an alias (case-insensitive, surrounding space ignored).
     *
     * @throws IllegalArgumentException listing every valid id if there is none
     */
    public static MetricInfo byId(String id) {
        String key = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        MetricInfo m = BY_NAME.get(key);
        if (m == null) {
            throw new IllegalArgumentException("unknown metric id '" + id + "'; valid ids: "
                    + ALL.stream().map(MetricInfo::id).collect(Collectors.joining(", ")));
        }
        return m;
    }

    /** @return the metrics of one family, in catalog order */
    public static List<MetricInfo> byFamily(MetricFamily family) {
        return ALL.stream().filter(m -> m.family() == family).toList();
    }

    /** @return the metrics that need something from the data (e.g. {@link Requirement#SCORES}) */
    public static List<MetricInfo> requiring(Requirement requirement) {
        return ALL.stream().filter(m -> m.requires().contains(requirement)).toList();
    }

    /**
     * @return a fixed-width table ({@link Locale#ROOT}) of every metric: id, family, range, better direction and
     *     what it needs
     */
    public static String table() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("id", "family", "range", "direction", "requires"));
        for (MetricInfo m : ALL) {
            rows.add(List.of(m.id(), m.family().name().toLowerCase(Locale.ROOT),
                    "[" + bound(m.lowerBound()) + ", " + bound(m.upperBound()) + "]",
                    m.direction().name().toLowerCase(Locale.ROOT), m.requires().stream().sorted()
                            .map(r -> r.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(","))));
        }
        int[] width = new int[5];
        rows.forEach(r -> {
            for (int c = 0; c < 5; c++) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        });
        StringBuilder b = new StringBuilder();
        for (List<String> r : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < 5; c++) {
                line.append(c == 0 ? "" : "  ").append(r.get(c)).append(" ".repeat(width[c] - r.get(c).length()));
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        return b.toString();
    }

    private static String bound(double x) {
        if (x == Double.POSITIVE_INFINITY) {
            return "inf";
        }
        if (x == Double.NEGATIVE_INFINITY) {
            return "-inf";
        }
        return x == Math.rint(x) ? Long.toString((long) x) : String.format(Locale.ROOT, "%.4f", x);
    }
}
