package org.fairkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.fairkit.core.FairnessReport;
import org.fairkit.orchestration.io.CsvSource;
import org.fairkit.orchestration.io.ReportJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both benchmarked CSV paths give the same report. */
class CsvStreamingBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void streamedAndLoadedReportsAgree() throws IOException {
        CsvSource source = CsvSource.of(CsvStreamingBenchmark.write(dir.resolve("p.csv"), 20_000, 7),
                CsvStreamingBenchmark.COLUMNS);
        FairnessReport loaded = CsvStreamingBenchmark.loaded(source);
        FairnessReport streamed = CsvStreamingBenchmark.streamed(source, loaded.results().spec());
        var a = ReportJson.toTree(loaded);
        var b = ReportJson.toTree(streamed);
        a.remove("provenance");
        b.remove("provenance");
        assertThat(b).isEqualTo(a);
        assertThat(streamed.groups()).hasSize(10);
    }
}
