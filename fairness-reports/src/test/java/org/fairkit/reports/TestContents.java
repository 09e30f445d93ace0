package org.fairkit.reports;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.Metrics;
import org.w3c.dom.Document;

/** Contents for the document tests: the demo, one with hostile strings, one with many groups. */
final class TestContents {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC);
    /** Group labels that try to break out of HTML text, attributes and SVG. */
    static final String SCRIPT = "<script>alert('x')</script>";
    static final String AMP = "A & B \"quoted\" 'single'";
    static final String TAGGY = "Zo\u00eb's <group> ]]> &amp;";
    static final String GREEK = "\u0395\u03bb\u03bb\u03b7\u03bd\u03b9\u03ba\u03ac";

    private static ReportContent demo;

    private TestContents() {
    }

    static synchronized ReportContent demo() {
        if (demo == null) {
            demo = DemoContent.content();
        }
        return demo;
    }

    /**
     * Four groups with hostile labels; the Greek group has no positives (its true positive rate is undefined) and is
     * small.
     */
    static ReportContent hostile() {
        String[] levels = {SCRIPT, AMP, TAGGY, GREEK};
        int[] sizes = {120, 100, 90, 12};
        List<String> g = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        List<Integer> p = new ArrayList<>();
        List<Double> s = new ArrayList<>();
        for (int k = 0; k < levels.length; k++) {
            for (int i = 0; i < sizes[k]; i++) {
                g.add(levels[k]);
                int label = k == 3 ? 0 : (i % 3 == 0 ? 1 : 0);
                int pred = (i * (k + 2)) % 5 == 0 ? 1 : 0;
                y.add(label);
                p.add(pred);
                s.add(((i * 37 + k * 11) % 100) / 100.0);
            }
        }
        FairnessData data = FairnessData.builder().labels(y.stream().mapToInt(Integer::intValue).toArray())
                .predictions(p.stream().mapToInt(Integer::intValue).toArray())
                .scores(s.stream().mapToDouble(Double::doubleValue).toArray())
                .sensitive("group <&>", g.toArray(String[]::new)).build();
        FairnessReport r = Fairness.of(data).metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE)
                .reference(SCRIPT).minGroupSize(30).clock(CLOCK).evaluate();
        AuditContext ctx = AuditContext.of("Audit of <b>bold</b> & \"quoted\"", "data from 'x' <y> & z", CLOCK)
                .withAuditTrailHash("sha256:<not-a-tag>&");
        PolicyVerdictView v = new PolicyVerdictView("rule <1> & 'two'", PolicyVerdictView.Outcome.FAIL,
                MetricValue.of(0.5), Optional.empty(), List.of(SCRIPT, AMP), "message with <em>html</em> & more");
        MitigationSummary m = new MitigationSummary("method <m>", "settings & \"seeds\"", List.of(
                new MitigationSummary.Change("q <x>", MetricValue.of(0.3), MetricValue.undefined("no rows <here>"),
                        org.fairkit.core.metrics.Direction.ZERO_IS_PARITY)));
        return ReportContent.builder(r, ctx).calibration(CalibrationSeries.uniformBins(data, 5, "group <&>"))
                .verdicts(List.of(v)).mitigations(List.of(m)).build();
    }

    /** Chinese, Arabic and Cyrillic group labels. */
    static final String CHINESE = "\u4e2d\u6587";
    static final String ARABIC = "\u0639\u0631\u0628\u064a";
    static final String CYRILLIC = "\u0420\u0443\u0441\u0441\u043a\u0438\u0439";

    /** Three groups of 60 rows labelled in Chinese, Arabic and Cyrillic; the Chinese group is the reference. */
    static ReportContent scripts() {
        String[] levels = {CHINESE, ARABIC, CYRILLIC};
        List<String> g = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        List<Integer> p = new ArrayList<>();
        for (int k = 0; k < levels.length; k++) {
            for (int i = 0; i < 60; i++) {
                g.add(levels[k]);
                y.add(i % 2);
                p.add(i % (k + 2) == 0 ? 1 : 0);
            }
        }
        FairnessData data = FairnessData.builder().labels(y.stream().mapToInt(Integer::intValue).toArray())
                .predictions(p.stream().mapToInt(Integer::intValue).toArray())
                .sensitive("language", g.toArray(String[]::new)).build();
        FairnessReport r = Fairness.of(data).metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE)
                .reference(CHINESE).clock(CLOCK).evaluate();
        return ReportContent.builder(r, AuditContext.of("Audit in three scripts", "synthetic", CLOCK)).build();
    }

    /** {@code groups} groups of 40 rows each, so that per-group tables run over several pages. */
    static ReportContent manyGroups(int groups) {
        int n = groups * 40;
        int[] y = new int[n];
        int[] p = new int[n];
        String[] g = new String[n];
        for (int i = 0; i < n; i++) {
            int k = i / 40;
            g[i] = String.format("Region %03d with a rather long name that must wrap inside its cell", k);
            y[i] = (i * 7 + k) % 3 == 0 ? 1 : 0;
            p[i] = (i * 5 + k) % 4 == 0 ? 1 : 0;
        }
        FairnessData data = FairnessData.builder().labels(y).predictions(p).sensitive("region", g).build();
        FairnessReport r = Fairness.of(data).metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE).clock(CLOCK)
                .evaluate();
        return ReportContent.builder(r, AuditContext.of("Many groups", "synthetic regions", CLOCK)).build();
    }

    /** Parses a page as XML (the documents are written well-formed). */
    static Document xml(String page) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setValidating(false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    /**
     * @return the page without the SVG namespace declarations and the {@code http-equiv} attribute name of the
     *     Content-Security-Policy meta element: what is left must not contain "http"
     */
    static String withoutSvgNamespace(String page) {
        return page.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")
                .replace("<meta http-equiv=\"Content-Security-Policy\"", "<meta");
    }

    /**
     * A trade-off of six tolerances: a Pareto front of four, one dominated point, one with an undefined disparity;
     * the third recommended. Intervals as a sweep gives them, one ratio-like infinite end included.
     */
    static TradeOffView tradeOff() {
        java.util.List<TradeOffView.Point> pts = java.util.List.of(
                point(0.0, 0.80, 0.78, 0.82, 0.01, 0.0, 0.04, true),
                point(0.02, 0.83, 0.81, 0.85, 0.03, 0.0, 0.06, true),
                point(0.05, 0.85, 0.83, 0.87, 0.04, 0.01, 0.07, true),
                point(0.1, 0.84, 0.82, 0.86, 0.09, 0.05, 0.13, false),
                point(0.2, 0.87, 0.85, 0.89, 0.15, 0.1, 0.2, true),
                new TradeOffView.Point(0.3, org.fairkit.core.metrics.MetricValue.of(0.88), java.util.Optional.empty(),
                        org.fairkit.core.metrics.MetricValue.undefined("group B has no rows"),
                        java.util.Optional.empty(), false));
        return new TradeOffView("threshold optimizer (demographic_parity)", "tolerance", "accuracy",
                "demographic_parity_difference", 0, 0.08, 2500, "bootstrap percentile, 1000 resamples",
                pts, java.util.OptionalInt.of(2), "tolerance = 0.05 has the best accuracy (0.8500) of the Pareto-optimal "
                        + "points whose demographic_parity_difference is shown within 0.0800 of parity");
    }

    private static TradeOffView.Point point(double knob, double m, double ml, double mh, double d, double dl,
            double dh, boolean pareto) {
        return new TradeOffView.Point(knob, org.fairkit.core.metrics.MetricValue.of(m), java.util.Optional.of(
                new org.fairkit.core.metrics.Interval(ml, mh, 0.95, "test", 1000, 0)),
                org.fairkit.core.metrics.MetricValue.of(d), java.util.Optional.of(
                        new org.fairkit.core.metrics.Interval(dl, dh, 0.95, "test", 1000, 0)), pareto);
    }

    /** The demo content with a trade-off frontier. */
    static ReportContent withTradeOff() {
        ReportContent d = demo();
        return ReportContent.builder(d.report(), d.context()).tradeOff(tradeOff()).build();
    }
}
