package org.fairkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's JShell route works: the script runs non-interactively and shows a report, the metric catalog, a
 * mitigation and a calibration step.
 */
class JShellScriptTest {
    @Test
    void exploreScriptRunsInJShellAndPrintsAReport() throws IOException, InterruptedException {
        Path examples = Path.of(System.getProperty("fairkit.examples.dir", "."));
        Path script = examples.resolve("jshell/explore.jsh");
        assertThat(script).exists();
        Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
        assertThat(jshell).as("jshell of the running JDK").exists();
        Path log = Files.createTempFile("jshell", ".out");
        Process p = new ProcessBuilder(List.of(jshell.toString(), "--class-path",
                System.getProperty("java.class.path"), script.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        p.getOutputStream().close();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("jshell finished").isTrue();
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("FairKit report: 3 groups by ethnicity, 10000 rows").contains("selection rate ratio:")
                .doesNotContain("Error:").doesNotContain("Exception");
        // the catalog, a mitigation and a calibration step
        assertThat(out).containsPattern("demographic_parity_difference\\s+disparity")
                .contains("metric info: TP / (TP + FN)")
                .contains("ThresholdOptimizer: demographic parity, maximizing accuracy")
                .containsPattern("disparate impact before 0\\.6\\d{3}, after (0\\.9|1\\.0)\\d{3}")
                .contains("Calibrator[isotonic calibration, per group")
                .containsPattern("ECE gap before calibration: expected_calibration_error.difference = 0\\.1\\d{3}")
                .containsPattern("ECE gap after calibration: {2}expected_calibration_error.difference = 0\\.0[0-4]\\d{2}");
    }
}
