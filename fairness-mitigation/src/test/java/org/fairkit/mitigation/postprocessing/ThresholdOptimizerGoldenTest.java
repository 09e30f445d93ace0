package org.fairkit.mitigation.postprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.fairkit.mitigation.FittedGroups;
import org.fairkit.testkit.CsvTable;
import org.fairkit.testkit.GoldenJson;
import org.fairkit.testkit.SharedFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fairlearn 0.13 {@code ThresholdOptimizer(constraints=..., objective='accuracy_score', grid_size=1000,
 * flip=False, prefit=True, predict_method='predict_proba')}, fitted on the Adult train split
 * ({@code adult_threshold_optimizer.json}) and on the 20 synthetic rows ({@code synthetic.json}).
 *
 * <p>What is compared, and why at that tolerance:
 * <ul>
 *   <li>Fairlearn's own rules (thresholds, {@code p0}, {@code p1}, {@code p_ignore}, {@code prediction_constant})
 *       run through {@link ThresholdRule} reproduce its deterministic {@code expected} rates, 1e-12: the rule
 *       semantics ({@code s > t}, the coin) are the same.</li>
 *   <li>Our hulls evaluated at Fairlearn's chosen rate give Fairlearn's objective (DP: the sum of the group hulls;
 *       EO: the lower envelope of the ROC hulls and the accuracy at that point), 1e-12: the threshold points, the
 *       midpoint thresholds and the hulls are Fairlearn's. Every threshold Fairlearn uses is a hull vertex
 *       threshold of ours, bit for bit.</li>
 *   <li>Our constraint holds on the fitting data, recomputed row by row from {@code probabilityOfPositive}, 1e-12
 *       (tolerance 0).</li>
 *   <li>Our accuracy is at least Fairlearn's (minus 1e-12; the brief allows 0.002): both optimize the same
 *       concave function, Fairlearn on a grid of 1001 rates, we exactly.</li>
 *   <li>Our common rate (selection rate for DP, FPR for EO) is within 0.001 + 1e-12 of Fairlearn's: a concave
 *       function's maximizer lies within one grid step of its grid maximizer, and the grid step is 0.001.</li>
 *   <li>Each group's rates differ from Fairlearn's only as far as that shift of the common rate moves them along
 *       the group's hull: for DP, moving the selection rate by d moves TP + FP by {@code d W_g}, so TPR by at most
 *       {@code d W_g / P_g}, FPR by {@code d W_g / N_g}, accuracy by {@code d}; for EO, the common TPR moves by at
 *       most the steepest hull slope there times d. These are the only differences: same hulls, different point.</li>
 * </ul>
 */
class ThresholdOptimizerGoldenTest {
    private static final double EXACT = 1e-12;
    private static final double GRID_STEP = 0.001;

    record Case(String name, double[] scores, int[] labels, String[] groups, JsonNode block,
            List<Evaluation> evaluations) {
        @Override
        public String toString() {
            return name;
        }
    }

