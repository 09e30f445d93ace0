package org.fairkit.orchestration.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fairkit.core.FairnessData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every CSV input error names the file, the line, the 1-based data row and the column, in fixed words. */
class CsvErrorsTest {
    @TempDir
    Path dir;

    private static final CsvColumns COLUMNS = CsvColumns.builder().id("id").label("y").prediction("p").score("s")
            .weight("w").sensitive("race").build();

    private Path file(String content) throws IOException {
        Path f = dir.resolve("in.csv");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    private void fails(String content, String message) throws IOException {
        Path f = file(content);
        assertThatThrownBy(() -> CsvSource.of(f, COLUMNS).load()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message.replace("FILE", f.toString()));
        assertThatThrownBy(() -> CsvSource.of(f, COLUMNS).stream(List.of(List.of("race")), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message.replace("FILE", f.toString()));
    }

    @Test
    void aMissingColumnIsNamedWithItsRoleAndTheHeader() throws IOException {
        fails("id,y,p,s,race\n1,1,1,0.5,A\n",
                "file 'FILE': column 'w' (weight) is missing; the header has [id, y, p, s, race]");
    }

    @Test
    void aBadLabelCellNamesLineDataRowColumnAndTheExpectedValues() throws IOException {
        fails("id,y,p,s,w,race\n1,1,1,0.5,1,A\n2,yes,1,0.5,1,A\n",
                "file 'FILE', line 3 (data row 2), column 'y': got 'yes'; expected 1 for [1] or 0 for [0]");
    }

    @Test
    void aBadPredictionCellIsNamed() throws IOException {
        fails("id,y,p,s,w,race\n1,1,2,0.5,1,A\n",
                "file 'FILE', line 2 (data row 1), column 'p': got '2'; expected 1 for [1] or 0 for [0]");
    }

    @Test
    void scoresMustBeNumbersInTheUnitInterval() throws IOException {
        fails("id,y,p,s,w,race\n1,1,1,high,1,A\n",
                "file 'FILE', line 2 (data row 1), column 's': got 'high'; expected a number in [0, 1]");
        fails("id,y,p,s,w,race\n1,1,1,1.5,1,A\n",
                "file 'FILE', line 2 (data row 1), column 's': got '1.5'; expected a number in [0, 1]");
        fails("id,y,p,s,w,race\n1,1,1,NaN,1,A\n",
                "file 'FILE', line 2 (data row 1), column 's': got 'NaN'; expected a number in [0, 1]");
    }

    @Test
    void weightsMustBeFiniteAndNonNegative() throws IOException {
        fails("id,y,p,s,w,race\n1,1,1,0.5,-1,A\n",
                "file 'FILE', line 2 (data row 1), column 'w': got '-1'; expected a finite weight >= 0");
        fails("id,y,p,s,w,race\n1,1,1,0.5,Infinity,A\n",
                "file 'FILE', line 2 (data row 1), column 'w': got 'Infinity'; expected a finite weight >= 0");
        fails("id,y,p,s,w,race\n1,1,1,0.5,,A\n",
                "file 'FILE', line 2 (data row 1), column 'w': got ''; expected a finite weight >= 0");
    }

    @Test
    void anEmptySensitiveCellIsAnError() throws IOException {
        fails("id,y,p,s,w,race\n1,1,1,0.5,1, \n",
                "file 'FILE', line 2 (data row 1), column 'race': got ' '; expected a non-empty level");
    }

    @Test
    void aRecordWithTheWrongNumberOfCellsIsNamed() throws IOException {
        fails("id,y,p,s,w,race\n1,1,1,0.5,1,A\n2,1,1,0.5,1\n",
                "file 'FILE', line 3 (data row 2): 5 cells; expected 6 (one per header column)");
    }

    @Test
    void lineNumbersCountHeaderBlankLinesAndQuotedLineBreaksWhileDataRowsCountRecords() throws IOException {
        // Data row 2 spans lines 3-4 (a quoted id with a line break); a blank line 5 is skipped; data row 3 is on
        // line 6 and is bad.
        fails("id,y,p,s,w,race\n1,1,1,0.5,1,A\n\"two\nlines\",0,0,0.1,1,B\n\n3,0,9,0.1,1,B\n",
                "file 'FILE', line 6 (data row 3), column 'p': got '9'; expected 1 for [1] or 0 for [0]");
    }

    @Test
    void anEmptyFileAndAHeaderWithoutRowsAreErrors() throws IOException {
        fails("", "file 'FILE' is empty; expected a header line");
        fails("id,y,p,s,w,race\n", "file 'FILE' has a header but no data rows; expected at least one row");
    }

    @Test
    void aDuplicatedMappedColumnIsAnError() throws IOException {
        fails("id,y,p,s,w,race,y\n1,1,1,0.5,1,A,1\n",
                "file 'FILE': column 'y' appears twice in the header; expected distinct column names");
    }

    @Test
    void malformedCsvNamesTheLine() throws IOException {
        Path f = file("id,y,p,s,w,race\n1,1,1,0.5,1,\"A\n");
        assertThatThrownBy(() -> CsvSource.of(f, COLUMNS).load()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("file '" + f + "', line ").hasMessageContaining("not valid CSV");
    }

    @Test
    void valueMappingTurnsLabelsLikeAdultIncomeInto01AndTrimsCells() throws IOException {
        Path f = file("\uFEFFincome,pred,sex\n >50K ,1,F\n<=50K,0,M\n>50K.,0,F\n");
        CsvColumns c = CsvColumns.builder().label("income")
                .labelValues(BinaryValues.of(List.of(">50K", ">50K."), List.of("<=50K", "<=50K.")))
                .prediction("pred").sensitive("sex").build();
        FairnessData d = CsvSource.of(f, c).load();
        assertThat(List.of(d.label(0), d.label(1), d.label(2))).containsExactly(1, 0, 1);
        assertThat(d.sensitive("sex").levels()).containsExactly("F", "M");
        assertThatThrownBy(() -> CsvSource.of(file("income,pred,sex\n50K,1,F\n"), c).load())
                .hasMessageEndingWith("column 'income': got '50K'; expected 1 for [>50K, >50K.] or 0 for [<=50K, <=50K.]");
    }

    @Test
    void rowsCarryIdsDataRowsAndLines() throws IOException {
        Path f = file("id,y,p,s,w,race\na,1,1,0.5,2,A\n\nb,0,1,0.25,1,B\n");
        List<CsvRow> rows = new ArrayList<>();
        CsvSource.ReadSummary summary = CsvSource.of(f, COLUMNS).forEachRow(rows::add);
        assertThat(summary.rows()).isEqualTo(2);
        assertThat(rows).containsExactly(
                new CsvRow(1, 2, java.util.Optional.of("a"), 1, 1, 0.5, 2.0, List.of("A")),
                new CsvRow(2, 4, java.util.Optional.of("b"), 0, 1, 0.25, 1.0, List.of("B")));
    }

    @Test
    void mappingErrorsAreClear() {
        assertThatThrownBy(() -> CsvColumns.builder().label("y").prediction("y").sensitive("r").build())
                .hasMessage("column 'y' cannot be both label and prediction");
        assertThatThrownBy(() -> CsvColumns.builder().label("y").prediction("p").build())
                .hasMessage("at least one sensitive column is required; set it with sensitive(...)");
        assertThatThrownBy(() -> CsvColumns.builder().label("y").label("z"))
                .hasMessage("label is already set; each setting is set once");
        assertThatThrownBy(() -> BinaryValues.of("yes", "yes")).hasMessage("'yes' cannot mean both 1 and 0");
    }
}
