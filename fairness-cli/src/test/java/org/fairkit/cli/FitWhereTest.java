package org.fairkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fairkit.orchestration.io.CsvTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitWhereTest {
    private static CsvTable table(Path dir) throws IOException {
        Path f = dir.resolve("rows.csv");
        Files.writeString(f, "x,split\n1,train\n2,test\n3,train\n4,\n", StandardCharsets.UTF_8);
        return CsvTable.open(f);
    }

    private static FitWhere of(String condition) {
        FitWhere w = new FitWhere();
        w.condition = condition;
        return w;
    }

    @Test
    void selectsTheRowsWithTheValueExactly(@TempDir Path tmp) throws IOException {
        assertThat(of("split=train").fitRows(table(tmp))).containsExactly(true, false, true, false);
        assertThat(of("split=").fitRows(table(tmp))).containsExactly(false, false, false, true);
        assertThat(of("split=test").column()).isEqualTo("split");
    }

    @Test
    void withoutTheOptionEveryRowFits(@TempDir Path tmp) throws IOException {
        FitWhere none = new FitWhere();
        assertThat(none.present()).isFalse();
        assertThat(none.fitRows(table(tmp))).containsExactly(true, true, true, true);
    }

    @Test
    void refusesWhatCannotSplitTheRows(@TempDir Path tmp) throws IOException {
        CsvTable t = table(tmp);
        assertThatThrownBy(() -> of("split").fitRows(t)).isInstanceOf(CliException.class)
                .hasMessageContaining("got 'split'; expected COLUMN=VALUE");
        assertThatThrownBy(() -> of("=train").fitRows(t)).hasMessageContaining("expected COLUMN=VALUE");
        assertThatThrownBy(() -> of("fold=train").fitRows(t)).hasMessageContaining("fold");
        assertThatThrownBy(() -> of("split=valid").fitRows(t)).hasMessageContaining("nothing to fit on");
        assertThatThrownBy(() -> of("x=9").fitRows(t)).hasMessageContaining("no row of");
    }

    @Test
    void refusesASplitThatLeavesNothingToEvaluate(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("all.csv");
        Files.writeString(f, "x,split\n1,train\n2,train\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> of("split=train").fitRows(CsvTable.open(f)))
                .hasMessageContaining("nothing is left to evaluate on");
    }
}
