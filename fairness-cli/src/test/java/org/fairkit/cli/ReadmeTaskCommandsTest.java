package org.fairkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docs are tests, beyond parsing: every {@code fairkit audit ... --task ...} command of the repository README and
 * the module README runs, exit 0, on a file with the columns of the example data set it names ({@code --data} and
 * {@code --out} moved into a temporary directory).
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

    /** The columns of {@code demo --task regression}: id, sex, age_band, y, y_hat. */
    private Path creditLimits() throws IOException {
        SplittableRandom rnd = new SplittableRandom(1);
        StringBuilder b = new StringBuilder("id,sex,age_band,y,y_hat\n");
        String[] bands = {"18-29", "30-49", "50+"};
        for (int i = 0; i < 300; i++) {
            String sex = i % 2 == 0 ? "Female" : "Male";
            double y = 10 + rnd.nextDouble() * 5;
            double e = sex.equals("Female") ? -1.5 + rnd.nextGaussian() * 1.5 : rnd.nextGaussian();
            b.append(i).append(',').append(sex).append(',').append(bands[i % 3]).append(',').append(y).append(',')
                    .append(y + e).append('\n');
        }
        return Files.writeString(tmp.resolve("credit-limits.csv"), b);
    }

    /** The columns of {@code demo --task ranking}: query_id, item_id, group, relevance, score, rank. */
    private Path searchRanking() throws IOException {
        StringBuilder b = new StringBuilder("query_id,item_id,group,relevance,score,rank\n");
        for (int q = 0; q < 10; q++) {
            for (int r = 1; r <= 6; r++) {
                String group = (r + q) % 3 == 0 ? "B" : "A";
                b.append('q').append(q).append(',').append(q * 6 + r).append(',').append(group).append(',')
                        .append(r % 2).append(',').append(1.0 / r).append(',').append(r).append('\n');
            }
        }
        return Files.writeString(tmp.resolve("search-ranking.csv"), b);
    }

    /** The columns of {@code demo --task multiclass}: id, sex, age_band, y_true, y_pred. */
    private Path triage() throws IOException {
        String[] classes = {"low", "medium", "high"};
        StringBuilder b = new StringBuilder("id,sex,age_band,y_true,y_pred\n");
        for (int i = 0; i < 120; i++) {
            String y = classes[i % 3];
            String p = i % 7 == 0 ? "medium" : y;
            b.append(i).append(',').append(i % 2 == 0 ? "Female" : "Male").append(",30-49,").append(y).append(',')
                    .append(p).append('\n');
        }
        return Files.writeString(tmp.resolve("triage.csv"), b);
    }
}
