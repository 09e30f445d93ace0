package org.fairkit.reports;

import static org.fairkit.reports.Html.esc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fairkit.core.Provenance;
import org.fairkit.core.TaskReport;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.reports.svg.ThresholdChart;

/**
 * The executive slides of any task's content ({@link ReportContent#forTask}), in the style of {@link ExecutiveSlides}:
 * title (with the task), the verdict, one slide per top concern (a disparity with its threshold and the per-group bars
 * of the metric behind it, or the group sizes), how sure we are (intervals, provenance), and the appendix.
 */
final class TaskSlides {
    private TaskSlides() {
    }

    static String render(ReportContent c) {
        TaskReport r = TaskView.report(c);
        AuditContext ctx = c.context();
        List<Concern> top = c.topConcerns(ExecutiveSlides.TOP);
        int total = 3 + top.size() + (top.isEmpty() ? 0 : 1);
        StringBuilder b = new StringBuilder(1 << 16);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n").append(Html.NO_NETWORK)
                .append("<meta name=\"viewport\" content=\"width=1200\"/>\n<title>").append(esc(ctx.title()))
                .append(" \u2013 executive summary (").append(esc(TaskIds.taskName(r.task())))
                .append(")</title>\n<style>\n").append(ExecutiveSlides.CSS).append("</style>\n</head>\n<body>\n");
        int page = 0;
        open(b, "title", "Title");
        b.append("<p class=\"kicker\">Fairness audit \u00b7 ").append(esc(TaskIds.taskName(r.task())))
                .append(" \u00b7 executive summary</p>\n<h1>").append(esc(ctx.title())).append("</h1>\n<p class=\"sub\">")
                .append(esc(ctx.dataset())).append("</p>\n<p class=\"sub\">").append(esc(Fmt.count(TaskView.total(r))))
                .append(' ').append(TaskView.unit(r)).append(" \u00b7 ").append(r.groups().size()).append(" groups by ")
                .append(esc(String.join(" \u00d7 ", r.groupBy()))).append(" \u00b7 ")
                .append(esc(Fmt.instant(ctx.generatedAt()))).append("</p>\n");
        close(b, ctx, ++page, total);
        verdict(b, c, r, top, ++page, total);
        for (int i = 0; i < top.size(); i++) {
            concern(b, c, r, top.get(i), i, top.size(), ++page, total);
        }
        confidence(b, c, r, ++page, total);
        if (!top.isEmpty()) {
            open(b, "appendix", "Appendix");
            b.append("<p class=\"kicker\">Appendix</p>\n<h2>The concerns in technical terms</h2>\n<ol class=\"tech\">\n");
            for (Concern x : top) {
                b.append("<li><strong>").append(esc(x.headline())).append("</strong><br/>").append(esc(x.detail()))
                        .append("</li>\n");
            }
            b.append("</ol>\n<p class=\"note\">Metric ids and definitions are in the audit report.</p>\n");
            close(b, ctx, ++page, total);
        }
        b.append("</body>\n</html>\n");
        return b.toString();
    }

    private static void open(StringBuilder b, String cls, String label) {
        b.append("<section class=\"slide ").append(cls).append("\" aria-label=\"").append(esc(label)).append("\">\n");
    }

    private static void close(StringBuilder b, AuditContext ctx, int page, int total) {
        b.append("<footer><span>").append(esc(ctx.title())).append("</span><span>").append(page).append(" / ")
                .append(total).append("</span></footer>\n</section>\n");
    }

    private static void verdict(StringBuilder b, ReportContent c, TaskReport r, List<Concern> top, int page,
            int total) {
        open(b, "verdict", "Verdict");
        ExecutiveSlides.findings(b, c.concerns().size(), top);
        List<String> checks = new ArrayList<>();
        checks.add(TaskView.judged(c).size() + " disparities of the " + TaskIds.taskName(r.task()) + " task on "
                + r.groups().size() + " groups");
        if (!c.verdicts().isEmpty()) {
            checks.add(c.verdicts().size() + " policy rules");
        }
        c.dataQuality().ifPresent(q -> checks.add("data checks (" + DataQualitySection.gate(q) + ")"));
        b.append("<p class=\"checks\">Checks run: ").append(esc(String.join("; ", checks)))
                .append(". Ranked: broken policy rules, then the largest gaps; gaps that chance does not explain "
                        + "first.</p>\n");
        close(b, c.context(), page, total);
    }

