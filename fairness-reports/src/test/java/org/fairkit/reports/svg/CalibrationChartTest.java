package org.fairkit.reports.svg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class CalibrationChartTest {

    @Test
    void pointsSitAtMeanScoreAndObservedRateAndTheDiagonalIsDrawn() {
        CalibrationChart.Series a = new CalibrationChart.Series("A & <B>", new double[] {0.1, 0.5, 0.9},
                new double[] {0.2, 0.5, 0.7}, new long[] {10, 40, 10});
        SvgDom d = SvgDom.parse(CalibrationChart.of("cal", "t", List.of(a)).toSvg());
        List<Element> points = d.byClass("point");
        assertThat(points).hasSize(3);
        // plot: x = 56 + s * 360, y = 16 + (1 - r) * 360
        assertThat(SvgDom.num(points.get(1), "cx")).isCloseTo(56 + 0.5 * 360, within(0.006));
        assertThat(SvgDom.num(points.get(1), "cy")).isCloseTo(16 + 0.5 * 360, within(0.006));
        assertThat(SvgDom.num(points.get(0), "cy")).isCloseTo(16 + 0.8 * 360, within(0.006));
        assertThat(SvgDom.num(points.get(1), "r")).isGreaterThan(SvgDom.num(points.get(0), "r"));
        Element diag = d.byClass("diagonal").get(0);
        assertThat(SvgDom.num(diag, "x1")).isEqualTo(56.0);
        assertThat(SvgDom.num(diag, "y1")).isEqualTo(376.0);
        assertThat(d.byClass("legend").get(0).getTextContent()).isEqualTo("A & <B>");
        assertThat(points.get(0).getTextContent()).isEqualTo("A & <B>: mean score 0.100, observed rate 0.200, n = 10");
    }

    @Test
    void seriesAreValidated() {
        assertThatThrownBy(() -> new CalibrationChart.Series("g", new double[] {0.1}, new double[] {1.2},
                new long[] {1})).hasMessage("calibration points must lie in [0, 1], got (0.1, 1.2) at bin 0 of g");
        assertThatThrownBy(() -> new CalibrationChart.Series("g", new double[] {0.1}, new double[] {}, new long[] {1}))
                .hasMessage("a calibration series needs as many scores, rates and counts, got 1, 0, 1");
        assertThatThrownBy(() -> CalibrationChart.of("c", "t", List.of()))
                .hasMessage("a calibration chart needs at least one series");
    }
}
