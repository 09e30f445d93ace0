package org.fairkit.stats.proportion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.fairkit.core.metrics.Interval;
import org.junit.jupiter.api.Test;

class ProportionIntervalTest {
    private static final double[] LEVELS = {0.8, 0.9, 0.95, 0.99};

    @Test
    void everyIntervalLiesInTheUnitIntervalAndContainsThePointEstimate() {
        qt().withFixedSeed(11).withExamples(2000)
                .forAll(integers().between(1, 3000), integers().between(0, 100), integers().between(0, 3))
                .checkAssert((n, pct, l) -> {
                    long k = Math.round(n * pct / 100.0);
                    for (ProportionInterval m : ProportionInterval.values()) {
                        Interval ci = m.interval(k, n, LEVELS[l]);
                        String d = m + " k=" + k + " n=" + n + " level=" + LEVELS[l];
                        assertThat(ci.lower()).as(d).isBetween(0.0, 1.0);
                        assertThat(ci.upper()).as(d).isBetween(0.0, 1.0);
                        assertThat(ci.contains((double) k / n)).as(d + " contains k/n").isTrue();
                        assertThat(ci.level()).isEqualTo(LEVELS[l]);
                        assertThat(ci.draws()).isZero();
                    }
                });
    }

    @Test
    void clopperPearsonContainsJeffreys() {
        // Beta(k, n-k+1) <=st Beta(k+1/2, n-k+1/2) <=st Beta(k+1, n-k): the exact interval nests the Jeffreys one.
        qt().withFixedSeed(12).withExamples(1000)
                .forAll(integers().between(1, 2000), integers().between(0, 100), integers().between(0, 3))
                .checkAssert((n, pct, l) -> {
                    long k = Math.round(n * pct / 100.0);
                    Interval cp = ProportionInterval.CLOPPER_PEARSON.interval(k, n, LEVELS[l]);
                    Interval j = ProportionInterval.JEFFREYS.interval(k, n, LEVELS[l]);
                    assertThat(cp.lower()).as("k=" + k + " n=" + n).isLessThanOrEqualTo(j.lower());
                    assertThat(cp.upper()).as("k=" + k + " n=" + n).isGreaterThanOrEqualTo(j.upper());
                });
    }

    @Test
    void clopperPearsonAndWilsonAtZeroSuccessesFollowTheirClosedForms() {
        // At k = 0: exact upper 1-(α/2)^(1/n), Wilson upper z²/(n+z²). The exact interval is NOT always the wider
        // one: from n = 46 on, Wilson's z²/n > -ln(α/2)/n.
        double z2 = 1.959963984540054 * 1.959963984540054;
        for (int n = 1; n <= 2000; n++) {
            Interval cp = ProportionInterval.CLOPPER_PEARSON.interval(0, n, 0.95);
            Interval w = ProportionInterval.WILSON.interval(0, n, 0.95);
            assertThat(w.lower()).isZero();
            assertThat(w.upper()).as("n=" + n).isCloseTo(z2 / (n + z2), org.assertj.core.data.Offset.offset(1e-14));
            assertThat(cp.upper() > w.upper()).as("n=" + n).isEqualTo(n < 46);
            assertThat(cp.upper()).as("n=" + n).isCloseTo(1 - Math.pow(0.025, 1.0 / n),
                    org.assertj.core.data.Offset.offset(1e-12));
        }
    }

    @Test
    void jeffreysUsesTheBrownCaiDasGuptaBoundaryNotStatsmodels() {
        // statsmodels proportion_confint(0, 10, 0.05, 'jeffreys') gives a lower limit > 0; FairKit gives 0.
        Interval zero = ProportionInterval.JEFFREYS.interval(0, 10, 0.95);
        assertThat(zero.lower()).isZero();
        assertThat(zero.upper()).isCloseTo(0.21719626750921, org.assertj.core.data.Offset.offset(1e-9));
        Interval all = ProportionInterval.JEFFREYS.interval(10, 10, 0.95);
        assertThat(all.upper()).isEqualTo(1.0);
        assertThat(all.lower()).isCloseTo(1 - 0.21719626750921, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void agrestiCoullUsesZSquaredNotPlusFour() {
        Interval ac = ProportionInterval.AGRESTI_COULL.interval(3, 20, 0.95);
        double z = 1.959963984540054;
        double nt = 20 + z * z;
        double pt = (3 + z * z / 2) / nt;
        assertThat(ac.lower()).isCloseTo(pt - z * Math.sqrt(pt * (1 - pt) / nt),
                org.assertj.core.data.Offset.offset(1e-15));
        double plusFour = 5.0 / 24;
        assertThat(Math.abs((ac.lower() + ac.upper()) / 2 - plusFour)).isGreaterThan(1e-4);
    }

    @Test
    void waldDegeneratesAtTheBoundaryWhichIsWhyItIsNotRecommended() {
        Interval w = ProportionInterval.WALD.interval(0, 100, 0.95);
        assertThat(w.lower()).isZero();
        assertThat(w.upper()).isZero();
        assertThat(ProportionInterval.WALD.label()).contains("not recommended");
    }

    @Test
    void badInputNamesTheParameterTheValueAndTheDomain() {
        assertThatThrownBy(() -> ProportionInterval.WILSON.interval(11, 10, 0.95))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("successes must be in [0, trials = 10], got 11");
        assertThatThrownBy(() -> ProportionInterval.WILSON.interval(-1, 10, 0.95))
                .hasMessage("successes must be in [0, trials = 10], got -1");
        assertThatThrownBy(() -> ProportionInterval.WILSON.interval(0, 0, 0.95))
                .hasMessage("trials must be >= 1, got 0");
        assertThatThrownBy(() -> ProportionInterval.JEFFREYS.interval(1, 10, 1.0))
                .hasMessage("level must be in (0, 1), e.g. 0.95, got 1.0");
        assertThatThrownBy(() -> ProportionInterval.JEFFREYS.interval(1, 10, Double.NaN))
                .hasMessageContaining("level must be in (0, 1)");
    }
}
