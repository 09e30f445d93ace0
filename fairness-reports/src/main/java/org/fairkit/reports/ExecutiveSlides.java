package org.fairkit.reports;

import static org.fairkit.reports.Html.esc;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.GroupMetric;

/**
 * Executive Summary Slides: a short HTML deck, one idea per 16:9 slide, for readers who will not open the audit.
 *
 * <ol>
 *   <li>Title: what was audited, when.</li>
 *   <li>The verdict: how many findings need attention, and which checks were run.</li>
 *   <li>One slide per top concern (at most three, ranked by {@link Concerns}), each with the one chart that shows
 *       it and the evidence in a sentence.</li>
 *   <li>What mitigation changed, when a mitigation was run: the quantities behind the top concerns, every quantity
 *       that got worse (a trade-off is never hidden), then accuracy and ratios.</li>
 *   <li>How sure we are: the caveats that matter and the provenance (input fingerprint, audit-trail hash).</li>
 *   <li>Appendix, when there are concerns: each top concern in technical terms (metric ids, values, tests), for the
 *       reader who will check it against the audit.</li>
 * </ol>
 *
 * <p>Everything before the appendix speaks plainly ({@link Concern#summary()}, {@link Concern#explanation()}): no
 * metric ids, rates as percentages, groups by name.
 *
 * <p>Content of any other task ({@link ReportContent#forTask}) gets the same deck ({@link TaskSlides}), each concern
 * shown with its disparity against its threshold and the group metric behind it.
 *
 * <p>Self-contained like {@link DashboardHtml} (inline CSS and SVG, no scripts, a {@code default-src 'none'}
 * Content-Security-Policy); 1200 × 675 slides stack vertically on screen and print one per page.
 */
public final class ExecutiveSlides implements ReportDocument {
    /** The number of concerns the deck presents. */
    public static final int TOP = 3;

    private final ReportContent content;

    private ExecutiveSlides(ReportContent content) {
        this.content = Objects.requireNonNull(content, "content");
    }

    /** The deck of some content. */
    public static ExecutiveSlides of(ReportContent content) {
        return new ExecutiveSlides(content);
    }

    @Override
    public String mediaType() {
        return "text/html; charset=utf-8";
    }

