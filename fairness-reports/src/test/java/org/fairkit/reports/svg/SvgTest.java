package org.fairkit.reports.svg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class SvgTest {

    @Test
    void theRootIsAnAccessibleImageNamedByItsTitleAndDescription() {
        String svg = Svg.of("c1", 100, 50, "Selection <rate>", "A & B").toString();
        SvgDom d = SvgDom.parse(svg);
        Element root = d.root();
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-labelledby")).isEqualTo("c1-title c1-desc");
        assertThat(root.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Selection <rate>");
        assertThat(root.getElementsByTagName("desc").item(0).getTextContent()).isEqualTo("A & B");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 100.00 50.00");
    }

    @Test
    void classesArePrefixedSoThePageCannotRestyleTheChart() {
        Svg s = Svg.of("c", 10, 10, "t", "d");
        s.group("row reference", "tip").rect("bar", 0, 0, 1, 1, "#000", null).end();
        String out = s.toString();
        assertThat(out).contains("class=\"fk-row fk-reference\"", "class=\"fk-bar\"");
        assertThatThrownBy(() -> Svg.cls("bad\"class")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("css class must match [A-Za-z][A-Za-z0-9_-]*, got 'bad\"class'");
    }

    @Test
    void coordinatesHaveTwoDecimalsAndNoNegativeZero() {
        assertThat(Svg.num(1.004)).isEqualTo("1.00");
        assertThat(Svg.num(-0.001)).isEqualTo("0.00");
        assertThat(Svg.num(12.345678)).isEqualTo("12.35");
        assertThatThrownBy(() -> Svg.num(Double.NaN)).hasMessage("svg coordinates must be finite, got NaN");
    }

    @Test
    void misuseFailsWithAClearMessage() {
        assertThatThrownBy(() -> Svg.of("1abc", 10, 10, "t", "d"))
                .hasMessage("svg id must match [A-Za-z][A-Za-z0-9_-]*, got '1abc'");
        assertThatThrownBy(() -> Svg.of("a", 0, 10, "t", "d")).hasMessage("svg size must be positive, got 0.0 x 10.0");
        Svg open = Svg.of("a", 10, 10, "t", "d").group("g", null);
        assertThatThrownBy(open::toString).hasMessage("1 group(s) still open");
        Svg s = Svg.of("a", 10, 10, "t", "d");
        assertThatThrownBy(s::end).hasMessage("no open group to end");
        s.toString();
        assertThatThrownBy(() -> s.rect("r", 0, 0, 1, 1, "#000", null)).hasMessage("the svg is finished");
        assertThatThrownBy(() -> Svg.of("a", 10, 10, "t", "d").rect("r", 0, 0, -1, 1, "#000", null))
                .hasMessage("rect needs w, h >= 0, got -1.0, 1.0");
    }
}
