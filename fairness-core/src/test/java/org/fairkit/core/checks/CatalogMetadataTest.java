package org.fairkit.core.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.fairkit.core.catalog.MetricCatalog;
import org.fairkit.core.individual.IndividualMetrics;
import org.fairkit.core.metrics.Direction;
import org.fairkit.core.metrics.MetricFamily;
import org.fairkit.core.metrics.MetricInfo;
import org.fairkit.core.metrics.Requirement;
import org.fairkit.core.ranking.RankingMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every metric of the ranking, individual and data-quality catalogs carries complete metadata, its package's family
 * and requirements, and ids and aliases unique among themselves and against every entry of {@link MetricCatalog}.
 */
class CatalogMetadataTest {
    static Stream<MetricInfo> infos() {
        List<MetricInfo> all = new ArrayList<>();
        all.addAll(RankingMetrics.infos());
        all.addAll(IndividualMetrics.infos());
        all.addAll(DataQualityMetrics.infos());
        return all.stream();
    }

    static Stream<Arguments> named() {
        return infos().map(i -> Arguments.of(i.id(), i));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("named")
    void everyFieldIsFilledIn(String id, MetricInfo info) {
        for (String text : List.of(info.name(), info.description(), info.formula(), info.undefinedWhen(),
                info.reference(), info.matches(), info.limitations())) {
            assertThat(text).as("%s", info.id()).isNotBlank().isNotEqualTo("-");
        }
        assertThat(info.id()).matches("[a-z][a-z0-9_]*");
        assertThat(info.lowerBound()).isLessThanOrEqualTo(info.upperBound());
        assertThat(info.version()).isEqualTo(1);
        assertThat(info.description()).as("%s description is a sentence", info.id()).matches("(?s).*[.?]")
                .hasSizeGreaterThan(20);
    }

    /** Uniqueness of ids and aliases across the whole catalog is MetricCatalogTest's; here: all are registered. */
    @Test
    void everyMetricOfTheseCatalogsIsRegisteredInTheMetricCatalog() {
        infos().forEach(info -> assertThat(MetricCatalog.byId(info.id())).isSameAs(info));
        assertThat(RankingMetrics.infos()).hasSize(RankingMetrics.values().length);
        assertThat(IndividualMetrics.infos()).hasSize(IndividualMetrics.values().length);
        assertThat(DataQualityMetrics.infos()).hasSize(DataQualityMetrics.values().length);
    }

    @Test
    void familiesAndRequirementsAreThoseOfEachPackage() {
        IndividualMetrics.infos().forEach(i -> assertThat(i.family()).isEqualTo(MetricFamily.INDIVIDUAL));
        DataQualityMetrics.infos().forEach(i -> assertThat(i.family()).isEqualTo(MetricFamily.DATA_QUALITY));
        RankingMetrics.infos().forEach(i -> {
            assertThat(i.family()).isIn(MetricFamily.RANKING, MetricFamily.DISPARITY);
            assertThat(i.requires()).contains(Requirement.RANKS);
            assertThat(i.family() == MetricFamily.DISPARITY).as(i.id())
                    .isEqualTo(i.direction() == Direction.ONE_IS_PARITY && !i.id().equals("top_k_skew")
                            || i.direction() == Direction.ZERO_IS_PARITY);
        });
        assertThat(IndividualMetrics.CONSISTENCY.info().requires()).contains(Requirement.FEATURES);
        assertThat(DataQualityMetrics.CRAMERS_V.info().requires()).contains(Requirement.FEATURES);
    }

    @Test
    void dataCheckIdsAreSnakeCaseAndUnique() {
        Set<String> ids = new HashSet<>();
        for (DataCheck c : DataCheck.values()) {
            assertThat(c.id()).matches("[a-z][a-z0-9_]*");
            assertThat(ids.add(c.id())).isTrue();
            assertThat(c.description()).isNotBlank();
        }
    }
}
