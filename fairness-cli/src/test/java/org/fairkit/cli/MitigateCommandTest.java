package org.fairkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fairkit.core.FairnessData;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.mitigation.postprocessing.Constraint;
import org.fairkit.mitigation.postprocessing.ThresholdOptimizer;
import org.fairkit.mitigation.preprocessing.Reweighing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MitigateCommandTest {
    private static final String NL = System.lineSeparator();

    @Test
    void reweighWritesTheLibrarysWeightsAndEqualizesBaseRates(@TempDir Path tmp) throws IOException {
        Path csv = Cli.lending(tmp, 3000, 4);
        Path out = tmp.resolve("weights.csv");
        Cli.Result r = Cli.run("mitigate", "reweigh", "--data", csv.toString(), "--label", "repaid", "--sensitive",
                "ethnicity", "--write", out.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        FairnessData data = SyntheticLending.generate(3000, 4);
        double[] expected = Reweighing.groupBy("ethnicity").fit(data).weights(data);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("id,ethnicity,sex,repaid,score,approved,fairkit_weight");
        assertThat(lines).hasSize(3001);
        for (int i = 0; i < 3000; i++) {
            assertThat(Double.parseDouble(lines.get(i + 1).split(",")[6])).isEqualTo(expected[i]);
        }
        // Every group's weighted base rate is the overall one after reweighing.
        String after = r.out().substring(r.out().indexOf("before -> after:"));
        List<String> rates = after.lines().skip(1).limit(3).map(l -> l.replaceAll(".*-> ", "")).toList();
        assertThat(rates).hasSize(3).allMatch(x -> x.equals(rates.get(0)));
    }

    @Test
    void thresholdWritesFairDecisionsAndShowsTheGapClosing(@TempDir Path tmp) throws IOException {
        Path csv = Cli.lending(tmp, 4000, 8);
        Path out = tmp.resolve("fair.csv");
        Cli.Result r = Cli.run("mitigate", "threshold", "--data", csv.toString(), "--label", "repaid", "--score",
                "score", "--prediction", "approved", "--sensitive", "ethnicity", "--constraint", "demographic_parity",
                "--seed", "3", "--write", out.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        FairnessData data = SyntheticLending.generate(4000, 8);
        ThresholdOptimizer.Fitted fitted = ThresholdOptimizer.constraint(Constraint.DEMOGRAPHIC_PARITY).seed(3)
                .groupBy("ethnicity").fit(data);
        int[] expected = fitted.predict(data);
        double[] probability = fitted.probabilityOfPositive(data);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("id,ethnicity,sex,repaid,score,approved,fair_probability,fair_prediction");
        for (int i = 0; i < 4000; i++) {
            String[] cells = lines.get(i + 1).split(",");
            assertThat(Double.parseDouble(cells[6])).isEqualTo(probability[i]);
            assertThat(Integer.parseInt(cells[7])).isEqualTo(expected[i]);
        }
        String dp = r.out().lines().filter(l -> l.startsWith("demographic_parity_difference")).findFirst()
                .orElseThrow();
        String[] parts = dp.trim().split("\\s+");
        assertThat(Double.parseDouble(parts[1])).isGreaterThan(0.15);
        assertThat(Double.parseDouble(parts[2])).isLessThan(0.05);
    }

    @Test
    void mistakesAreOneLine(@TempDir Path tmp) {
        Path csv = Cli.lending(tmp, 200, 1);
        Cli.Result c = Cli.run("mitigate", "threshold", "--data", csv.toString(), "--label", "repaid", "--score",
                "score", "--sensitive", "ethnicity", "--write", tmp.resolve("o.csv").toString(), "--constraint", "x");
        assertThat(c.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(c.err()).isEqualTo("fairkit mitigate threshold: error: unknown constraint 'x'; expected one of "
                + "demographic_parity, true_positive_rate_parity, false_positive_rate_parity, equalized_odds" + NL);
        Cli.Result exists = Cli.run("mitigate", "reweigh", "--data", csv.toString(), "--label", "repaid",
                "--sensitive", "ethnicity", "--write", tmp.resolve("o.csv").toString(), "--column", "score");
        assertThat(exists.err()).isEqualTo("fairkit mitigate reweigh: error: file '" + csv + "' already has a column "
                + "'score'; choose another name for the output column" + NL);
        assertThat(Cli.run("mitigate").code()).isEqualTo(ExitCode.BAD_INPUT);
    }
}