    record Evaluation(String name, double[] scores, int[] labels, String[] groups, JsonNode expected) {
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        CsvTable csv = SharedFiles.data("adult-predictions.csv");
        JsonNode file = SharedFiles.golden("adult_threshold_optimizer.json").path("threshold_optimizer");
        String[] split = csv.strings("split");
        double[] proba = csv.doubles("proba");
        int[] y = csv.ints("y_true");
        for (String feature : new String[] {"sex", "race"}) {
            String[] group = csv.strings(feature);
            Columns train = Columns.select(split, "train", proba, y, group);
            Columns test = Columns.select(split, "test", proba, y, group);
            for (Constraint c : new Constraint[] {Constraint.DEMOGRAPHIC_PARITY, Constraint.EQUALIZED_ODDS}) {
                JsonNode block = file.path(feature + "/" + c.id());
                assertThat(block.isMissingNode()).as("block %s/%s", feature, c.id()).isFalse();
                out.add(Arguments.of(c, new Case("adult " + feature + "/" + c.id(), train.scores, train.labels,
                        train.groups, block, List.of(
                                new Evaluation("train", train.scores, train.labels, train.groups,
                                        block.path("evaluated_on[train]").path("expected")),
                                new Evaluation("test", test.scores, test.labels, test.groups,
                                        block.path("evaluated_on[test]").path("expected"))))));
            }
        }
        JsonNode synthetic = SharedFiles.golden("synthetic.json");
        JsonNode rows = synthetic.path("dataset").path("rows");
        double[] score = new double[rows.path("score").size()];
        int[] label = new int[score.length];
        String[] group = new String[score.length];
        for (int i = 0; i < score.length; i++) {
            score[i] = GoldenJson.number(rows.path("score").get(i));
            label[i] = rows.path("y_true").get(i).asInt();
            group[i] = rows.path("group").get(i).asText();
        }
        for (Constraint c : new Constraint[] {Constraint.DEMOGRAPHIC_PARITY, Constraint.EQUALIZED_ODDS}) {
            JsonNode block = synthetic.path("threshold_optimizer").path(c.id());
            out.add(Arguments.of(c, new Case("synthetic " + c.id(), score, label, group, block, List.of(
                    new Evaluation("all", score, label, group, block.path("evaluated_on[all]").path("expected"))))));
        }
        return out.stream();
    }

    record Columns(double[] scores, int[] labels, String[] groups) {
        static Columns select(String[] split, String which, double[] proba, int[] y, String[] group) {
            int n = 0;
            for (String s : split) {
                n += s.equals(which) ? 1 : 0;
            }
            double[] sc = new double[n];
            int[] l = new int[n];
            String[] g = new String[n];
            int k = 0;
            for (int i = 0; i < split.length; i++) {
                if (split[i].equals(which)) {
                    sc[k] = proba[i];
                    l[k] = y[i];
                    g[k] = group[i];
                    k++;
                }
            }
            return new Columns(sc, l, g);
        }
    }

