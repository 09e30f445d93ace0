package org.fairkit.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class DashboardHtmlTest {

    @Test
    void theSameContentAndClockGiveTheSameBytes() {
        byte[] a = DashboardHtml.of(DemoContent.content()).toBytes();
        byte[] b = DashboardHtml.of(DemoContent.content()).toBytes();
        assertThat(a).isEqualTo(b);
        assertThat(new String(a, java.nio.charset.StandardCharsets.UTF_8)).contains("2026-01-15 09:30:00 UTC");
    }

    @Test
    void thePageReferencesNothingOutsideItself() {
        String page = DashboardHtml.of(TestContents.demo()).render();
        String rest = TestContents.withoutSvgNamespace(page).toLowerCase(Locale.ROOT);
        assertThat(rest).doesNotContain("http", "//", "www.");
        assertThat(page.toLowerCase(Locale.ROOT)).doesNotContain("<script", "<link", "<img", "<iframe", "src=",
                "href=", "url(", "@import");
        assertThat(page).contains("Content-Security-Policy\" content=\"default-src 'none';");
    }

    @Test
    void everyUserStringIsEscapedAndReadsBackUnchanged() {
        String page = DashboardHtml.of(TestContents.hostile()).render();
        assertThat(page).doesNotContain("<script", "<b>bold", "<em>", "<group>", "<not-a-tag>", "<x>", "<m>");
        Document doc = TestContents.xml(page);
        List<String> texts = texts(doc.getDocumentElement());
        assertThat(texts).contains(TestContents.SCRIPT, "Audit of <b>bold</b> & \"quoted\"",
                "sha256:<not-a-tag>&", "message with <em>html</em> & more", "rule <1> & 'two'");
        assertThat(String.join("\n", texts)).contains(TestContents.AMP, TestContents.TAGGY, TestContents.GREEK);
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
        assertThat(doc.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("Audit of <b>bold</b> & \"quoted\" \u2013 fairness dashboard");
    }

    @Test
    void undefinedValuesAreWrittenWithTheirReason() {
        String page = DashboardHtml.of(TestContents.hostile()).render();
        Document doc = TestContents.xml(page);
        List<String> undefined = new ArrayList<>();
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getAttribute("class").equals("fk-undefined")) {
                undefined.add(e.getTextContent());
            }
        }
        assertThat(undefined).contains("undefined: no positives (TP + FN = 0)");
        assertThat(page).contains("undefined: no rows &lt;here&gt;");
    }

    @Test
    void theDashboardHasEverySectionOfTheIssueWithAccessibleCharts() {
        ReportContent c = TestContents.demo();
        Document doc = TestContents.xml(DashboardHtml.of(c).render());
        List<String> ids = new ArrayList<>();
        NodeList sections = doc.getElementsByTagName("section");
        for (int i = 0; i < sections.getLength(); i++) {
            ids.add(((Element) sections.item(i)).getAttribute("id"));
        }
        assertThat(ids).contains("concerns", "metrics", "disparities", "four-fifths", "calibration", "sizes", "table",
                "tests", "verdicts", "mitigation", "warnings", "provenance");
        NodeList svgs = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg");
        assertThat(svgs.getLength()).isEqualTo(4 + 1 + 1 + 1 + 1);
        List<String> svgIds = new ArrayList<>();
        for (int i = 0; i < svgs.getLength(); i++) {
            Element svg = (Element) svgs.item(i);
            assertThat(svg.getAttribute("role")).isEqualTo("img");
            String[] labelled = svg.getAttribute("aria-labelledby").split(" ");
            assertThat(doc.getElementById(labelled[0]) == null ? find(svg, labelled[0]) : true).isTrue();
            svgIds.add(svg.getAttribute("id"));
        }
        assertThat(svgIds).doesNotHaveDuplicates();
        String page = DashboardHtml.of(c).render();
        assertThat(page).contains(c.context().auditTrailHash().orElseThrow(), c.report().provenance().inputSha256(),
                "29 CFR 1607.4(D)", "reference", "4/5 of 0.623");
    }

    private static boolean find(Element root, String id) {
        NodeList all = root.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            if (id.equals(((Element) all.item(i)).getAttribute("id"))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> texts(Node n) {
        List<String> out = new ArrayList<>();
        NodeList kids = n.getChildNodes();
        for (int i = 0; i < kids.getLength(); i++) {
            Node k = kids.item(i);
            if (k.getNodeType() == Node.TEXT_NODE && !k.getTextContent().isBlank()) {
                out.add(k.getTextContent());
            } else if (k.getNodeType() == Node.ELEMENT_NODE) {
                out.addAll(texts(k));
            }
        }
        return out;
    }

    @Test
    void theDashboardGainsATradeOffSectionWithEveryPointOnlyWhenAFrontierIsSupplied() {
        String page = DashboardHtml.of(TestContents.withTradeOff()).render();
        Document doc = TestContents.xml(page);
        NodeList sections = doc.getElementsByTagName("section");
        Element section = null;
        for (int i = 0; i < sections.getLength(); i++) {
            Element e = (Element) sections.item(i);
            if (e.getAttribute("id").equals("trade-off")) {
                section = e;
            }
        }
        assertThat(section).isNotNull();
        assertThat(section.getElementsByTagName("svg").getLength()).isEqualTo(1);
        // every point in the table (six), five drawn (one has an undefined disparity)
        assertThat(((Element) section.getElementsByTagName("tbody").item(0)).getElementsByTagName("tr").getLength())
                .isEqualTo(6);
        assertThat(section.getTextContent()).contains("Recommended:", "tolerance = 0.05 has the best accuracy",
                "undefined: group B has no rows", "recommended, Pareto-optimal", "dominated");
        assertThat(page.split("class=\"fk-point ", -1)).hasSize(6);
        assertThat(DashboardHtml.of(TestContents.demo()).render()).doesNotContain("id=\"trade-off\"");
    }
}
