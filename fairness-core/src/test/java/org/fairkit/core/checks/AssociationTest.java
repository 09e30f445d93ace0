package org.fairkit.core.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.testkit.GoldenJson;
import org.fairkit.testkit.SharedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * {@link Association} against SciPy 1.10.1 in {@code ../shared/golden/stats.json} and against brute-force
 * references. Golden: {@code chi2_contingency} rows with {@code correction=False}, where Pearson's statistic gives
 * Cramér's V = sqrt(χ² / (N (min(r, c) − 1))) and the G statistic ({@code lambda_='log-likelihood'}) gives the mutual
 * information G / (2N); {@code levene(center='mean')} rows, whose statistic is the one-way ANOVA F of
 * {@code |y − group mean|}, so that η² of those deviations is F (k − 1) / (F (k − 1) + N − k). Tolerance
 * {@value #TOLERANCE}.
 */
class AssociationTest {
    static final double TOLERANCE = 1e-12;

    static Stream<Arguments> chi2Rows() {
        List<Arguments> rows = new ArrayList<>();
        SharedFiles.golden("stats.json").get("chi2_contingency").get("rows").forEach(r -> {
            if (!r.get("correction").asBoolean()) {
                rows.add(Arguments.of(r.get("call").asText(), r));
            }
        });
        return rows.stream();
    }

    private static long[][] table(JsonNode t) {
        long[][] out = new long[t.size()][];
        for (int i = 0; i < t.size(); i++) {
            out[i] = new long[t.get(i).size()];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = t.get(i).get(j).asLong();
            }
        }
        return out;
    }

    private static long total(long[][] t) {
        long n = 0;
        for (long[] r : t) {
            for (long x : r) {
                n += x;
            }
        }
        return n;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chi2Rows")
    void cramersVAndMutualInformationFollowScipyChiSquaredAndGStatistics(String call, JsonNode row) {
        long[][] t = table(row.get("table"));
        double n = total(t);
        double statistic = GoldenJson.number(row.get("statistic"));
        int k = Math.min(t.length, t[0].length);
        if (row.get("lambda_").isNull()) {
            assertThat(Association.chiSquared(t).orElseThrow()).as(row.get("call").asText())
                    .isCloseTo(statistic, within(TOLERANCE * Math.max(1, statistic)));
            assertThat(Association.cramersV(t).orElseThrow()).as(row.get("call").asText())
                    .isCloseTo(Math.sqrt(statistic / (n * (k - 1))), within(TOLERANCE));
        } else {
            assertThat(row.get("lambda_").asText()).isEqualTo("log-likelihood");
            assertThat(Association.mutualInformation(t).orElseThrow()).as(row.get("call").asText())
                    .isCloseTo(statistic / (2 * n), within(TOLERANCE));
            assertThat(Association.mutualInformationBits(t).orElseThrow())
                    .isCloseTo(statistic / (2 * n) / Math.log(2), within(TOLERANCE));
        }
    }

    static Stream<Arguments> leveneRows() {
        List<Arguments> rows = new ArrayList<>();
        SharedFiles.golden("stats.json").get("levene").get("rows").forEach(r -> {
            if (r.get("center").asText().equals("mean")) {
                rows.add(Arguments.of(r.get("id").asText(), r));
            }
        });
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("leveneRows")
    void correlationRatioSquaredIsTheAnovaShareOfScipyLeveneStatistic(String id, JsonNode row) {
        JsonNode groups = row.get("groups");
        List<Double> z = new ArrayList<>();
        List<Integer> codes = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            double[] y = GoldenJson.doubles(groups.get(g));
            double mean = 0;
            for (double v : y) {
                mean += v;
            }
            mean /= y.length;
            for (double v : y) {
                z.add(Math.abs(v - mean));
                codes.add(g);
            }
        }
        double f = GoldenJson.number(row.get("statistic"));
        int k = groups.size();
        int n = z.size();
        double eta2 = f * (k - 1) / (f * (k - 1) + n - k);
        double eta = Association.correlationRatio(z.stream().mapToDouble(Double::doubleValue).toArray(),
                codes.stream().mapToInt(Integer::intValue).toArray()).orElseThrow();
        assertThat(eta * eta).as(row.get("call").asText()).isCloseTo(eta2, within(TOLERANCE));
    }

    /** Small contingency tables with empty rows, columns and cells. */
    static Gen<long[][]> tables() {
        Gen<long[][]> gen = rs -> {
            int r = Generate.range(1, 4).generate(rs);
            int c = Generate.range(1, 4).generate(rs);
            long[][] t = new long[r][c];
            for (int i = 0; i < r; i++) {
                boolean emptyRow = Generate.range(0, 5).generate(rs) == 0;
                for (int j = 0; j < c; j++) {
                    boolean zero = emptyRow || Generate.range(0, 3).generate(rs) == 0;
                    t[i][j] = zero ? 0 : Generate.range(0, 20).generate(rs);
                }
            }
            return t;
        };
        return gen.describedAs(java.util.Arrays::deepToString);
    }

    private static double entropy(double[] counts, double n) {
        double h = 0;
        for (double x : counts) {
            if (x > 0) {
                h -= x / n * Math.log(x / n);
            }
        }
        return h;
    }

    @Test
    void mutualInformationIsTheSumOfMarginalEntropiesMinusTheJointOne() {
        qt().withExamples(300).forAll(tables()).checkAssert(t -> {
            double n = total(t);
            MetricValue mi = Association.mutualInformation(t);
            if (n == 0) {
                assertThat(mi.reason()).hasValue("the table is empty (N = 0)");
                return;
            }
            double[] rows = new double[t.length];
            double[] cols = new double[t[0].length];
            List<Double> cells = new ArrayList<>();
            for (int i = 0; i < t.length; i++) {
                for (int j = 0; j < t[0].length; j++) {
                    rows[i] += t[i][j];
                    cols[j] += t[i][j];
                    cells.add((double) t[i][j]);
                }
            }
            double joint = entropy(cells.stream().mapToDouble(Double::doubleValue).toArray(), n);
            assertThat(mi.orElseThrow()).isCloseTo(Math.max(0, entropy(rows, n) + entropy(cols, n) - joint),
                    within(1e-12));
            assertThat(mi.value()).isLessThanOrEqualTo(Math.min(entropy(rows, n), entropy(cols, n)) + 1e-12);
        });
    }

    @Test
    void measuresAreSymmetricAndIgnoreTheOrderOfLevelsToTheLastBit() {
        qt().withExamples(300).forAll(tables()).checkAssert(t -> {
            long[][] transposed = new long[t[0].length][t.length];
            long[][] reversed = new long[t.length][];
            for (int i = 0; i < t.length; i++) {
                reversed[t.length - 1 - i] = t[i].clone();
                for (int j = 0; j < t[0].length; j++) {
                    transposed[j][i] = t[i][j];
                }
            }
            for (long[][] other : List.of(transposed, reversed)) {
                // bit for bit: relabeling the levels must never move a value across a severity threshold
                assertSame(Association.mutualInformation(other), Association.mutualInformation(t));
                assertSame(Association.chiSquared(other), Association.chiSquared(t));
                assertSame(Association.cramersV(other), Association.cramersV(t));
                assertSame(Association.cramersVBiasCorrected(other), Association.cramersVBiasCorrected(t));
            }
            MetricValue v = Association.cramersV(t);
            if (v.isDefined()) {
                assertThat(v.value()).isBetween(0.0, 1.0);
            }
            MetricValue vc = Association.cramersVBiasCorrected(t);
            if (vc.isDefined()) {
                assertThat(vc.value()).isBetween(0.0, 1.0);
            }
        });
    }

    private static void assertSame(MetricValue a, MetricValue b) {
        assertThat(a.isDefined()).isEqualTo(b.isDefined());
        assertThat(Double.doubleToLongBits(a.value())).isEqualTo(Double.doubleToLongBits(b.value()));
    }

    private static void assertClose(MetricValue a, MetricValue b) {
        assertThat(a.isDefined()).isEqualTo(b.isDefined());
        if (b.isDefined()) {
            assertThat(a.value()).isCloseTo(b.value(), within(1e-12));
        }
    }

    @Test
    void independenceGivesZeroAndADeterminedFeatureGivesOne() {
        // Outer product of margins (10, 30) x (1, 2, 3): exactly independent.
        long[][] independent = {{10, 20, 30}, {30, 60, 90}};
        assertThat(Association.cramersV(independent).orElseThrow()).isZero();
        assertThat(Association.mutualInformation(independent).orElseThrow()).isCloseTo(0, within(1e-15));
        assertThat(Association.cramersVBiasCorrected(independent).orElseThrow()).isZero();
        long[][] determined = {{25, 0, 0}, {0, 25, 0}, {0, 0, 50}};
        assertThat(Association.cramersV(determined).orElseThrow()).isCloseTo(1, within(1e-15));
        double h = -(0.25 * Math.log(0.25) * 2 + 0.5 * Math.log(0.5));
        assertThat(Association.mutualInformation(determined).orElseThrow()).isCloseTo(h, within(1e-15));
        // Bergsma: phi2 = 2 - 4/99, r~ = c~ = 3 - 4/99, V~ = sqrt(phi2~ / (2 - 4/99)) = 1.
        assertThat(Association.cramersVBiasCorrected(determined).orElseThrow()).isCloseTo(1, within(1e-12));
        // A single level: undefined with the reason.
        assertThat(Association.cramersV(new long[][] {{3, 4}}).reason())
                .hasValue("the feature has a single level (among rows with a value)");
        assertThat(Association.cramersV(new long[][] {{3, 0}, {4, 0}}).reason())
                .hasValue("a single group (among rows with a value)");
    }

    /** Values and group codes with constant groups, single-row groups and unused codes. */
    static Gen<double[][]> numericByGroup() {
        Gen<double[][]> gen = rs -> {
            int n = Generate.range(1, 30).generate(rs);
            int groups = Generate.range(1, 5).generate(rs);
            double[] x = new double[n];
            double[] g = new double[n];
            for (int i = 0; i < n; i++) {
                g[i] = Generate.range(0, groups - 1).generate(rs);
                x[i] = Generate.range(0, 2).generate(rs) == 0 ? g[i] : Generate.range(-50, 50).generate(rs) / 3.0;
            }
            return new double[][] {x, g};
        };
        return gen.describedAs(a -> java.util.Arrays.deepToString(a));
    }

    /** η² = 1 − SS_within / SS_total (the other side of the ANOVA identity); bounds; the same bits after reordering. */
    @Test
    void correlationRatioEqualsOneMinusTheWithinShareAndIgnoresOrderAndLabels() {
        qt().withExamples(300).forAll(numericByGroup()).checkAssert(a -> {
            double[] x = a[0];
            int[] g = java.util.Arrays.stream(a[1]).mapToInt(v -> (int) v).toArray();
            MetricValue eta = Association.correlationRatio(x, g);
            double mean = java.util.Arrays.stream(x).average().orElseThrow();
            double ssTotal = java.util.Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum();
            if (ssTotal == 0) {
                assertThat(eta.isDefined()).isFalse();
                return;
            }
            double ssWithin = 0;
            for (int k = 0; k < 5; k++) {
                final int code = k;
                double[] xs = java.util.stream.IntStream.range(0, x.length).filter(i -> g[i] == code)
                        .mapToDouble(i -> x[i]).toArray();
                double m = java.util.Arrays.stream(xs).average().orElse(0);
                ssWithin += java.util.Arrays.stream(xs).map(v -> (v - m) * (v - m)).sum();
            }
            assertThat(eta.orElseThrow() * eta.value()).isCloseTo(Math.max(0, 1 - ssWithin / ssTotal), within(1e-12));
            assertThat(eta.value()).isBetween(0.0, 1.0);
            int[] relabeled = java.util.Arrays.stream(g).map(v -> 4 - v).toArray();
            double[] rx = new double[x.length];
            int[] rg = new int[x.length];
            for (int i = 0; i < x.length; i++) {
                rx[i] = x[x.length - 1 - i];
                rg[i] = relabeled[x.length - 1 - i];
            }
            // bit for bit: a value exactly at a severity threshold must not cross it when the rows are reordered
            assertThat(Association.correlationRatio(rx, rg).orElseThrow()).isEqualTo(eta.value());
        });
    }

    @Test
    void correlationRatioIsInvariantUnderAffineMapsAndKnownOnSmallData() {
        double[] x = {1, 2, 3, 7, 8, 9};
        int[] g = {0, 0, 0, 1, 1, 1};
        // Means 2 and 8, grand 5: SS_between = 6 * 9 = 54, SS_total = 54 + 4 = 58.
        assertThat(Association.correlationRatio(x, g).orElseThrow()).isCloseTo(Math.sqrt(54.0 / 58), within(1e-15));
        double[] y = java.util.Arrays.stream(x).map(v -> -3 * v + 100).toArray();
        assertThat(Association.correlationRatio(y, g).orElseThrow()).isCloseTo(Math.sqrt(54.0 / 58), within(1e-14));
        assertThat(Association.correlationRatio(new double[] {4, 4}, new int[] {0, 1}).reason())
                .hasValue("the feature is constant (total sum of squares 0)");
        assertThatThrownBy(() -> Association.correlationRatio(new double[] {1, Double.NaN}, new int[] {0, 1}))
                .hasMessage("values, row 1: got NaN; expected a finite number");
        assertThatThrownBy(() -> Association.cramersV(new long[][] {{1, 2}, {3}}))
                .hasMessage("contingency table row 1 has 1 cells; expected 2 (a rectangular table)");
        assertThatThrownBy(() -> Association.mutualInformation(new long[][] {{1, -2}}))
                .hasMessage("contingency table cell [0][1]: got -2; expected a count >= 0");
    }
}
