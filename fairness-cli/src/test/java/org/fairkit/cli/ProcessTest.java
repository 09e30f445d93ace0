package org.fairkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Main} as a real process on the test class path: exit codes reach the shell, user mistakes print one line and
 * no stack trace, and stdout holds only the result. The shaded {@code fairkit.jar} itself is built after the tests
 * (in {@code package}), so {@code .ci/run} runs it: {@code --version} and {@code demo}.
 */
class ProcessTest {

    private record Run(int code, String out, String err) {
    }

    private static Run java(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void versionExitsZero(@TempDir Path dir) throws Exception {
        Run r = java(dir, "--version");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("fairkit ");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aUserMistakeIsOneLineOnStderrAndExitTwo(@TempDir Path dir) throws Exception {
        Run r = java(dir, "audit", "--data", "missing.csv", "--label", "y", "--prediction", "p", "--sensitive", "g");
        assertThat(r.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("fairkit audit: error: --data: file 'missing.csv' does not exist"
                + System.lineSeparator());
    }

    @Test
    void checkExitCodesReachTheShellAndNoProgressWithoutATerminal(@TempDir Path dir) throws Exception {
        Path lending = Cli.lending(dir, 2000, 9);
        java.nio.file.Files.writeString(dir.resolve("p.yml"), "policy: p\nrules:\n  - disparate_impact >= 0.8 for "
                + "ethnicity\n");
        Run r = java(dir, "check", "--policy", "p.yml", "--data", lending.toString(), "--label", "repaid",
                "--prediction", "approved", "--sensitive", "ethnicity", "--reference", "ethnicity=Group A");
        assertThat(r.code()).isEqualTo(ExitCode.FINDING);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("Policy p: FAIL (exit 1)");
    }
}
