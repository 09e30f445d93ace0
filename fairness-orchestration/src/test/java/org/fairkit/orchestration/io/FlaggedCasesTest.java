package org.fairkit.orchestration.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.tally.Cell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Flagged Cases file: the disadvantaged error cells as defined, the decision-change reason, exact content. */
class FlaggedCasesTest {
    @TempDir
    Path dir;

    /**
     * Rows 1-6 group A (FNR 1/3, FPR 1/3), rows 7-12 group B (FNR 2/3, FPR 2/3), rows 13-18 group C (no errors).
     * B's false negatives are rows 7 and 8, its false positives rows 10 and 11.
     */
    static final int[] LABELS = {1, 1, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0};
    static final int[] PREDICTIONS = {1, 1, 0, 0, 0, 1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0};
    static final String[] RACE = {"A", "A", "A", "A", "A", "A", "B", "B", "B", "B", "B", "B", "C", "C", "C", "C",
        "C", "C"};

    static FairnessData data() {
        return FairnessData.builder().labels(LABELS).predictions(PREDICTIONS).sensitive("race", RACE).build();
    }

    @Test
    void theGroupWithTheLargestExcessErrorRateOverTheReferenceIsFlaggedExactly() throws IOException {
        FairnessReport r = Fairness.of(data()).groupBy("race").reference("A").evaluate();
        FlaggedCases f = FlaggedCases.of(List.of(r)).build();
        assertThat(f.errorCells()).extracting(FlaggedCases.ErrorCell::group, FlaggedCases.ErrorCell::cell)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(GroupKey.of("race", "B"), Cell.FN),
                        org.assertj.core.groups.Tuple.tuple(GroupKey.of("race", "B"), Cell.FP));
        StringWriter out = new StringWriter();
        assertThat(f.write(RowSource.of(data()), out)).isEqualTo(4);
        String fn = "\"false negative in race=B, the group with the highest false negative rate (0.6667 vs 0.3333 for "
                + "the reference race=A)\"";
        String fp = "\"false positive in race=B, the group with the highest false positive rate (0.6667 vs 0.3333 for "
                + "the reference race=A)\"";
        assertThat(out.toString()).isEqualTo(String.join("\n",
                "row,id,race,label,prediction,score,reasons,explanations",
                "7,,B,1,0,,disadvantaged_false_negative," + fn,
                "8,,B,1,0,,disadvantaged_false_negative," + fn,
                "10,,B,0,1,,disadvantaged_false_positive," + fp,
                "11,,B,0,1,,disadvantaged_false_positive," + fp, ""));
    }

    @Test
    void withoutAReferenceTheBaselineIsAllRowsAndAMinimumGapCanSilenceSmallExcesses() {
        FairnessReport r = Fairness.of(data()).groupBy("race").evaluate();
        List<FlaggedCases.ErrorCell> cells = FlaggedCases.disadvantagedCells(r, 0);
        assertThat(cells).hasSize(2).allSatisfy(c -> {
            assertThat(c.group()).isEqualTo(GroupKey.of("race", "B"));
            assertThat(c.baselineName()).isEqualTo("all rows");
            assertThat(c.baseline()).isEqualTo(1.0 / 3);
        });
        assertThat(FlaggedCases.disadvantagedCells(r, 0.34)).isEmpty();
        assertThat(FlaggedCases.disadvantagedCells(r, 0.33)).hasSize(2);
    }

    @Test
    void tiedWorstGroupsAreAllFlaggedAndSmallGroupsNever() {
        // Two copies of B's pattern under different names: both are worst.
        String[] race = RACE.clone();
        for (int i = 12; i < 18; i++) {
            race[i] = "D";
        }
        int[] p = PREDICTIONS.clone();
        System.arraycopy(PREDICTIONS, 6, p, 12, 6);
        FairnessData d = FairnessData.builder().labels(LABELS).predictions(p).sensitive("race", race).build();
        FairnessReport r = Fairness.of(d).groupBy("race").reference("A").evaluate();
        assertThat(FlaggedCases.disadvantagedCells(r, 0)).extracting(FlaggedCases.ErrorCell::group)
                .containsExactly(GroupKey.of("race", "B"), GroupKey.of("race", "D"), GroupKey.of("race", "B"),
                        GroupKey.of("race", "D"));
        FairnessReport small = Fairness.of(d).groupBy("race").reference("A").minGroupSize(7).evaluate();
        assertThat(FlaggedCases.disadvantagedCells(small, 0)).isEmpty();
    }

    @Test
    void decisionChangesAreFlaggedWithBothReasonsAndIdsFromACsvFile() throws IOException {
        StringBuilder csv = new StringBuilder("id,y,p,race\n");
        for (int i = 0; i < LABELS.length; i++) {
            csv.append("case-").append(i + 1).append(',').append(LABELS[i]).append(',').append(PREDICTIONS[i])
                    .append(',').append(RACE[i]).append('\n');
        }
        Path file = Files.writeString(dir.resolve("cases.csv"), csv);
        CsvSource src = CsvSource.of(file, CsvColumns.builder().id("id").label("y").prediction("p").sensitive("race")
                .build());
        FairnessReport r = Fairness.of(src.load()).groupBy("race").reference("A").evaluate();
        // Approves every actual positive of B: rows 7 and 8 change 0 -> 1.
        DecisionChange fix = DecisionChange.of("test post-processor",
                row -> row.sensitive().get("race").equals("B") && row.label() == 1 ? 1 : row.prediction());
        StringWriter out = new StringWriter();
        long n = FlaggedCases.of(List.of(r)).decisionChange(fix).build().write(RowSource.of(src), out);
        assertThat(n).isEqualTo(4);
        String[] lines = out.toString().split("\n");
        assertThat(lines[1]).startsWith("7,case-7,B,1,0,,disadvantaged_false_negative;decision_change,")
                .endsWith(" | decision changes from 0 to 1 under test post-processor\"");
        assertThat(lines[3]).startsWith("10,case-10,B,0,1,,disadvantaged_false_positive,");
    }

    @Test
    void aDecisionChangeMustReturn0Or1() {
        FairnessReport r = Fairness.of(data()).groupBy("race").evaluate();
        FlaggedCases f = FlaggedCases.of(List.of(r)).decisionChange(DecisionChange.of("broken", row -> 2)).build();
        assertThatThrownBy(() -> f.write(RowSource.of(data()), new StringWriter()))
                .hasMessage("decision change 'broken', row 1: got 2; expected 0 or 1");
    }
}
