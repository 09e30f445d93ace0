package org.fairkit.reports.svg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class ThresholdChartTest {
    private static final double X0 = 210;

    private static ThresholdChart.Row ratio(MetricValue v, Optional<Interval> ci) {
        return new ThresholdChart.Row("Disparate impact", v, ci, 1, 0.8, 1.25, 0, Double.POSITIVE_INFINITY,
                "0.800 <= value <= 1.250");
    }

    private static ThresholdChart.Row difference(double v) {
        return new ThresholdChart.Row("DP difference", MetricValue.of(v), Optional.empty(), 0, -0.1, 0.1, 0, 1,
                "|value| <= 0.100");
    }

    /** Maps a value to x on a 900-wide chart's track of a row. */
    private static double x(ThresholdChart.Row r, double v) {
        double[] d = ThresholdChart.domain(r);
        return X0 + (v - d[0]) / (d[1] - d[0]) * (900 - 150 - X0);
    }

    @Test
    void aValueOutsideTheBandIsBeyondInWordsAndColour() {
        ThresholdChart.Row r = ratio(MetricValue.of(0.61), Optional.of(new Interval(0.57, 0.65, 0.95, "t", 0, 0)));
        SvgDom d = SvgDom.parse(ThresholdChart.of("t", "t", 900, List.of(r, difference(0.05))).toSvg());
        List<Element> tracks = d.byClass("track");
        assertThat(tracks.get(0).getAttribute("class")).isEqualTo("fk-track fk-beyond");
        assertThat(tracks.get(1).getAttribute("class")).isEqualTo("fk-track");
        assertThat(d.byClass("status")).extracting(Element::getTextContent)
                .containsExactly("beyond threshold", "within threshold");
        assertThat(d.byClass("point").get(0).getAttribute("fill")).isEqualTo(Palette.RED);
        assertThat(d.byClass("point").get(1).getAttribute("fill")).isEqualTo(Palette.GREEN);
    }

    @Test
    void thresholdsParityValueAndWhiskerAreDrawnWhereTheyBelong() {
        ThresholdChart.Row r = ratio(MetricValue.of(0.61), Optional.of(new Interval(0.57, 0.65, 0.95, "t", 0, 0)));
        SvgDom d = SvgDom.parse(ThresholdChart.of("t", "t", 900, List.of(r)).toSvg());
        assertThat(d.byClass("threshold")).extracting(e -> SvgDom.num(e, "x1"))
                .containsExactly(round(x(r, 0.8)), round(x(r, 1.25)));
        assertThat(d.byClass("threshold-label")).extracting(Element::getTextContent).containsExactly("0.800", "1.250");
        assertThat(SvgDom.num(d.byClass("parity").get(0), "x1")).isCloseTo(x(r, 1), within(0.006));
        assertThat(SvgDom.num(d.byClass("point").get(0), "cx")).isCloseTo(x(r, 0.61), within(0.006));
        Element w = d.byClass("whisker").get(0);
        assertThat(SvgDom.num(w, "x1")).isCloseTo(x(r, 0.57), within(0.006));
        assertThat(SvgDom.num(w, "x2")).isCloseTo(x(r, 0.65), within(0.006));
        Element band = d.byClass("acceptable").get(0);
        assertThat(SvgDom.num(band, "x")).isCloseTo(x(r, 0.8), within(0.006));
        assertThat(SvgDom.num(band, "x") + SvgDom.num(band, "width")).isCloseTo(x(r, 1.25), within(0.012));
    }

    private static double round(double v) {
        return Double.parseDouble(Svg.num(v));
    }

    @Test
    void theTrackSpansBandValueAndIntervalWithinTheMetricsRange() {
        ThresholdChart.Row r = ratio(MetricValue.of(0.3), Optional.of(new Interval(0.1, 0.5, 0.95, "t", 0, 0)));
        double[] d = ThresholdChart.domain(r);
        assertThat(d[0]).isEqualTo(0.0);
        assertThat(d[1]).isGreaterThan(1.25);
        double[] unsigned = ThresholdChart.domain(difference(0.3));
        assertThat(unsigned[0]).isEqualTo(0.0);
        assertThat(unsigned[1]).isEqualTo(0.3 + 0.15 * 0.4, within(1e-12));
        ThresholdChart.Row signed = new ThresholdChart.Row("SPD", MetricValue.of(0.3), Optional.empty(), 0, -0.1, 0.1,
                -1, 1, "|value| <= 0.100");
        assertThat(ThresholdChart.domain(signed)[0]).isEqualTo(-0.1 - 0.15 * 0.4, within(1e-12));
    }

    @Test
    void anUndefinedDisparityIsNotAssessedAndSaysWhy() {
        ThresholdChart.Row r = ratio(MetricValue.undefined("needs a reference group"), Optional.empty());
        assertThat(r.beyond()).isFalse();
        SvgDom d = SvgDom.parse(ThresholdChart.of("t", "t", 900, List.of(r)).toSvg());
        assertThat(d.byClass("point")).isEmpty();
        assertThat(d.byClass("undefined").get(0).getTextContent()).isEqualTo("undefined: needs a reference group");
        assertThat(d.byClass("status").get(0).getTextContent()).isEqualTo("not assessed");
    }

    @Test
    void rowsMustPlaceParityInsideTheBandAndTheRange() {
        assertThatThrownBy(() -> new ThresholdChart.Row("x", MetricValue.of(1), Optional.empty(), 0, 0.8, 1.25, 0, 1,
                "r")).hasMessage("need acceptLow <= parity <= acceptHigh with a finite parity, got 0.8, 0.0, 1.25");
        assertThatThrownBy(() -> ThresholdChart.of("t", "t", 900, List.of())).hasMessage(
                "a threshold chart needs at least one row");
    }
}
