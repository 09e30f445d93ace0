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
import java.util.Locale;
import java.util.Random;
import org.fairkit.mitigation.preprocessing.CorrelationRemover;
import org.fairkit.mitigation.preprocessing.DisparateImpactRemover;
import org.fairkit.mitigation.preprocessing.FeatureTable;
import org.fairkit.testkit.GoldenJson;
import org.fairkit.testkit.SharedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fairkit mitigate decorrelate|repair} on seeded data (the written features equal the library's, bit for bit;
 * the printed evidence) and on the shared Adult file (the golden values of Fairlearn 0.13.0 and AIF360 0.6.1; skipped
 * with a message when {@code ../shared} is absent).
 */
class FeatureMitigateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A seeded CSV: id, split (train: id % 3 != 2), group (a, b, c), income, hours (integers), note (text). */
    static Path data(Path dir, int rows, long seed) throws IOException {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder("id,split,group,income,hours,note\n");
        for (int i = 0; i < rows; i++) {
            int g = r.nextInt(3);
            double income = 30_000 + 8_000 * g + 10_000 * r.nextGaussian();
            int hours = 20 + 5 * g + r.nextInt(30);
            b.append(String.format(Locale.ROOT, "%d,%s,%s,%s,%d,\"n, %d\"%n", i, i % 3 == 2 ? "test" : "train",
                    "abc".charAt(g), Double.toString(income), hours, i));
        }
        Path f = dir.resolve("rows.csv");
        Files.writeString(f, b.toString(), StandardCharsets.UTF_8);
        return f;
    }

    /** The columns of the seeded CSV as the library's table (all rows, or one split). */
    static FeatureTable table(Path csv, String split) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<double[]> values = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            if (split == null || c[1].equals(split)) {
                values.add(new double[] {Double.parseDouble(c[3]), Double.parseDouble(c[4])});
                groups.add(c[2]);
            }
        }
        double[] income = values.stream().mapToDouble(v -> v[0]).toArray();
        double[] hours = values.stream().mapToDouble(v -> v[1]).toArray();
        return FeatureTable.builder().numeric("income", income).numeric("hours", hours)
                .sensitive("group", groups.toArray(new String[0])).build();
    }

    private static double[] column(Path csv, int index) throws IOException {
        return Files.readAllLines(csv, StandardCharsets.UTF_8).stream().skip(1)
                .mapToDouble(l -> Double.parseDouble(l.split(",")[index])).toArray();
    }

    @Test
    void decorrelateWritesTheLibrarysFeaturesInPlaceAndKeepsEveryOtherCell(@TempDir Path tmp) throws IOException {
        Path csv = data(tmp, 900, 1);
        Path out = tmp.resolve("out.csv");
        Cli.Result r = Cli.run("mitigate", "decorrelate", "--data", csv.toString(), "--features", "income,hours",
                "--sensitive", "group", "--write", out.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        FeatureTable expected = CorrelationRemover.perColumnMean().groupBy("group").fit(table(csv, null))
                .transform(table(csv, null));
        assertThat(column(out, 3)).isEqualTo(expected.numeric("income"));
        assertThat(column(out, 4)).isEqualTo(expected.numeric("hours"));
        List<String> in = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> written = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(written.get(0)).isEqualTo(in.get(0));
        assertThat(written).hasSameSizeAs(in);
        for (int i = 1; i < in.size(); i++) {
            String[] a = in.get(i).split(",", 4);
            String[] b = written.get(i).split(",", 4);
            assertThat(b[0] + b[1] + b[2]).isEqualTo(a[0] + a[1] + a[2]);
            assertThat(written.get(i)).endsWith(in.get(i).substring(in.get(i).indexOf("\"n,")));
        }
        assertThat(r.out()).startsWith("Correlation remover (PER_COLUMN_MEAN, alpha 1.0): 2 features, sensitive "
                + "[group=b, group=c]").contains("Correlation with each group's indicator on the fitting rows (900), "
                + "before -> after:").contains("Wrote " + out + ": the rows of " + csv + " with income, hours "
                + "decorrelated in place");
        assertThat(r.out().lines().filter(l -> l.startsWith("  income")).map(l -> l.replaceAll(".*-> ", "")))
                .hasSize(3).allMatch(v -> v.equals("0.0000"));
    }

    @Test
    void decorrelateFitsOnTheFitWhereRowsAndPrintsJson(@TempDir Path tmp) throws IOException {
        Path csv = data(tmp, 900, 2);
        Path out = tmp.resolve("out.csv");
        Cli.Result r = Cli.run("mitigate", "decorrelate", "--data", csv.toString(), "--features", "income, hours",
                "--sensitive", "group", "--alpha", "0.5", "--fit-where", "split=train", "--format", "json",
                "--write", out.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        CorrelationRemover.Fitted fitted = CorrelationRemover.perColumnMean().alpha(0.5).groupBy("group")
                .fit(table(csv, "train"));
        FeatureTable expected = fitted.transform(table(csv, null));
        assertThat(column(out, 3)).isEqualTo(expected.numeric("income"));
        JsonNode doc = JSON.readTree(r.out());
        assertThat(doc.path("schema").asText()).isEqualTo("fairkit.cli.mitigate/1");
        assertThat(doc.path("method").asText()).isEqualTo("decorrelate");
        assertThat(GoldenJson.fieldNames(doc)).containsExactly("schema", "method", "source", "write", "fit",
                "evaluate", "model");
        assertThat(doc.path("fit").path("rows").asInt()).isEqualTo(600);
        assertThat(doc.path("evaluate").path("rows").asInt()).isEqualTo(300);
        JsonNode model = doc.path("model");
        assertThat(model.path("centering").asText()).isEqualTo("per-column");
        assertThat(model.path("alpha").asDouble()).isEqualTo(0.5);
        assertThat(GoldenJson.strings(model.path("groups"))).containsExactly("a", "b", "c");
        assertThat(GoldenJson.strings(model.path("indicators"))).containsExactly("group=b", "group=c");
        assertThat(model.path("beta").path("group=c").path("income").asDouble()).isEqualTo(fitted.beta()[1][0]);
        // half the projection: the fitting rows' correlation halves, up to the change of the variance
        JsonNode income = doc.path("fit").path("features").path("income");
        double before = income.path("correlation_before").path("c").path("value").asDouble();
        double after = income.path("correlation_after").path("c").path("value").asDouble();
        assertThat(Math.abs(after)).isLessThan(Math.abs(before)).isGreaterThan(0.0);
        assertThat(income.path("mean_after").asDouble()).isCloseTo(income.path("mean_before").asDouble(),
                within(1e-6));
    }

    @Test
    void repairWritesTheLibrarysFeaturesAndEqualizesTheGroupsQuantiles(@TempDir Path tmp) throws IOException {
        Path csv = data(tmp, 1200, 3);
        Path out = tmp.resolve("out.csv");
        Cli.Result r = Cli.run("mitigate", "repair", "--data", csv.toString(), "--features", "hours",
                "--sensitive", "group", "--format", "json", "--write", out.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        FeatureTable t = table(csv, null);
        DisparateImpactRemover.Fitted fitted = DisparateImpactRemover.repairLevel(1).features("hours").fit(t);
        assertThat(column(out, 4)).isEqualTo(fitted.transform(t).numeric("hours"));
        assertThat(column(out, 3)).isEqualTo(t.numeric("income"));
        // integers stay integers in the file
        assertThat(Files.readAllLines(out, StandardCharsets.UTF_8).get(1).split(",")[4]).doesNotContain(".");
        JsonNode doc = JSON.readTree(r.out());
        assertThat(doc.path("method").asText()).isEqualTo("repair");
        assertThat(GoldenJson.doubles(doc.path("quantiles"))).containsExactly(0, 0.1, 0.25, 0.5, 0.75, 0.9, 1);
        JsonNode groups = doc.path("fit").path("features").path("hours").path("groups");
        assertThat(GoldenJson.fieldNames(groups)).containsExactly("a", "b", "c");
        // the groups' medians move together (row quantiles need not meet exactly: values shared by many rows
        // move as one)
        double[] before = new double[3];
        double[] after = new double[3];
        for (int g = 0; g < 3; g++) {
            JsonNode x = groups.path(String.valueOf("abc".charAt(g)));
            before[g] = x.path("quantiles_before").get(3).asDouble();
            after[g] = x.path("quantiles_after").get(3).asDouble();
        }
        assertThat(spread(after)).isLessThan(spread(before) / 2);
        JsonNode model = doc.path("model").path("features").path("hours");
        assertThat(model.path("buckets").asInt()).isEqualTo(fitted.buckets("hours"));
        assertThat(doc.path("model").path("repair_level").asDouble()).isEqualTo(1.0);
        assertThat(doc.path("fit").path("features").path("hours").path("values_changed").asLong()).isPositive();
    }

    private static double spread(double[] v) {
        return java.util.Arrays.stream(v).max().orElseThrow() - java.util.Arrays.stream(v).min().orElseThrow();
    }

    @Test
    void repairLevelZeroWritesTheInputUnchangedAndTablePrintsTheModel(@TempDir Path tmp) throws IOException {
        Path csv = data(tmp, 300, 4);
        Path out = tmp.resolve("out.csv");
        Cli.Result r = Cli.run("mitigate", "repair", "--data", csv.toString(), "--features", "income,hours",
                "--sensitive", "group", "--repair-level", "0", "--fit-where", "split=train", "--write",
                out.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(Files.readAllLines(out, StandardCharsets.UTF_8)).isEqualTo(Files.readAllLines(csv,
                StandardCharsets.UTF_8));
        assertThat(r.out()).startsWith("Disparate impact remover (repair level 0.0) by group: groups [a, b, c]")
                .contains("Quantiles (0, .1, .25, .5, .75, .9, 1) by group on the fitting rows (200), before -> after:")
                .contains("on the evaluation rows (100)");
    }

    @Test
    void mistakesAreOneLineWithTheBadInputCode(@TempDir Path tmp) throws IOException {
        Path csv = data(tmp, 60, 5);
        Path out = tmp.resolve("out.csv");
        Path unseen = tmp.resolve("unseen.csv");
        Files.writeString(unseen, "split,group,x\ntrain,a,1\ntrain,b,2\ntrain,a,3\ntest,z,4\n");
        List<String[]> cases = List.of(
                new String[] {"mitigate", "repair", "--data", unseen.toString(), "--features", "x", "--sensitive",
                    "group", "--fit-where", "split=train", "--write", out.toString()},
                new String[] {"mitigate", "decorrelate", "--data", unseen.toString(), "--features", "x",
                    "--sensitive", "group", "--fit-where", "split=train", "--write", out.toString()},
                new String[] {"mitigate", "decorrelate", "--data", csv.toString(), "--features", "note",
                    "--sensitive", "group", "--write", out.toString()},
                new String[] {"mitigate", "decorrelate", "--data", csv.toString(), "--features", "income",
                    "--sensitive", "group", "--alpha", "2", "--write", out.toString()},
                new String[] {"mitigate", "repair", "--data", csv.toString(), "--features", "income,group",
                    "--sensitive", "group", "--write", out.toString()},
                new String[] {"mitigate", "repair", "--data", csv.toString(), "--features", "income",
                    "--sensitive", "group", "--repair-level", "-1", "--write", out.toString()},
                new String[] {"mitigate", "decorrelate", "--data", csv.toString(), "--features", "income",
                    "--sensitive", "group", "--centering", "mean", "--write", out.toString()});
        List<String> expected = List.of(
                "fairkit mitigate repair: error: column 'group', row 3: got group 'z', which the model was not "
                        + "fitted on; expected one of [a, b]",
                "fairkit mitigate decorrelate: error: column 'group', row 3: got group 'z', which the model was not "
                        + "fitted on; expected one of [a, b]",
                "fairkit mitigate decorrelate: error: file '" + csv + "', line 2 (data row 1), column 'note': got "
                        + "'n, 0'; expected a finite number",
                "fairkit mitigate decorrelate: error: --alpha: got 2.0; expected a number in [0, 1]",
                "fairkit mitigate repair: error: --features: column 'group' is also --sensitive; expected "
                        + "features other than the group columns",
                "fairkit mitigate repair: error: --repair-level: got -1.0; expected a number in [0, 1]",
                "fairkit mitigate decorrelate: error: --centering: got 'mean'; expected per-column or "
                        + "fairlearn-scalar");
        for (int k = 0; k < cases.size(); k++) {
            Cli.Result r = Cli.run(cases.get(k));
            assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(r.err().strip()).isEqualTo(expected.get(k));
        }
        assertThat(out).doesNotExist();
    }

    @Test
    void onAdultDecorrelateMatchesFairlearnAndRepairMatchesAif360(@TempDir Path tmp) throws IOException {
        Path adult = SharedFiles.dataFile("adult-predictions.csv");
        JsonNode golden = SharedFiles.golden("adult_mitigation2.json");
        List<String> features = List.of("age", "education_num", "hours_per_week", "fnlwgt");
        Path out = tmp.resolve("decorrelated.csv");
        Cli.Result r = Cli.run("mitigate", "decorrelate", "--data", adult.toString(), "--features",
                String.join(",", features), "--sensitive", "sex", "--fit-where", "split=train", "--format", "json",
                "--write", out.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode g = golden.path("correlation_remover").path("single").path("alpha=1.0");
        JsonNode doc = JSON.readTree(r.out());
        double[] beta = GoldenJson.doubles(g.path("beta_").get(0));
        for (int j = 0; j < features.size(); j++) {
            assertThat(doc.path("model").path("beta").path("sex=Male").path(features.get(j)).asDouble())
                    .isCloseTo(beta[j], within(1e-12 * Math.abs(beta[j])));
            double[] expected = GoldenJson.doubles(g.path("test").path("pearson_corr_with_sensitive")
                    .path("sex_Male"));
            assertThat(doc.path("evaluate").path("features").path(features.get(j)).path("correlation_after")
                    .path("Male").path("value").asDouble()).isCloseTo(expected[j], within(1e-12));
        }
        assertThat(doc.path("evaluate").path("rows").asInt()).isEqualTo(10_853);
        // the first test rows of the written file (row % 3 == 2)
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        List<JsonNode> testRows = GoldenJson.elements(g.path("first_test_rows").path("transformed"));
        for (int k = 0; k < testRows.size(); k++) {
            String[] cells = lines.get(1 + 3 * k + 2).split(",");
            double[] e = GoldenJson.doubles(testRows.get(k));
            for (int j = 0; j < features.size(); j++) {
                assertThat(Double.parseDouble(cells[header.indexOf(features.get(j))])).isCloseTo(e[j],
                        within(1e-12 * Math.abs(e[j])));
            }
        }

        Path repaired = tmp.resolve("repaired.csv");
        r = Cli.run("mitigate", "repair", "--data", adult.toString(), "--features", String.join(",", features),
                "--sensitive", "sex", "--repair-level", "0.5", "--format", "json", "--write", repaired.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode dir = golden.path("disparate_impact_remover").path("repair_level=0.5");
        lines = Files.readAllLines(repaired, StandardCharsets.UTF_8);
        List<JsonNode> rows = GoldenJson.elements(dir.path("repaired_first_rows"));
        for (int i = 0; i < rows.size(); i++) {
            String[] cells = lines.get(1 + i).split(",");
            double[] e = GoldenJson.doubles(rows.get(i));
            for (int j = 0; j < features.size(); j++) {
                assertThat(Double.parseDouble(cells[header.indexOf(features.get(j))])).isEqualTo(e[j]);
            }
        }
        doc = JSON.readTree(r.out());
        for (String f : features) {
            assertThat(GoldenJson.doubles(doc.path("fit").path("features").path(f).path("groups").path("Male")
                    .path("quantiles_after"))).containsExactly(GoldenJson.doubles(dir.path("after").path("Male")
                    .path(f).path("quantiles")), within(1e-9));
            assertThat(doc.path("fit").path("features").path(f).path("values_changed").asInt())
                    .isEqualTo(dir.path("n_values_changed").path(f).asInt());
        }
    }
}
