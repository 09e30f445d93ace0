package org.fairkit.reports;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fairkit.core.Estimand;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.GroupRow;
import org.fairkit.core.ReportWarning;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.metrics.ReferenceComparison;
import org.fairkit.reports.pdf.PdfLayout;
import org.fairkit.reports.pdf.Table;
import org.fairkit.stats.GroupComparisons;

/** The sections the two PDF documents share, written onto a {@link PdfLayout}. */
final class PdfSections {
    private PdfSections() {
    }

    static void cover(PdfLayout pdf, String kind, ReportContent c) {
        FairnessReport r = c.report();
        AuditContext ctx = c.context();
        List<String> lines = new ArrayList<>();
        lines.add(ctx.dataset());
        lines.add(Fmt.count(r.provenance().rows()) + " rows \u00b7 " + r.groups().size() + " groups by "
                + String.join(" x ", r.results().spec().groupBy()) + " \u00b7 reference group "
                + r.reference().map(GroupKey::label).orElse("none") + " \u00b7 generated "
                + Fmt.instant(ctx.generatedAt()));
        lines.add("Audit-trail hash: " + ctx.auditTrailHash().orElse("not recorded in an audit trail"));
        pdf.cover("FairKit \u00b7 " + kind, ctx.title(), lines);
    }

    /**
     * The headline callout and the top concerns, in plain words (no metric ids); the technical statement of every
     * concern is in {@link #technicalFindings}, the appendix.
     */
    static void findings(PdfLayout pdf, ReportContent c, int top) {
        List<Concern> all = c.concerns();
        if (all.isEmpty()) {
            pdf.callout("NO CONCERN", "No broken policy rule, no group selected at less than four-fifths of the rate "
                    + "of the group it is compared with, no gap beyond its acceptable limit, no check that could not "
                    + "be made and no group too small to judge.", PdfLayout.OK);
            return;
        }
        pdf.callout(all.size() + (all.size() == 1 ? " FINDING NEEDS" : " FINDINGS NEED") + " ATTENTION",
                "Ranked: broken policy rules; groups below four-fifths; gaps beyond their acceptable limit (those "
                        + "that chance does not explain first, then by how far); policy warnings; checks that could "
                        + "not be made; groups too small to judge. The top " + Math.min(top, all.size())
                        + " follow; the appendix states each in technical terms.", PdfLayout.BAD);
        int k = 0;
        for (Concern x : c.topConcerns(top)) {
            k++;
            String label = k + ". " + x.summary() + (x.robust() ? "  [beyond chance]" : "");
            pdf.callout(label, x.explanation(), x.robust() ? PdfLayout.BAD : PdfLayout.WARN);
        }
        if (all.size() > top) {
            pdf.paragraph("Further findings:", PdfLayout.Style.BOLD);
            List<String> rest = new ArrayList<>();
            for (Concern x : all.subList(top, all.size())) {
                rest.add(x.summary());
            }
            pdf.bullets(rest);
        }
    }

    /** The appendix: every concern in technical terms (metric ids, values, intervals, tests), in rank order. */
    static void technicalFindings(PdfLayout pdf, ReportContent c) {
        pdf.heading("Appendix. The findings in technical terms");
        List<Concern> all = c.concerns();
        if (all.isEmpty()) {
            pdf.paragraph("No finding.");
            return;
        }
        int k = 0;
        for (Concern x : all) {
            k++;
            pdf.paragraph(k + ". " + x.headline(), PdfLayout.Style.BOLD);
            pdf.paragraph(x.detail() + (x.related().isEmpty() ? "" : " Same finding: " + String.join("; ",
                    x.related()) + "."));
        }
    }

