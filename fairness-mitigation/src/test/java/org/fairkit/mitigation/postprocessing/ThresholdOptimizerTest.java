package org.fairkit.mitigation.postprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.fairkit.core.FairnessData;
import org.fairkit.core.group.GroupKey;
import org.junit.jupiter.api.Test;

/** Examples, the FairnessData path, the printed table, rule semantics, ids and every input error. */
class ThresholdOptimizerTest {
    // the 20 synthetic rows of ../shared/golden/synthetic.json, inline (Fairlearn's accuracy on them: DP 0.85)
    static final double[] SCORES = {0.91, 0.12, 0.45, 0.78, 0.66, 0.3, 0.83, 0.05, 0.72, 0.58, 0.41, 0.95, 0.22,
        0.61, 0.88, 0.35, 0.15, 0.49, 0.27, 0.7};
    static final int[] LABELS = {1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 1, 1, 0, 0, 1, 0, 0, 1, 0, 1};
    static final String[] GROUPS = {"A", "A", "A", "A", "A", "A", "A", "A", "B", "B", "B", "B", "B", "B", "B", "B",
        "B", "B", "B", "B"};
    static final String[] SECOND = {"x", "y", "z", "x", "y", "z", "x", "y", "z", "x", "y", "z", "x", "y", "z", "x",
        "y", "z", "x", "y"};

    @Test
    void demographicParityOnTheSyntheticRowsPrintsWhatItLearned() {
        ThresholdOptimizer.Fitted f = ThresholdOptimizer.constraint(Constraint.DEMOGRAPHIC_PARITY).seed(3)
                .fit(SCORES, LABELS, GROUPS);
        assertThat(f.objectiveValue()).isCloseTo(0.85, within(1e-12));
        assertThat(f.disparity()).isZero();
        assertThat(f.toString()).isEqualTo(""
                + "ThresholdOptimizer: demographic parity, maximizing accuracy, tolerance 0, seed 3; fitted by group on "
                + "20 rows\n"
                + "accuracy on the fitting data 0.850000; largest difference in selection rate 0.000000\n"
                + "group      rows        weight  selection       TPR       FPR  accuracy  rule: P(yhat = 1 | score s)\n"
                + "A             8             8     0.3750    0.7500    0.0000    0.8750  [s > 0.720000]\n"
                + "B            12            12     0.3750    0.7083    0.0417    0.8333  0.875000 x [s > 0.655000] + "
                + "0.125000 x [s > 0.380000]\n");
        GroupSolution b = f.solution(GroupKey.of("group", "B"));
        assertThat(b.rule().threshold0()).isEqualTo(0.655); // (0.61 + 0.7) / 2, as Fairlearn
        assertThat(b.rule().threshold1()).isEqualTo(0.38);
        assertThat(b.rule().p0()).isCloseTo(0.875, within(1e-15));
        assertThat(b.rule().pIgnore()).isZero();
        assertThat(b.rates().rows()).isEqualTo(12);
        assertThat(b.rates().truePositiveRate().value()).isCloseTo(0.7083333333333334, within(1e-12));
    }

    @Test
    void fairnessDataPathEqualsTheColumnsPathAndHandlesIntersections() {
        double[] w = new double[SCORES.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = 1 + i % 3;
        }
        FairnessData data = FairnessData.builder().labels(LABELS).predictions(LABELS).scores(SCORES).weights(w)
                .sensitive("g", GROUPS).sensitive("h", SECOND).build();
        String[] joined = new String[GROUPS.length];
        for (int i = 0; i < joined.length; i++) {
            joined[i] = GROUPS[i] + " & " + SECOND[i];
        }
        for (double tol : new double[] {0, 0.1}) {
            ThresholdOptimizer dp = ThresholdOptimizer.constraint(Constraint.DEMOGRAPHIC_PARITY).tolerance(tol);
            ThresholdOptimizer.Fitted viaData = dp.groupBy("g", "h").fit(data);
            ThresholdOptimizer.Fitted viaColumns = dp.fit(SCORES, LABELS, joined, w);
            assertThat(viaData.groups().features()).containsExactly("g", "h");
            assertThat(viaData.objectiveValue()).isEqualTo(viaColumns.objectiveValue());
            assertThat(viaData.probabilityOfPositive(data)).isEqualTo(viaColumns.probabilityOfPositive(SCORES, joined));
            assertThat(viaData.predict(data)).isEqualTo(viaColumns.predict(SCORES, joined));
        }
        FairnessData one = FairnessData.builder().labels(LABELS).predictions(LABELS).scores(SCORES)
                .sensitive("g", GROUPS).build();
        assertThat(ThresholdOptimizer.constraint(Constraint.EQUALIZED_ODDS).fit(one).objectiveValue())
                .isEqualTo(ThresholdOptimizer.constraint(Constraint.EQUALIZED_ODDS).fit(SCORES, LABELS, GROUPS)
                        .objectiveValue());
    }

