package org.fairkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fairkit.core.FairnessData;
import org.fairkit.core.individual.Benefits;
import org.fairkit.core.individual.InequalityIndices;
import org.fairkit.testkit.SharedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fairkit audit --individual}: AIF360's inequality indices of the benefits through the CLI's JSON, on the
 * COMPAS golden rows, and the same values as the library computes from the rows.
 */
class IndividualIndicesCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double[] ALPHAS = {0.5, 1, 2, 3};

    /** AIF360's race block uses only the African-American and Caucasian rows. */
    private static Path compasTwoRaces(Path dir) throws IOException {
        Path compas = SharedFiles.dataFile("compas-predictions.csv");
        List<String> lines = Files.readAllLines(compas, StandardCharsets.UTF_8);
        List<String> kept = new ArrayList<>(List.of(lines.get(0)));
        int race = List.of(lines.get(0).split(",")).indexOf("race");
        for (String line : lines.subList(1, lines.size())) {
            String r = line.split(",")[race];
            if (r.equals("African-American") || r.equals("Caucasian")) {
                kept.add(line);
            }
        }
        Path out = dir.resolve("compas-two-races.csv");
        Files.write(out, kept, StandardCharsets.UTF_8);
        return out;
    }

    @Test
    void compasIndicesMatchAif360(@TempDir Path tmp) throws IOException {
        Path file = compasTwoRaces(tmp);
        JsonNode golden = SharedFiles.golden("compas.json").path("aif360").path("race_AA_vs_Caucasian[fav=1]");
        for (double alpha : ALPHAS) {
            Cli.Result r = Cli.run("audit", "--data", file.toString(), "--label", "y_true", "--prediction", "y_pred",
                    "--sensitive", "race", "--individual", "--entropy-alpha", Double.toString(alpha),
                    "--weight", "weight", "--format", "json");
            assertThat(r.code()).as(r.toString()).isZero();
            JsonNode ind = JSON.readTree(r.out()).path("reports").get(0).path("individual");
            assertThat(ind.path("weighted").asBoolean()).isTrue();
            // AIF360 ignores instance weights in these indices: its weighted block equals our unweighted values.
            for (String block : List.of("unweighted", "weighted")) {
                JsonNode g = golden.path(block).path("classification_metric");
                JsonNode u = ind.path("unweighted");
                String a = alpha == Math.rint(alpha) ? Integer.toString((int) alpha) : Double.toString(alpha);
                close(u.path("generalized_entropy_index"), g.path("generalized_entropy_index(alpha=" + a + ")"));
                close(u.path("between_group_generalized_entropy_index"),
                        g.path("between_group_generalized_entropy_index(alpha=" + a + ")"));
                close(u.path("theil_index"), g.path("theil_index"));
                close(u.path("between_group_theil_index"), g.path("between_group_theil_index"));
                close(u.path("coefficient_of_variation"), g.path("coefficient_of_variation"));
                close(u.path("between_group_coefficient_of_variation"),
                        g.path("between_group_coefficient_of_variation"));
            }
        }
        Cli.Result zero = Cli.run("audit", "--data", file.toString(), "--label", "y_true", "--prediction", "y_pred",
                "--sensitive", "race", "--individual", "--entropy-alpha", "0", "--format", "json");
        JsonNode ge0 = JSON.readTree(zero.out()).path("reports").get(0).path("individual")
                .path("generalized_entropy_index");
        assertThat(golden.path("unweighted").path("classification_metric").path("generalized_entropy_index(alpha=0)")
                .asText()).isEqualTo("Infinity");
        assertThat(ge0.path("value").isNull()).isTrue();
        assertThat(ge0.path("undefined").asText()).contains("has false negatives (benefit 0)", "infinite");
    }

    private static void close(JsonNode ours, JsonNode aif360) {
        assertThat(aif360.isNumber()).as("golden %s", aif360).isTrue();
        assertThat(ours.path("value").asDouble()).as("%s vs %s", ours, aif360)
                .isCloseTo(aif360.asDouble(), within(1e-12 * Math.max(1, aif360.asDouble())));
    }

    @Test
    void indicesEqualTheLibrarysOnTheRowsInJsonAndTable(@TempDir Path tmp) throws IOException {
        int[] y = {1, 0, 1, 1, 0, 0, 1, 0, 1, 1};
        int[] p = {1, 1, 0, 1, 0, 1, 1, 0, 0, 1};
        String[] s = {"a", "a", "a", "b", "b", "b", "b", "c", "c", "c"};
        StringBuilder csv = new StringBuilder("y_true,y_pred,s\n");
        for (int i = 0; i < y.length; i++) {
            csv.append(y[i]).append(',').append(p[i]).append(',').append(s[i]).append('\n');
        }
        Path file = tmp.resolve("d.csv");
        Files.writeString(file, csv.toString());
        Benefits b = Benefits.of(FairnessData.builder().labels(y).predictions(p).sensitive("s", s).build(), "s");
        Cli.Result r = Cli.run("audit", "--data", file.toString(), "--label", "y_true", "--prediction", "y_pred",
                "--sensitive", "s", "--individual", "--entropy-alpha", "3", "--format", "json");
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode ind = JSON.readTree(r.out()).path("reports").get(0).path("individual");
        assertThat(ind.path("alpha").asDouble()).isEqualTo(3.0);
        assertThat(ind.path("weighted").asBoolean()).isFalse();
        assertThat(ind.has("unweighted")).isFalse();
        assertThat(ind.path("generalized_entropy_index").path("value").asDouble())
                .isCloseTo(InequalityIndices.generalizedEntropy(b, 3).value(), within(1e-15));
        assertThat(ind.path("within_group_generalized_entropy_index").path("value").asDouble())
                .isCloseTo(InequalityIndices.withinGroup(b, 3).value(), within(1e-15));
        assertThat(ind.path("between_group_theil_index").path("value").asDouble())
                .isCloseTo(InequalityIndices.betweenGroupTheil(b).value(), within(1e-15));

        Cli.Result table = Cli.run("audit", "--data", file.toString(), "--label", "y_true", "--prediction", "y_pred",
                "--sensitive", "s", "--individual");
        assertThat(table.out()).contains("inequality of benefits (y_pred - y_true + 1) by s",
                String.format(java.util.Locale.ROOT, "theil_index%s%.6f", " ".repeat(30),
                        InequalityIndices.theil(b).value()));
        Cli.Result plain = Cli.run("audit", "--data", file.toString(), "--label", "y_true", "--prediction", "y_pred",
                "--sensitive", "s", "--format", "json");
        assertThat(JSON.readTree(plain.out()).path("reports").get(0).has("individual")).isFalse();
        Cli.Result bad = Cli.run("audit", "--data", file.toString(), "--label", "y_true", "--prediction", "y_pred",
                "--sensitive", "s", "--individual", "--entropy-alpha", "NaN");
        assertThat(bad.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(bad.err()).contains("--entropy-alpha", "'NaN'");
        Cli.Result huge = Cli.run("audit", "--data", file.toString(), "--label", "y_true", "--prediction", "y_pred",
                "--sensitive", "s", "--individual", "--entropy-alpha", "1e999");
        assertThat(huge.code()).as(huge.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(huge.err()).contains("--entropy-alpha", "finite");
    }
}
