package org.fairkit.reports;

import static org.fairkit.reports.Html.esc;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.fairkit.core.Severity;
import org.fairkit.core.checks.DataCheck;
import org.fairkit.core.checks.DataQualityReport;
import org.fairkit.core.checks.Finding;
import org.fairkit.core.checks.MissingProfile;
import org.fairkit.core.checks.ProxyScore;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.reports.pdf.PdfLayout;
import org.fairkit.reports.pdf.Table;

/**
 * The data-quality section of the dashboard and the PDFs, when the data checks ran
 * ({@link ReportContent.Builder#dataQuality}): the gate (passes unless a CRITICAL finding), the checks that ran, a
 * table per group (rows, share, label base rate, share of rows with a missing value), the missing rate of each
 * feature per group, each feature's strength as a proxy of the groups, every finding, and the verdicts of the
 * policy's data rules ({@code min_group_size}, {@code max_missing_rate}, {@code max_proxy_strength},
 * {@code representation_ratio}) among the content's verdicts. Writes nothing when no checks ran.
 */
final class DataQualitySection {
    /** The rule ids of the data rules of a policy: their verdicts are repeated in this section. */
    static final List<String> DATA_RULES = List.of("min_group_size", "max_missing_rate", "max_proxy_strength",
            "representation_ratio");

    private DataQualitySection() {
    }

    /** @return the verdicts of data rules, in the policy's order */
    static List<PolicyVerdictView> dataVerdicts(ReportContent c) {
        return c.verdicts().stream().filter(v -> DATA_RULES.stream().anyMatch(id -> v.rule().strip()
                .toLowerCase(Locale.ROOT).startsWith(id))).toList();
    }

    /** @return the gate in words, e.g. "passes: no critical finding" */
    static String gate(DataQualityReport q) {
        int critical = q.findings(Severity.CRITICAL).size();
        int warning = q.findings(Severity.WARNING).size() - critical;
        return (critical == 0 ? "passes: no critical finding" : "fails: " + critical + " critical "
                + (critical == 1 ? "finding" : "findings")) + ", " + warning + (warning == 1 ? " warning" : " warnings");
    }

    static String checks(DataQualityReport q) {
        return q.checked().stream().map(DataCheck::id).collect(Collectors.joining(", "));
    }

    /** @return the group table's header: group, rows, share, and the columns the checks measured */
    static List<String> groupHeader(DataQualityReport q) {
        List<String> h = new ArrayList<>(List.of("group", "rows", "share"));
        if (q.baseRates().isPresent()) {
            h.add("label base rate");
        }
        if (q.missingValues().isPresent()) {
            h.add("rows with a missing value");
        }
        return h;
    }

    static List<List<String>> groupRows(DataQualityReport q) {
        long total = 0;
        for (int g = 0; g < q.groups().size(); g++) {
            total += q.size(g);
        }
        List<List<String>> rows = new ArrayList<>();
        for (int g = 0; g < q.groups().size(); g++) {
            List<String> row = new ArrayList<>();
            row.add(q.groups().get(g).label());
            row.add(Fmt.count(q.size(g)));
            row.add(total == 0 ? "" : Fmt.num(100.0 * q.size(g) / total, 1) + "%");
            if (q.baseRates().isPresent()) {
                GroupValues b = q.baseRates().get();
                row.add(Fmt.value(b.value(g)));
            }
            if (q.missingValues().isPresent()) {
                MissingProfile m = q.missingValues().get();
                row.add(q.size(g) == 0 ? "undefined: no rows" : Fmt.num(m.incompleteRate(g)));
            }
            rows.add(row);
        }
        return rows;
    }

    static List<String> missingHeader(DataQualityReport q) {
        List<String> h = new ArrayList<>(List.of("feature"));
        q.groups().forEach(g -> h.add(g.label()));
        return h;
    }

    static List<List<String>> missingRows(MissingProfile m, DataQualityReport q) {
        List<List<String>> rows = new ArrayList<>();
        for (String f : m.features()) {
            List<String> row = new ArrayList<>();
            row.add(f);
            for (int g = 0; g < q.groups().size(); g++) {
                row.add(q.size(g) == 0 ? "undefined: no rows" : Fmt.num(m.missingRate(f, g)) + " ("
                        + Fmt.count(m.missingCount(f, g)) + ")");
            }
            rows.add(row);
        }
        return rows;
    }

