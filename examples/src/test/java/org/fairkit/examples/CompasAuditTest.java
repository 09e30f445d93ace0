package org.fairkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.reports.AdverseImpact;
import org.fairkit.testkit.SharedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CompasAudit} and {@link CompasFile}: on ProPublica's file against the golden values of Fairlearn 0.13 and
 * AIF360 0.6.1 ({@code ../shared/golden/compas.json}, skipped when {@code ../shared} is absent), and on a small
 * file written here (always run).
 */
class CompasAuditTest {
    /** Absolute tolerance of the golden comparisons. */
    static final double TOLERANCE = 1e-9;

    /** The needed columns, two extra ones, and decile_score a second time as in ProPublica's file. */
    static final String HEADER = "id,sex,race,decile_score,days_b_screening_arrest,c_charge_degree,is_recid,"
            + "score_text,priors_count,decile_score,two_year_recid";

    @TempDir
    Path dir;

    // ---- ProPublica's file and the golden values

    @Test
    void proPublicasFiltersKeepTheRowsOfTheGoldenValues() throws IOException {
        CompasFile compas = CompasFile.read(shared("data/" + CompasAudit.FILE_NAME));
        JsonNode dataset = golden().get("dataset");
        assertThat(compas.rawRows()).isEqualTo(dataset.get("rows_raw").asInt()).isEqualTo(7214);
        assertThat(compas.rows()).isEqualTo(dataset.get("rows").asInt()).isEqualTo(CompasFile.PROPUBLICA_ROWS);
        assertThat(compas.excluded()).containsExactly(Map.entry(CompasFile.FILTER_DAYS, 1042),
                Map.entry(CompasFile.FILTER_RECID, 0), Map.entry(CompasFile.FILTER_CHARGE, 0),
                Map.entry(CompasFile.FILTER_SCORE, 0));
    }

    /** Fairlearn 0.13 {@code MetricFrame(metrics=..., y_true, y_pred, sensitive_features=<race>/<sex>)}. */
    @Test
    void ratesByRaceAndSexEqualFairlearnsMetricFrame() throws IOException {
        CompasFile compas = CompasFile.read(shared("data/" + CompasAudit.FILE_NAME));
        JsonNode frames = golden().get("metric_frame");
        checkMetricFrame(CompasAudit.auditByRace(compas.data()), "race", frames.get("race").get("unweighted"));
        checkMetricFrame(CompasAudit.auditBySex(compas.data()), "sex", frames.get("sex").get("unweighted"));
    }

    /**
     * AIF360 0.6.1 {@code ClassificationMetric.disparate_impact()}: race African-American (unprivileged) vs Caucasian
     * (privileged) with favourable label 0 (rated Low risk), and sex Male vs Female (privileged) with label 1.
     */
    @Test
    void disparateImpactEqualsAif360InBothViews() throws IOException {
        CompasFile compas = CompasFile.read(shared("data/" + CompasAudit.FILE_NAME));
        JsonNode aif = golden().get("aif360");
        double raceFav0 = aif.get("race_AA_vs_Caucasian[fav=0]").get("unweighted").get("classification_metric")
                .get("disparate_impact").asDouble();
        double sexFav1 = aif.get("sex_Female_priv[fav=1]").get("unweighted").get("classification_metric")
                .get("disparate_impact").asDouble();

        FairnessReport favorable = CompasAudit.favorableByRace(compas.favorableOutcomes());
        AdverseImpact fourFifths = AdverseImpact.of(favorable, AdverseImpact.Basis.REFERENCE);
        AdverseImpact.Row aa = fourFifths.rows().stream()
                .filter(r -> r.group().equals(GroupKey.of("race", "African-American"))).findFirst().orElseThrow();
        assertThat(aa.impactRatio().value()).isCloseTo(raceFav0, within(TOLERANCE));
        assertThat(aa.status()).isEqualTo(AdverseImpact.Status.BELOW_FOUR_FIFTHS);
        assertThat(CompasAudit.auditBySex(compas.data()).fairness(FairnessMetric.DISPARATE_IMPACT).asDouble())
                .isCloseTo(sexFav1, within(TOLERANCE));
    }

    @Test
    void theProgramPrintsTheAuditWritesTheDashboardAndTheReadmeExcerptsAreTrue() throws IOException {
        Path csv = shared("data/" + CompasAudit.FILE_NAME);
        String out = run(csv, dir.resolve("out"));
        assertThat(out).contains("7214 rows read; ProPublica's filters keep 6172:")
                .contains("6172 rows, as in ProPublica's analysis and the golden values.")
                .contains("FairKit report: 6 groups by race, 6172 rows, unweighted")
                .contains("FairKit report: 2 groups by sex, 6172 rows, unweighted")
                .containsPattern("false_positive_rate\\s+African-American vs Caucasian\\s+1514\\s+0\\.2032 ")
                .containsPattern("African-American\\s+n=3175\\s+selected=1346\\s+rate=0\\.4239\\s+ratio=0\\.6336\\s+"
                        + "BELOW_FOUR_FIFTHS");
        assertThat(dir.resolve("out/fairness-dashboard.html")).isNotEmptyFile();
        List<List<String>> excerpts = ReadmeExcerpts.of("CompasAudit");
        assertThat(excerpts).as("examples/README.md has CompasAudit excerpts").isNotEmpty();
        assertThat(ReadmeExcerpts.missingFrom(out, excerpts)).as(out).isEmpty();
    }

