package org.fairkit.orchestration.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one CSV reader read directly: raw records with their place in the file, and typed cells whose errors are
 * worded exactly as {@link CsvSource}'s (both read through {@link CsvTable}).
 */
class CsvTableTest {
    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    /**
     * A record whose last cell is quoted across lines 4-5 is on line 4, where that cell starts; a record whose first
     * cell spans lines 7-8 is on line 8, where it ends; a blank line is skipped.
     */
    void recordsKeepTheirCellsAsWrittenWithLineAndDataRow() throws IOException {
        CsvTable t = CsvTable.open(file("\uFEFF id , y,note\na,1,\" x, y \"\n\nb,0,\"two\nlines\"\nc,1,z\n"
                + "\"d\ne\",0,w\n"));
        assertThat(t.header()).containsExactly("id", "y", "note");
        List<String> seen = new ArrayList<>();
        long rows = t.forEach(r -> seen.add(r.dataRow() + "@" + r.line() + ":" + String.join("|", r.cells())));
        assertThat(rows).isEqualTo(4);
        assertThat(seen).containsExactly("1@2:a|1| x, y ", "2@4:b|0|two\nlines", "3@6:c|1|z", "4@8:d\ne|0|w");
    }

    @Test
    void typedCellsAreTrimmedAndChecked() throws IOException {
        CsvTable t = CsvTable.open(file("y,s,w,g\nyes,0.25, 2 , F \n"));
        int y = t.column("y", "label");
        int s = t.column("s", "score");
        int w = t.column("w", "weight");
        int g = t.column("g", "sensitive");
        t.forEach(r -> {
            assertThat(r.binary(y, BinaryValues.of("yes", "no"))).isEqualTo(1);
            assertThat(r.score(s)).isEqualTo(0.25);
            assertThat(r.weight(w)).isEqualTo(2.0);
            assertThat(r.level(g)).isEqualTo("F");
            assertThat(r.number(s)).isEqualTo(0.25);
            assertThat(r.cellsWith("x", "z")).containsExactly("yes", "0.25", " 2 ", " F ", "x", "z");
        });
    }

    private void cellFails(String content, String column, String kind, String message) throws IOException {
        Path f = file(content);
        CsvTable t = CsvTable.open(f);
        int c = t.column(column, kind);
        assertThatThrownBy(() -> t.forEach(r -> {
            switch (kind) {
                case "label" -> r.binary(c, BinaryValues.ZERO_ONE);
                case "score" -> r.score(c);
                case "weight" -> r.weight(c);
                case "feature" -> r.number(c);
                default -> r.level(c);
            }
        })).isInstanceOf(IllegalArgumentException.class).hasMessage(message.replace("FILE", f.toString()));
    }

    @Test
    void everyTypedCellHasTheOneWordingOfItsDomain() throws IOException {
        cellFails("y,g\n1,a\n2,b\n", "y", "label",
                "file 'FILE', line 3 (data row 2), column 'y': got '2'; expected 1 for [1] or 0 for [0]");
        cellFails("s,g\n0.5,a\n1e-3x,b\n", "s", "score",
                "file 'FILE', line 3 (data row 2), column 's': got '1e-3x'; expected a number in [0, 1]");
        cellFails("w,g\n1,a\n-0.5,b\n", "w", "weight",
                "file 'FILE', line 3 (data row 2), column 'w': got '-0.5'; expected a finite weight >= 0");
        cellFails("w,g\n1,a\n0.5d,b\n", "w", "weight",
                "file 'FILE', line 3 (data row 2), column 'w': got '0.5d'; expected a finite weight >= 0");
        cellFails("w,g\n1e308,a\n1e308,b\n", "w", "weight",
                "file 'FILE', line 3 (data row 2), column 'w': the weights sum past the largest number ("
                        + Double.MAX_VALUE + "); expected weights with a finite total (scale them down)");
        cellFails("x,g\n-1.5e3,a\n1e999,b\n", "x", "feature",
                "file 'FILE', line 3 (data row 2), column 'x': got '1e999'; expected a finite number");
        cellFails("x,g\n-1.5e3,a\nNaN,b\n", "x", "feature",
                "file 'FILE', line 3 (data row 2), column 'x': got 'NaN'; expected a finite number");
        cellFails("w,g\n1,a\n2,\n", "g", "sensitive",
                "file 'FILE', line 3 (data row 2), column 'g': got ''; expected a non-empty level");
    }

    @Test
    void fileErrorsAreWordedAsCsvSources() throws IOException {
        Path empty = file("");
        assertThatThrownBy(() -> CsvTable.open(empty)).hasMessage("file '" + empty + "' is empty; expected a header "
                + "line");
        Path dup = file("a,b,a\n1,2,3\n");
        assertThatThrownBy(() -> CsvTable.open(dup)).hasMessage("file '" + dup + "': column 'a' appears twice in the "
                + "header; expected distinct column names");
        Path noRows = file("a,b\n");
        assertThatThrownBy(() -> CsvTable.open(noRows).forEach(r -> { })).hasMessage("file '" + noRows + "' has a "
                + "header but no data rows; expected at least one row");
        Path cells = file("a,b\n1,2\n3\n");
        assertThatThrownBy(() -> CsvTable.open(cells).forEach(r -> { })).hasMessage("file '" + cells + "', line 3 "
                + "(data row 2): 1 cells; expected 2 (one per header column)");
        CsvTable t = CsvTable.open(file("a,b\n1,2\n"));
        assertThatThrownBy(() -> t.column("c", "label")).hasMessage("file '" + t.file() + "': column 'c' (label) is "
                + "missing; the header has [a, b]");
    }

    @Test
    void theWriterCopiesCellsAsGivenQuotingOnlyWhenItMust() throws IOException {
        StringWriter out = new StringWriter();
        try (var w = CsvTable.writer(out, List.of("id", "note"))) {
            w.write(new String[] {"=1", "a, b"});
            w.write(new String[] {"2", "plain"});
        }
        assertThat(out.toString()).isEqualTo("id,note\n=1,\"a, b\"\n2,plain\n");
    }
}
