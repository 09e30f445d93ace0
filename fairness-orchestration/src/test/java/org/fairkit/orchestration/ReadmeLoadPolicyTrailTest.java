package org.fairkit.orchestration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.regression.RegressionData;
import org.fairkit.core.regression.RegressionFairness;
import org.fairkit.core.regression.RegressionReport;
import org.fairkit.orchestration.load.Feasibility;
import org.fairkit.orchestration.load.InputProfile;
import org.fairkit.orchestration.load.LoadEstimate;
import org.fairkit.orchestration.load.LoadModel;
import org.fairkit.orchestration.load.MeasuredRun;
import org.fairkit.orchestration.load.OutputKind;
import org.fairkit.orchestration.load.RateFit;
import org.fairkit.orchestration.load.Timeline;
import org.fairkit.orchestration.policy.Outcome;
import org.fairkit.orchestration.policy.Policy;
import org.fairkit.orchestration.policy.PolicyResult;
import org.fairkit.orchestration.trail.AuditEvent;
import org.fairkit.orchestration.trail.AuditTrail;
import org.fairkit.orchestration.trail.TrailAnchor;
import org.fairkit.orchestration.trail.TrailVerification;
import org.fairkit.stats.Bootstrap;
import org.fairkit.testkit.Markdown;
import org.fairkit.testkit.TestSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Docs are tests: every Java line of the README's load, policy and trail sections is here, compiled and run. */
class ReadmeLoadPolicyTrailTest {
    private static final List<String> SECTIONS = List.of("## Load model", "## Policies", "## Audit trail");

    @TempDir
    Path dir;

    @Test
    void theLoadModelSnippetsRun() {
        LoadModel model = LoadModel.defaults();
        LoadEstimate estimate = model.estimate(
            InputProfile.of(2, 70, 1),
            EnumSet.allOf(OutputKind.class),
            Timeline.now().withTimeLimit(Duration.ofMinutes(2)).withStrictSla());
        assertThat(estimate.totalLoad()).isCloseTo(1013.0, within(1e-9));
        assertThat(estimate.feasibility()).isEqualTo(Feasibility.FEASIBLE);
        assertThat(estimate.message()).isEqualTo("This fairness audit will process approximately 500 input units "
                + "and generate 13 output units, taking approximately 1 minute 28 seconds to complete.");

        MeasuredRun run = estimate.measured(Duration.ofMillis(41_000));
        List<MeasuredRun> history = List.of(run, new MeasuredRun(200, 2.5, 35.0, 17.2), new MeasuredRun(1000, 8, 174.6, 80.9));
        RateFit calibration = model.calibrate(history);
        assertThat(calibration.inputRate()).isCloseTo(24.8, within(0.05));
        assertThat(calibration.before().rmseSeconds()).isCloseTo(61.4, within(0.05));
        assertThat(calibration.after().rmseSeconds()).isCloseTo(0.55, within(0.005));
        LoadModel tuned = calibration.calibrated();
        assertThat(tuned.estimatedSeconds(500, 13)).isCloseTo(41.0, within(1.0));
    }

    @Test
    void thePolicySnippetsRun() throws IOException {
        String yaml = block("yaml");
        FairnessReport report = Fairness.of(SyntheticLending.generate(4000, 1))
            .groupBy("ethnicity").reference("Group A").minGroupSize(30)
            .intervals(Bootstrap.percentile(400).seed(7))
            .evaluate();
        Policy policy = Policy.parse(yaml);
        PolicyResult result = policy.evaluate(report);
        assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(result.verdicts().get(0).value().value()).isCloseTo(0.6116, within(5e-5));
        assertThat(result.verdicts().get(0).groups()).containsExactly(GroupKey.of("ethnicity", "Group B"),
                GroupKey.of("ethnicity", "Group C"));
        String alerts = policy.toAlertConfigurationYaml();
        assertThat(alerts).startsWith("alert_configuration:");
        assertThat(policy.rules()).hasSize(4);
    }

    @Test
    void theEveryTaskPolicySnippetRuns() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(18);
        double[] target = new double[400];
        double[] predicted = new double[400];
        String[] sex = new String[400];
        for (int i = 0; i < 400; i++) {
            sex[i] = i % 3 == 0 ? "F" : "M";
            target[i] = 5000 + 1000 * random.nextGaussian();
            predicted[i] = target[i] + (sex[i].equals("F") ? 1100 : 1000) * random.nextGaussian();
        }
        RegressionData limits = RegressionData.builder().targets(target).predictions(predicted)
                .sensitive("sex", sex).build();
        RegressionReport credit = RegressionFairness.of(limits).groupBy("sex").evaluate();
        Policy creditPolicy = Policy.parse("policy: credit-limit\nrules:\n  - bounded_group_loss_absolute <= 1500 for sex\n"
            + "  - mean_absolute_error.ratio >= 0.8 for sex\n  - min_group_size >= 30\n");
        PolicyResult creditResult = creditPolicy.evaluate(credit.asTaskReport());
        assertThat(creditResult.outcome()).as(creditResult.toString()).isEqualTo(Outcome.PASS);
        assertThat(creditResult.verdicts()).hasSize(3);
        Policy shares = Policy.parse("policy: data\nrules:\n" + sections().blocks("yaml").get(1));
        assertThat(shares.rules().get(0).measure()).isEqualTo(org.fairkit.orchestration.policy.DataMeasure
                .representationRatio(java.util.Map.of("Group A", 0.6, "Group B", 0.3, "Group C", 0.1)));
        assertThat(Policy.parse(shares.toYaml())).isEqualTo(shares);
    }

    @Test
    void theTrailSnippetRuns() {
        byte[] reportJson = "{\"report\":1}".getBytes(StandardCharsets.UTF_8);
        try (AuditTrail trail = AuditTrail.open(dir.resolve("audit-trail.jsonl"))) {
            trail.append(AuditEvent.of("audit.completed").with("policy", "lending-fairness").with("outcome", "FAIL"),
                AuditTrail.sha256(reportJson));
            TrailVerification check = trail.verify();
            TrailAnchor anchor = check.anchor();
            assertThat(anchor.entries()).isEqualTo(1);
        }
    }

    @Test
    void everyJavaLineOfTheseReadmeSectionsIsInThisTest() {
        String self = TestSource.of(ReadmeLoadPolicyTrailTest.class).text();
        // a bare expression such as "estimate.totalLoad();" appears here inside an assertion
        List<String> lines = sections().codeLines("java").stream().map(code -> code.replaceAll(";$", ""))
                .filter(code -> !code.isEmpty() && !code.equals("}")).toList();
        assertThat(lines).hasSizeGreaterThan(20);
        for (String code : lines) {
            assertThat(self).as("README line %s", code).contains(code);
        }
    }

    /** This helper's README sections (the file may hold other sections too). */
    private static Markdown sections() {
        return Markdown.read(Path.of("README.md")).sections(SECTIONS);
    }

    private static String block(String language) {
        return sections().blocks(language).get(0);
    }
}