    static List<List<String>> proxyRows(DataQualityReport q) {
        List<List<String>> rows = new ArrayList<>();
        for (ProxyScore p : q.proxies()) {
            rows.add(List.of(p.feature(), p.kind().name().toLowerCase(Locale.ROOT), p.measure().info().name(),
                    Fmt.value(p.association()), p.mutualInformationNats().isDefined()
                            ? Fmt.num(p.mutualInformationNats().value()) : "n/a (numeric)", Fmt.count(p.rows())));
        }
        return rows;
    }

    static List<List<String>> findingRows(DataQualityReport q) {
        List<List<String>> rows = new ArrayList<>();
        for (Finding f : q.findings()) {
            String where = f.group().map(g -> g.label()).orElse("") + (f.group().isPresent() && f.feature()
                    .isPresent() ? ", " : "") + f.feature().map(x -> "feature " + x).orElse("");
            rows.add(List.of(f.severity().name(), f.check().id(), where, f.measured().isPresent()
                    ? Fmt.num(f.measured().getAsDouble()) : "", f.threshold().isPresent()
                    ? Fmt.num(f.threshold().getAsDouble()) : "", f.message()));
        }
        return rows;
    }

    private static final List<String> FINDING_HEADER = List.of("severity", "check", "where", "measured", "threshold",
            "finding");
    private static final List<String> PROXY_HEADER = List.of("feature", "kind", "measure", "association",
            "mutual information (nats)", "rows");

    /** The section of the dashboard, {@code id="data-quality"}; nothing when no checks ran. */
    static void html(StringBuilder b, ReportContent c) {
        if (c.dataQuality().isEmpty()) {
            return;
        }
        DataQualityReport q = c.dataQuality().get();
        boolean passes = q.passes(Severity.CRITICAL);
        b.append("<section class=\"card\" id=\"data-quality\">\n<h2>Data quality</h2>\n<p>")
                .append(Html.badge(passes ? "gate passes" : "gate fails", passes ? "ok" : "bad")).append(' ')
                .append(esc("The data checks " + gate(q) + ". Checks run: " + checks(q) + ".")).append("</p>\n");
        b.append("<h3>Groups</h3>\n");
        List<String> h = groupHeader(q);
        Html.table(b, "data", h, groupRows(q), "t" + "n".repeat(h.size() - 1));
        q.missingValues().ifPresent(m -> {
            b.append("<h3>Missing rate per feature and group</h3>\n<p class=\"muted\">Share of the group's rows where "
                    + "the feature is missing (count in brackets).</p>\n");
            List<String> mh = missingHeader(q);
            Html.table(b, "data", mh, missingRows(m, q), "t" + "n".repeat(mh.size() - 1));
        });
        if (!q.proxies().isEmpty()) {
            b.append("<h3>Proxy strength</h3>\n<p class=\"muted\">How strongly each feature is associated with the "
                    + "groups: Cram\u00e9r's V for categorical features, the correlation ratio \u03b7 for numeric ones "
                    + "(0 none, 1 the feature determines the group).</p>\n");
            Html.table(b, "data", PROXY_HEADER, proxyRows(q), "tttnnn");
        }
        b.append("<h3>Findings</h3>\n");
        if (q.findings().isEmpty()) {
            b.append("<p>No finding: every check that ran is within its thresholds.</p>\n");
        } else {
            Html.table(b, "data", FINDING_HEADER, findingRows(q), "wwtnnt");
        }
        List<PolicyVerdictView> rules = dataVerdicts(c);
        if (!rules.isEmpty()) {
            b.append("<h3>Data rules of the policy</h3>\n<div class=\"scroll\"><table class=\"data\">\n<thead><tr>"
                    + "<th scope=\"col\">rule</th><th scope=\"col\">outcome</th><th scope=\"col\" class=\"num\">value "
                    + "[interval]</th><th scope=\"col\">verdict</th></tr></thead>\n<tbody>\n");
            for (PolicyVerdictView v : rules) {
                String kind = v.outcome() == PolicyVerdictView.Outcome.PASS ? "ok"
                        : v.outcome() == PolicyVerdictView.Outcome.FAIL ? "bad" : "warn";
                b.append("<tr><th scope=\"row\">").append(esc(v.rule())).append("</th><td>")
                        .append(Html.badge(v.outcome().name(), kind)).append("</td><td class=\"num\">")
                        .append(esc(Fmt.valueWithInterval(v.value(), v.interval()))).append("</td><td>")
                        .append(esc(v.message())).append("</td></tr>\n");
            }
            b.append("</tbody></table></div>\n");
        }
        b.append("</section>\n");
    }