    @Test
    void decidingRowsOneByOneReproducesTheArrayForm() {
        ThresholdOptimizer.Fitted f = ThresholdOptimizer.constraint(Constraint.EQUALIZED_ODDS).seed(11)
                .fit(SCORES, LABELS, GROUPS);
        int[] all = f.predict(SCORES, GROUPS);
        double[] p = f.probabilityOfPositive(SCORES, GROUPS);
        for (int i = 0; i < SCORES.length; i++) {
            GroupKey g = GroupKey.of("group", GROUPS[i]);
            assertThat(f.probabilityOfPositive(SCORES[i], g)).isEqualTo(p[i]);
            assertThat(f.predict(i, SCORES[i], g)).as("row %d", i).isEqualTo(all[i]);
        }
        assertThatThrownBy(() -> f.predict(0, 0.5, GroupKey.of("group", "nobody")))
                .hasMessageStartingWith("group group=nobody is not one the model was fitted on; expected one of ");
        assertThatThrownBy(() -> f.predict(0, 0.5, GroupKey.of("race", GROUPS[0])))
                .hasMessageContaining("is not one the model was fitted on");
        assertThatThrownBy(() -> f.predict(-1, 0.5, GroupKey.of("group", GROUPS[0])))
                .hasMessage("row must be >= 0 (0-based), got -1");
        assertThatThrownBy(() -> f.probabilityOfPositive(Double.NaN, GroupKey.of("group", GROUPS[0])))
                .hasMessage("score must be a finite number in [0, 1], got NaN");
    }

    @Test
    void demographicParityAcceptsAGroupWithOneClass() {
        double[] s = {0.9, 0.2, 0.6, 0.4, 0.8};
        int[] y = {1, 0, 1, 0, 1};
        String[] g = {"a", "a", "b", "b", "c"}; // c has only a positive
        ThresholdOptimizer.Fitted f = ThresholdOptimizer.constraint(Constraint.DEMOGRAPHIC_PARITY).fit(s, y, g);
        GroupRates c = f.solution(GroupKey.of("group", "c")).rates();
        assertThat(c.falsePositiveRate().isDefined()).isFalse();
        assertThat(c.falsePositiveRate().reason()).hasValue("no negatives (the group's label-0 rows weigh 0)");
        assertThat(f.toString()).contains("undef.");
        assertThatThrownBy(() -> ThresholdOptimizer.constraint(Constraint.EQUALIZED_ODDS).fit(s, y, g))
                .hasMessage("threshold optimizer: group 'c' has no negatives (no label-0 rows of positive weight); "
                        + "equalized odds needs positives and negatives in every group");
        assertThatThrownBy(() -> ThresholdOptimizer.constraint(Constraint.FALSE_POSITIVE_RATE_PARITY).fit(s, y, g))
                .hasMessage("threshold optimizer: group 'c' has no negatives (no label-0 rows of positive weight); "
                        + "false positive rate parity needs negatives in every group");
        assertThatThrownBy(() -> ThresholdOptimizer.constraint(Constraint.TRUE_POSITIVE_RATE_PARITY)
                .fit(s, new int[] {1, 0, 0, 0, 1}, g))
                .hasMessage("threshold optimizer: group 'b' has no positives (no label-1 rows of positive weight); "
                        + "true positive rate parity needs positives in every group");
    }