    /** One table per requested group metric: value, interval, comparison with the reference. */
    static void groupTables(PdfLayout pdf, ReportContent c) {
        FairnessReport r = c.report();
        Optional<GroupKey> ref = r.reference();
        for (GroupMetric m : r.metrics()) {
            if (m == Metrics.COUNT) {
                continue;
            }
            pdf.subheading(m.info().name() + "  (" + m.info().formula() + ")");
            List<List<String>> rows = new ArrayList<>();
            for (GroupRow row : r.byGroup()) {
                List<String> line = new ArrayList<>();
                boolean isRef = ref.isPresent() && ref.get().equals(row.group());
                line.add(row.group().label() + (isRef ? " (reference)" : "") + (row.small() ? " (small)" : ""));
                line.add(Fmt.count(row.rows()));
                MetricValue v = row.value(m);
                line.add(Fmt.value(v));
                line.add(Fmt.interval(Optional.ofNullable(row.intervals().get(m))));
                if (ref.isPresent()) {
                    Optional<ReferenceComparison> cmp = isRef ? Optional.empty()
                            : r.toReference(m).stream().filter(x -> x.group().equals(row.group())).findFirst();
                    line.add(cmp.map(x -> Fmt.shortValue(x.difference())).orElse(isRef ? "-" : ""));
                    line.add(cmp.map(x -> Fmt.shortValue(x.ratio())).orElse(isRef ? "-" : ""));
                }
                rows.add(line);
            }
            List<String> overall = new ArrayList<>(List.of("overall", Fmt.count(r.provenance().rows()),
                    Fmt.value(r.overall(m)), Fmt.interval(r.interval(Estimand.aggregate(Estimand.Kind.OVERALL_VALUE,
                            m)))));
            if (ref.isPresent()) {
                overall.add("");
                overall.add("");
            }
            rows.add(overall);
            String level = r.intervals().values().stream().findFirst().map(i -> Fmt.percent(i.level()))
                    .orElse("95%");
            if (ref.isPresent()) {
                pdf.table(Table.of(List.of("group", "rows", "value", level + " interval", "minus reference",
                        "ratio to reference"), rows, new float[] {2.4f, 1, 1.6f, 1.6f, 1.2f, 1.2f}, "lrrrrr"));
            } else {
                pdf.table(Table.of(List.of("group", "rows", "value", level + " interval"), rows,
                        new float[] {2.4f, 1, 1.6f, 1.6f}, "lrrr"));
            }
        }
    }

    /** The named fairness metrics against their thresholds. */
    static void fairnessTable(PdfLayout pdf, ReportContent c) {
        List<List<String>> rows = new ArrayList<>();
        List<Color> status = new ArrayList<>();
        for (Map.Entry<FairnessMetric, DisparityThreshold> e : c.thresholds().entrySet()) {
            Disparity d = c.report().fairness(e.getKey());
            boolean beyond = e.getValue().exceededBy(d.value());
            rows.add(List.of(e.getKey().info().name(), Fmt.value(d.value()), Fmt.interval(d.interval()),
                    e.getValue().describe(), d.isDefined() ? (beyond ? "beyond" : "within") : "not assessed",
                    String.join(" vs ", d.groups().stream().map(GroupKey::label).toList())));
            status.add(d.isDefined() ? (beyond ? PdfLayout.BAD : PdfLayout.OK) : PdfLayout.MUTED);
        }
        pdf.table(new Table(List.of("fairness metric", "value", "interval", "acceptable", "status", "groups"), rows,
                new float[] {2.3f, 1.1f, 1.5f, 1.7f, 0.9f, 1.6f}, "lrrlll", (r, col) -> col == 4 ? status.get(r)
                        : null));
        List<String> methods = Fmt.intervalMethods(c.report(), c.thresholds().keySet());
        if (!methods.isEmpty()) {
            pdf.paragraph("How the intervals were computed: " + String.join(" ", methods));
        }
    }

