package org.fairkit.core.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.fairkit.core.golden.FairlearnChecks.groupKey;
import static org.fairkit.core.golden.GoldenCheck.TOLERANCE;
import static org.fairkit.testkit.GoldenJson.number;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.ReportWarning;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.Exclusion;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.testkit.GoldenJson;

/**
 * Where FairKit documents a different answer from Fairlearn / scikit-learn, and the assertions that pin it.
 *
 * <p>Fairlearn and scikit-learn return 0.0 for a rate whose denominator is 0; FairKit reports it undefined with a
 * reason and a warning (default {@code ZeroDivision.UNDEFINED}), or 0.0 with a warning under
 * {@code ZeroDivision.ZERO}. Which cells are undefined is derived here from the golden confusion cells
 * ({@code tp/fp/tn/fn}) and FairKit's documented rules ({@code MetricInfo.undefinedWhen}), never from FairKit itself.
 *
 * <p>scikit-learn's {@code balanced_accuracy_score} averages the recalls of the classes <em>present</em>, so for a
 * group with one true class it is that class's recall; FairKit's balanced accuracy is undefined there (half of its
 * definition is missing), 0 under {@code ZeroDivision.ZERO}.
 */
final class DefinitionDifferences {
    static final String NO_POSITIVES = "no positives (TP + FN = 0)";
    static final String NO_NEGATIVES = "no negatives (FP + TN = 0)";
    static final String NO_PREDICTED_POSITIVES = "no predicted positives (TP + FP = 0)";
    static final String NO_F1 = "no positives and no predicted positives (TP + FP + FN = 0)";

    /** The group metrics a MetricFrame block covers. */
    private static final Set<Metrics> FAIRLEARN_METRICS = new LinkedHashSet<>(FairlearnChecks.METRICS.values());

    /**
     * A cell FairKit reports undefined.
     *
     * @param metric the metric
     * @param group the group
     * @param reason FairKit's documented reason
     */
    record Undefined(Metrics metric, GroupKey group, String reason) {
        String warning() {
            return metric.id() + " of group " + group.describe() + " is undefined: " + reason;
        }
    }

    private DefinitionDifferences() {
    }

    /** @return the cells of a MetricFrame block that FairKit documents as undefined, from the golden cells */
    static List<Undefined> undefinedCells(JsonNode block) {
        List<Undefined> out = new ArrayList<>();
        for (JsonNode e : block.get("by_group")) {
            GroupKey g = groupKey(e.get("group"));
            JsonNode m = e.get("metrics");
            double tp = number(m.get("tp"));
            double fp = number(m.get("fp"));
            double tn = number(m.get("tn"));
            double fn = number(m.get("fn"));
            if (tp + fn == 0) {
                out.add(new Undefined(Metrics.TRUE_POSITIVE_RATE, g, NO_POSITIVES));
                out.add(new Undefined(Metrics.FALSE_NEGATIVE_RATE, g, NO_POSITIVES));
            }
            if (fp + tn == 0) {
                out.add(new Undefined(Metrics.FALSE_POSITIVE_RATE, g, NO_NEGATIVES));
                out.add(new Undefined(Metrics.TRUE_NEGATIVE_RATE, g, NO_NEGATIVES));
            }
            if (tp + fp == 0) {
                out.add(new Undefined(Metrics.POSITIVE_PREDICTIVE_VALUE, g, NO_PREDICTED_POSITIVES));
            }
            if (tp + fp + fn == 0) {
                out.add(new Undefined(Metrics.F1_SCORE, g, NO_F1));
            }
            if (tp + fn == 0 || fp + tn == 0) {
                out.add(new Undefined(Metrics.BALANCED_ACCURACY, g, tp + fn == 0 ? NO_POSITIVES : NO_NEGATIVES));
            }
        }
        return out;
    }