    /** The section of a PDF, under a heading the caller writes; nothing when no checks ran. */
    static void pdf(PdfLayout pdf, ReportContent c) {
        DataQualityReport q = c.dataQuality().orElseThrow();
        boolean passes = q.passes(Severity.CRITICAL);
        pdf.callout(passes ? "DATA GATE PASSES" : "DATA GATE FAILS", "The data checks " + gate(q) + ". Checks run: "
                + checks(q) + ".", passes ? PdfLayout.OK : PdfLayout.BAD);
        pdf.subheading("Groups");
        List<String> h = groupHeader(q);
        float[] widths = new float[h.size()];
        widths[0] = 2.4f;
        for (int i = 1; i < widths.length; i++) {
            widths[i] = 1.2f;
        }
        pdf.table(Table.of(h, groupRows(q), widths, "l" + "r".repeat(h.size() - 1)));
        q.missingValues().ifPresent(m -> {
            pdf.subheading("Missing rate per feature and group");
            List<String> mh = missingHeader(q);
            float[] w = new float[mh.size()];
            w[0] = 1.6f;
            for (int i = 1; i < w.length; i++) {
                w[i] = 1.2f;
            }
            pdf.table(Table.of(mh, missingRows(m, q), w, "l" + "r".repeat(mh.size() - 1)));
        });
        if (!q.proxies().isEmpty()) {
            pdf.subheading("Proxy strength");
            pdf.table(Table.of(PROXY_HEADER, proxyRows(q), new float[] {1.6f, 1.1f, 1.6f, 1.1f, 1.4f, 0.9f},
                    "lllrrr"));
        }
        pdf.subheading("Findings");
        if (q.findings().isEmpty()) {
            pdf.paragraph("No finding: every check that ran is within its thresholds.");
        } else {
            List<Color> colors = new ArrayList<>();
            for (Finding f : q.findings()) {
                colors.add(f.severity() == Severity.CRITICAL ? PdfLayout.BAD : f.severity() == Severity.WARNING
                        ? PdfLayout.WARN : PdfLayout.MUTED);
            }
            pdf.table(new Table(FINDING_HEADER, findingRows(q), new float[] {1, 1.4f, 1.5f, 0.9f, 0.9f, 3.2f},
                    "llrrrl", (r, col) -> col == 0 ? colors.get(r) : null));
        }
        List<PolicyVerdictView> rules = dataVerdicts(c);
        if (!rules.isEmpty()) {
            pdf.subheading("Data rules of the policy");
            List<List<String>> rows = new ArrayList<>();
            List<Color> colors = new ArrayList<>();
            for (PolicyVerdictView v : rules) {
                rows.add(List.of(v.rule(), v.outcome().name(), Fmt.valueWithInterval(v.value(), v.interval()),
                        v.message()));
                colors.add(v.outcome() == PolicyVerdictView.Outcome.PASS ? PdfLayout.OK
                        : v.outcome() == PolicyVerdictView.Outcome.FAIL ? PdfLayout.BAD : PdfLayout.WARN);
            }
            pdf.table(new Table(List.of("rule", "outcome", "value [interval]", "verdict"), rows,
                    new float[] {2.4f, 1, 1.6f, 3.4f}, "llrl", (r, col) -> col == 1 ? colors.get(r) : null));
        }
    }
}
