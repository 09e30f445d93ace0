package org.fairkit.reports.svg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class TradeOffChartTest {
    // plot: x = 64 + fx * 560, y = 16 + (1 - fy) * 340
    private static final List<TradeOffChart.Point> POINTS = List.of(
            new TradeOffChart.Point("t = 0", 0.0, 0.0, 0.1, 0.80, 0.78, 0.82, true),
            new TradeOffChart.Point("t = 0.1", 0.1, 0.05, 0.15, 0.85, 0.83, 0.87, true),
            new TradeOffChart.Point("t = 0.2", 0.2, Double.NaN, Double.NaN, 0.84, Double.NaN, Double.NaN, false),
            new TradeOffChart.Point("t = 0.3", 0.3, 0.2, Double.POSITIVE_INFINITY, 0.9, 0.88, 0.92, true));

    private static SvgDom chart(int recommended) {
        return SvgDom.parse(TradeOffChart.of("tradeoff", "t", "dpd", "accuracy", POINTS, OptionalDouble.of(0.05),
                recommended).toSvg());
    }

    @Test
    void everyPointIsDrawnInsideThePlotWithItsWhiskers() {
        SvgDom d = chart(1);
        List<Element> points = d.byClass("point");
        assertThat(points).hasSize(4);
        assertThat(d.byClass("pareto").stream().filter(e -> e.getTagName().equals("circle"))).hasSize(3);
        assertThat(d.byClass("dominated").stream().filter(e -> e.getTagName().equals("circle"))).hasSize(1);
        for (Element p : points) {
            assertThat(SvgDom.num(p, "cx")).isBetween(64.0, 64.0 + 560);
            assertThat(SvgDom.num(p, "cy")).isBetween(16.0, 16.0 + 340);
        }
        // x axis: [-0.015, 0.315] (the data 0..0.3 padded by 5%); y axis [0.773, 0.927]
        TradeOffChart.Axes a = TradeOffChart.Axes.of(POINTS, OptionalDouble.of(0.05));
        assertThat(a.xLo()).isCloseTo(-0.015, within(1e-12));
        assertThat(a.xHi()).isCloseTo(0.315, within(1e-12));
        assertThat(a.yLo()).isCloseTo(0.78 - 0.0070, within(1e-12));
        assertThat(SvgDom.num(points.get(1), "cx")).isCloseTo(64 + (0.1 + 0.015) / 0.33 * 560, within(0.006));
        // three points have both whiskers, one has none; the infinite end is drawn to the plot's right edge
        assertThat(d.byClass("x-whisker")).hasSize(3);
        assertThat(d.byClass("y-whisker")).hasSize(3);
        assertThat(SvgDom.num(d.byClass("x-whisker").get(2), "x2")).isEqualTo(624.0);
        assertThat(SvgDom.num(d.byClass("bound-line").get(0), "x1")).isCloseTo(64 + 0.065 / 0.33 * 560,
                within(0.006));
    }

    @Test
    void theParetoPointsAreJoinedInOrderOfDisparityAndTheRecommendedOneIsRinged() {
        SvgDom d = chart(1);
        Element line = d.byClass("frontier").get(0);
        String[] vertices = line.getAttribute("points").split(" ");
        assertThat(vertices).hasSize(3);
        Element rec = d.byClass("recommended").get(0);
        Element p = d.byClass("point").get(1);
        assertThat(rec.getAttribute("cx")).isEqualTo(p.getAttribute("cx"));
        assertThat(rec.getAttribute("cy")).isEqualTo(p.getAttribute("cy"));
        assertThat(d.byClass("recommended-label").get(0).getTextContent()).isEqualTo("recommended: t = 0.1");
        assertThat(d.byClass("point-group").get(1).getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("t = 0.1 (recommended), Pareto-optimal: accuracy 0.8500 [0.8300, 0.8700], dpd 0.1000 "
                        + "[0.0500, 0.1500]");
        assertThat(chart(-1).byClass("recommended")).isEmpty();
    }

    @Test
    void inputsAreValidated() {
        assertThatThrownBy(() -> new TradeOffChart.Point("p", Double.NaN, 0, 0, 0.5, 0, 1, true))
                .hasMessage("a trade-off point needs finite coordinates, got (NaN, 0.5) for p");
        assertThatThrownBy(() -> TradeOffChart.of("c", "t", "x", "y", List.of(), OptionalDouble.empty(), -1))
                .hasMessage("a trade-off chart needs at least one point");
        assertThatThrownBy(() -> TradeOffChart.of("c", "t", "x", "y", POINTS, OptionalDouble.empty(), 4))
                .hasMessage("recommended must be -1 or a point index below 4, got 4");
    }

    @Test
    void oneAxisWithoutSpreadIsWidenedSoThePointsStayVisible() {
        TradeOffChart.Axes a = TradeOffChart.Axes.of(List.of(new TradeOffChart.Point("p", 0.1, Double.NaN,
                Double.NaN, 0.9, Double.NaN, Double.NaN, true)), OptionalDouble.empty());
        assertThat(a.xLo()).isCloseTo(0.09, within(1e-12));
        assertThat(a.yHi()).isCloseTo(0.91, within(1e-12));
        assertThat(SvgDom.parse(TradeOffChart.of("c", "t", "x", "y", List.of(new TradeOffChart.Point("p", 0.1,
                Double.NaN, Double.NaN, 0.9, Double.NaN, Double.NaN, true)), OptionalDouble.empty(), 0).toSvg())
                .byClass("frontier")).isEmpty();
    }
}