    /** The four-fifths analysis with its caveats. */
    static void fourFifths(PdfLayout pdf, ReportContent c) {
        AdverseImpact ai = c.adverseImpact();
        if (ai.undefinedReason().isPresent()) {
            pdf.paragraph("No impact ratio could be formed: " + ai.undefinedReason().get() + ".");
        } else {
            pdf.paragraph("Impact ratio = selection rate of the group / selection rate of "
                    + ai.comparisonGroup().map(GroupKey::label).orElse("?") + " ("
                    + (ai.basis() == AdverseImpact.Basis.REFERENCE ? "the reference group"
                            : "the group with the highest selection rate among groups of at least the minimum size")
                    + "). A ratio below 0.8 is evidence of adverse impact under 29 CFR 1607.4(D). Intervals: Katz "
                    + "log, 95%. Tests: pooled two-proportion z test and Fisher's exact test (two-sided), each "
                    + "group against the comparison group, uncorrected. Shortfall: additional selections in the "
                    + "group that would bring its ratio to 0.8.");
        }
        List<List<String>> rows = new ArrayList<>();
        List<Color> colors = new ArrayList<>();
        for (AdverseImpact.Row row : ai.rows()) {
            rows.add(List.of(row.group().label(), Fmt.count(row.rows()), Fmt.count(row.selectedRows()),
                    Fmt.shortValue(row.selectionRate()), Fmt.shortValue(row.impactRatio()),
                    row.ratioInterval().map(Fmt::interval).orElse(row.ratioIntervalNote()),
                    Fmt.pValue(row.zTest().pValue()), Fmt.pValue(row.fisherTest().pValue()),
                    row.shortfall().isPresent() ? Fmt.count(row.shortfall().getAsLong()) : "",
                    DashboardHtml.statusWord(row.status())));
            colors.add(switch (row.status()) {
                case BELOW_FOUR_FIFTHS -> PdfLayout.BAD;
                case AT_OR_ABOVE_FOUR_FIFTHS -> PdfLayout.OK;
                case COMPARISON_GROUP -> PdfLayout.INK;
                default -> PdfLayout.WARN;
            });
        }
        pdf.table(new Table(List.of("group", "rows", "selected", "selection rate", "impact ratio",
                "95% interval", "z test p", "Fisher p", "shortfall", "status"), rows,
                new float[] {1.6f, 0.9f, 0.9f, 0.9f, 0.8f, 1.4f, 0.8f, 0.8f, 0.8f, 1.4f}, "lrrrrrrrrl",
                (r, col) -> col == 9 || col == 4 ? colors.get(r) : null));
        pdf.paragraph("Caveats", PdfLayout.Style.BOLD);
        pdf.bullets(AdverseImpact.CAVEATS);
    }

