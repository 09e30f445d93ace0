package org.fairkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Metrics;
import org.junit.jupiter.api.Test;

/**
 * Pins {@link FairnessReport#toString()} on a hand-written fixture, under a German default locale (decimal comma)
 * to prove the table is formatted with {@link Locale#ROOT}.
 *
 * <p>The fixture, by hand: group a (4 rows: TP, FN, FP, TN) has selection rate 2/4 and TPR 1/2; group b (3 rows:
 * TP, TP, TN) 2/3 and 2/2; group c (1 row: FP) 1/1 and no positives, so its TPR is undefined, and with
 * minGroupSize 2 it is flagged and left out of disparities. Overall: 5/8 and 3/4. Over the eligible groups a and
 * b: SR difference 2/3 - 1/2, ratio (1/2)/(2/3) = 0.75, difference to overall |1/2 - 5/8| = 0.125, ratio to
 * overall (1/2)/(5/8) = 0.8; TPR difference 0.5, ratio 0.5, to overall |1 - 3/4| = 0.25 and (1/2)/(3/4).
 * Against reference a: statistical parity difference 2/3 - 1/2, disparate impact (2/3)/(1/2).
 */
class FairnessReportFormatTest {

    @Test
    void toStringPrintsAFixedWidthTableIndependentOfTheDefaultLocale() {
        Locale display = Locale.getDefault(Locale.Category.DISPLAY);
        Locale format = Locale.getDefault(Locale.Category.FORMAT);
        Locale locale = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        String text;
        try {
            assertThat(String.format("%.1f", 0.5)).as("the locale in force uses a decimal comma").isEqualTo("0,5");
            text = fixtureReport().toString();
        } finally {
            Locale.setDefault(locale);
            Locale.setDefault(Locale.Category.DISPLAY, display);
            Locale.setDefault(Locale.Category.FORMAT, format);
        }
        String version = Provenance.currentLibraryVersion();
        assertThat(version).isNotEqualTo("unknown");
        assertThat(text).isEqualTo(""
                + "FairKit report: 3 groups by race, 8 rows, unweighted\n"
                + "reference: a; minGroupSize: 2; zero division: UNDEFINED\n"
                + "intervals: none\n"
                + "\n"
                + "group    n  count  selection_rate  true_positive_rate\n"
                + "a        4      4          0.5000              0.5000\n"
                + "b        3      3          0.6667              1.0000\n"
                + "c *      1      1          1.0000           undefined\n"
                + "overall  8      8          0.6250              0.7500\n"
                + "* below minGroupSize 2: reported, left out of disparities\n"
                + "\n"
                + "disparity              selection_rate  true_positive_rate\n"
                + "difference                     0.1667              0.5000\n"
                + "ratio                          0.7500              0.5000\n"
                + "difference_to_overall          0.1250              0.2500\n"
                + "ratio_to_overall               0.8000              0.6667\n"
                + "\n"
                + "fairness metric                 value  groups\n"
                + "demographic_parity_ratio       0.7500  a vs b\n"
                + "equal_opportunity_difference   0.5000  b vs a\n"
                + "statistical_parity_difference  0.1667  b vs a\n"
                + "disparate_impact               1.3333  b vs a\n"
                + "\n"
                + "warnings: 2\n"
                + "- group race=c: n = 1 is below minGroupSize 2; reported, but left out of disparities\n"
                + "- true_positive_rate of group race=c is undefined: no positives (TP + FN = 0)\n"
                // the input fingerprint\'s first 16 hex digits: SHA-256 of the header naming the columns, then the rows
                // (label, prediction, score, weight, levels; see org.fairkit.core.internal.Fingerprint)
                + "fairkit " + version + ", input sha256 6beffd92854facf0\n");
    }

    private static FairnessData fixtureData() {
        return FairnessData.builder()
                .labels(new int[] {1, 1, 0, 0, 1, 1, 0, 0})
                .predictions(new int[] {1, 0, 1, 0, 1, 1, 0, 1})
                .sensitive("race", new String[] {"a", "a", "a", "a", "b", "b", "b", "c"})
                .build();
    }

    private static FairnessReport fixtureReport() {
        return Fairness.of(fixtureData())
                .metrics(Metrics.COUNT, Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE)
                .fairnessMetrics(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO, FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE,
                        FairnessMetric.STATISTICAL_PARITY_DIFFERENCE, FairnessMetric.DISPARATE_IMPACT)
                .reference("a")
                .minGroupSize(2)
                .clock(Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC))
                .evaluate();
    }
}
