package org.fairkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A streamed {@code audit} (no intervals, no score metrics) reads a plain CSV file straight from its bytes
 * ({@code PlainCsv}); on anything else, and on every bad input, the streaming reader reads the file from the start, so
 * the report is the same and every error is worded exactly as before: file, file line, data row, column and cell.
 */
class AuditPlainCsvTest {
    private static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    private Path csv(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    private static Cli.Result audit(Path f, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("audit", "--data", f.toString(), "--label", "y",
                "--prediction", "p", "--sensitive", "g"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(new String[0]));
    }

    private void says(String content, String message, String... extra) throws IOException {
        Path f = csv("in.csv", content);
        Cli.Result r = audit(f, extra);
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).isEqualTo("fairkit audit: error: " + message.replace("FILE", f.toString()) + NL);
    }

    @Test
    void quotedCellsGiveTheReportOfTheSameRowsUnquoted() throws IOException {
        String rows = "1,1,a\n0,1,b\n1,0,a\n0,0,b\n1,1,b\n";
        Path plain = csv("plain.csv", "y,p,g\n" + rows);
        Path quoted = csv("quoted.csv", "\"y\",p,g\r\n" + rows.replace(",a\n", ",\"a\"\r\n"));
        Cli.Result a = audit(plain, "--format", "json");
        Cli.Result b = audit(quoted, "--format", "json");
        assertThat(a.code()).as(a.toString()).isZero();
        assertThat(b.code()).as(b.toString()).isZero();
        assertThat(json(b.out(), quoted)).isEqualTo(json(a.out(), plain));
        assertThat(audit(quoted).out()).isEqualTo(audit(plain).out());
    }

    /** The JSON without what names the file: its path, and its own SHA-256 (the rows' fingerprint stays). */
    private static String json(String out, Path file) {
        return out.replace(file.toString(), "FILE").replace(file.getFileName().toString(), "NAME")
                .replaceAll("\"input_file_sha256\" ?: ?\"[0-9a-f]{64}\"", "");
    }

    @Test
    void aBadLabelIsNamedByFileLineDataRowAndColumn() throws IOException {
        says("y,p,g\n1,1,a\n\n2,0,b\n",
                "file 'FILE', line 4 (data row 2), column 'y': got '2'; expected 1 for [1] or 0 for [0]");
    }

    @Test
    void aBadPredictionAfterAQuotedCellIsNamedAlike() throws IOException {
        says("y,p,g\n1,1,\"a\"\n1,maybe,b\n",
                "file 'FILE', line 3 (data row 2), column 'p': got 'maybe'; expected 1 for [1] or 0 for [0]");
    }

    @Test
    void anEmptyLevelIsNamedWithItsCellAsWritten() throws IOException {
        says("y,p,g\r\n1,1,a\r\n1,0,  \r\n", "file 'FILE', line 3 (data row 2), column 'g': got '  '; expected a "
                + "non-empty level");
    }

    @Test
    void aMappedLabelOutsideItsValuesListsThem() throws IOException {
        says("y,p,g\nyes,1,a\nmaybe,0,b\n", "file 'FILE', line 3 (data row 2), column 'y': got 'maybe'; expected 1 "
                + "for [yes] or 0 for [no]", "--positive-label", "yes", "--negative-label", "no");
    }

    @Test
    void aShortRecordIsNamed() throws IOException {
        says("y,p,g\n1,1,a\n1,0\n", "file 'FILE', line 3 (data row 2): 2 cells; expected 3 (one per header column)");
    }

    @Test
    void anEmptyFileAndAFileWithoutRowsAreNamed() throws IOException {
        says("", "file 'FILE' is empty; expected a header line");
        says("y,p,g\n", "file 'FILE' has a header but no data rows; expected at least one row");
    }

    @Test
    void aMissingColumnIsNamedWithTheHeader() throws IOException {
        says("y,p,x\n1,1,a\n", "file 'FILE': column 'g' (sensitive) is missing; the header has [y, p, x]");
    }

    @Test
    void malformedUtf8IsNamedByLineAndColumn() throws IOException {
        Path f = dir.resolve("in.csv");
        Files.write(f, new byte[] {'y', ',', 'p', ',', 'g', '\n', '1', ',', '1', ',', 'c', 'a', 'f', (byte) 0xE9, '\n'});
        Cli.Result r = audit(f);
        assertThat(r.err()).isEqualTo("fairkit audit: error: file '" + f + "', line 2, column 8: not valid UTF-8 "
                + "(byte 0xE9); expected UTF-8 text (convert the file, e.g. with iconv -f latin1 -t utf-8)" + NL);
    }

    @Test
    void tooManyGroupsStopAtTheirDataRow() throws IOException {
        says("y,p,g\n1,1,a\n0,1,b\n1,0,a\n1,0,c\n", CliErrors.tooManyGroups(List.of("g"), 2, 4), "--max-groups", "2");
    }
}
