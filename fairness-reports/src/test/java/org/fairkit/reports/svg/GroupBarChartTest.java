package org.fairkit.reports.svg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.Optional;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.reports.svg.GroupBarChart.Bar;
import org.fairkit.reports.svg.GroupBarChart.Role;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class GroupBarChartTest {
    private static Interval ci(double lo, double hi) {
        return new Interval(lo, hi, 0.95, "test", 0, 0);
    }

    @Test
    void barLengthIsProportionalToTheValueOnAFixedAxis() {
        qt().withExamples(60).forAll(lists().of(doubles().between(0.001, 1)).ofSizeBetween(1, 8)).checkAssert(values -> {
            GroupBarChart.Builder b = GroupBarChart.builder("c", "t").domain(0, 1);
            for (int i = 0; i < values.size(); i++) {
                b.bar(Bar.of("g" + i, MetricValue.of(values.get(i)), Optional.empty(), Role.GROUP, ""));
            }
            GroupBarChart chart = b.build();
            List<Element> bars = SvgDom.parse(chart.toSvg()).byClass("bar");
            assertThat(bars).hasSize(values.size());
            double full = chart.plotRight() - GroupBarChart.PLOT_LEFT;
            for (int i = 0; i < values.size(); i++) {
                assertThat(SvgDom.num(bars.get(i), "x")).isEqualTo(GroupBarChart.PLOT_LEFT);
                assertThat(SvgDom.num(bars.get(i), "width")).isCloseTo(values.get(i) * full, within(0.006));
            }
        });
    }

    @Test
    void whiskersSitAtTheIntervalEndpoints() {
        GroupBarChart chart = GroupBarChart.builder("c", "t").domain(0, 1)
                .bar(Bar.of("A", MetricValue.of(0.5), Optional.of(ci(0.4, 0.65)), Role.GROUP, ""))
                .bar(Bar.of("B", MetricValue.of(0.2), Optional.empty(), Role.GROUP, "")).build();
        SvgDom d = SvgDom.parse(chart.toSvg());
        List<Element> whiskers = d.byClass("whisker");
        assertThat(whiskers).hasSize(1);
        assertThat(SvgDom.num(whiskers.get(0), "x1")).isCloseTo(chart.x(0.4), within(0.006));
        assertThat(SvgDom.num(whiskers.get(0), "x2")).isCloseTo(chart.x(0.65), within(0.006));
        List<Element> caps = d.byClass("whisker-cap");
        assertThat(caps).extracting(e -> SvgDom.num(e, "x1"))
                .containsExactly(Double.parseDouble(Svg.num(chart.x(0.4))), Double.parseDouble(Svg.num(chart.x(0.65))));
    }

    @Test
    void theReferenceGroupIsMarkedByColourClassTextAndALineAtItsValue() {
        GroupBarChart chart = GroupBarChart.builder("c", "t").domain(0, 1)
                .bar(Bar.of("A", MetricValue.of(0.6), Optional.empty(), Role.REFERENCE, "reference"))
                .bar(Bar.of("B", MetricValue.of(0.3), Optional.empty(), Role.GROUP, "")).build();
        SvgDom d = SvgDom.parse(chart.toSvg());
        List<Element> rows = d.byClass("row");
        assertThat(rows.get(0).getAttribute("class")).isEqualTo("fk-row fk-reference");
        assertThat(rows.get(1).getAttribute("class")).isEqualTo("fk-row");
        List<Element> bars = d.byClass("bar");
        assertThat(bars.get(0).getAttribute("fill")).isEqualTo(Palette.ORANGE);
        assertThat(bars.get(1).getAttribute("fill")).isEqualTo(Palette.BLUE);
        Element line = d.byClass("reference-line").get(0);
        assertThat(SvgDom.num(line, "x1")).isCloseTo(chart.x(0.6), within(0.006));
        assertThat(d.byClass("reference-marker").get(0).getTextContent()).isEqualTo("reference");
        assertThat(d.root().getElementsByTagName("desc").item(0).getTextContent()).contains("reference group A");
    }

    @Test
    void anUndefinedValueIsWrittenWithItsReasonInsteadOfABar() {
        GroupBarChart chart = GroupBarChart.builder("c", "t").domain(0, 1)
                .bar(Bar.of("A", MetricValue.of(0.6), Optional.empty(), Role.GROUP, ""))
                .bar(Bar.of("B", MetricValue.undefined("no positives (TP + FN = 0)"), Optional.empty(), Role.GROUP,
                        "")).build();
        SvgDom d = SvgDom.parse(chart.toSvg());
        assertThat(d.byClass("bar")).hasSize(1);
        List<Element> rows = d.byClass("row");
        assertThat(SvgDom.within(rows.get(1), "bar")).isEmpty();
        assertThat(SvgDom.within(rows.get(1), "undefined").get(0).getTextContent())
                .isEqualTo("undefined: no positives (TP + FN = 0)");
        assertThat(SvgDom.within(rows.get(1), "value")).isEmpty();
    }

    @Test
    void hostileLabelsAreEscapedAndReadBackUnchanged() {
        String label = "<script>alert(\"x\")</script> & 'q'";
        GroupBarChart chart = GroupBarChart.builder("c", "t <b>")
                .bar(Bar.of(label, MetricValue.of(0.5), Optional.empty(), Role.GROUP, "n = <1>")).build();
        String svg = chart.toSvg();
        assertThat(svg).doesNotContain("<script", "<b>");
        SvgDom d = SvgDom.parse(svg);
        assertThat(d.byClass("label").get(0).getTextContent()).isEqualTo(Escape.shorten(label, 24));
        assertThat(d.byClass("bar").get(0).getElementsByTagName("title").item(0).getTextContent()).startsWith(label);
        assertThat(d.byClass("note").get(0).getTextContent()).isEqualTo("n = <1>");
    }

    @Test
    void theAutomaticAxisStartsAtZeroAndEndsAtANiceNumberAboveEveryValueAndInterval() {
        GroupBarChart chart = GroupBarChart.builder("c", "t")
                .bar(Bar.of("A", MetricValue.of(3773), Optional.empty(), Role.GROUP, ""))
                .bar(Bar.of("B", MetricValue.of(1451), Optional.of(ci(1000, 4100)), Role.GROUP, "")).build();
        assertThat(chart.domainLow()).isZero();
        assertThat(chart.domainHigh()).isEqualTo(5000);
        GroupBarChart negative = GroupBarChart.builder("c", "t")
                .bar(Bar.of("A", MetricValue.of(-0.24), Optional.empty(), Role.GROUP, "")).build();
        assertThat(negative.domainLow()).isEqualTo(-0.25);
        assertThat(negative.domainHigh()).isEqualTo(1);
        List<Element> bars = SvgDom.parse(negative.toSvg()).byClass("bar");
        assertThat(SvgDom.num(bars.get(0), "x") + SvgDom.num(bars.get(0), "width"))
                .isCloseTo(negative.x(0), within(0.01));
    }

    @Test
    void valuesOutsideAFixedAxisAreClippedAndSaySo() {
        GroupBarChart chart = GroupBarChart.builder("c", "t").domain(0, 1)
                .bar(Bar.of("A", MetricValue.of(1.7), Optional.empty(), Role.GROUP, "")).build();
        Element bar = SvgDom.parse(chart.toSvg()).byClass("bar").get(0);
        assertThat(SvgDom.num(bar, "width")).isCloseTo(chart.plotRight() - GroupBarChart.PLOT_LEFT, within(0.006));
        assertThat(bar.getTextContent()).contains("outside the axis, clipped");
    }

    @Test
    void theSameInputGivesTheSameBytes() {
        GroupBarChart.Builder b = GroupBarChart.builder("c", "t").domain(0, 1)
                .bar(Bar.of("A", MetricValue.of(0.123456789), Optional.of(ci(0.1, 0.2)), Role.REFERENCE, "n"));
        assertThat(b.build().toSvg()).isEqualTo(b.build().toSvg());
    }

    @Test
    void badSettingsFailWithClearMessages() {
        assertThatThrownBy(() -> GroupBarChart.builder("c", "t").build())
                .hasMessage("a bar chart needs at least one bar");
        assertThatThrownBy(() -> GroupBarChart.builder("c", "t").domain(1, 1))
                .hasMessage("domain needs finite low < high, got [1.0, 1.0]");
        assertThatThrownBy(() -> GroupBarChart.builder("c", "t").width(100))
                .hasMessage("width must be >= 400 pixels, got 100.0");
        assertThatThrownBy(() -> new GroupBarChart.Guide(Double.NaN, "x", "#000"))
                .hasMessage("guide value must be finite, got NaN");
    }
}
