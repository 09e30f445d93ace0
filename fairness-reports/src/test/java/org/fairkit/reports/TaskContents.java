package org.fairkit.reports;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.fairkit.core.FairnessData;
import org.fairkit.core.TaskReport;
import org.fairkit.core.checks.DataQuality;
import org.fairkit.core.checks.DataQualityReport;
import org.fairkit.core.checks.FeatureTable;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.multiclass.MulticlassData;
import org.fairkit.core.multiclass.MulticlassFairness;
import org.fairkit.core.ranking.Ranking;
import org.fairkit.core.ranking.RankingFairness;
import org.fairkit.core.regression.RegressionData;
import org.fairkit.core.regression.RegressionFairness;
import org.fairkit.core.regression.RegressionMetrics;

/**
 * Small seeded task reports for the document tests, each with a known injected disparity: a regression whose errors
 * in region "South" are three times larger; a ranking that pushes group "F" down; a multiclass triage model that
 * misses class "urgent" in group "older". (h18d's seeded data sets were not on main when these were written.)
 */
final class TaskContents {
    static final Clock CLOCK = TestContents.CLOCK;

    private TaskContents() {
    }

    /** 3 regions of 200, 200 and 120 rows; predictions off by N(0, 1), by N(0, 3) in South. */
    static TaskReport regression() {
        Random rnd = new Random(18);
        String[] regions = {"North", "Central", "South"};
        int[] sizes = {200, 200, 120};
        int n = 520;
        double[] y = new double[n];
        double[] p = new double[n];
        String[] g = new String[n];
        int i = 0;
        for (int k = 0; k < regions.length; k++) {
            for (int j = 0; j < sizes[k]; j++, i++) {
                g[i] = regions[k];
                y[i] = 50 + 10 * rnd.nextGaussian();
                p[i] = y[i] + (k == 2 ? 3 : 1) * rnd.nextGaussian();
            }
        }
        RegressionData d = RegressionData.builder().targets(y).predictions(p).sensitive("region", g).build();
        TaskReport r = RegressionFairness.of(d).metrics(RegressionMetrics.MEAN_ABSOLUTE_ERROR,
                RegressionMetrics.MEAN_ERROR).minGroupSize(30).clock(CLOCK).evaluate().asTaskReport();
        return withTestIntervals(r, "mean_absolute_error", 0.15);
    }

    /** 80 items in one ranking, 40 per group; F's scores are lowered by 0.6 standard deviations. */
    static TaskReport ranking() {
        Random rnd = new Random(7);
        int n = 80;
        double[] score = new double[n];
        double[] relevance = new double[n];
        String[] g = new String[n];
        for (int i = 0; i < n; i++) {
            g[i] = i % 2 == 0 ? "F" : "M";
            relevance[i] = rnd.nextInt(3);
            score[i] = relevance[i] + rnd.nextGaussian() - (g[i].equals("F") ? 0.6 : 0);
        }
        Ranking ranking = Ranking.builder().sensitive("gender", g).scores(score).relevance(relevance).build();
        return RankingFairness.of(ranking).evaluate().asTaskReport();
    }

    /** Three classes, two age groups of 300; "older" patients' "urgent" cases are predicted as "routine" 40% of the time. */
    static TaskReport multiclass() {
        Random rnd = new Random(3);
        String[] classes = {"routine", "soon", "urgent"};
        int n = 600;
        String[] y = new String[n];
        String[] p = new String[n];
        String[] g = new String[n];
        for (int i = 0; i < n; i++) {
            g[i] = i < 300 ? "younger" : "older";
            int c = rnd.nextInt(3);
            y[i] = classes[c];
            double miss = c == 2 && g[i].equals("older") ? 0.4 : 0.1;
            p[i] = rnd.nextDouble() < miss ? classes[(c + 1 + rnd.nextInt(2)) % 3] : classes[c];
        }
        MulticlassData d = MulticlassData.builder().labels(y).predictions(p).sensitive("age", g).build();
        return MulticlassFairness.of(d).metrics(Metrics.TRUE_POSITIVE_RATE, Metrics.FALSE_POSITIVE_RATE)
                .fairnessMetrics(FairnessMetric.EQUAL_OPPORTUNITY_DIFFERENCE).minGroupSize(30).clock(CLOCK)
                .evaluate().asTaskReport();
    }

    /** Symmetric intervals of half-width {@code half} around each group's value of one metric (test values). */
    static TaskReport withTestIntervals(TaskReport r, String metric, double half) {
        GroupValues v = r.values(metric).orElseThrow();
        Map<GroupKey, Interval> byGroup = new LinkedHashMap<>();
        for (int g = 0; g < r.groups().size(); g++) {
            MetricValue x = v.value(g);
            if (x.isDefined()) {
                byGroup.put(r.groups().get(g), new Interval(x.value() - half, x.value() + half, 0.95, "test interval",
                        0, 0));
            }
        }
        return r.withIntervals(Map.of(metric, byGroup), Map.of());
    }

    static ReportContent content(TaskReport r, String title) {
        return ReportContent.forTask(r, AuditContext.of(title, "synthetic " + r.task().id() + " data", CLOCK)).build();
    }

    /**
     * Checks of data where group "Islands" has 12 rows (critical), "income" is missing in 40% of "Coast" rows and
     * "postcode" encodes the group (a proxy).
     */
    static DataQualityReport dataQuality() {
        String[] groups = {"Inland", "Coast", "Islands"};
        int[] sizes = {150, 120, 12};
        int n = 282;
        String[] g = new String[n];
        int[] y = new int[n];
        int[] p = new int[n];
        double[] income = new double[n];
        String[] postcode = new String[n];
        int i = 0;
        for (int k = 0; k < groups.length; k++) {
            for (int j = 0; j < sizes[k]; j++, i++) {
                g[i] = groups[k];
                y[i] = j % 3 == 0 ? 1 : 0;
                p[i] = j % 4 == 0 ? 1 : 0;
                income[i] = k == 1 && j % 5 < 2 ? Double.NaN : 30_000 + 100 * j;
                postcode[i] = "P" + k + (j % 2);
            }
        }
        FairnessData d = FairnessData.builder().labels(y).predictions(p).sensitive("area", g).build();
        FeatureTable f = FeatureTable.builder().numeric("income", income).categorical("postcode", postcode).build();
        return DataQuality.defaults().check(d, f, "area");
    }

    /** A data rule verdict that fails and one that passes, as the policy engine would report them. */
    static List<PolicyVerdictView> dataVerdicts() {
        return List.of(new PolicyVerdictView("min_group_size >= 30 for area", PolicyVerdictView.Outcome.FAIL,
                MetricValue.of(12), Optional.empty(), List.of("Islands"), "Islands has 12 rows, fewer than 30"),
                new PolicyVerdictView("max_missing_rate <= 0.5 for area", PolicyVerdictView.Outcome.PASS,
                        MetricValue.of(0.4), Optional.empty(), List.of("Coast"), "the largest missing rate is 0.400"));
    }
}
