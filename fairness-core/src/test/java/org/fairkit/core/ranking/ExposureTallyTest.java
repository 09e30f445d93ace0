package org.fairkit.core.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import org.fairkit.core.Task;
import org.fairkit.core.TaskReport;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.core.metrics.MetricValue;
import org.junit.jupiter.api.Test;

/** {@link ExposureTally}: one ranking gives {@link RankingReport}'s values; many pool their items and merge. */
class ExposureTallyTest {
    private static final double TOLERANCE = 1e-12;

    @Test
    void oneRankingGivesTheRankingReportsValues() {
        qt().withExamples(200).forAll(RankingFairnessTest.cases(9)).checkAssert(c -> {
            RankingReport r = c.fairness();
            TaskReport t = r.asTaskReport();
            assertThat(t.task()).isEqualTo(Task.RANKING);
            same(t.values("exposure").orElseThrow(), r.exposure());
            same(t.values("exposure_per_relevance").orElseThrow(), r.exposurePerRelevance());
            same(t.values("click_through_per_relevance").orElseThrow(), r.clickThroughPerRelevance());
            same(t.disparity("exposure_ratio").orElseThrow(), r.exposureRatio());
            same(t.disparity("exposure_difference").orElseThrow(), r.exposureDifference());
            same(t.disparity("disparate_treatment_ratio").orElseThrow(), r.disparateTreatmentRatio());
            same(t.disparity("disparate_impact_ratio").orElseThrow(), r.disparateImpactRatio());
        });
    }

    @Test
    void manyRankingsPoolTheirItemsAndMergeInAnyOrder() {
        qt().withExamples(150).forAll(RankingFairnessTest.cases(8), RankingFairnessTest.cases(8),
                RankingFairnessTest.cases(8)).checkAssert((a, b, c) -> {
                    RankingReport ra = a.fairness();
                    RankingReport rb = b.fairness();
                    RankingReport rc = c.fairness();
                    ExposureTally left = ExposureTally.of(ra).merge(ExposureTally.of(rb)).merge(ExposureTally.of(rc));
                    ExposureTally right = ExposureTally.of(rc).merge(ExposureTally.of(rb).merge(ExposureTally.of(ra)));
                    ExposureTally fromEmpty = ExposureTally.empty(List.of("g"), true).add(rb).add(ra).add(rc);
                    assertThat(left.rankings()).isEqualTo(3);
                    assertThat(left.groups()).isEqualTo(right.groups()).isEqualTo(fromEmpty.groups());
                    TaskReport l = left.report();
                    for (TaskReport other : List.of(right.report(), fromEmpty.report())) {
                        assertThat(other.sizes()).isEqualTo(l.sizes());
                        for (String id : l.metricIds()) {
                            same(other.values(id).orElseThrow(), l.values(id).orElseThrow());
                        }
                    }
                    GroupValues exposure = l.values("exposure").orElseThrow();
                    for (int g = 0; g < l.groups().size(); g++) {
                        GroupKey key = l.groups().get(g);
                        double sum = 0;
                        long n = 0;
                        for (RankingReport r : List.of(ra, rb, rc)) {
                            Ranking k = r.ranking();
                            for (int i = 0; i < k.items(); i++) {
                                if (k.grouping().groups().get(k.grouping().groupOf(i)).equals(key)) {
                                    sum += r.exposureOf(i);
                                    n++;
                                }
                            }
                        }
                        assertThat(l.size(key)).isEqualTo(n);
                        assertThat(exposure.value(g).value()).isCloseTo(sum / n, within(TOLERANCE));
                    }
                });
    }

    @Test
    void mismatchedTalliesAndAnEmptyTallyAreRefused() {
        Ranking byG = Ranking.builder().sensitive("g", new String[] {"a", "b"}).positions(new int[] {1, 2}).build();
        Ranking byH = Ranking.builder().sensitive("h", new String[] {"a", "b"}).positions(new int[] {2, 1}).build();
        ExposureTally g = ExposureTally.of(RankingFairness.of(byG).evaluate());
        ExposureTally h = ExposureTally.of(RankingFairness.of(byH).evaluate());
        assertThatThrownBy(() -> g.merge(h)).hasMessageContaining("[g]").hasMessageContaining("[h]");
        assertThatThrownBy(() -> ExposureTally.empty(List.of("g"), false).report())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no ranking");
        TaskReport t = g.report();
        assertThat(t.metricIds()).containsExactly("exposure");
        assertThat(t.disparity("exposure_ratio").orElseThrow().value().value()).isCloseTo(1 / Math.log(3) * Math.log(2),
                within(TOLERANCE));
    }

    private static void same(GroupValues actual, GroupValues expected) {
        assertThat(actual.metricId()).isEqualTo(expected.metricId());
        assertThat(actual.groups()).isEqualTo(expected.groups());
        for (int g = 0; g < expected.groups().size(); g++) {
            same(actual.value(g), expected.value(g));
        }
        same(actual.overall(), expected.overall());
    }

    private static void same(Disparity actual, Disparity expected) {
        assertThat(actual.id()).isEqualTo(expected.id());
        assertThat(actual.groups()).isEqualTo(expected.groups());
        same(actual.value(), expected.value());
    }

    private static void same(MetricValue actual, MetricValue expected) {
        assertThat(actual.isDefined()).as("%s vs %s", actual, expected).isEqualTo(expected.isDefined());
        if (expected.isDefined()) {
            assertThat(actual.value()).isCloseTo(expected.value(), within(TOLERANCE));
        } else {
            assertThat(actual.reason()).isEqualTo(expected.reason());
        }
    }
}