    @Override
    public String fileName() {
        return "executive-summary.html";
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        out.write(render().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** @return the whole deck */
    public String render() {
        if (content.taskReport().isPresent()) {
            return TaskSlides.render(content);
        }
        AuditContext ctx = content.context();
        List<Concern> top = content.topConcerns(TOP);
        int total = 3 + top.size() + (content.mitigations().isEmpty() ? 0 : 1) + (top.isEmpty() ? 0 : 1);
        StringBuilder b = new StringBuilder(1 << 16);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n").append(Html.NO_NETWORK)
                .append("<meta name=\"viewport\" content=\"width=1200\"/>\n<title>").append(esc(ctx.title()))
                .append(" \u2013 executive summary</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        int page = 0;
        titleSlide(b, ctx, ++page, total);
        verdictSlide(b, top, ++page, total);
        for (int i = 0; i < top.size(); i++) {
            concernSlide(b, top.get(i), i, top.size(), ++page, total);
        }
        if (!content.mitigations().isEmpty()) {
            mitigationSlide(b, ++page, total);
        }
        confidenceSlide(b, ctx, ++page, total);
        if (!top.isEmpty()) {
            appendixSlide(b, top, ++page, total);
        }
        b.append("</body>\n</html>\n");
        return b.toString();
    }

    private void open(StringBuilder b, String cls, String label) {
        b.append("<section class=\"slide ").append(cls).append("\" aria-label=\"").append(esc(label)).append("\">\n");
    }

    private void close(StringBuilder b, int page, int total) {
        b.append("<footer><span>").append(esc(content.context().title())).append("</span><span>").append(page)
                .append(" / ").append(total).append("</span></footer>\n</section>\n");
    }

    private void titleSlide(StringBuilder b, AuditContext ctx, int page, int total) {
        FairnessReport r = content.report();
        open(b, "title", "Title");
        b.append("<p class=\"kicker\">Fairness audit \u00b7 executive summary</p>\n<h1>").append(esc(ctx.title()))
                .append("</h1>\n<p class=\"sub\">").append(esc(ctx.dataset())).append("</p>\n<p class=\"sub\">")
                .append(esc(Fmt.count(r.provenance().rows()))).append(" decisions \u00b7 ").append(r.groups().size())
                .append(" groups by ").append(esc(String.join(" \u00d7 ", r.results().spec().groupBy())))
                .append(" \u00b7 ").append(esc(Fmt.instant(ctx.generatedAt()))).append("</p>\n");
        close(b, page, total);
    }

    /**
     * The verdict slide's headline and agenda (this deck's and {@link TaskSlides}'): how many findings need attention,
     * the top ones, and how many more the other documents list.
     */
    static void findings(StringBuilder b, int all, List<Concern> top) {
        b.append("<p class=\"kicker\">The verdict</p>\n");
        if (all == 0) {
            b.append("<h2 class=\"ok\">No finding needs attention under these checks</h2>\n");
            return;
        }
        b.append("<h2><span class=\"big bad\">").append(all).append("</span> ")
                .append(all == 1 ? "finding needs" : "findings need").append(" attention</h2>\n<ol class=\"agenda\">\n");
        for (Concern c : top) {
            b.append("<li>").append(esc(c.summary())).append("</li>\n");
        }
        b.append("</ol>\n");
        if (all > top.size()) {
            b.append("<p class=\"note\">").append(all - top.size()).append(" more in the dashboard and the audit "
                    + "report.</p>\n");
        }
    }

    private void verdictSlide(StringBuilder b, List<Concern> top, int page, int total) {
        open(b, "verdict", "Verdict");
        findings(b, content.concerns().size(), top);
        List<String> checks = new ArrayList<>();
        checks.add("four-fifths rule on " + content.report().groups().size() + " groups");
        checks.add(content.thresholds().size() + " fairness metrics against thresholds");
        if (!content.verdicts().isEmpty()) {
            checks.add(content.verdicts().size() + " policy rules");
        }
        if (!content.calibration().isEmpty()) {
            checks.add("calibration by group");
        }
        content.trend().filter(t -> !t.sinceLastRun().isEmpty()).ifPresent(t -> {
            b.append("<p class=\"note since\">Since last run (").append(esc(t.sinceLastRun().values().iterator().next()
                    .previousLabel())).append("): ");
            List<String> parts = new ArrayList<>();
            for (Trend.Delta d : t.sinceLastRun().values()) {
                parts.add(d.metric().info().name() + " " + d.describe());
            }
            b.append(esc(String.join("; ", parts))).append(".</p>\n");
        });
        b.append("<p class=\"checks\">Checks run: ").append(esc(String.join("; ", checks))).append('.')
                .append(" Ranked: broken policy rules, then groups below four-fifths, then the largest gaps; "
                        + "gaps that chance does not explain first.")
                .append("</p>\n");
        close(b, page, total);
    }

    private void concernSlide(StringBuilder b, Concern c, int i, int n, int page, int total) {
        open(b, "concern", "Concern " + (i + 1));
        b.append("<p class=\"kicker\">Concern ").append(i + 1).append(" of ").append(n).append(" \u00b7 ")
                .append(esc(kindWord(c.kind()))).append(c.robust() ? " <span class=\"badge bad\">beyond chance</span>"
                        : "").append("</p>\n<h2>").append(esc(c.summary())).append("</h2>\n<div class=\"evidence\">");
        String id = "c" + (i + 1);
        Optional<FairnessMetric> metric = metricOf(c);
        switch (c.kind()) {
            case ADVERSE_IMPACT -> b.append(Charts.adverseImpact(content, id + "-ai", 880));
            case SMALL_GROUP -> b.append(Charts.groupSizes(content, id + "-sizes", 880));
            default -> metric.ifPresent(f -> {
                Charts.thresholds(content, id + "-threshold", 880, f::equals).ifPresent(b::append);
                GroupMetric m = Charts.components(f).get(0);
                b.append(Charts.metricBars(content, m, id + "-bars", 880));
            });
        }
        b.append("</div>\n<p class=\"detail\">").append(esc(c.explanation())).append("</p>\n");
        b.append("<p class=\"note\">In technical terms: appendix, item ").append(i + 1).append(".</p>\n");
        close(b, page, total);
    }

    private void appendixSlide(StringBuilder b, List<Concern> top, int page, int total) {
        open(b, "appendix", "Appendix");
        b.append("<p class=\"kicker\">Appendix</p>\n<h2>The concerns in technical terms</h2>\n<ol class=\"tech\">\n");
        for (Concern c : top) {
            b.append("<li><strong>").append(esc(c.headline())).append("</strong><br/>").append(esc(c.detail()));
            if (!c.related().isEmpty()) {
                b.append(" Same finding: ").append(esc(String.join("; ", c.related()))).append('.');
            }
            b.append("</li>\n");
        }
        b.append("</ol>\n<p class=\"note\">Metric ids and definitions are in the audit report.</p>\n");
        close(b, page, total);
    }

    /** The fairness metric a concern is about: named by it, or carrying the same number about the same groups. */
    private Optional<FairnessMetric> metricOf(Concern c) {
        if (c.kind() == Concern.Kind.DISPARITY_BEYOND_THRESHOLD || c.kind() == Concern.Kind.UNDEFINED_METRIC) {
            return Optional.of(FairnessMetric.byId(c.subject()));
        }
        if (Double.isNaN(c.magnitude())) {
            return Optional.empty();
        }
        for (FairnessMetric f : content.thresholds().keySet()) {
            Disparity d = content.report().fairness(f);
            if (d.isDefined() && Math.abs(Math.abs(d.asDouble()) - Math.abs(c.magnitude())) <= 1e-9
                    && new HashSet<>(d.groups().stream().map(GroupKey::label).toList())
                            .equals(new HashSet<>(c.groups()))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    private static String kindWord(Concern.Kind k) {
        return switch (k) {
            case FAILED_POLICY -> "broken policy rule";
            case ADVERSE_IMPACT -> "adverse impact (four-fifths rule)";
            case DISPARITY_BEYOND_THRESHOLD -> "gap beyond the acceptable limit";
            case POLICY_WARNING -> "policy warning";
            case UNDEFINED_METRIC -> "metric could not be computed";
            case SMALL_GROUP -> "small group";
        };
    }

    private void mitigationSlide(StringBuilder b, int page, int total) {
        MitigationSummary m = content.mitigations().get(0);
        open(b, "mitigation", "Mitigation");
        long improved = m.changes().stream().filter(x -> x.assessment() == MitigationSummary.Assessment.IMPROVED)
                .count();
        long worse = m.changes().stream().filter(x -> x.assessment() == MitigationSummary.Assessment.WORSENED)
                .count();
        b.append("<p class=\"kicker\">What mitigation changed</p>\n<h2>").append(esc(m.method())).append(": ")
                .append(improved).append(" improved, ").append(worse).append(" worse</h2>\n<p class=\"sub2\">")
                .append(esc(m.settings())).append("</p>\n<table>\n<thead><tr><th>quantity</th><th class=\"num\">before"
                        + "</th><th class=\"num\">after</th><th>change</th></tr></thead>\n<tbody>\n");
        List<MitigationSummary.Change> shown = new ArrayList<>();
        for (Concern c : content.topConcerns(TOP)) {
            metricOf(c).ifPresent(f -> m.changes().stream().filter(x -> x.quantity().equals(f.id())
                    && !shown.contains(x)).findFirst().ifPresent(shown::add));
        }
        for (MitigationSummary.Change x : m.changes()) {
            if (x.assessment() == MitigationSummary.Assessment.WORSENED && !shown.contains(x)) {
                shown.add(x);
            }
        }
        for (MitigationSummary.Change x : m.changes()) {
            if (shown.size() >= 8) {
                break;
            }
            if (!shown.contains(x) && (x.quantity().startsWith("accuracy") || x.quantity().contains("ratio"))) {
                shown.add(x);
            }
        }
        for (MitigationSummary.Change x : shown) {
            String a = DashboardHtml.assessmentWord(x.assessment());
            String cls = x.assessment() == MitigationSummary.Assessment.IMPROVED ? "ok"
                    : x.assessment() == MitigationSummary.Assessment.WORSENED ? "bad" : "";
            b.append("<tr><td>").append(esc(Fmt.humanize(x.quantity()))).append("</td><td class=\"num\">")
                    .append(esc(Fmt.shortValue(x.before()))).append("</td><td class=\"num\">")
                    .append(esc(Fmt.shortValue(x.after()))).append("</td><td class=\"").append(cls).append("\">")
                    .append(esc(a)).append("</td></tr>\n");
        }
        b.append("</tbody></table>\n");
        if (m.changes().size() > shown.size()) {
            b.append("<p class=\"note\">").append(m.changes().size() - shown.size())
                    .append(" more quantities in the audit report.</p>\n");
        }
        close(b, page, total);
    }

    private void confidenceSlide(StringBuilder b, AuditContext ctx, int page, int total) {
        FairnessReport r = content.report();
        open(b, "confidence", "How sure we are");
        b.append("<p class=\"kicker\">How sure we are</p>\n<h2>Evidence, not proof</h2>\n<ul class=\"points\">\n");
        b.append("<li>").append(r.intervals().isEmpty() ? "No intervals were estimated: group values and "
                + "disparities are point estimates." : esc("Group values and disparities come with "
                        + r.intervals().values().stream().findFirst().map(i -> Fmt.percent(i.level()) + " intervals ("
                                + i.method() + ")").orElse("") + "; impact ratios with Katz intervals."))
                .append("</li>\n");
        b.append("<li>The four-fifths rule (US EEOC, 29 CFR 1607.4(D)) is a rule of thumb: a ratio below 0.8 is "
                + "evidence of adverse impact, not proof, and small groups can cross it by chance.</li>\n");
        long small = r.byGroup().stream().filter(x -> x.small()).count();
        b.append("<li>").append(small == 0 ? "Every group has at least " + r.results().spec().minGroupSize()
                + " rows." : esc(small + (small == 1 ? " group is" : " groups are")
                        + " below the minimum size and left out of the disparities.")).append("</li>\n");
        b.append("<li>Thresholds not set by a policy are defaults: 0.8 for ratios, 0.1 for differences.</li>\n</ul>\n");
        b.append("<dl class=\"prov\"><dt>Input SHA-256</dt><dd>").append(esc(r.provenance().inputSha256()))
                .append("</dd><dt>Audit-trail hash</dt><dd>").append(esc(ctx.auditTrailHash()
                        .orElse("not recorded in an audit trail"))).append("</dd><dt>FairKit</dt><dd>")
                .append(esc(r.provenance().libraryVersion())).append("</dd></dl>\n");
        close(b, page, total);
    }

    static final String CSS = """
            * { box-sizing: border-box; }
            body { margin: 0; background: #d9e2ec; color: #1f2933;
                   font: 22px/1.4 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }
            .slide { position: relative; width: 1200px; height: 675px; margin: 0 auto 24px; padding: 48px 64px 56px;
                     background: #fff; overflow: hidden; border-top: 10px solid #0072B2; }
            .slide.title { background: #102a43; color: #fff; border-top-color: #E69F00; padding-top: 170px; }
            .slide.title h1 { font-size: 54px; line-height: 1.15; margin: 12px 0 24px; max-width: 1050px; }
            .slide.title .sub { color: #bcccdc; margin: 6px 0; font-size: 24px; }
            .slide.title .kicker { color: #f0b429; }
            .slide.title footer { color: #9fb3c8; }
            .kicker { margin: 0; text-transform: uppercase; letter-spacing: .1em; font-size: 16px; color: #52606d;
                      font-weight: 600; }
            h2 { font-size: 38px; line-height: 1.2; margin: 10px 0 22px; max-width: 1120px; }
            h2.ok { color: #007a5a; } .big { font-size: 64px; vertical-align: -6px; } .bad { color: #b23c00; }
            .ok { color: #007a5a; }
            ol.agenda { font-size: 27px; margin: 0 0 18px; padding-left: 34px; } ol.agenda li { margin: 10px 0; }
            .checks, .note, .sub2 { color: #52606d; font-size: 18px; max-width: 1120px; }
            .evidence svg { display: block; width: 100%; height: auto; margin: 0 0 4px; }
            .detail { font-size: 18px; color: #334e68; max-width: 1120px; margin: 6px 0; }
            .badge { font-size: 13px; padding: 2px 9px; border-radius: 10px; background: #fbe9e1; color: #b23c00;
                     vertical-align: 2px; letter-spacing: .04em; }
            table { border-collapse: collapse; font-size: 20px; min-width: 760px; }
            th, td { text-align: left; padding: 7px 18px 7px 0; border-bottom: 1px solid #d9e2ec; }
            th { color: #52606d; font-size: 16px; text-transform: uppercase; letter-spacing: .05em; }
            .num { text-align: right; font-variant-numeric: tabular-nums; }
            ul.points { font-size: 23px; padding-left: 30px; margin: 0 0 22px; max-width: 1100px; }
            ul.points li { margin: 10px 0; }
            ol.tech { font-size: 15px; line-height: 1.35; padding-left: 24px; margin: 0 0 12px; max-width: 1100px; }
            ol.tech li { margin: 0 0 10px; overflow-wrap: anywhere; }
            dl.prov { display: grid; grid-template-columns: max-content 1fr; gap: 4px 20px; font-size: 15px;
                      color: #52606d; margin: 0; }
            dl.prov dt { font-weight: 600; } dl.prov dd { margin: 0; font-family: ui-monospace, Menlo, monospace;
                                                           overflow-wrap: anywhere; }
            footer { position: absolute; left: 64px; right: 64px; bottom: 20px; display: flex;
                     justify-content: space-between; font-size: 14px; color: #829ab1; }
            @media print { body { background: #fff; } .slide { margin: 0; break-after: page; } }
            @page { size: 1200px 675px; margin: 0; }
            """;
}
