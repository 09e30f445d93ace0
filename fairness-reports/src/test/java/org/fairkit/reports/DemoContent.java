package org.fairkit.reports;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.core.group.SensitiveFeature;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.stats.Bootstrap;
import org.fairkit.stats.GroupComparisons;

/**
 * The demo audit of the README screenshots and the rendering tests: SyntheticLending (6,000 applications, seed 7,
 * Group B's scores penalised by 0.8 logits), bootstrap intervals, calibration curves, a three-rule demo policy
 * judged on the actual numbers, and a hand-made mitigation (a lower approval threshold for Group B) evaluated on
 * the same data.
 */
final class DemoContent {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T09:30:00Z"), ZoneOffset.UTC);
    static final double GROUP_B_THRESHOLD = 0.36;

    private DemoContent() {
    }

    static FairnessData data() {
        return SyntheticLending.generate(6_000, 7);
    }

    static FairnessReport report(FairnessData data) {
        return Fairness.of(data).groupBy(SyntheticLending.ETHNICITY)
                .metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE, Metrics.FALSE_POSITIVE_RATE,
                        Metrics.POSITIVE_PREDICTIVE_VALUE)
                .reference("Group A").minGroupSize(30).intervals(Bootstrap.bca(1000).seed(42)).clock(CLOCK)
                .evaluate();
    }

    /** The same applicants with Group B approved from a score of {@link #GROUP_B_THRESHOLD} instead of 0.5. */
    static FairnessData mitigated(FairnessData data) {
        SensitiveFeature eth = data.sensitive(SyntheticLending.ETHNICITY);
        SensitiveFeature sex = data.sensitive(SyntheticLending.SEX);
        int n = data.rows();
        int[] y = new int[n];
        int[] p = new int[n];
        double[] s = new double[n];
        String[] e = new String[n];
        String[] x = new String[n];
        for (int i = 0; i < n; i++) {
            y[i] = data.label(i);
            s[i] = data.score(i);
            e[i] = eth.level(i);
            x[i] = sex.level(i);
            double t = e[i].equals(SyntheticLending.PENALISED_GROUP) ? GROUP_B_THRESHOLD : 0.5;
            p[i] = s[i] >= t ? 1 : 0;
        }
        return FairnessData.builder().labels(y).predictions(p).scores(s).sensitive(SyntheticLending.ETHNICITY, e)
                .sensitive(SyntheticLending.SEX, x).build();
    }

    static List<PolicyVerdictView> policy(FairnessReport r) {
        List<PolicyVerdictView> out = new ArrayList<>();
        Disparity dp = r.fairness(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO);
        boolean dpOk = dp.asDouble() >= 0.8;
        out.add(new PolicyVerdictView("demographic_parity_ratio >= 0.80", dpOk ? PolicyVerdictView.Outcome.PASS
                : PolicyVerdictView.Outcome.FAIL, dp.value(), dp.interval(), dp.groups().stream().map(g -> g.label())
                        .toList(), dpOk ? "Selection rates are within four-fifths of each other."
                                : "The lowest selection rate is below four-fifths of the highest."));
        Disparity eo = r.fairness(FairnessMetric.EQUALIZED_ODDS_DIFFERENCE);
        boolean eoOk = eo.asDouble() <= 0.15;
        out.add(new PolicyVerdictView("equalized_odds_difference <= 0.15", eoOk ? PolicyVerdictView.Outcome.PASS
                : PolicyVerdictView.Outcome.FAIL, eo.value(), eo.interval(), eo.groups().stream().map(g -> g.label())
                        .toList(), eoOk ? "Error rates differ by at most 0.15 between groups."
                                : "Error rates differ by more than 0.15 between groups."));
        long smallest = r.byGroup().stream().mapToLong(g -> g.rows()).min().orElse(0);
        out.add(new PolicyVerdictView("every group has >= 300 rows", smallest >= 300 ? PolicyVerdictView.Outcome.PASS
                : PolicyVerdictView.Outcome.WARN, org.fairkit.core.metrics.MetricValue.of(smallest), Optional.empty(),
                List.of(), "The smallest group has " + smallest + " rows."));
        return out;
    }

    static ReportContent content() {
        FairnessData data = data();
        FairnessReport report = report(data);
        FairnessReport after = Fairness.of(mitigated(data)).groupBy(SyntheticLending.ETHNICITY)
                .metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE, Metrics.FALSE_POSITIVE_RATE,
                        Metrics.POSITIVE_PREDICTIVE_VALUE, Metrics.ACCURACY)
                .reference("Group A").minGroupSize(30).clock(CLOCK).evaluate();
        FairnessReport before = Fairness.of(data).groupBy(SyntheticLending.ETHNICITY)
                .metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE, Metrics.FALSE_POSITIVE_RATE,
                        Metrics.POSITIVE_PREDICTIVE_VALUE, Metrics.ACCURACY)
                .reference("Group A").minGroupSize(30).clock(CLOCK).evaluate();
        MitigationSummary mitigation = MitigationSummary.compare("Group-specific threshold (demo)",
                "Group B approved from score " + GROUP_B_THRESHOLD + " instead of 0.5, chosen by hand; "
                        + "evaluated on the same 6,000 applications", before, after);
        AuditContext ctx = AuditContext.of("Consumer lending model \u2013 Q4 fairness audit",
                "SyntheticLending demo data: 6,000 applications, seed 7, injected penalty 0.8 logits on Group B",
                CLOCK).withAuditTrailHash("sha256:4f9c2a7e1b0d3c5a8e6f7b2d9c1a0e3f5b7d9c2e4a6f8b0d1c3e5a7f9b2d4c6e");
        return ReportContent.builder(report, ctx)
                .comparisons(GroupComparisons.of(report).compute())
                .calibration(CalibrationSeries.uniformBins(data, 10, SyntheticLending.ETHNICITY))
                .verdicts(policy(report))
                .mitigations(List.of(mitigation))
                .build();
    }
}
