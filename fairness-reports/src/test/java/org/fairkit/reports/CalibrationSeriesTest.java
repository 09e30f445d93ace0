package org.fairkit.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.fairkit.core.FairnessData;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.testkit.SharedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CalibrationSeriesTest {
    /** Golden values: scikit-learn 1.2.1, sklearn.calibration.calibration_curve(y, p, n_bins=10, strategy="uniform"). */
    private static final double TOL = 1e-12;

    private static FairnessData adult;

    private static synchronized FairnessData adultTestSplit() {
        if (adult == null) {
            adult = readAdultTestSplit();
        }
        return adult;
    }

    private static FairnessData readAdultTestSplit() {
        Map<String, List<String>> c = SharedFiles.data("adult-predictions.csv").columns();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < c.get("split").size(); i++) {
            if (c.get("split").get(i).equals("test")) {
                rows.add(i);
            }
        }
        int n = rows.size();
        int[] y = new int[n];
        int[] p = new int[n];
        double[] s = new double[n];
        String[] sex = new String[n];
        String[] race = new String[n];
        for (int k = 0; k < n; k++) {
            int i = rows.get(k);
            y[k] = Integer.parseInt(c.get("y_true").get(i));
            p[k] = Integer.parseInt(c.get("y_pred").get(i));
            s[k] = Double.parseDouble(c.get("proba").get(i));
            sex[k] = c.get("sex").get(i);
            race[k] = c.get("race").get(i);
        }
        return FairnessData.builder().labels(y).predictions(p).scores(s).sensitive("sex", sex)
                .sensitive("race", race).build();
    }

    @ParameterizedTest(name = "adult test split by {0}")
    @ValueSource(strings = {"sex", "race"})
    void uniformBinsMatchScikitLearnCalibrationCurvePerGroup(String feature) {
        JsonNode golden = SharedFiles.golden("adult_calibration.json").path("calibration")
                .path(feature.equals("sex") ? "metrics" : "metrics_by_race").path("by_group");
        FairnessData data = adultTestSplit();
        List<CalibrationSeries> curves = CalibrationSeries.uniformBins(data, 10, feature);
        assertThat(curves).extracting(CalibrationSeries::group)
                .containsExactlyInAnyOrderElementsOf(() -> golden.fieldNames());
        for (CalibrationSeries cs : curves) {
            JsonNode g = golden.path(cs.group()).path("calibration_curve_uniform");
            assertThat(cs.observedRate()).as(cs.group() + " prob_true")
                    .containsExactly(doubles(g.path("prob_true")), within(TOL));
            assertThat(cs.binMeanScore()).as(cs.group() + " prob_pred")
                    .containsExactly(doubles(g.path("prob_pred")), within(TOL));
            long[] nonEmpty = Arrays.stream(doubles(g.path("bin_counts_all_bins"))).mapToLong(x -> (long) x)
                    .filter(x -> x > 0).toArray();
            assertThat(cs.count()).as(cs.group() + " counts").containsExactly(nonEmpty);
        }
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    @Test
    void scoresOnABinEdgeGoToTheLowerBinAsInNumpy() {
        // edges k * 0.1: 0.2 is an edge and belongs to (0.1, 0.2]; 0.3 < 0.30000000000000004 falls in
        // (0.2, 0.30000000000000004]; 0.0 in [0, 0.1]; 0.21 joins 0.3
        FairnessData d = FairnessData.builder().labels(new int[] {1, 0, 1, 0, 1, 1})
                .predictions(new int[] {1, 0, 1, 0, 1, 1}).scores(new double[] {0.3, 0.3, 0.0, 1.0, 0.2, 0.21})
                .sensitive("g", new String[] {"a", "a", "a", "a", "a", "a"}).build();
        CalibrationSeries s = CalibrationSeries.uniformBins(d, 10, "g").get(0);
        assertThat(s.binMeanScore()).containsExactly(0.0, 0.2, (0.3 + 0.3 + 0.21) / 3, 1.0);
        assertThat(s.observedRate()).containsExactly(1.0, 1.0, 2.0 / 3, 0.0);
        assertThat(s.count()).containsExactly(1, 1, 3, 1);
    }

    @Test
    void integerWeightsEqualDuplicatedRows() {
        qt().withExamples(40).forAll(longs().between(0, 1_000_000), integers().between(2, 12)).checkAssert(
                (seed, bins) -> {
                    SplittableRandom r = new SplittableRandom(seed);
                    int n = 60;
                    int[] y = new int[n];
                    double[] s = new double[n];
                    double[] w = new double[n];
                    String[] g = new String[n];
                    List<Integer> dy = new ArrayList<>();
                    List<Double> ds = new ArrayList<>();
                    List<String> dg = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        y[i] = r.nextInt(2);
                        s[i] = r.nextInt(101) / 100.0;
                        w[i] = 1 + r.nextInt(3);
                        g[i] = r.nextBoolean() ? "a" : "b";
                        for (int k = 0; k < w[i]; k++) {
                            dy.add(y[i]);
                            ds.add(s[i]);
                            dg.add(g[i]);
                        }
                    }
                    FairnessData weighted = FairnessData.builder().labels(y).predictions(y).scores(s).weights(w)
                            .sensitive("g", g).build();
                    FairnessData copies = FairnessData.builder().labels(dy.stream().mapToInt(Integer::intValue)
                            .toArray()).predictions(dy.stream().mapToInt(Integer::intValue).toArray())
                            .scores(ds.stream().mapToDouble(Double::doubleValue).toArray())
                            .sensitive("g", dg.toArray(String[]::new)).build();
                    List<CalibrationSeries> a = CalibrationSeries.uniformBins(weighted, bins, "g");
                    List<CalibrationSeries> b = CalibrationSeries.uniformBins(copies, bins, "g");
                    for (int k = 0; k < a.size(); k++) {
                        assertThat(a.get(k).binMeanScore()).containsExactly(b.get(k).binMeanScore(), within(1e-12));
                        assertThat(a.get(k).observedRate()).containsExactly(b.get(k).observedRate(), within(1e-12));
                    }
                });
    }

    @Test
    void theInjectedPenaltyShowsAsUnderstatedScoresForGroupB() {
        FairnessData d = SyntheticLending.generate(6_000, 7);
        List<CalibrationSeries> curves = CalibrationSeries.uniformBins(d, 10, SyntheticLending.ETHNICITY);
        CalibrationSeries a = curves.get(0);
        CalibrationSeries b = curves.get(1);
        assertThat(b.group()).isEqualTo("Group B");
        assertThat(b.expectedCalibrationError()).isGreaterThan(3 * a.expectedCalibrationError());
        assertThat(Arrays.stream(b.observedRate()).sum()).isGreaterThan(Arrays.stream(b.binMeanScore()).sum());
    }

    @Test
    void curvesAreValidatedWithMessagesNamingTheArgumentAndBin() {
        assertThatThrownBy(() -> CalibrationSeries.of("g", new double[] {0.1, 0.1}, new double[] {0, 1},
                new long[] {1, 1})).hasMessage("binMeanScore of group g must be strictly increasing, got 0.1 then 0.1 "
                        + "at bin 1");
        assertThatThrownBy(() -> CalibrationSeries.of("g", new double[] {0.1}, new double[] {1.5}, new long[] {1}))
                .hasMessage("observedRate[0] of group g must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> CalibrationSeries.of("g", new double[] {0.1}, new double[] {1}, new long[] {0}))
                .hasMessage("count[0] of group g must be >= 1 (leave empty bins out), got 0");
        assertThatThrownBy(() -> CalibrationSeries.of("g", new double[] {0.1}, new double[] {}, new long[] {1}))
                .hasMessage("binMeanScore, observedRate and count must have the same length, got 1, 0, 1 for group g");
        FairnessData noScores = FairnessData.builder().labels(new int[] {1}).predictions(new int[] {1})
                .sensitive("g", new String[] {"a"}).build();
        assertThatThrownBy(() -> CalibrationSeries.uniformBins(noScores, 10, "g")).hasMessage(
                "calibration curves need scores: the data has none; set them with FairnessData.builder().scores(...)");
        FairnessData d = SyntheticLending.generate(10, 1);
        assertThatThrownBy(() -> CalibrationSeries.uniformBins(d, 1, "sex")).hasMessage("bins must be in [2, 1000], "
                + "got 1");
        assertThatThrownBy(() -> CalibrationSeries.uniformBins(d, 10)).hasMessage(
                "groupBy needs at least one sensitive feature of [ethnicity, sex]");
    }

    @Test
    void accessorsCopyAndValuesCompareByContent() {
        CalibrationSeries s = CalibrationSeries.of("g", new double[] {0.2, 0.6}, new double[] {0.1, 0.7},
                new long[] {3, 1});
        s.binMeanScore()[0] = 0.9;
        assertThat(s.binMeanScore()[0]).isEqualTo(0.2);
        assertThat(s).isEqualTo(CalibrationSeries.of("g", new double[] {0.2, 0.6}, new double[] {0.1, 0.7},
                new long[] {3, 1}));
        assertThat(s.expectedCalibrationError()).isCloseTo((3 * 0.1 + 1 * 0.1) / 4, within(1e-15));
        assertThat(s).hasToString("g: (0.200, 0.100, n=3) (0.600, 0.700, n=1)");
    }
}
