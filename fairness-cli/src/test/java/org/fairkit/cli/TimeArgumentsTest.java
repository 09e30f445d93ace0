package org.fairkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeArgumentsTest {

    @Test
    void shortDurationsEqualTheirIsoForm() {
        qt().forAll(integers().between(0, 30), integers().between(0, 23), integers().between(0, 59),
                integers().between(0, 59)).checkAssert((d, h, m, s) -> {
                    String text = (d > 0 ? d + "d" : "") + (h > 0 ? h + "h" : "") + (m > 0 ? m + "m" : "")
                            + (s > 0 || d + h + m == 0 ? s + "s" : "");
                    Duration expected = Duration.ofDays(d).plusHours(h).plusMinutes(m).plusSeconds(s);
                    assertThat(TimeArguments.duration("--t", text)).as(text).isEqualTo(expected);
                    assertThat(TimeArguments.duration("--t", expected.toString())).isEqualTo(expected);
                });
    }

    @Test
    void anythingElseIsRefusedWithTheOptionName() {
        qt().forAll(org.quicktheories.generators.SourceDSL.strings().basicLatinAlphabet().ofLengthBetween(1, 6))
                .assuming(t -> !t.strip().isEmpty() && !t.strip().toLowerCase(java.util.Locale.ROOT)
                        .matches("(\\d+d)?(\\d+h)?(\\d+m)?(\\d+(\\.\\d+)?s)?|p.*"))
                .checkAssert(t -> {
                    try {
                        TimeArguments.duration("--period", t);
                        throw new AssertionError("accepted '" + t + "'");
                    } catch (CliException e) {
                        assertThat(e.getMessage()).startsWith("--period: '" + t + "' is not a duration");
                    }
                });
    }
}
