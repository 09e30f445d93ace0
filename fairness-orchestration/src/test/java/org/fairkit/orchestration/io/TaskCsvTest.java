package org.fairkit.orchestration.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fairkit.core.multiclass.MulticlassData;
import org.fairkit.core.ranking.Ranking;
import org.fairkit.core.regression.RegressionData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rows of regression, ranking and multiclass audits read from CSV, with every error in the CSV wording. */
class TaskCsvTest {
    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    private static final CsvTable.RecordVisitor NONE = r -> { };

    @Test
    void regressionReadsTargetsPredictionsWeightsAndEverySensitiveColumn() throws IOException {
        Path f = file("sex,y,p,w,band\nF, 1.5 ,2,1,a\nM,-3,1e1,0.5,b\n");
        List<Long> seen = new ArrayList<>();
        RegressionData d = TaskCsv.regression(f, "y", "p", Optional.of("w"), List.of("sex", "band"),
                r -> seen.add(r.dataRow()));
        assertThat(seen).containsExactly(1L, 2L);
        assertThat(d.rows()).isEqualTo(2);
        assertThat(d.target(0)).isEqualTo(1.5);
        assertThat(d.prediction(1)).isEqualTo(10.0);
        assertThat(d.hasWeights()).isTrue();
        assertThat(d.weight(1)).isEqualTo(0.5);
        assertThat(d.sensitiveNames()).containsExactly("sex", "band");
        RegressionData unweighted = TaskCsv.regression(f, "y", "p", Optional.empty(), List.of("sex"), NONE);
        assertThat(unweighted.hasWeights()).isFalse();
    }

    @Test
    void regressionErrorsNameTheFileLineRowAndColumn() throws IOException {
        Path f = file("sex,y,p\nF,1,2\nM,NaN,1\n");
        assertThatThrownBy(() -> TaskCsv.regression(f, "y", "p", Optional.empty(), List.of("sex"), NONE))
                .hasMessage("file '" + f + "', line 3 (data row 2), column 'y': got 'NaN'; expected a finite number");
        assertThatThrownBy(() -> TaskCsv.regression(f, "target", "p", Optional.empty(), List.of("sex"), NONE))
                .hasMessage("file '" + f + "': column 'target' (target) is missing; the header has [sex, y, p]");
        assertThatThrownBy(() -> TaskCsv.regression(f, "y", "p", Optional.empty(), List.of(), NONE))
                .hasMessage("no sensitive column; expected at least one");
        Path g = file("sex,y,p\n ,1,2\n");
        assertThatThrownBy(() -> TaskCsv.regression(g, "y", "p", Optional.empty(), List.of("sex"), NONE))
                .hasMessage("file '" + g + "', line 2 (data row 1), column 'sex': got ''; expected a non-empty level");
    }

    @Test
    void multiclassLabelsThatAreAllWholeNumbersSortAsNumbers() throws IOException {
        Path f = file("g,y,p,w\na,10,2,1\nb,2,1,2\na,1,10,1\n");
        MulticlassData d = TaskCsv.multiclass(f, "y", "p", Optional.of("w"), List.of("g"), NONE);
        assertThat(d.classes()).containsExactly("1", "2", "10");
        Path t = file("g,y,p\na,cat,dog\nb,dog, cat \na,2,cat\n");
        MulticlassData text = TaskCsv.multiclass(t, "y", "p", Optional.empty(), List.of("g"), NONE);
        assertThat(text.classes()).containsExactly("2", "cat", "dog");
        assertThat(text.prediction(1)).isEqualTo("cat");
        Path e = file("g,y,p\na,cat,\n");
        assertThatThrownBy(() -> TaskCsv.multiclass(e, "y", "p", Optional.empty(), List.of("g"), NONE))
                .hasMessage("file '" + e + "', line 2 (data row 1), column 'p': got ''; expected a non-empty class "
                        + "label");
    }

