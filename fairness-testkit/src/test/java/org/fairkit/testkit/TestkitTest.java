package org.fairkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.fairkit.testkit.contract.Perturbations;
import org.fairkit.testkit.contract.Tolerance;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class TestkitTest {
    @Test
    void csvTableReadsQuotedFieldsAndSkipsEmptyLines() {
        CsvTable t = CsvTable.parse("t.csv",
                "name,score,note,n\n\"Doe, Jane\",0.5,\"said \"\"hi\"\"\",3\n\nx,1,\"two\nlines\",4\n");
        assertThat(t.header()).containsExactly("name", "score", "note", "n");
        assertThat(t.rows()).isEqualTo(2);
        assertThat(t.strings("name")).containsExactly("Doe, Jane", "x");
        assertThat(t.strings("note")).containsExactly("said \"hi\"", "two\nlines");
        assertThat(t.doubles("score")).containsExactly(0.5, 1.0);
        assertThat(t.ints("n")).containsExactly(3, 4);
        assertThat(t.where("name", List.of("x")).strings("note")).containsExactly("two\nlines");
        assertThat(t.columns()).containsEntry("name", List.of("Doe, Jane", "x")).containsEntry("n", List.of("3", "4"));
    }

    @Test
    void csvTableKeepsTrailingEmptyFieldsAndNamesBadRecordsAndCells() {
        assertThat(CsvTable.parse("t.csv", "a,b\n1,\n").strings("b")).containsExactly("");
        assertThatThrownBy(() -> CsvTable.parse("t.csv", "a,b\n1,2,3\n"))
                .hasMessage("t.csv record 2 has 3 fields, the header 2");
        assertThatThrownBy(() -> CsvTable.parse("t.csv", "a,b\n1,x\n").ints("b"))
                .hasMessage("t.csv column 'b' data row 1 is not an int: 'x'");
        assertThatThrownBy(() -> CsvTable.parse("t.csv", "a,b\n1,x\n").strings("c"))
                .hasMessage("no column 'c' in t.csv; columns are [a, b]");
    }

    @Test
    void markdownCutsSectionsBlocksAndCodeLines() {
        Markdown md = Markdown.of("# T\n## One\ntext\n```java\nint a = 1; // comment\n\n```\n### Sub\n```bash\nls\n```\n"
                + "## Two\n<!-- output: Demo -->\n```text\nx\n...\n```\n```java\nint b = 2;\n```\n");
        assertThat(md.section("## One").text()).startsWith("## One\n").endsWith("ls\n```").doesNotContain("Two");
        assertThat(md.section("## One").codeLines("java")).containsExactly("int a = 1;");
        assertThat(md.codeLines("java")).containsExactly("int a = 1;", "int b = 2;");
        assertThat(md.sections(List.of("## Two")).codeLines("java")).containsExactly("int b = 2;");
        assertThat(md.blocks("bash")).containsExactly("ls\n");
        assertThat(md.outputBlocks("Demo")).containsExactly(List.of("x", "..."));
        assertThat(md.before("## Two").text()).doesNotContain("int b");
        assertThat(Markdown.normalize("  a;\n\n   b;  \n")).isEqualTo("a;\nb;\n");
        assertThatThrownBy(() -> md.section("## Three")).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> md.sections(List.of("## Three"))).isInstanceOf(AssertionError.class);
    }

    @Test
    void testSourceFindsThisFileAndTheTextBetweenMarkers() {
        TestSource self = TestSource.of(TestkitTest.class);
        // marker a start
        int x = 1;
        // marker a end
        assertThat(self.between("// marker a" + " start", "// marker a" + " end").strip()).isEqualTo("int x = 1;");
        assertThat(x).isEqualTo(1);
    }

    @Test
    void sharedFilesSkipsWhenAFileIsAbsent() {
        assertThatThrownBy(() -> SharedFiles.file("no-such-folder/no-such-file.json"))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining(SharedFiles.SKIP_MESSAGE)
                .hasMessageContaining("no-such-file.json is missing");
    }

    @Test
    void goldenNumbersDecodeNonFiniteStrings() throws Exception {
        var n = new ObjectMapper().readTree("[1.5, \"NaN\", \"Infinity\", \"-Infinity\"]");
        assertThat(GoldenJson.doubles(n)).containsExactly(1.5, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> GoldenJson.number(n.get(5))).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> GoldenJson.number(new ObjectMapper().readTree("\"1.5\"")))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void tolerancesCompareAsDeclared() {
        Tolerance.exact().assertClose(0.1 + 0.2, 0.1 + 0.2, "same");
        assertThatThrownBy(() -> Tolerance.exact().assertClose(0.1 + 0.2, 0.3, "sum")).isInstanceOf(AssertionError.class);
        Tolerance.absolute(1e-12).assertClose(0.1 + 0.2, 0.3, "sum");
        assertThat(Tolerance.absolute(0).isExact()).isTrue();
        Tolerance.relative(1e-12).assertClose(1e6 + 1e-7, 1e6, "large");
        assertThatThrownBy(() -> Tolerance.relative(1e-12).assertClose(1e-10, 0, "small"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void perturbationsArePermutationsAndBijections() {
        assertThat(Perturbations.shuffledOrder(10, 3)).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(Perturbations.shuffledOrder(10, 3)).isEqualTo(Perturbations.shuffledOrder(10, 3));
        Map<String, String> r = Perturbations.randomRelabeling(List.of("a", "b", "c"), 5);
        assertThat(r.keySet()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(r.values()).containsExactlyInAnyOrder("g0", "g1", "g2");
        assertThat(Perturbations.ones(3)).containsExactly(1.0, 1.0, 1.0);
    }
}
