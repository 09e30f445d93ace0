package org.fairkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fairkit.core.datasets.SyntheticCreditLimits;
import org.fairkit.core.datasets.SyntheticSearchRanking;
import org.fairkit.core.datasets.SyntheticTriage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docs are tests, beyond parsing: every {@code fairkit audit ... --task ...} command of the repository README and
 * the module README runs, exit 0, on the seeded example data set it names ({@code fairkit demo --task ...}'s files,
 * generated smaller; {@code --data} and {@code --out} moved into a temporary directory).
 */
class ReadmeTaskCommandsTest {
    private static final Path ROOT = Path.of(System.getProperty("fairkit.root", ".."));

    @TempDir
    Path tmp;

    @Test
    void everyTaskAuditCommandOfTheReadmesRuns() throws IOException {
        Map<String, Path> files = Map.of("fairkit-demo/credit-limits.csv", creditLimits(),
                "fairkit-demo/search-ranking.csv", searchRanking(), "fairkit-demo/triage.csv", triage());
        List<String> commands = new ArrayList<>();
        commands.addAll(ReadmeCommandsTest.commands(ROOT.resolve("README.md")));
        commands.addAll(ReadmeCommandsTest.commands(ROOT.resolve("fairness-cli/README.md")));
        List<String> tasks = commands.stream().filter(c -> c.startsWith("audit ") && c.contains("--task ")).toList();
        assertThat(tasks).hasSizeGreaterThanOrEqualTo(6);
        for (String command : tasks) {
            List<String> args = new ArrayList<>(ReadmeCommandsTest.tokens(command));
            for (int i = 0; i < args.size() - 1; i++) {
                if (args.get(i).equals("--data")) {
                    assertThat(files).as(command).containsKey(args.get(i + 1));
                    args.set(i + 1, files.get(args.get(i + 1)).toString());
                } else if (args.get(i).equals("--out")) {
                    args.set(i + 1, tmp.resolve("out").resolve(args.get(i + 1)).toString());
                }
            }
            Cli.Result r = Cli.run(args.toArray(new String[0]));
            assertThat(r.code()).as(command + "\n" + r).isZero();
            assertThat(r.out()).as(command).isNotEmpty();
        }
    }

    /** {@code demo --task regression}'s data set (fairness-core's SyntheticCreditLimits), smaller. */
    private Path creditLimits() throws IOException {
        Path f = tmp.resolve("credit-limits.csv");
        SyntheticCreditLimits.builder().rows(5000).seed(1).build().writeCsv(f);
        return f;
    }

    /** {@code demo --task ranking}'s data set (SyntheticSearchRanking), smaller. */
    private Path searchRanking() throws IOException {
        Path f = tmp.resolve("search-ranking.csv");
        SyntheticSearchRanking.builder().queries(200).seed(1).build().writeCsv(f);
        return f;
    }

    /** {@code demo --task multiclass}'s data set (SyntheticTriage), smaller. */
    private Path triage() throws IOException {
        Path f = tmp.resolve("triage.csv");
        SyntheticTriage.builder().rows(5000).seed(1).build().writeCsv(f);
        return f;
    }
}
