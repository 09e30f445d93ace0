package org.fairkit.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ExecutiveSlidesTest {

    @Test
    void oneIdeaPerSlideAndTheTopThreeConcernsInRankOrder() {
        ReportContent c = TestContents.demo();
        Document doc = TestContents.xml(ExecutiveSlides.of(c).render());
        NodeList slides = doc.getElementsByTagName("section");
        List<Concern> top = c.topConcerns(3);
        assertThat(top).hasSize(3);
        assertThat(slides.getLength()).isEqualTo(2 + 3 + 1 + 1 + 1);
        for (int i = 0; i < slides.getLength(); i++) {
            Element s = (Element) slides.item(i);
            int headings = s.getElementsByTagName("h1").getLength() + s.getElementsByTagName("h2").getLength();
            assertThat(headings).as("headings on slide " + (i + 1)).isEqualTo(1);
            assertThat(s.getElementsByTagName("footer").item(0).getTextContent()).endsWith((i + 1) + " / 8");
        }
        for (int k = 0; k < 3; k++) {
            Element slide = (Element) slides.item(2 + k);
            assertThat(slide.getElementsByTagName("h2").item(0).getTextContent()).isEqualTo(top.get(k).summary());
            assertThat(slide.getTextContent()).contains("Concern " + (k + 1) + " of 3", top.get(k).explanation(),
                    "In technical terms: appendix, item " + (k + 1) + ".");
        }
        Element agenda = (Element) ((Element) slides.item(1)).getElementsByTagName("ol").item(0);
        assertThat(agenda.getElementsByTagName("li").getLength()).isEqualTo(3);
        assertThat(agenda.getElementsByTagName("li").item(0).getTextContent()).isEqualTo(top.get(0).summary());
        Element appendix = (Element) slides.item(7);
        assertThat(appendix.getElementsByTagName("h2").item(0).getTextContent())
                .isEqualTo("The concerns in technical terms");
        NodeList items = appendix.getElementsByTagName("li");
        assertThat(items.getLength()).isEqualTo(3);
        for (int k = 0; k < 3; k++) {
            assertThat(items.item(k).getTextContent()).startsWith(top.get(k).headline() + top.get(k).detail());
        }
    }

    @Test
    void theSlidesBeforeTheAppendixSpeakPlainlyAndTheIdsAreInTheAppendix() {
        ReportContent c = TestContents.demo();
        Document doc = TestContents.xml(ExecutiveSlides.of(c).render());
        NodeList slides = doc.getElementsByTagName("section");
        // the demo's first concern is the failed four-fifths policy rule: a sentence, not "demographic_parity_ratio"
        Element first = (Element) slides.item(2);
        assertThat(first.getElementsByTagName("h2").item(0).getTextContent())
                .isEqualTo("Group B is selected at 61% of Group A's rate; the four-fifths rule asks for at least 80%.");
        assertThat(((Element) first.getElementsByTagName("p").item(1)).getTextContent()).isEqualTo("38% of Group B's "
                + "1,451 cases were selected, against 62% of Group A's 3,773. With 95% confidence the ratio lies "
                + "between 57% and 65%, entirely beyond the limit: chance does not explain it. 172 more selections in "
                + "Group B would reach four-fifths. This breaks a rule of the organisation's fairness policy.");
        Pattern id = Pattern.compile("\\b[a-z]+_[a-z_]+\\b");
        for (int i = 0; i < slides.getLength() - 1; i++) {
            Element s = (Element) slides.item(i);
            String words = text(s);
            assertThat(id.matcher(words).find()).as("a metric id on slide " + (i + 1) + ": " + words).isFalse();
        }
        String appendix = slides.item(slides.getLength() - 1).getTextContent();
        assertThat(appendix).contains("demographic_parity_ratio >= 0.80", "equalized_odds_difference <= 0.15");
    }

    /** The words of a slide outside its charts (SVG titles and axis labels are the dashboard's vocabulary). */
    private static String text(Element slide) {
        StringBuilder b = new StringBuilder();
        for (String tag : List.of("h1", "h2", "p", "li", "td")) {
            NodeList n = slide.getElementsByTagName(tag);
            for (int k = 0; k < n.getLength(); k++) {
                b.append(n.item(k).getTextContent()).append('\n');
            }
        }
        return b.toString();
    }

    @Test
    void theMitigationSlideNeverHidesAQuantityThatGotWorse() {
        ReportContent c = TestContents.demo();
        Document doc = TestContents.xml(ExecutiveSlides.of(c).render());
        Element slide = (Element) doc.getElementsByTagName("section").item(5);
        String text = slide.getTextContent();
        MitigationSummary m = c.mitigations().get(0);
        List<MitigationSummary.Change> worse = m.changes().stream()
                .filter(x -> x.assessment() == MitigationSummary.Assessment.WORSENED).toList();
        assertThat(worse).isNotEmpty();
        for (MitigationSummary.Change x : worse) {
            assertThat(text).contains(Fmt.humanize(x.quantity()));
        }
        assertThat(text).contains(worse.size() + " worse");
    }

    @Test
    void aFairModelGetsAShortDeckThatSaysSo() {
        ReportContent c = ReportContent.builder(org.fairkit.core.Fairness.of(
                org.fairkit.core.datasets.SyntheticLending.generate(40_000, 11, 0.0)).groupBy("ethnicity")
                .clock(TestContents.CLOCK).evaluate(), AuditContext.of("Fair", "unbiased", TestContents.CLOCK)).build();
        Document doc = TestContents.xml(ExecutiveSlides.of(c).render());
        // no concern, so no appendix
        assertThat(doc.getElementsByTagName("section").getLength()).isEqualTo(3);
        assertThat(doc.getElementsByTagName("h2").item(0).getTextContent())
                .isEqualTo("No finding needs attention under these checks");
    }

    @Test
    void theDeckIsSelfContainedEscapedAndDeterministic() {
        String deck = ExecutiveSlides.of(TestContents.hostile()).render();
        assertThat(TestContents.withoutSvgNamespace(deck).toLowerCase(Locale.ROOT)).doesNotContain("http", "src=",
                "href=", "<script", "url(");
        assertThat(deck).doesNotContain("<b>bold", "<not-a-tag>");
        TestContents.xml(deck);
        assertThat(ExecutiveSlides.of(DemoContent.content()).toBytes())
                .isEqualTo(ExecutiveSlides.of(DemoContent.content()).toBytes());
    }
}
