package org.fairkit.core.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.fairkit.core.individual.IndividualMetrics;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.MetricInfo;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.ranking.RankingMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every metric of the ranking, individual and data-quality catalogs carries complete metadata, and their ids are
 * unique among themselves and against the existing classification catalog.
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
            assertThat(text).as("%s", info.id()).isNotBlank();
        }
        assertThat(info.id()).matches("[a-z][a-z0-9_]*");
        assertThat(info.lowerBound()).isLessThanOrEqualTo(info.upperBound());
        assertThat(info.version()).isEqualTo(1);
        assertThat(info.description()).as("%s description is a sentence", info.id()).matches("(?s).*[.?]");
    }

    @Test
    void idsAndAliasesAreUniqueAcrossEveryCatalog() {
        Set<String> seen = new HashSet<>();
        for (Metrics m : Metrics.values()) {
            seen.add(m.id());
            seen.addAll(m.info().aliases());
        }
        for (FairnessMetric m : FairnessMetric.values()) {
            seen.add(m.id());
        }
        infos().forEach(info -> {
            assertThat(seen.add(info.id())).as("id %s is new", info.id()).isTrue();
            info.aliases().forEach(a -> assertThat(seen.add(a)).as("alias %s of %s is new", a, info.id()).isTrue());
        });
        assertThat(RankingMetrics.infos()).hasSize(RankingMetrics.values().length);
        assertThat(IndividualMetrics.infos()).hasSize(IndividualMetrics.values().length);
        assertThat(DataQualityMetrics.infos()).hasSize(DataQualityMetrics.values().length);
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