    // ---- a small file written here: always run

    @Test
    void filtersAreAppliedInOrderAndTheColumnsAreTheGoldenDefinitions() throws IOException {
        CompasFile compas = CompasFile.read(fixture());
        assertThat(compas.rawRows()).isEqualTo(10);
        assertThat(compas.excluded()).containsExactly(Map.entry(CompasFile.FILTER_DAYS, 3),
                Map.entry(CompasFile.FILTER_RECID, 1), Map.entry(CompasFile.FILTER_CHARGE, 1),
                Map.entry(CompasFile.FILTER_SCORE, 1));
        FairnessData d = compas.data();
        assertThat(d.rows()).isEqualTo(4);
        // label two_year_recid; prediction decile >= 5; score decile / 10
        assertThat(new int[] {d.label(0), d.label(1), d.label(2), d.label(3)}).containsExactly(1, 0, 0, 1);
        assertThat(new int[] {d.prediction(0), d.prediction(1), d.prediction(2), d.prediction(3)})
                .containsExactly(1, 0, 1, 0);
        assertThat(new double[] {d.score(0), d.score(1), d.score(2), d.score(3)}).containsExactly(0.9, 0.2, 0.5, 0.4);
        assertThat(d.sensitive("race").level(0)).isEqualTo("African-American");
        assertThat(d.sensitive("sex").level(1)).isEqualTo("Female");

        FairnessData favorable = compas.favorableOutcomes();
        assertThat(new int[] {favorable.label(0), favorable.label(1), favorable.label(2), favorable.label(3)})
                .containsExactly(0, 1, 1, 0);
        assertThat(new int[] {favorable.prediction(0), favorable.prediction(1), favorable.prediction(2),
            favorable.prediction(3)}).containsExactly(0, 1, 0, 1);
        assertThat(favorable.hasScores()).isFalse();
    }

    @Test
    void aFileOfAnotherSizeIsAuditedWithAWarningAndADashboard() throws IOException {
        String out = run(fixture(), dir.resolve("out"));
        assertThat(out).contains("10 rows read; ProPublica's filters keep 4:")
                .containsPattern("days_b_screening_arrest missing or outside \\[-30, 30\\]\\s+3 removed")
                .contains("WARNING: ProPublica's analysis has 6172 rows after these filters; this file gives 4.")
                .contains("FairKit report: 2 groups by race, 4 rows");
        assertThat(dir.resolve("out/fairness-dashboard.html")).isNotEmptyFile();
    }