    /**
     * Under {@code ZeroDivision.UNDEFINED}, exactly the cells with a zero denominator are undefined, with the
     * documented reason, and a warning names each (metric, group and reason).
     */
    static void assertUndefinedCells(String path, JsonNode block, FairnessReport r) {
        List<Undefined> expected = undefinedCells(block);
        for (GroupKey g : FairlearnChecks.groups(block)) {
            for (Metrics m : FAIRLEARN_METRICS) {
                MetricValue v = r.value(m, g);
                Undefined u = find(expected, m, g);
                if (u == null) {
                    assertThat(v.reason()).as("%s: %s of %s has non-zero denominators in the golden cells, so it "
                            + "is defined", path, m, g).isEmpty();
                } else {
                    assertThat(v.reason()).as("%s: %s of %s (Fairlearn reports 0.0 there)", path, m, g)
                            .contains(u.reason());
                    assertThat(v.value()).as("%s: primitive value of undefined %s of %s", path, m, g).isNaN();
                }
            }
        }
        List<String> warned = warnings(r, ReportWarning.Kind.UNDEFINED_VALUE);
        assertThat(warned).as("%s: UNDEFINED_VALUE warnings of the Fairlearn metrics", path)
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(Undefined::warning).toList());
    }

    /**
     * Under {@code ZeroDivision.ZERO}, exactly the cells with a zero denominator are reported as 0.0 (Fairlearn's
     * value) and each substitution is still warned.
     */
    static void assertZeroSubstitutedCells(String path, JsonNode block, FairnessReport r) {
        List<Undefined> expected = undefinedCells(block);
        for (Undefined u : expected) {
            assertThat(r.value(u.metric(), u.group()).reason()).as("%s: %s of %s under ZERO", path, u.metric(),
                    u.group()).isEmpty();
            assertThat(r.value(u.metric(), u.group()).value()).as("%s: %s of %s under ZERO", path, u.metric(),
                    u.group()).isEqualTo(0.0);
        }
        List<String> warned = warnings(r, ReportWarning.Kind.ZERO_SUBSTITUTED);
        assertThat(warned).as("%s: ZERO_SUBSTITUTED warnings of the Fairlearn metrics", path)
                .containsExactlyInAnyOrderElementsOf(expected.stream()
                        .map(u -> u.warning() + "; reported as 0 (ZeroDivision.ZERO)").toList());
    }

    private static List<String> warnings(FairnessReport r, ReportWarning.Kind kind) {
        return r.warnings().stream().filter(w -> w.kind() == kind).map(ReportWarning::message)
                .filter(msg -> FAIRLEARN_METRICS.stream().anyMatch(m -> msg.startsWith(m.id() + " of group ")))
                .collect(Collectors.toList());
    }

    private static Undefined find(List<Undefined> cells, Metrics m, GroupKey g) {
        return cells.stream().filter(u -> u.metric() == m && u.group().equals(g)).findFirst().orElse(null);
    }

    /**
     * Balanced accuracy of a single-class group: scikit-learn's golden value is the recall of the class present
     * (checked against the golden TPR / TNR, so this pin notices if the golden definition changes); FairKit's is
     * undefined with the reason, and 0.0 under {@code ZeroDivision.ZERO}.
     */
    static void assertBalancedAccuracyOfSingleClassGroup(String path, JsonNode block, GroupKey g,
            FairnessReport undefinedPolicy, FairnessReport zeroPolicy) {
        JsonNode m = metricsOf(block, g);
        boolean noPositives = number(m.get("tp")) + number(m.get("fn")) == 0;
        double sklearn = number(m.get("balanced_accuracy"));
        double presentRecall = number(m.get(noPositives ? "true_negative_rate" : "true_positive_rate"));
        String at = path + ".by_group[" + g.label() + "].balanced_accuracy";
        assertThat(sklearn).as("%s: scikit-learn balanced_accuracy_score of a group with only %s is the recall of "
                + "that class", at, noPositives ? "negatives" : "positives")
                .isCloseTo(presentRecall, within(TOLERANCE));
        MetricValue v = undefinedPolicy.value(Metrics.BALANCED_ACCURACY, g);
        assertThat(v.reason()).as("%s (scikit-learn %s): FairKit under ZeroDivision.UNDEFINED", at, sklearn)
                .contains(noPositives ? NO_POSITIVES : NO_NEGATIVES);
        assertThat(zeroPolicy.value(Metrics.BALANCED_ACCURACY, g).value())
                .as("%s (scikit-learn %s): FairKit under ZeroDivision.ZERO", at, sklearn).isEqualTo(0.0);
    }

    /**
     * Balanced-accuracy aggregates of a block with single-class groups. Under {@code UNDEFINED} FairKit leaves the
     * single-class groups out (and names them in {@code excluded()}); under {@code ZERO} it counts them as 0. The
     * expected values are the block's {@code aggregate_definitions} applied to the golden by-group values with those
     * groups left out / set to 0.
     */
    static void assertBalancedAccuracyAggregates(String path, JsonNode block, FairnessReport undefinedPolicy,
            FairnessReport zeroPolicy) {
        List<GroupKey> single = FairlearnChecks.singleClassGroups(block);
        double overall = number(block.get("overall").get("balanced_accuracy"));
        List<Double> kept = new ArrayList<>();
        List<Double> zeroed = new ArrayList<>();
        for (JsonNode e : block.get("by_group")) {
            boolean isSingle = single.contains(groupKey(e.get("group")));
            double v = number(e.get("metrics").get("balanced_accuracy"));
            if (!isSingle) {
                kept.add(v);
            }
            zeroed.add(isSingle ? 0.0 : v);
        }
        assertAggregates(path + " [ZeroDivision.UNDEFINED: single-class groups left out]", block, kept, overall,
                undefinedPolicy, single);
        assertAggregates(path + " [ZeroDivision.ZERO: single-class groups count as 0]", block, zeroed, overall,
                zeroPolicy, List.of());
    }

    private static void assertAggregates(String path, JsonNode block, List<Double> values, double overall,
            FairnessReport r, List<GroupKey> excluded) {
        double max = values.stream().mapToDouble(x -> x).max().orElse(Double.NaN);
        double min = values.stream().mapToDouble(x -> x).min().orElse(Double.NaN);
        double toOverall = values.stream().mapToDouble(x -> Math.abs(x - overall)).max().orElse(Double.NaN);
        double ratioToOverall = values.stream().mapToDouble(x -> x == 0 ? 0 : Math.min(x / overall, overall / x))
                .min().orElse(Double.NaN);
        boolean two = values.size() >= 2;
        check(path, block, "difference_between_groups", r.difference(Metrics.BALANCED_ACCURACY),
                two ? max - min : Double.NaN, excluded);
        check(path, block, "ratio_between_groups", r.ratio(Metrics.BALANCED_ACCURACY),
                two ? min / max : Double.NaN, excluded);
        check(path, block, "difference_to_overall", r.differenceToOverall(Metrics.BALANCED_ACCURACY), toOverall,
                excluded);
        check(path, block, "ratio_to_overall", r.ratioToOverall(Metrics.BALANCED_ACCURACY), ratioToOverall,
                excluded);
    }

    private static void check(String path, JsonNode block, String aggregate, Disparity d, double expected,
            List<GroupKey> excluded) {
        String at = path + "." + aggregate + ".balanced_accuracy (Fairlearn "
                + number(block.get(aggregate).get("balanced_accuracy")) + ")";
        if (Double.isNaN(expected)) {
            assertThat(d.value().reason()).as("%s: fewer than two groups have a defined value", at)
                    .hasValueSatisfying(reason -> assertThat(reason).contains("at least two groups"));
        } else {
            assertThat(d.value().reason()).as(at).isEmpty();
            assertThat(d.asDouble()).as(at).isCloseTo(expected, within(TOLERANCE));
        }
        assertThat(d.excluded().stream().map(Exclusion::group).toList()).as("%s: excluded groups", at)
                .containsExactlyInAnyOrderElementsOf(excluded);
    }

    private static JsonNode metricsOf(JsonNode block, GroupKey g) {
        for (JsonNode e : block.get("by_group")) {
            if (groupKey(e.get("group")).equals(g)) {
                return e.get("metrics");
            }
        }
        throw new IllegalArgumentException("no group " + g + " in the block");
    }
}
