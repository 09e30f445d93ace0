package org.fairkit.mitigation.postprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.fairkit.mitigation.postprocessing.RejectOptionClassification.Fallback;
import org.fairkit.mitigation.postprocessing.RejectOptionClassification.Grid;
import org.fairkit.mitigation.postprocessing.RejectOptionClassification.Metric;
import org.fairkit.testkit.SharedFiles;
import org.junit.jupiter.api.Test;

/**
 * AIF360 0.6.1 {@code RejectOptionClassification(unprivileged_groups=[{'sex_Male': 0.0}],
 * privileged_groups=[{'sex_Male': 1.0}], low_class_thresh=0.01, high_class_thresh=0.99, num_class_thresh=100,
 * num_ROC_margin=50, metric_name='Statistical parity difference', metric_ub=0.05, metric_lb=-0.05)
 * .fit(ds_true_train, ds_pred_train).predict(ds_pred_test)} on the Adult split ({@code adult_mitigation2.json ->
 * reject_option_classification}). The grid replay gives AIF360's threshold and margin bit for bit, its
 * {@code grid_replay} counts exactly, its rates at 1e-12 and its test labels exactly; the exact search meets the
 * same bound with a balanced accuracy at least as high.
 */
class RejectOptionClassificationGoldenTest {
    private static final double EXACT = 1e-12;

    private static JsonNode block() {
        return SharedFiles.golden("adult_mitigation2.json").path("reject_option_classification");
    }

    @Test
    void aif360GridReplayMatchesAif360OnAdult() {
        JsonNode block = block();
        AdultSplit train = AdultSplit.of("train");
        AdultSplit test = AdultSplit.of("test");
        RejectOptionClassification.Fitted f = RejectOptionClassification.metric(Metric.STATISTICAL_PARITY)
                .bound(0.05).privileged("Male").grid(Grid.aif360()).fallback(Fallback.AIF360_SIGNED_MINIMUM)
                .fit(train.scores(), train.labels(), train.sex());
        assertThat(f.classificationThreshold()).isEqualTo(block.path("classification_threshold").asDouble());
        assertThat(f.margin()).isEqualTo(block.path("ROC_margin").asDouble());
        JsonNode replay = block.path("grid_replay");
        RejectOptionClassification.GridReplay r = f.gridReplay().orElseThrow();
        assertThat(r.points()).isEqualTo(replay.path("n_grid_points").asInt());
        assertThat(r.feasible()).isEqualTo(replay.path("n_feasible").asInt());
        assertThat(r.tied()).isEqualTo(replay.path("n_grid_points_tied_with_chosen").asInt());
        assertThat(r.thresholdIndex()).isEqualTo(replay.path("chosen_threshold_index").asInt());
        assertThat(r.marginIndex()).isEqualTo(replay.path("chosen_margin_index").asInt());
        assertThat(f.feasible()).isEqualTo(replay.path("constraint_satisfiable").asBoolean());
        assertThat(f.metricValue()).isCloseTo(replay.path("chosen_train_spd").asDouble(), within(EXACT));
        assertThat(f.balancedAccuracy()).isCloseTo(replay.path("chosen_train_balanced_accuracy").asDouble(),
                within(EXACT));

        double[] onTrain = AdultSplit.asDouble(f.predict(train.scores(), train.sex()));
        JsonNode t = block.path("train");
        CalibratedEqualizedOddsGoldenTest.compare(train.rates(onTrain, "Male"), t.path("privileged"));
        CalibratedEqualizedOddsGoldenTest.compare(train.rates(onTrain, "Female"), t.path("unprivileged"));
        CalibratedEqualizedOddsGoldenTest.compare(train.rates(onTrain, null), t.path("overall"));

        int[] labels = f.predict(test.scores(), test.sex());
        JsonNode e = block.path("test");
        double[] onTest = AdultSplit.asDouble(labels);
        CalibratedEqualizedOddsGoldenTest.compare(test.rates(onTest, "Male"), e.path("privileged"));
        CalibratedEqualizedOddsGoldenTest.compare(test.rates(onTest, "Female"), e.path("unprivileged"));
        CalibratedEqualizedOddsGoldenTest.compare(test.rates(onTest, null), e.path("overall"));
        StringBuilder s = new StringBuilder();
        for (int x : labels) {
            s.append(x);
        }
        assertThat(s.toString()).isEqualTo(e.path("labels_string").asText());
    }

    @Test
    void exactSearchMeetsTheBoundWithAtLeastTheGridsBalancedAccuracy() {
        JsonNode replay = block().path("grid_replay");
        AdultSplit train = AdultSplit.of("train");
        RejectOptionClassification.Fitted f = RejectOptionClassification.metric(Metric.STATISTICAL_PARITY)
                .bound(0.05).privileged("Male").fit(train.scores(), train.labels(), train.sex());
        assertThat(f.feasible()).isTrue();
        assertThat(Math.abs(f.metricValue())).isLessThanOrEqualTo(0.05);
        assertThat(f.balancedAccuracy()).isGreaterThanOrEqualTo(
                replay.path("chosen_train_balanced_accuracy").asDouble());
        double[] p = AdultSplit.asDouble(f.predict(train.scores(), train.sex()));
        double spd = train.rates(p, "Female")[1] - train.rates(p, "Male")[1];
        assertThat(spd).isCloseTo(f.metricValue(), within(EXACT));
        assertThat(train.rates(p, null)[6]).isCloseTo(f.balancedAccuracy(), within(EXACT));
        System.out.println(f);
    }
}
