package org.fairkit.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.fairkit.core.Estimand;
import org.fairkit.core.EvaluationSpec;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.IntervalEstimator;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.metrics.ZeroDivision;
import org.fairkit.stats.Bayesian;
import org.fairkit.stats.Bootstrap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The one count seam: a database's {@code GROUP BY} counts become a report through {@link Fairness#fromCounts}, as
 * Spark's do, so SQL sources get the count-path intervals: COMPAS through DuckDB gives the in-memory report, within
 * 1e-12 of it (bit for bit unweighted), and for the same seed exactly the in-memory intervals.
 */
class CountSeamTest {
    private Connection c;

    @BeforeEach
    void open() throws SQLException {
        c = DriverManager.getConnection("jdbc:duckdb:");
        Compas.loadIntoDuckDb(c, "compas");
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    private static EvaluationSpec spec(List<String> by, IntervalEstimator intervals) {
        return EvaluationSpec.builder().groupBy(by.toArray(String[]::new))
                .metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE, Metrics.FALSE_POSITIVE_RATE,
                        Metrics.ACCURACY)
                .zeroDivision(ZeroDivision.UNDEFINED).intervals(intervals).buildFor(List.of("race", "sex"));
    }

    @Test
    void compasThroughDuckDbHasTheInMemoryCountPathIntervalsForTheSameSeed() throws SQLException {
        FairnessData data = Compas.inMemory(false);
        SqlSource source = SqlSource.table(c, Compas.columns(false), "compas");
        SqlTally tally = source.tally();
        for (List<String> by : List.of(List.of("race"), List.of("race", "sex"))) {
            for (IntervalEstimator estimator : List.<IntervalEstimator>of(Bootstrap.bca(300).seed(11),
                    Bootstrap.percentile(200).seed(3), Bayesian.jeffreys().seed(5))) {
                EvaluationSpec spec = spec(by, estimator);
                assertThat(SqlSource.needsRows(spec, false)).isFalse();
                FairnessReport expected = Fairness.of(data, spec).clock(Compas.CLOCK).evaluate();
                FairnessReport viaTally = tally.report(spec, Compas.CLOCK);
                FairnessReport viaSource = source.evaluate(spec, Compas.CLOCK);
                for (FairnessReport actual : List.of(viaTally, viaSource)) {
                    assertThat(actual.groups()).isEqualTo(expected.groups());
                    assertThat(actual.results().tally()).isEqualTo(expected.results().tally());
                    for (GroupKey g : expected.groups()) {
                        for (GroupMetric m : spec.metrics()) {
                            assertThat(actual.value(m, g)).as("%s %s", g, m).isEqualTo(expected.value(m, g));
                        }
                    }
                    assertThat(actual.fairnessMetrics()).isEqualTo(expected.fairnessMetrics());
                    Map<Estimand, Interval> cis = actual.intervals();
                    assertThat(cis).as("%s by %s", estimator.description(), by).isNotEmpty()
                            .isEqualTo(expected.intervals());
                    assertThat(actual.provenance().configuration().get("intervals"))
                            .isEqualTo(expected.provenance().configuration().get("intervals"));
                }
            }
        }
    }

    @Test
    void weightedCountsGiveTheInMemoryReportAndIntervalsWithinTheTolerance() throws SQLException {
        FairnessData data = Compas.inMemory(true);
        SqlTally tally = SqlSource.table(c, Compas.columns(true), "compas").tally();
        EvaluationSpec spec = spec(List.of("race"), Bayesian.jeffreys().seed(9));
        FairnessReport expected = Fairness.of(data, spec).clock(Compas.CLOCK).evaluate();
        FairnessReport actual = tally.report(spec, Compas.CLOCK);
        for (GroupKey g : expected.groups()) {
            for (GroupMetric m : spec.metrics()) {
                assertThat(actual.value(m, g).value()).as("%s %s", g, m)
                        .isCloseTo(expected.value(m, g).value(), within(Compas.TOLERANCE));
            }
        }
        assertThat(actual.intervals().keySet()).isEqualTo(expected.intervals().keySet());
        for (Map.Entry<Estimand, Interval> e : expected.intervals().entrySet()) {
            Interval a = actual.intervals().get(e.getKey());
            assertThat(a.lower()).as("%s", e.getKey()).isCloseTo(e.getValue().lower(), within(1e-9));
            assertThat(a.upper()).as("%s", e.getKey()).isCloseTo(e.getValue().upper(), within(1e-9));
        }
    }

    @Test
    void aBootstrapOfWeightedDataNeedsTheRowsAndTheSourceLoadsThem() throws SQLException {
        EvaluationSpec spec = spec(List.of("race"), Bootstrap.bca(100).seed(1));
        assertThat(SqlSource.needsRows(spec, true)).isTrue();
        assertThat(SqlSource.needsRows(spec(List.of("race"), Bootstrap.bca(100).resampleRows()), false)).isTrue();
        SqlSource weighted = SqlSource.table(c, Compas.columns(true), "compas");
        assertThatThrownBy(() -> weighted.tally().report(spec, Compas.CLOCK))
                .hasMessageContaining("a bootstrap of weighted counts resamples the rows");
        FairnessReport fromRows = weighted.evaluate(spec, Compas.CLOCK);
        FairnessReport expected = Fairness.of(Compas.inMemory(true), spec).clock(Compas.CLOCK).evaluate();
        assertThat(fromRows.intervals()).isNotEmpty().isEqualTo(expected.intervals());
    }
}