    private static void concern(StringBuilder b, ReportContent c, TaskReport r, Concern x, int i, int n, int page,
            int total) {
        open(b, "concern", "Concern " + (i + 1));
        b.append("<p class=\"kicker\">Concern ").append(i + 1).append(" of ").append(n)
                .append(x.robust() ? " <span class=\"badge bad\">beyond chance</span>" : "").append("</p>\n<h2>")
                .append(esc(x.summary())).append("</h2>\n<div class=\"evidence\">");
        String id = "c" + (i + 1);
        if (x.kind() == Concern.Kind.SMALL_GROUP) {
            b.append(TaskCharts.sizes(r, id + "-sizes", 880));
        } else {
            // a failed rule names its disparity in its default name: "exposure_ratio >= 0.8 for gender"
            String about = TaskThreshold.fromRule(x.subject()).map(TaskThreshold::disparityId)
                    .flatMap(d -> r.disparity(d).map(org.fairkit.core.metrics.Disparity::id)).orElse(x.subject());
            List<ThresholdChart.Row> rows = new ArrayList<>();
            List<ThresholdChart.Row> all = TaskCharts.thresholdRows(c);
            List<TaskView.Judged> judged = TaskView.judged(c).stream().filter(j -> j.threshold().isPresent()).toList();
            for (int k = 0; k < judged.size(); k++) {
                if (judged.get(k).id().equals(about)) {
                    rows.add(all.get(k));
                }
            }
            if (!rows.isEmpty()) {
                b.append(ThresholdChart.of(id + "-threshold", "Disparity against its threshold", 880, rows).toSvg());
            }
            metricBehind(r, about).ifPresent(v -> b.append(TaskCharts.bars(r, v, id + "-bars", 880)));
        }
        b.append("</div>\n<p class=\"detail\">").append(esc(x.explanation())).append("</p>\n")
                .append("<p class=\"note\">In technical terms: appendix, item ").append(i + 1).append(".</p>\n");
        close(b, c.context(), page, total);
    }

    /**
     * @return the group metric a disparity is computed from: the metric of an aggregate id; else the metric whose id
     *     the disparity's id starts with ({@code exposure} for {@code exposure_ratio}, {@code true_positive_rate@urgent}
     *     for {@code true_positive_rate@urgent.difference}); else the report's first metric (of the same class), which
     *     for a regression's {@code mae_parity_ratio} is its first error metric
     */
    static Optional<GroupValues> metricBehind(TaskReport r, String disparityId) {
        String base = TaskIds.base(disparityId);
        if (TaskIds.aggregation(disparityId).isPresent()) {
            return r.values(base);
        }
        String cls = TaskIds.classOf(disparityId).map(k -> "@" + k).orElse("");
        String stem = base.replaceFirst("@.*", "");
        for (GroupValues v : r.metrics()) {
            String m = v.metricId();
            if (m.endsWith(cls) && stem.startsWith(m.replaceFirst("@.*", ""))) {
                return Optional.of(v);
            }
        }
        return r.metrics().stream().filter(v -> cls.isEmpty() || v.metricId().endsWith(cls)).findFirst();
    }

    private static void confidence(StringBuilder b, ReportContent c, TaskReport r, int page, int total) {
        open(b, "confidence", "How sure we are");
        b.append("<p class=\"kicker\">How sure we are</p>\n<h2>Evidence, not proof</h2>\n<ul class=\"points\">\n")
                .append("<li>").append(esc(TaskView.intervalMethod(r))).append("</li>\n");
        long small = 0;
        for (int g = 0; g < r.groups().size(); g++) {
            small += TaskView.smallReason(r, g).isPresent() ? 1 : 0;
        }
        b.append("<li>").append(small == 0 ? "Every group is large enough for the disparities."
                : esc(small + (small == 1 ? " group is" : " groups are")
                        + " too small and left out of the disparities.")).append("</li>\n");
        b.append("<li>Thresholds not set by a policy are defaults: 0.8 for ratios, 0.1 for differences; a largest "
                + "group loss has none.</li>\n</ul>\n");
        Optional<Provenance> p = r.provenance();
        b.append("<dl class=\"prov\"><dt>Input SHA-256</dt><dd>").append(esc(p.map(Provenance::inputSha256)
                .orElse("not recorded"))).append("</dd><dt>Audit-trail hash</dt><dd>").append(esc(c.context()
                .auditTrailHash().orElse("not recorded in an audit trail"))).append("</dd><dt>FairKit</dt><dd>")
                .append(esc(p.map(Provenance::libraryVersion).orElse(""))).append("</dd></dl>\n");
        close(b, c.context(), page, total);
    }
}
