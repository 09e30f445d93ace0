package org.fairkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every bad input of {@link FairnessData} fails with an {@link IllegalArgumentException} whose message names the
 * column, the first bad row and the expected domain. The messages are API (built in
 * {@link org.fairkit.core.internal.InputErrors}), so each is asserted word for word.
 */
class FairnessDataValidationTest {
    private static final int[] Y = {0, 1, 1, 0};
    private static final int[] P = {0, 1, 0, 1};
    private static final String[] RACE = {"a", "b", "a", "b"};

    private static FairnessData.Builder valid() {
        return FairnessData.builder().labels(Y).predictions(P).sensitive("race", RACE);
    }

    private static void assertRejected(FairnessData.Builder b, String message) {
        assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    // ---- lengths ----

    @Test
    void predictionsOfAnotherLengthThanLabelsAreRejected() {
        assertRejected(FairnessData.builder().labels(Y).predictions(new int[] {0, 1, 0}).sensitive("race", RACE),
                "column 'predictions' has 3 rows; expected 4 (the length of 'labels')");
    }

    @Test
    void weightsOfAnotherLengthThanLabelsAreRejected() {
        assertRejected(valid().weights(new double[] {1, 1}),
                "column 'weights' has 2 rows; expected 4 (the length of 'labels')");
    }

    @Test
    void scoresOfAnotherLengthThanLabelsAreRejected() {
        assertRejected(valid().scores(new double[] {0.5, 0.5, 0.5, 0.5, 0.5}),
                "column 'scores' has 5 rows; expected 4 (the length of 'labels')");
    }

    @Test
    void aSensitiveFeatureOfAnotherLengthThanLabelsIsRejected() {
        assertRejected(valid().sensitive("sex", new String[] {"F", "M", "F"}),
                "column 'sex' has 3 rows; expected 4 (the length of 'labels')");
    }

    @Test
    void sensitiveCodesOfAnotherLengthThanLabelsAreRejected() {
        assertRejected(valid().sensitive("sex", new int[] {0, 1}, new String[] {"F", "M"}),
                "column 'sex' has 2 rows; expected 4 (the length of 'labels')");
    }

    // ---- labels and predictions ----

    @Test
    void aLabelOutsideZeroOrOneIsRejectedWithItsRow() {
        assertRejected(FairnessData.builder().labels(new int[] {0, 1, 2, 0}).predictions(P).sensitive("race", RACE),
                "column 'labels', row 2: got 2; expected 0 or 1");
    }

    @Test
    void aNegativeLabelIsRejectedWithItsRow() {
        assertRejected(FairnessData.builder().labels(new int[] {-1, 1, 1, 0}).predictions(P).sensitive("race", RACE),
                "column 'labels', row 0: got -1; expected 0 or 1");
    }

    @Test
    void aPredictionOutsideZeroOrOneIsRejectedWithItsRow() {
        assertRejected(FairnessData.builder().labels(Y).predictions(new int[] {0, 1, 0, 5}).sensitive("race", RACE),
                "column 'predictions', row 3: got 5; expected 0 or 1");
    }

    @Test
    void aLabelOutsideZeroOrOneFromRecordsIsRejectedWithItsRow() {
        List<Applicant> rs = applicants();
        rs.set(1, new Applicant(7, true, 0.5, 1.0, "a", "F"));
        assertThatThrownBy(() -> FairnessData.fromRecords(rs).label(Applicant::outcome)
                .predictionWhen(Applicant::approved).sensitive("race", Applicant::race).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'labels', row 1: got 7; expected 0 or 1");
    }

    @Test
    void aPredictionOutsideZeroOrOneFromRecordsIsRejectedWithItsRow() {
        assertThatThrownBy(() -> FairnessData.fromRecords(applicants()).label(Applicant::outcome)
                .prediction(a -> a.race().equals("b") ? 2 : 0).sensitive("race", Applicant::race).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'predictions', row 1: got 2; expected 0 or 1");
    }

    // ---- scores ----

    @Test
    void aNanScoreIsRejectedWithItsRow() {
        assertRejected(valid().scores(new double[] {0.1, Double.NaN, 0.3, 0.4}),
                "column 'scores', row 1: got NaN; expected a finite score in [0, 1]");
    }

    @Test
    void anInfiniteScoreIsRejectedWithItsRow() {
        assertRejected(valid().scores(new double[] {0.1, 0.2, Double.POSITIVE_INFINITY, 0.4}),
                "column 'scores', row 2: got Infinity; expected a finite score in [0, 1]");
    }

    @Test
    void aScoreAboveOneIsRejectedWithItsRow() {
        assertRejected(valid().scores(new double[] {0.1, 0.2, 0.3, 1.5}),
                "column 'scores', row 3: got 1.5; expected a finite score in [0, 1]");
    }

    @Test
    void aNegativeScoreIsRejectedWithItsRow() {
        assertRejected(valid().scores(new double[] {-0.25, 0.2, 0.3, 0.4}),
                "column 'scores', row 0: got -0.25; expected a finite score in [0, 1]");
    }

    @Test
    void scoresOfExactlyZeroAndOneAreAccepted() {
        FairnessData d = valid().scores(new double[] {0.0, 1.0, 0.5, 1.0}).build();
        assertThat(d.score(1)).isEqualTo(1.0);
    }

    // ---- weights ----

    @Test
    void aNegativeWeightIsRejectedWithItsRow() {
        assertRejected(valid().weights(new double[] {1, 2, -1, 1}),
                "column 'weights', row 2: got -1.0; expected a finite weight >= 0");
    }

    @Test
    void aNanWeightIsRejectedWithItsRow() {
        assertRejected(valid().weights(new double[] {Double.NaN, 2, 1, 1}),
                "column 'weights', row 0: got NaN; expected a finite weight >= 0");
    }

    @Test
    void anInfiniteWeightIsRejectedWithItsRow() {
        assertRejected(valid().weights(new double[] {1, 2, 1, Double.POSITIVE_INFINITY}),
                "column 'weights', row 3: got Infinity; expected a finite weight >= 0");
    }

    /** Each weight is finite, but their sum is not: the tally could not represent it. */
    @Test
    void weightsWhoseTotalOverflowsAreRejected() {
        assertRejected(valid().weights(new double[] {Double.MAX_VALUE, 1, Double.MAX_VALUE, 1}),
                "column 'weights': total Infinity; expected a finite total weight");
    }

    @Test
    void largeWeightsWithAFiniteTotalAreAccepted() {
        double quarter = Double.MAX_VALUE / 4;
        FairnessData d = valid().weights(new double[] {quarter, quarter, quarter, quarter}).build();
        assertThat(Fairness.of(d).metrics(org.fairkit.core.metrics.Metrics.SELECTION_RATE).evaluate()
                .overall(org.fairkit.core.metrics.Metrics.SELECTION_RATE).value()).isEqualTo(0.5);
    }

    @Test
    void aNegativeWeightFromRecordsIsRejectedWithItsRow() {
        List<Applicant> rs = applicants();
        rs.set(3, new Applicant(1, true, 0.5, -2.0, "b", "M"));
        assertThatThrownBy(() -> FairnessData.fromRecords(rs).label(Applicant::outcome)
                .predictionWhen(Applicant::approved).weight(Applicant::weight).sensitive("race", Applicant::race)
                .build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'weights', row 3: got -2.0; expected a finite weight >= 0");
    }

    @Test
    void zeroWeightsAreAccepted() {
        assertThat(valid().weights(new double[] {0, 0, 0, 0}).build().weight(2)).isEqualTo(0.0);
    }

    // ---- sensitive features ----

    @Test
    void aNullLevelIsRejectedWithItsRow() {
        assertRejected(valid().sensitive("sex", new String[] {"F", "M", null, "F"}),
                "column 'sex', row 2: got null; expected a non-null level");
    }

    @Test
    void aNullLevelFromRecordsIsRejectedWithItsRow() {
        List<Applicant> rs = applicants();
        rs.set(2, new Applicant(1, true, 0.5, 1.0, null, "M"));
        assertThatThrownBy(() -> FairnessData.fromRecords(rs).label(Applicant::outcome)
                .predictionWhen(Applicant::approved).sensitive("race", Applicant::race).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'race', row 2: got null; expected a non-null level");
    }

    @Test
    void aCodeAtOrAboveTheNumberOfLevelsIsRejectedWithItsRow() {
        assertRejected(valid().sensitive("sex", new int[] {0, 1, 2, 0}, new String[] {"F", "M"}),
                "column 'sex', row 2: got 2; expected a code in [0, 2) indexing its levels");
    }

    @Test
    void aNegativeCodeIsRejectedWithItsRow() {
        assertRejected(valid().sensitive("sex", new int[] {0, -1, 1, 0}, new String[] {"F", "M"}),
                "column 'sex', row 1: got -1; expected a code in [0, 2) indexing its levels");
    }

    @Test
    void aRepeatedLevelInTheLevelListIsRejected() {
        assertRejected(valid().sensitive("sex", new int[] {0, 1, 1, 0}, new String[] {"F", "M", "F"}),
                "column 'sex': level 'F' appears twice in the levels; expected distinct levels");
    }

    @Test
    void aNullLevelInTheLevelListIsRejectedWithItsIndex() {
        assertRejected(valid().sensitive("sex", new int[] {0, 1, 1, 0}, new String[] {"F", null, "M"}),
                "column 'sex' levels, index 1: got null; expected a non-null level name");
    }

    @Test
    void aBlankSensitiveFeatureNameIsRejectedAtOnce() {
        assertThatThrownBy(() -> FairnessData.builder().sensitive(" ", RACE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a sensitive feature needs a non-blank name, got ' '");
    }

    // ---- missing, empty and repeated columns ----

    @Test
    void dataWithoutRowsIsRejected() {
        assertRejected(FairnessData.builder().labels(new int[0]).predictions(new int[0])
                .sensitive("race", new String[0]), "the data has no rows; expected at least one row");
    }

    @Test
    void recordsWithoutAnyRecordAreRejected() {
        assertThatThrownBy(() -> FairnessData.fromRecords(List.<Applicant>of()).label(Applicant::outcome)
                .predictionWhen(Applicant::approved).sensitive("race", Applicant::race).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the data has no rows; expected at least one row");
    }

    @Test
    void missingLabelsAreRejected() {
        assertRejected(FairnessData.builder().predictions(P).sensitive("race", RACE),
                "column 'labels' is required; set it with labels(...)");
    }

    @Test
    void missingPredictionsAreRejected() {
        assertRejected(FairnessData.builder().labels(Y).sensitive("race", RACE),
                "column 'predictions' is required; set it with predictions(...)");
    }

    @Test
    void aMissingSensitiveFeatureIsRejected() {
        assertRejected(FairnessData.builder().labels(Y).predictions(P),
                "column 'sensitive' is required; set it with sensitive(name, levels)");
    }

    @Test
    void aMissingSensitiveFeatureFromRecordsNamesTheAccessorSetter() {
        assertThatThrownBy(() -> FairnessData.fromRecords(java.util.List.of("a")).label(r -> 1).prediction(r -> 0)
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'sensitive' is required; set it with sensitive(name, accessor)");
    }

    @Test
    void missingLabelsFromRecordsAreRejected() {
        assertThatThrownBy(() -> FairnessData.fromRecords(applicants()).predictionWhen(Applicant::approved)
                .sensitive("race", Applicant::race).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'labels' is required; set it with label(...) or labelWhen(...)");
    }

    @Test
    void missingPredictionsFromRecordsAreRejected() {
        assertThatThrownBy(() -> FairnessData.fromRecords(applicants()).label(Applicant::outcome)
                .sensitive("race", Applicant::race).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'predictions' is required; set it with prediction(...) or predictionWhen(...)");
    }

    @Test
    void aNullRecordIsRejectedWithItsRow() {
        List<Applicant> rs = applicants();
        rs.set(1, null);
        assertThatThrownBy(() -> FairnessData.fromRecords(rs).label(Applicant::outcome)
                .predictionWhen(Applicant::approved).sensitive("race", Applicant::race).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'records', row 1: got null; expected a non-null record");
    }

    @Test
    void labelsSetTwiceAreRejectedAtTheSecondCall() {
        FairnessData.Builder b = FairnessData.builder().labels(Y);
        assertThatThrownBy(() -> b.labels(new boolean[] {true, false, true, false}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'labels' is already set; each column is set once");
    }

    @Test
    void predictionsSetTwiceAreRejectedAtTheSecondCall() {
        FairnessData.Builder b = FairnessData.builder().predictions(P);
        assertThatThrownBy(() -> b.predictions(P)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'predictions' is already set; each column is set once");
    }

    @Test
    void scoresSetTwiceAreRejectedAtTheSecondCall() {
        FairnessData.Builder b = FairnessData.builder().scores(new double[] {0.5});
        assertThatThrownBy(() -> b.scores(new double[] {0.5})).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'scores' is already set; each column is set once");
    }

    @Test
    void weightsSetTwiceAreRejectedAtTheSecondCall() {
        FairnessData.Builder b = FairnessData.builder().weights(new double[] {1});
        assertThatThrownBy(() -> b.weights(new double[] {1})).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'weights' is already set; each column is set once");
    }

    @Test
    void aSensitiveFeatureSetTwiceIsRejectedAtTheSecondCall() {
        FairnessData.Builder b = FairnessData.builder().sensitive("race", RACE);
        assertThatThrownBy(() -> b.sensitive("race", new int[] {0, 0, 0, 0}, new String[] {"a"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'race' is already set; each column is set once");
    }

    @Test
    void aSensitiveFeatureNamedLikeAnotherColumnIsRejected() {
        assertThatThrownBy(() -> FairnessData.builder().sensitive("weights", RACE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'weights' is already set; each column is set once");
    }

    @Test
    void aRecordColumnSetTwiceIsRejectedAtTheSecondCall() {
        FairnessData.RecordBuilder<Applicant> b = FairnessData.fromRecords(applicants()).label(Applicant::outcome);
        assertThatThrownBy(() -> b.labelWhen(a -> a.outcome() == 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'labels' is already set; each column is set once");
        b.sensitive("race", Applicant::race);
        assertThatThrownBy(() -> b.sensitive("race", Applicant::sex)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'race' is already set; each column is set once");
    }

    // ---- the happy path ----

    @Test
    void fromRecordsBuildsTheSameDataAsTheArrayBuilder() {
        List<Applicant> rs = applicants();
        FairnessData fromRecords = FairnessData.fromRecords(rs).label(Applicant::outcome)
                .predictionWhen(Applicant::approved).score(Applicant::score).weight(Applicant::weight)
                .sensitive("race", Applicant::race).sensitive("sex", Applicant::sex).build();
        FairnessData fromArrays = FairnessData.builder()
                .labels(new int[] {1, 0, 1, 0, 1})
                .predictions(new boolean[] {true, true, false, false, true})
                .scores(new double[] {0.9, 0.6, 0.2, 0.1, 0.75})
                .weights(new double[] {1.0, 2.5, 0.0, 1.0, 3.0})
                .sensitive("race", new String[] {"a", "b", "a", "b", "c"})
                .sensitive("sex", new int[] {0, 0, 1, 1, 0}, new String[] {"F", "M"})
                .build();
        assertThat(fromRecords.rows()).isEqualTo(5);
        assertThat(fromRecords.sensitiveNames()).containsExactly("race", "sex");
        for (String name : fromArrays.sensitiveNames()) {
            assertThat(fromRecords.sensitive(name)).isEqualTo(fromArrays.sensitive(name));
        }
        for (int i = 0; i < 5; i++) {
            assertThat(fromRecords.label(i)).isEqualTo(fromArrays.label(i));
            assertThat(fromRecords.prediction(i)).isEqualTo(fromArrays.prediction(i));
            assertThat(fromRecords.score(i)).isEqualTo(fromArrays.score(i));
            assertThat(fromRecords.weight(i)).isEqualTo(fromArrays.weight(i));
        }
        assertThat(fromRecords.fingerprint()).isEqualTo(fromArrays.fingerprint());
        // A fingerprint that ignored a column would not tell these apart.
        assertThat(fromRecords.fingerprint()).isNotEqualTo(FairnessData.fromRecords(rs).label(Applicant::outcome)
                .predictionWhen(Applicant::approved).score(Applicant::score)
                .sensitive("race", Applicant::race).sensitive("sex", Applicant::sex).build().fingerprint());
    }

    @Test
    void theBuilderCopiesTheCallersArrays() {
        int[] y = Y.clone();
        String[] race = RACE.clone();
        FairnessData d = FairnessData.builder().labels(y).predictions(P).sensitive("race", race).build();
        y[0] = 1;
        race[0] = "z";
        assertThat(d.label(0)).isEqualTo(0);
        assertThat(d.sensitive("race").level(0)).isEqualTo("a");
    }

    /** A small record type for {@code fromRecords}. */
    record Applicant(int outcome, boolean approved, double score, double weight, String race, String sex) {
    }

    private static List<Applicant> applicants() {
        return new ArrayList<>(Arrays.asList(
                new Applicant(1, true, 0.9, 1.0, "a", "F"),
                new Applicant(0, true, 0.6, 2.5, "b", "F"),
                new Applicant(1, false, 0.2, 0.0, "a", "M"),
                new Applicant(0, false, 0.1, 1.0, "b", "M"),
                new Applicant(1, true, 0.75, 3.0, "c", "F")));
    }
}
