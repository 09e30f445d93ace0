package org.fairkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QuickStartTest {
    @Test
    void quickStartFindsTheInjectedBiasAgainstGroupB() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        QuickStart.run(50_000, 42, new PrintStream(buf, true, StandardCharsets.UTF_8));
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("FairKit report: 3 groups by ethnicity, 50000 rows, unweighted");
        assertThat(out).contains("FairKit report: 6 groups by ethnicity x sex");
        assertThat(out).containsPattern("disparate_impact\\s+0\\.6\\d{3}\\s+Group B vs Group A");
        assertThat(out).contains("BELOW 0.8");
    }
}