    @Test
    void rankingsAreOnePerQueryInTheOrderTheyFirstAppear() throws IOException {
        Path f = file("q,g,r,u\nx,a,2,1\ny,b,1,0\nx,b,1,0.5\ny,a,+2,2\n");
        TaskCsv.Rankings rs = TaskCsv.rankings(f, TaskCsv.RankingColumns.ranked(Optional.of("q"), "r",
                Optional.of("u"), List.of("g")), NONE);
        assertThat(rs.rows()).isEqualTo(4);
        assertThat(rs.queries()).extracting(TaskCsv.Query::id).containsExactly("x", "y");
        TaskCsv.Query x = rs.queries().get(0);
        assertThat(x.items()).isEqualTo(2);
        assertThat(x.positions()).containsExactly(2, 1);
        assertThat(x.relevance()).containsExactly(1.0, 0.5);
        Ranking r = x.ranking(List.of("g"));
        assertThat(r.items()).isEqualTo(2);
        assertThat(r.firstPosition(0)).isEqualTo(2);
        assertThat(r.relevance(1)).isCloseTo(0.5, within(0.0));
        assertThat(rs.queries().get(1).positions()).containsExactly(1, 2);
        assertThatThrownBy(() -> x.ranking(List.of("sex")))
                .hasMessage("column 'sex' was not read as sensitive; read: [g]");
    }

    @Test
    void aFileWithoutQueryColumnIsOneRankingPlacedByScores() throws IOException {
        Path f = file("g,s\na,0.5\nb,0.9\na,0.5\n");
        TaskCsv.Rankings rs = TaskCsv.rankings(f, TaskCsv.RankingColumns.scored(Optional.empty(), "s",
                Optional.empty(), List.of("g")), NONE);
        assertThat(rs.queries()).hasSize(1);
        TaskCsv.Query q = rs.queries().get(0);
        assertThat(q.id()).isEmpty();
        assertThat(q.positions()).isNull();
        assertThat(q.relevance()).isNull();
        Ranking r = q.ranking(List.of("g"));
        assertThat(r.firstPosition(1)).isEqualTo(1);
        // The two 0.5 scores are tied over positions 2 and 3.
        assertThat(r.firstPosition(0)).isEqualTo(2);
        assertThat(r.lastPosition(2)).isEqualTo(3);
    }

    @Test
    void ranksMustBeOneToNOncePerQuery() throws IOException {
        Path gap = file("q,g,r\nx,a,1\nx,b,3\n");
        TaskCsv.RankingColumns c = TaskCsv.RankingColumns.ranked(Optional.of("q"), "r", Optional.empty(),
                List.of("g"));
        assertThatThrownBy(() -> TaskCsv.rankings(gap, c, NONE)).hasMessage("file '" + gap + "', line 3 (data row "
                + "2), column 'r': got '3'; expected a rank in 1..2 (query 'x' has 2 items, each rank used once)");
        Path twice = file("q,g,r\nx,a,1\ny,a,1\nx,b, 1\n");
        assertThatThrownBy(() -> TaskCsv.rankings(twice, c, NONE)).hasMessage("file '" + twice + "', line 4 (data "
                + "row 3), column 'r': got ' 1'; expected a rank not used before in query 'x' (ranks 1..2, each used "
                + "once)");
        Path one = file("g,r\na,2\n");
        assertThatThrownBy(() -> TaskCsv.rankings(one, TaskCsv.RankingColumns.ranked(Optional.empty(), "r",
                Optional.empty(), List.of("g")), NONE)).hasMessage("file '" + one + "', line 2 (data row 1), column "
                        + "'r': got '2'; expected a rank in 1..1 (the ranking has 1 item, each rank used once)");
        for (String bad : new String[] {"0", "1.0", "-1", "one", "1e0", "9999999999"}) {
            Path f = file("g,r\na," + bad + "\n");
            assertThatThrownBy(() -> TaskCsv.rankings(f, TaskCsv.RankingColumns.ranked(Optional.empty(), "r",
                    Optional.empty(), List.of("g")), NONE)).as(bad).hasMessage("file '" + f + "', line 2 (data row "
                            + "1), column 'r': got '" + bad + "'; expected a whole number >= 1 (a rank, 1 = top)");
        }
        Path rel = file("g,r,u\na,1,-0.5\n");
        assertThatThrownBy(() -> TaskCsv.rankings(rel, TaskCsv.RankingColumns.ranked(Optional.empty(), "r",
                Optional.of("u"), List.of("g")), NONE)).hasMessage("file '" + rel + "', line 2 (data row 1), column "
                        + "'u': got '-0.5'; expected a finite relevance >= 0");
    }

    @Test
    void aRankingIsPlacedByRankOrByScoreNotBoth() {
        assertThatThrownBy(() -> new TaskCsv.RankingColumns(Optional.empty(), Optional.of("r"), Optional.of("s"),
                Optional.empty(), List.of("g"))).hasMessage("a ranking is placed by a rank column or a score column: "
                        + "give exactly one, got both");
        assertThatThrownBy(() -> new TaskCsv.RankingColumns(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of("g"))).hasMessage("a ranking is placed by a rank column or a score column: "
                        + "give exactly one, got neither");
    }
}