    @Test
    void aMissingColumnIsNamedWithTheHeader() throws IOException {
        Path f = write("id,sex,decile_score,days_b_screening_arrest,c_charge_degree,is_recid,score_text,two_year_recid",
                "1,Male,3,0,F,0,Low,0");
        assertThatThrownBy(() -> CompasFile.read(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("file '" + f + "': column 'race' is missing; expected ProPublica's "
                        + "compas-scores-two-years.csv, which has [two_year_recid, decile_score, "
                        + "days_b_screening_arrest, is_recid, c_charge_degree, score_text, race, sex]; the header has "
                        + "[id, sex, decile_score, days_b_screening_arrest, c_charge_degree, is_recid, score_text, "
                        + "two_year_recid]");
    }

    @Test
    void aBadCellIsNamedByLineDataRowAndColumn() throws IOException {
        Path decile = write(HEADER, "1,Male,Caucasian,3,0,F,0,Low,0,3,0", "2,Male,Caucasian,high,0,F,0,Low,0,3,0");
        assertThatThrownBy(() -> CompasFile.read(decile)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("file '" + decile + "', line 3 (data row 2), column 'decile_score': got 'high'; expected "
                        + "an integer from 1 to 10");
        Path days = write(HEADER, "1,Male,Caucasian,3,soon,F,0,Low,0,3,0");
        assertThatThrownBy(() -> CompasFile.read(days)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("file '" + days + "', line 2 (data row 1), column 'days_b_screening_arrest': got 'soon'; "
                        + "expected an integer number of days, or empty");
        Path label = write(HEADER, "1,Male,Caucasian,3,0,F,0,Low,0,3,2");
        assertThatThrownBy(() -> CompasFile.read(label)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("file '" + label + "', line 2 (data row 1), column 'two_year_recid': got '2'; expected "
                        + "0 or 1");
        Path race = write(HEADER, "1,Male,,3,0,F,0,Low,0,3,1");
        assertThatThrownBy(() -> CompasFile.read(race)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("file '" + race + "', line 2 (data row 1), column 'race': got ''; expected a non-empty race");
        Path cells = write(HEADER, "1,Male,Caucasian,3,0,F,0,Low,0,3");
        assertThatThrownBy(() -> CompasFile.read(cells)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("file '" + cells + "', line 2 (data row 1): 10 cells; expected 11 (one per header column)");
    }

    @Test
    void aFileWhoseRowsAllFailTheFiltersIsRefusedWithTheCounts() throws IOException {
        Path f = write(HEADER, "1,Male,Caucasian,3,,F,0,Low,0,3,0");
        assertThatThrownBy(() -> CompasFile.read(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("file '" + f + "': none of its 1 rows passes ProPublica's filters {"
                        + CompasFile.FILTER_DAYS + "=1, " + CompasFile.FILTER_RECID + "=0, " + CompasFile.FILTER_CHARGE
                        + "=0, " + CompasFile.FILTER_SCORE + "=0}");
    }

    @Test
    void aMissingFileSaysWhereItLookedAndHowToGetIt() {
        Path absent = dir.resolve("nowhere.csv");
        assertThatThrownBy(() -> run(absent, dir.resolve("out"))).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(absent.toString())
                .hasMessageContaining("https://github.com/propublica/compas-analysis")
                .hasMessageContaining("org.fairkit.examples.CompasAudit <file> [output-dir]");
    }

    // ---- helpers

    private Path fixture() throws IOException {
        return write(HEADER,
                "1,Male,African-American,9,0,F,1,High,0,9,1",          // kept: label 1, flagged
                "2,Female,Caucasian,2,-30,M,0,Low,0,2,0",              // kept: days at the lower bound
                "3,Female,African-American,5,30,F,0,Medium,1,5,0",     // kept: decile 5 is flagged
                "4,Male,Caucasian,4,-1,F,1,Low,2,4,1",                 // kept: decile 4 is not
                "5,Male,Caucasian,3,,F,0,Low,0,3,0",                   // days empty
                "6,Male,Caucasian,3,31,F,0,Low,0,3,0",                 // days above 30
                "7,Male,Caucasian,3,-31,F,0,Low,0,3,0",                // days below -30
                "8,Male,Caucasian,3,0,F,-1,Low,0,3,0",                 // is_recid -1
                "9,Male,Caucasian,3,0,O,0,Low,0,3,0",                  // charge O
                "10,Male,Caucasian,-1,0,F,0,N/A,0,-1,0");              // score N/A (its decile is not read)
    }

    private Path write(String header, String... rows) throws IOException {
        Path f = Files.createTempFile(dir, "compas", ".csv");
        StringBuilder b = new StringBuilder(header).append('\n');
        for (String r : rows) {
            b.append(r).append('\n');
        }
        Files.writeString(f, b, StandardCharsets.UTF_8);
        return f;
    }

    private static String run(Path csv, Path output) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        CompasAudit.run(csv, output, new PrintStream(buf, true, StandardCharsets.UTF_8));
        return buf.toString(StandardCharsets.UTF_8);
    }

    private static void checkMetricFrame(FairnessReport report, String feature, JsonNode frame) {
        Map<String, Metrics> metrics = new LinkedHashMap<>();
        metrics.put("count", Metrics.COUNT);
        metrics.put("selection_rate", Metrics.SELECTION_RATE);
        metrics.put("false_positive_rate", Metrics.FALSE_POSITIVE_RATE);
        metrics.put("false_negative_rate", Metrics.FALSE_NEGATIVE_RATE);
        assertThat(frame.get("by_group")).hasSize(report.groups().size());
        for (JsonNode g : frame.get("by_group")) {
            GroupKey key = GroupKey.of(feature, g.get("group").get(feature).asText());
            for (Map.Entry<String, Metrics> m : metrics.entrySet()) {
                assertThat(report.value(m.getValue(), key).value()).as(key + " " + m.getKey())
                        .isCloseTo(g.get("metrics").get(m.getKey()).asDouble(), within(TOLERANCE));
            }
        }
        for (Map.Entry<String, Metrics> m : metrics.entrySet()) {
            assertThat(report.overall(m.getValue()).value()).as("overall " + m.getKey())
                    .isCloseTo(frame.get("overall").get(m.getKey()).asDouble(), within(TOLERANCE));
        }
    }

    /** @return a file of {@code ../shared}; skips the test when it is absent */
    static Path shared(String relative) {
        return SharedFiles.file(relative);
    }

    private static JsonNode golden() {
        return SharedFiles.golden("compas.json");
    }
}