    private static ThresholdRule fairlearnRule(JsonNode interp) {
        return new ThresholdRule(GoldenJson.number(interp.path("operation0").path("threshold")), GoldenJson.number(interp.path("p0")),
                GoldenJson.number(interp.path("operation1").path("threshold")), GoldenJson.number(interp.path("p1")),
                interp.has("p_ignore") ? GoldenJson.number(interp.path("p_ignore")) : 0,
                interp.has("prediction_constant") ? GoldenJson.number(interp.path("prediction_constant")) : 0);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void fairlearnRulesReproduceFairlearnExpectedRates(Constraint c, Case k) {
        JsonNode interp = k.block().path("interpolation");
        for (Evaluation e : k.evaluations()) {
            double[] p = new double[e.scores().length];
            for (int i = 0; i < p.length; i++) {
                JsonNode op = interp.path(e.groups()[i]);
                assertThat(op.path("operation0").path("operator").asText()).isEqualTo(">");
                assertThat(op.path("operation1").path("operator").asText()).isEqualTo(">");
                p[i] = fairlearnRule(op).probabilityOfPositive(e.scores()[i]);
            }
            Rates r = Rates.of(p, e.labels(), e.groups());
            assertThat(r.accuracy()).as("%s %s accuracy", k, e.name())
                    .isCloseTo(GoldenJson.number(e.expected().path("accuracy")), within(EXACT));
            e.expected().path("by_group").fields().forEachRemaining(f -> {
                double[] g = r.byGroup().get(f.getKey());
                assertThat(g[0]).as("%s %s %s selection rate", k, e.name(), f.getKey())
                        .isCloseTo(GoldenJson.number(f.getValue().path("selection_rate")), within(EXACT));
                assertThat(g[1]).isCloseTo(GoldenJson.number(f.getValue().path("true_positive_rate")), within(EXACT));
                assertThat(g[2]).isCloseTo(GoldenJson.number(f.getValue().path("false_positive_rate")), within(EXACT));
                assertThat(g[3]).isCloseTo(GoldenJson.number(f.getValue().path("accuracy")), within(EXACT));
            });
        }
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void ourHullsAtFairlearnsRateGiveFairlearnsObjectiveAndContainItsThresholds(Constraint c, Case k) {
        FittedGroups groups = FittedGroups.of(k.groups());
        GroupCurve[] curves = GroupCurve.build(k.scores(), k.labels(), null, groups.assign(k.groups()), groups.size());
        Solver.Solution s = Solver.solve(curves, c, Objective.ACCURACY, 0, false);
        JsonNode train = k.evaluations().get(0).expected();
        JsonNode first = train.path("by_group").elements().next();
        double fairlearnAccuracy = GoldenJson.number(train.path("accuracy"));
        if (c == Constraint.DEMOGRAPHIC_PARITY) {
            double x = GoldenJson.number(first.path("selection_rate"));
            double total = 0;
            for (Hull h : s.hulls()) {
                total += h.valueAt(x);
            }
            assertThat(total).as("%s: sum of hulls at selection rate %s", k, x).isCloseTo(fairlearnAccuracy,
                    within(EXACT));
        } else {
            double x = GoldenJson.number(first.path("false_positive_rate"));
            double y = Solver.envelope(s.hulls(), x);
            assertThat(y).as("%s: ROC envelope at FPR %s", k, x)
                    .isCloseTo(GoldenJson.number(first.path("true_positive_rate")), within(EXACT));
            double[] t = Solver.totals(curves);
            assertThat((t[1] * y + t[2] * (1 - x)) / t[0]).isCloseTo(fairlearnAccuracy, within(EXACT));
        }
        for (int g = 0; g < groups.size(); g++) {
            Set<Double> ours = new HashSet<>();
            for (int p : s.hulls()[g].point) {
                ours.add(curves[g].threshold[p]);
            }
            JsonNode op = k.block().path("interpolation").path(groups.group(g).label());
            for (String o : new String[] {"operation0", "operation1"}) {
                assertThat(ours).as("%s group %s: Fairlearn's %s is one of our hull thresholds", k,
                        groups.group(g).label(), o).contains(GoldenJson.number(op.path(o).path("threshold")));
            }
        }
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void perGroupRatesDifferFromFairlearnOnlyByTheShiftOfTheCommonRate(Constraint c, Case k) {
        ThresholdOptimizer.Fitted f = ThresholdOptimizer.constraint(c).fit(k.scores(), k.labels(), k.groups());
        JsonNode byGroup = k.evaluations().get(0).expected().path("by_group");
        GroupSolution any = f.solutions().get(0);
        JsonNode anyFairlearn = byGroup.path(any.group().label());
        double d = c == Constraint.DEMOGRAPHIC_PARITY
                ? Math.abs(any.rates().selectionRate() - GoldenJson.number(anyFairlearn.path("selection_rate")))
                : Math.abs(any.rates().falsePositiveRate().value()
                        - GoldenJson.number(anyFairlearn.path("false_positive_rate")));
        double steepest = 0;
        if (c == Constraint.EQUALIZED_ODDS) {
            FittedGroups groups = FittedGroups.of(k.groups());
            GroupCurve[] curves = GroupCurve.build(k.scores(), k.labels(), null, groups.assign(k.groups()),
                    groups.size());
            Hull[] roc = Solver.solve(curves, c, Objective.ACCURACY, 0, false).hulls();
            double from = Math.min(any.rates().falsePositiveRate().value(),
                    GoldenJson.number(anyFairlearn.path("false_positive_rate")));
            for (Hull h : roc) {
                int j = h.segment(from);
                if (h.x[j + 1] == from && j + 2 < h.size()) {
                    j++;
                }
                steepest = Math.max(steepest, (h.y[j + 1] - h.y[j]) / (h.x[j + 1] - h.x[j]));
            }
        }
        for (GroupSolution g : f.solutions()) {
            JsonNode fl = byGroup.path(g.group().label());
            GroupRates r = g.rates();
            double w = r.weight();
            double p = r.positives();
            double n = w - p;
            double dTpr = c == Constraint.DEMOGRAPHIC_PARITY ? d * w / p : steepest * d;
            double dFpr = c == Constraint.DEMOGRAPHIC_PARITY ? d * w / n : d;
            String what = k + " group " + g.group().label();
            assertThat(r.truePositiveRate().value()).as("%s TPR", what)
                    .isCloseTo(GoldenJson.number(fl.path("true_positive_rate")), within(dTpr + EXACT));
            assertThat(r.falsePositiveRate().value()).as("%s FPR", what)
                    .isCloseTo(GoldenJson.number(fl.path("false_positive_rate")), within(dFpr + EXACT));
            assertThat(r.accuracy()).as("%s accuracy", what).isCloseTo(GoldenJson.number(fl.path("accuracy")),
                    within((c == Constraint.DEMOGRAPHIC_PARITY ? d : (p * dTpr + n * dFpr) / w) + EXACT));
        }
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void aToleranceRelaxesTheConstraintByNoMoreThanItAndNeverCostsAccuracy(Constraint c, Case k) {
        double previous = ThresholdOptimizer.constraint(c).fit(k.scores(), k.labels(), k.groups()).objectiveValue();
        for (double tol : new double[] {0.01, 0.05}) {
            ThresholdOptimizer.Fitted f = ThresholdOptimizer.constraint(c).tolerance(tol)
                    .fit(k.scores(), k.labels(), k.groups());
            Rates r = Rates.of(f.probabilityOfPositive(k.scores(), k.groups()), k.labels(), k.groups());
            assertThat(r.spread(c)).as("%s tolerance %s", k, tol).isLessThanOrEqualTo(tol + EXACT);
            assertThat(r.accuracy()).as("%s tolerance %s", k, tol).isGreaterThanOrEqualTo(previous - 1e-9);
            previous = r.accuracy();
        }
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("cases")
    void exactOptimumMeetsTheConstraintAndIsAtLeastAsGoodAsFairlearn(Constraint c, Case k) {
        ThresholdOptimizer.Fitted f = ThresholdOptimizer.constraint(c).objective(Objective.ACCURACY).tolerance(0)
                .fit(k.scores(), k.labels(), k.groups());
        Rates r = Rates.of(f.probabilityOfPositive(k.scores(), k.groups()), k.labels(), k.groups());
        assertThat(r.spread(c)).as("%s: constraint on the fitting data", k).isLessThanOrEqualTo(EXACT);
        assertThat(r.accuracy()).as("%s: accuracy recomputed row by row", k).isCloseTo(f.objectiveValue(),
                within(EXACT));
        JsonNode train = k.evaluations().get(0).expected();
        double fairlearn = GoldenJson.number(train.path("accuracy"));
        assertThat(r.accuracy()).as("%s: accuracy %s vs Fairlearn %s", k, r.accuracy(), fairlearn)
                .isGreaterThanOrEqualTo(fairlearn - EXACT);
        JsonNode first = train.path("by_group").elements().next();
        double[] anyGroup = r.byGroup().values().iterator().next();
        double ours = c == Constraint.DEMOGRAPHIC_PARITY ? anyGroup[0] : anyGroup[2];
        double theirs = GoldenJson.number(first.path(c == Constraint.DEMOGRAPHIC_PARITY ? "selection_rate"
                : "false_positive_rate"));
        assertThat(ours).as("%s: common rate vs Fairlearn's grid point", k).isCloseTo(theirs,
                within(GRID_STEP + EXACT));
    }
}
