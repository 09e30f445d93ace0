package org.fairkit.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
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
        assertThat(slides.getLength()).isEqualTo(2 + 3 + 1 + 1);
        for (int i = 0; i < slides.getLength(); i++) {
            Element s = (Element) slides.item(i);
            int headings = s.getElementsByTagName("h1").getLength() + s.getElementsByTagName("h2").getLength();
            assertThat(headings).as("headings on slide " + (i + 1)).isEqualTo(1);
            assertThat(s.getElementsByTagName("footer").item(0).getTextContent()).endsWith((i + 1) + " / 7");
        }
        for (int k = 0; k < 3; k++) {
            Element slide = (Element) slides.item(2 + k);
            assertThat(slide.getElementsByTagName("h2").item(0).getTextContent()).isEqualTo(top.get(k).headline());
            assertThat(slide.getTextContent()).contains("Concern " + (k + 1) + " of 3");
        }
        Element agenda = (Element) ((Element) slides.item(1)).getElementsByTagName("ol").item(0);
        assertThat(agenda.getElementsByTagName("li").getLength()).isEqualTo(3);
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
