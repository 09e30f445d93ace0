package org.fairkit.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.fairkit.core.checks.DataQualityMetrics;
import org.fairkit.core.individual.IndividualMetrics;
import org.fairkit.core.metrics.Direction;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.MetricFamily;
import org.fairkit.core.metrics.MetricInfo;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.metrics.Requirement;
import org.fairkit.core.ranking.RankingMetrics;
import org.fairkit.core.regression.RegressionFairnessMetric;
import org.fairkit.core.regression.RegressionMetrics;
import org.fairkit.core.scores.ScoreMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every metric of the catalog has complete, consistent metadata, and ids resolve unambiguously. */
class MetricCatalogTest {

    static Stream<MetricInfo> metrics() {
        return MetricCatalog.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("metrics")
    void everyMetricHasCompleteMetadata(MetricInfo m) {
        for (String field : List.of(m.name(), m.description(), m.formula(), m.reference(), m.matches(),
                m.limitations(), m.undefinedWhen())) {
            assertThat(field).as("a text field of %s", m.id()).isNotBlank().isNotEqualTo("-");
        }
        assertThat(m.description()).as("%s description", m.id()).hasSizeGreaterThan(20);
        assertThat(m.version()).isPositive();
        assertThat(m.aliases()).as("%s aliases", m.id()).allSatisfy(a -> assertThat(a).matches("[a-z][a-z0-9_]*"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("metrics")
    void boundsAgreeWithTheDirectionAndTheFamily(MetricInfo m) {
        assertThat(m.lowerBound()).as("%s", m.id()).isLessThanOrEqualTo(m.upperBound());
        assertThat(Double.isNaN(m.lowerBound()) || Double.isNaN(m.upperBound())).isFalse();
        if (m.direction() == Direction.ONE_IS_PARITY) {
            assertThat(1.0).as("parity value of %s", m.id()).isBetween(m.lowerBound(), m.upperBound());
        }
        if (m.direction() == Direction.ZERO_IS_PARITY) {
            assertThat(0.0).as("parity value of %s", m.id()).isBetween(m.lowerBound(), m.upperBound());
        }
        if (Set.of(MetricFamily.ERROR_RATE, MetricFamily.PREDICTIVE_VALUE, MetricFamily.PERFORMANCE,
                MetricFamily.DISCRIMINATION).contains(m.family())) {
            assertThat(m.lowerBound()).as("%s is a rate", m.id()).isEqualTo(0.0);
            assertThat(m.upperBound()).as("%s is a rate", m.id()).isEqualTo(1.0);
        }
        if (m.family() == MetricFamily.DISPARITY) {
            assertThat(m.direction()).as("%s compares groups", m.id()).isIn(Direction.ZERO_IS_PARITY,
                    Direction.ONE_IS_PARITY, Direction.LOWER_IS_BETTER);
        }
    }

    @Test
    void idsAndAliasesAreUniqueAcrossTheWholeCatalog() {
        Set<String> seen = new HashSet<>();
        for (MetricInfo m : MetricCatalog.all()) {
            assertThat(seen.add(m.id())).as("id %s appears twice", m.id()).isTrue();
            for (String a : m.aliases()) {
                assertThat(seen.add(a)).as("alias %s of %s is taken", a, m.id()).isTrue();
            }
        }
    }

    @Test
    void theCatalogHoldsEveryConstantOfEveryMetricEnumInOrder() {
        List<MetricInfo> expected = Stream.of(
                Stream.of(Metrics.values()).map(Metrics::info),
                Stream.of(FairnessMetric.values()).map(FairnessMetric::info),
                Stream.of(ScoreMetrics.values()).map(ScoreMetrics::info),
                Stream.of(RegressionMetrics.values()).map(RegressionMetrics::info),
                Stream.of(RegressionFairnessMetric.values()).map(RegressionFairnessMetric::info),
                Stream.of(RankingMetrics.values()).map(RankingMetrics::info),
                Stream.of(IndividualMetrics.values()).map(IndividualMetrics::info),
                Stream.of(DataQualityMetrics.values()).map(DataQualityMetrics::info))
                .flatMap(s -> s).toList();
        assertThat(MetricCatalog.all()).containsExactlyElementsOf(expected);
    }

    @Test
    void byIdResolvesIdsAndAliasesInAnyCaseAndListsTheValidIdsOtherwise() {
        for (MetricInfo m : MetricCatalog.all()) {
            assertThat(MetricCatalog.byId(" " + m.id().toUpperCase(Locale.ROOT) + " ")).isSameAs(m);
            m.aliases().forEach(a -> assertThat(MetricCatalog.byId(a)).isSameAs(m));
        }
        assertThat(MetricCatalog.byId("auc")).isSameAs(ScoreMetrics.ROC_AUC.info());
        assertThatThrownBy(() -> MetricCatalog.byId("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown metric id 'nope'; valid ids: count, base_rate, selection_rate, ")
                .hasMessageEndingWith(", cramers_v_bias_corrected, correlation_ratio");
    }

    @Test
    void familiesAndRequirementsSelectTheirMetrics() {
        assertThat(MetricCatalog.byFamily(MetricFamily.DISCRIMINATION)).extracting(MetricInfo::id)
                .containsExactly("roc_auc", "average_precision");
        assertThat(MetricCatalog.requiring(Requirement.SCORES)).extracting(MetricInfo::id)
                .containsExactlyElementsOf(Stream.of(ScoreMetrics.values()).map(ScoreMetrics::id).toList());
        assertThat(MetricCatalog.requiring(Requirement.ROWS)).extracting(MetricInfo::id)
                .startsWith("roc_auc", "average_precision").contains("consistency", "correlation_ratio")
                .doesNotContain("selection_rate", "brier_score", "mean_absolute_error", "theil_index");
    }

    @Test
    void tableListsEveryMetricWithItsRangeAndDirection() {
        List<String> lines = MetricCatalog.table().lines().toList();
        assertThat(lines).hasSize(MetricCatalog.all().size() + 1);
        assertThat(lines.get(0)).startsWith("id").contains("family").contains("range").endsWith("requires");
        assertThat(lines).anySatisfy(l -> assertThat(l.replaceAll(" +", " "))
                .isEqualTo("roc_auc discrimination [0, 1] higher_is_better labels,scores,rows"));
        assertThat(lines).anySatisfy(l -> assertThat(l.replaceAll(" +", " "))
                .isEqualTo("r2_score regression [-inf, 1] higher_is_better predictions,targets"));
    }
}
