package org.fairkit.orchestration.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.datasets.SyntheticLending;
import org.junit.jupiter.api.Test;

/** The Metrics Export's CSV is pinned for the fixture; its JSON holds the same records. */
class MetricsExportTest {

    @Test
    void fixtureCsvIsExactlyTheDocumentedTable() throws IOException {
        StringWriter out = new StringWriter();
        MetricsExport.writeCsv(List.of(ReportJsonTest.fixtureReport()), out);
        assertThat(out.toString()).isEqualTo(String.join("\n",
                "grouping,kind,metric,group,count,value,undefined_reason,lower,upper,level,interval_method",
                "race,group_value,selection_rate,A,4,0.5,,0.25,0.75,0.95,fixed",
                "race,group_value,selection_rate,B,3,0.3333333333333333,,,,,",
                "race,overall_value,selection_rate,,7,0.42857142857142855,,,,,",
                "race,difference,selection_rate,,7,0.16666666666666669,,,,,",
                "race,ratio,selection_rate,,7,0.6666666666666666,,,,,",
                "race,difference_to_overall,selection_rate,,7,0.09523809523809523,,,,,",
                "race,ratio_to_overall,selection_rate,,7,0.7777777777777778,,,,,",
                "race,reference_difference,selection_rate,B,3,-0.16666666666666669,,,,,",
                "race,reference_ratio,selection_rate,B,3,0.6666666666666666,,,,,",
                "race,group_value,true_positive_rate,A,4,0.5,,,,,",
                "race,group_value,true_positive_rate,B,3,,no positives (TP + FN = 0),,,,",
                "race,overall_value,true_positive_rate,,7,0.5,,,,,",
                "race,difference,true_positive_rate,,7,,\"needs at least two groups with a defined value, has 1\",,,,",
                "race,ratio,true_positive_rate,,7,,\"needs at least two groups with a defined value, has 1\",,,,",
                "race,difference_to_overall,true_positive_rate,,7,0.0,,,,,",
                "race,ratio_to_overall,true_positive_rate,,7,1.0,,,,,",
                "race,reference_difference,true_positive_rate,B,3,,true_positive_rate is undefined: no positives (TP + FN = 0),,,,",
                "race,reference_ratio,true_positive_rate,B,3,,true_positive_rate is undefined: no positives (TP + FN = 0),,,,",
                "race,fairness_metric,demographic_parity_difference,,7,0.16666666666666669,,,,,",
                "race,fairness_metric,statistical_parity_difference,,7,-0.16666666666666669,,,,,",
                "race,fairness_comparison,statistical_parity_difference,B,3,-0.16666666666666669,,,,,", ""));
    }

    @Test
    void jsonHoldsTheSameRecordsAsTheCsvForSeveralGroupings() throws IOException {
        var data = SyntheticLending.generate(2000, 3);
        List<FairnessReport> reports = List.of(
                Fairness.of(data).groupBy("ethnicity").reference("Group A").clock(ReportJsonTest.CLOCK).evaluate(),
                Fairness.of(data).groupBy("ethnicity", "sex").clock(ReportJsonTest.CLOCK).evaluate());
        List<MetricsExport.Record> records = MetricsExport.records(reports);
        StringWriter json = new StringWriter();
        MetricsExport.writeJson(reports, json);
        JsonNode tree = new ObjectMapper().readTree(json.toString());
        assertThat(tree.get("schema").asText()).isEqualTo(MetricsExport.SCHEMA);
        assertThat(tree.get("records")).hasSize(records.size());
        for (int i = 0; i < records.size(); i++) {
            MetricsExport.Record r = records.get(i);
            JsonNode n = tree.get("records").get(i);
            assertThat(n.get("grouping").asText()).isEqualTo(r.grouping());
            assertThat(n.get("kind").asText()).isEqualTo(r.kind());
            assertThat(n.get("metric").asText()).isEqualTo(r.metric());
            assertThat(n.get("group").asText()).isEqualTo(r.group());
            assertThat(n.get("count").asLong()).isEqualTo(r.count());
            assertThat(n.get("value").isNull()).isEqualTo(!r.value().isDefined());
            if (r.value().isDefined()) {
                assertThat(n.get("value").asDouble()).isEqualTo(r.value().value());
            }
        }
        StringWriter csv = new StringWriter();
        MetricsExport.writeCsv(reports, csv);
        assertThat(csv.toString().split("\n")).hasSize(records.size() + 1);
        assertThat(records).anySatisfy(r -> assertThat(r.grouping()).isEqualTo("ethnicity x sex"));
        assertThat(records).anySatisfy(r -> {
            assertThat(r.kind()).isEqualTo("reference_difference");
            assertThat(r.metric()).isEqualTo("selection_rate");
            assertThat(r.group()).isEqualTo("Group B");
        });
    }
}