    static void comparisons(PdfLayout pdf, GroupComparisons g) {
        pdf.paragraph("Two-proportion z tests of each group against the reference group, " + g.correction()
                + " correction over " + g.familySize() + " tests at alpha " + Fmt.num(g.alpha())
                + "; detectable differences at power " + Fmt.num(g.power(), 2) + ". \"Underpowered\": the data "
                + "could not have detected the observed difference, so \"not significant\" means too little data.");
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : DashboardHtml.comparisonRows(g)) {
            List<String> named = new ArrayList<>(row);
            named.set(0, Fmt.humanize(row.get(0)));
            rows.add(named);
        }
        pdf.table(Table.of(List.of("metric", "group", "rows", "difference", "p", "p adjusted", "significant",
                "detectable decrease", "detectable increase", "note"), rows,
                new float[] {1.6f, 2.2f, 0.7f, 0.9f, 0.8f, 0.8f, 0.9f, 1, 1, 1.2f}, "llrrrrlrrl"));
    }

    static void calibration(PdfLayout pdf, ReportContent c) {
        List<List<String>> rows = new ArrayList<>();
        for (CalibrationSeries s : c.calibration()) {
            long n = 0;
            double worst = Double.NaN;
            double at = Double.NaN;
            double[] score = s.binMeanScore();
            double[] rate = s.observedRate();
            for (int i = 0; i < s.size(); i++) {
                n += s.count()[i];
                double gap = rate[i] - score[i];
                if (Double.isNaN(worst) || Math.abs(gap) > Math.abs(worst)) {
                    worst = gap;
                    at = score[i];
                }
            }
            rows.add(List.of(s.group(), Fmt.count(n), Integer.toString(s.size()),
                    s.size() == 0 ? "undefined: no rows" : Fmt.num(s.expectedCalibrationError()),
                    s.size() == 0 ? "" : Fmt.num(worst) + " at score " + Fmt.num(at)));
        }
        pdf.paragraph("Per score bin, the mean score against the share of actual positives. Expected calibration "
                + "error = sum over bins of n_b |observed_b - score_b| / n (Naeini et al. 2015). A positive gap "
                + "means the score understates the group's observed rate.");
        PdfCalibration.figure(pdf, c.calibration());
        pdf.table(Table.of(List.of("group", "rows", "bins", "expected calibration error",
                "largest gap (observed - score)"), rows, new float[] {2, 1, 0.7f, 1.6f, 2.2f}, "lrrrr"));
    }

    static void verdicts(PdfLayout pdf, ReportContent c) {
        List<List<String>> rows = new ArrayList<>();
        List<Color> colors = new ArrayList<>();
        for (PolicyVerdictView v : c.verdicts()) {
            rows.add(List.of(v.rule(), v.outcome().name(), Fmt.valueWithInterval(v.value(), v.interval()),
                    String.join(", ", v.groups()), v.message()));
            colors.add(switch (v.outcome()) {
                case PASS -> PdfLayout.OK;
                case FAIL -> PdfLayout.BAD;
                default -> PdfLayout.WARN;
            });
        }
        pdf.table(new Table(List.of("rule", "outcome", "value [interval]", "groups", "verdict"), rows,
                new float[] {2.2f, 0.9f, 1.6f, 1.4f, 2.8f}, "llrll", (r, col) -> col == 1 ? colors.get(r) : null));
    }

    static void mitigation(PdfLayout pdf, ReportContent c) {
        for (MitigationSummary m : c.mitigations()) {
            pdf.subheading(m.method());
            if (!m.settings().isBlank()) {
                pdf.paragraph(m.settings(), PdfLayout.Style.SMALL);
            }
            List<List<String>> rows = new ArrayList<>();
            List<Color> colors = new ArrayList<>();
            for (MitigationSummary.Change x : m.changes()) {
                rows.add(List.of(x.quantity(), Fmt.value(x.before()), Fmt.value(x.after()),
                        DashboardHtml.assessmentWord(x.assessment())));
                colors.add(x.assessment() == MitigationSummary.Assessment.IMPROVED ? PdfLayout.OK
                        : x.assessment() == MitigationSummary.Assessment.WORSENED ? PdfLayout.BAD : null);
            }
            pdf.table(new Table(List.of("quantity", "before", "after", "change"), rows,
                    new float[] {3, 1.2f, 1.2f, 2}, "lrrl", (r, col) -> col == 3 ? colors.get(r) : null));
        }
    }

    static void warnings(PdfLayout pdf, FairnessReport r) {
        if (r.warnings().isEmpty()) {
            pdf.paragraph("None: every value is defined and every group has at least the minimum size.");
        } else {
            pdf.bullets(r.warnings().stream().map(ReportWarning::message).toList());
        }
    }

    /** Provenance: the integrity items, and with {@code full} the whole configuration. */
    static void provenance(PdfLayout pdf, ReportContent c, boolean full) {
        FairnessReport r = c.report();
        List<String[]> kv = new ArrayList<>();
        kv.add(new String[] {"Audit-trail hash", c.context().auditTrailHash().orElse("not recorded in an audit trail")});
        kv.add(new String[] {"Input SHA-256", r.provenance().inputSha256()});
        kv.add(new String[] {"Rows", Fmt.count(r.provenance().rows())});
        kv.add(new String[] {"FairKit version", r.provenance().libraryVersion()});
        kv.add(new String[] {"Evaluated at", Fmt.instant(r.provenance().evaluatedAt())});
        kv.add(new String[] {"Document generated at", Fmt.instant(c.context().generatedAt())});
        if (full) {
            for (Map.Entry<String, String> e : r.provenance().configuration().entrySet()) {
                kv.add(new String[] {e.getKey(), e.getValue()});
            }
        } else {
            kv.add(new String[] {"Configuration", "every setting, seeds included, is listed in the Fairness Audit"});
        }
        pdf.keyValues(kv, true);
    }

    /** @return the interval level and method used by the report, in words */
    static String intervalMethod(FairnessReport r) {
        Optional<Interval> i = r.intervals().values().stream().findFirst();
        return i.map(x -> Fmt.percent(x.level()) + " intervals: " + x.method() + ".")
                .orElse("No intervals were estimated: values are point estimates.");
    }
}