    @Test
    void badInputIsRefusedNamingTheColumnAndRow() {
        ThresholdOptimizer dp = ThresholdOptimizer.constraint(Constraint.DEMOGRAPHIC_PARITY);
        assertThatThrownBy(() -> dp.fit(new double[] {0.5, Double.NaN}, new int[] {1, 0}, new String[] {"a", "a"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'scores', row 1: got NaN; expected a finite score in [0, 1]");
        assertThatThrownBy(() -> dp.fit(new double[] {1.5, 0.2}, new int[] {1, 0}, new String[] {"a", "a"}))
                .hasMessage("column 'scores', row 0: got 1.5; expected a finite score in [0, 1]");
        assertThatThrownBy(() -> dp.fit(new double[] {0.5, 0.2}, new int[] {1, -1}, new String[] {"a", "a"}))
                .hasMessage("column 'labels', row 1: got -1; expected 0 or 1");
        assertThatThrownBy(() -> dp.fit(new double[] {0.5}, new int[] {1, 0}, new String[] {"a", "a"}))
                .hasMessage("column 'scores' has 1 rows; expected 2 (the length of 'groups')");
        assertThatThrownBy(() -> dp.fit(new double[] {0.5, 0.2}, new int[] {1, 0}, new String[] {"a", "b"},
                new double[] {1, -1})).hasMessage("column 'weights', row 1: got -1.0; expected a finite weight >= 0");
        assertThatThrownBy(() -> dp.fit(new double[] {0.5, 0.2}, new int[] {1, 0}, new String[] {"a", "b"},
                new double[] {1, 0})).hasMessage("threshold optimizer: group 'b' has total weight 0; every group needs "
                        + "rows of positive weight to have rates");
        assertThatThrownBy(() -> ThresholdOptimizer.constraint(Constraint.DEMOGRAPHIC_PARITY)
                .objective(Objective.BALANCED_ACCURACY).fit(new double[] {0.5, 0.2}, new int[] {1, 1},
                        new String[] {"a", "b"}))
                .hasMessage("threshold optimizer: balanced accuracy needs positives and negatives; the data has no "
                        + "negatives");
        ThresholdOptimizer.Fitted f = dp.fit(SCORES, LABELS, GROUPS);
        assertThatThrownBy(() -> f.predict(new double[] {0.5, 0.5}, new String[] {"A", "C"}))
                .hasMessage("column 'groups', row 1: got group 'C', which the model was not fitted on; expected one of "
                        + "[A, B]");
        assertThatThrownBy(() -> f.probabilityOfPositive(new double[] {0.5, -0.1}, new String[] {"A", "B"}))
                .hasMessage("column 'scores', row 1: got -0.1; expected a finite score in [0, 1]");
        assertThatThrownBy(() -> f.solution(GroupKey.of("group", "C")))
                .hasMessage("group group=C was not in the fitting data; the model has [A, B]");
    }

    @Test
    void settingsAreValidatedAndSetOnce() {
        ThresholdOptimizer eo = ThresholdOptimizer.constraint(Constraint.EQUALIZED_ODDS);
        assertThat(eo.objective()).isEqualTo(Objective.ACCURACY);
        assertThat(eo.tolerance()).isZero();
        assertThat(eo.seed()).isZero();
        assertThatThrownBy(() -> eo.tolerance(-0.1)).hasMessage("tolerance must be in [0, 1], got -0.1");
        assertThatThrownBy(() -> eo.tolerance(Double.NaN)).hasMessage("tolerance must be in [0, 1], got NaN");
        assertThatThrownBy(() -> eo.seed(1).seed(2)).hasMessage("seed is already set; each setting is set once");
        assertThatThrownBy(() -> eo.objective(Objective.ACCURACY).objective(Objective.BALANCED_ACCURACY))
                .hasMessage("objective is already set; each setting is set once");
        assertThatThrownBy(() -> eo.groupBy()).hasMessage("groupBy needs at least one feature name");
        assertThatThrownBy(() -> eo.groupBy("g").fit(SCORES, LABELS, GROUPS))
                .hasMessage("groupBy(...) names features of FairnessData; with columns, the groups are the column "
                        + "itself");
        FairnessData two = FairnessData.builder().labels(LABELS).predictions(LABELS).scores(SCORES)
                .sensitive("g", GROUPS).sensitive("h", SECOND).build();
        assertThatThrownBy(() -> eo.fit(two))
                .hasMessage("the data has sensitive features [g, h]; name the ones to group by with groupBy(...)");
        FairnessData noScores = FairnessData.builder().labels(LABELS).predictions(LABELS).sensitive("g", GROUPS).build();
        assertThatThrownBy(() -> eo.fit(noScores)).hasMessage("the threshold optimizer needs scores; the data has "
                + "none (set them with scores(...))");
        assertThat(eo.tolerance(0.05).seed(9).groupBy("g").toString())
                .isEqualTo("ThresholdOptimizer[equalized odds, maximizing accuracy, tolerance 0.05, seed 9, by g]");
    }

    @Test
    void ruleAppliesTheFormulaAndPrintsIt() {
        ThresholdRule r = new ThresholdRule(0.6, 0.25, 0.3, 0.75, 0.2, 0.1);
        assertThat(r.probabilityOfPositive(0.7)).isCloseTo(0.2 * 0.1 + 0.8 * 1.0, within(1e-15));
        assertThat(r.probabilityOfPositive(0.6)).isCloseTo(0.2 * 0.1 + 0.8 * 0.75, within(1e-15));
        assertThat(r.probabilityOfPositive(0.3)).isCloseTo(0.2 * 0.1, within(1e-15));
        assertThat(r.toString()).isEqualTo("0.200000 x 0.100000 + 0.800000 x (0.250000 x [s > 0.600000] + "
                + "0.750000 x [s > 0.300000])");
        assertThat(ThresholdRule.above(Double.POSITIVE_INFINITY).toString()).isEqualTo("[s > Infinity]");
        assertThat(ThresholdRule.above(0.5).isDeterministic()).isTrue();
        assertThat(r.isDeterministic()).isFalse();
        assertThatThrownBy(() -> new ThresholdRule(0.5, 0.5, 0.4, 0.6, 0, 0)).hasMessage("p0 + p1 must be 1, got "
                + "0.5 + 0.6");
        assertThatThrownBy(() -> new ThresholdRule(0.5, 1.5, 0.4, -0.5, 0, 0))
                .hasMessageStartingWith("probabilities must be in [0, 1]");
    }

    @Test
    void idsParseAndListTheValidOnes() {
        assertThat(Constraint.byId("equalized_odds")).isEqualTo(Constraint.EQUALIZED_ODDS);
        assertThat(Constraint.byId("DEMOGRAPHIC_PARITY")).isEqualTo(Constraint.DEMOGRAPHIC_PARITY);
        assertThat(Objective.byId("balanced_accuracy_score")).isEqualTo(Objective.BALANCED_ACCURACY);
        assertThatThrownBy(() -> Constraint.byId("parity")).hasMessage("unknown constraint 'parity'; expected one of "
                + "demographic_parity, true_positive_rate_parity, false_positive_rate_parity, equalized_odds");
        assertThatThrownBy(() -> Objective.byId("f1")).hasMessage("unknown objective 'f1'; expected one of "
                + "accuracy_score, balanced_accuracy_score");
    }

    @Test
    void thresholdsSitBetweenDistinctScoresEvenWhenTheyAreAdjacentDoubles() {
        double hi = 0.5;
        double lo = Math.nextDown(0.5);
        assertThat(GroupCurve.midpoint(hi, lo)).isEqualTo(lo);
        assertThat(GroupCurve.midpoint(0.6, 0.2)).isEqualTo(0.4);
        // two rows one ulp apart, different labels: the optimizer must be able to separate them
        ThresholdOptimizer.Fitted f = ThresholdOptimizer.constraint(Constraint.DEMOGRAPHIC_PARITY)
                .fit(new double[] {hi, lo}, new int[] {1, 0}, new String[] {"a", "a"});
        assertThat(f.objectiveValue()).isEqualTo(1.0);
        assertThat(f.probabilityOfPositive(new double[] {hi, lo}, new String[] {"a", "a"})).containsExactly(1.0, 0.0);
    }
}
