package org.fairkit.orchestration.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The documented format of Z in the load model's messages. */
class DurationFormatTest {

    @ParameterizedTest(name = "{0} s -> {1}")
    @CsvSource(delimiter = '|', value = {
        "0        | 0.0 seconds",
        "1        | 1.0 seconds",
        "17.6087  | 17.6 seconds",
        "59.94    | 59.9 seconds",
        "59.95    | 1 minute",
        "60       | 1 minute",
        "61       | 1 minute 1 second",
        "88.0869  | 1 minute 28 seconds",
        "120.4    | 2 minutes",
        "3599.4   | 59 minutes 59 seconds",
        "3599.5   | 1 hour",
        "3660     | 1 hour 1 minute",
        "7500     | 2 hours 5 minutes",
        "86369    | 23 hours 59 minutes",
        "86370    | 1 day",
        "277200   | 3 days 5 hours",
        "90000    | 1 day 1 hour"})
    void secondsAreFormattedAtTheDocumentedPrecision(double seconds, String expected) {
        assertThat(DurationFormat.seconds(seconds)).isEqualTo(expected);
    }

    @Test
    void durationsAndUnitsFormatWithoutLocale() {
        assertThat(DurationFormat.of(Duration.ofMillis(1500))).isEqualTo("1.5 seconds");
        assertThat(DurationFormat.units(100)).isEqualTo("100");
        assertThat(DurationFormat.units(2.5)).isEqualTo("2.5");
        assertThat(DurationFormat.units(12.999999999999998)).isEqualTo("13");
        assertThat(DurationFormat.units(1013)).isEqualTo("1013");
        assertThat(DurationFormat.units(424.75)).isEqualTo("424.8");
    }

    @Test
    void negativeOrInfiniteSecondsAreRejected() {
        assertThatThrownBy(() -> DurationFormat.seconds(-1)).hasMessage("seconds must be finite and >= 0, got -1.0");
        assertThatThrownBy(() -> DurationFormat.seconds(Double.NaN)).hasMessage("seconds must be finite and >= 0, "
                + "got NaN");
    }
}
