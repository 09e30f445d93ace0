package org.fairkit.orchestration.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.fairkit.core.internal.Fingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PlainCsv} is a faster route to exactly what {@link CsvSource}'s reader gives: on every plain file it reads,
 * the same row count, per-group counts, input fingerprint and file SHA-256; on every other file it gives up, and
 * everything the reader refuses it gives up on, so the reader's error is the one users see.
 */
class PlainCsvTest {
    private static final String[] LEVELS = {"a", "b", "Black", "White", "  spaced  ", "\u00e9t\u00e9", "\u65e5\u672c",
        "x#y", "tab\tin", "a-rather-long-level-name-over-sixteen-bytes", "0", "1", "ends with space "};
    private static final String[] FILLER = {"", "free text", "12.5", "\u00fc", "#", " ", "a;b", "'single'"};

    @TempDir
    Path dir;

    /** What a generated file maps. */
    private record Case(Path file, CsvColumns columns, List<List<String>> groupings) {
    }

    @Test
    void plainFilesGiveTheStreamingReadersCountsFingerprintAndFileHash() {
        qt().withFixedSeed(16).withExamples(300).forAll(longs().all(), integers().between(16, 4096))
                .checkAssert((seed, chunk) -> {
                    Case c = plainFile(new Random(seed));
                    CsvSource source = CsvSource.of(c.file(), c.columns());
                    PlainCsv.Attempt fast = PlainCsv.attempt(source, c.groupings(), Integer.MAX_VALUE, n -> { },
                            chunk);
                    assertThat(fast.fallback()).as("gave up on a plain file").isNull();
                    StreamedInput slow = streamed(source, c.groupings());
                    sameAs(fast.result(), slow);
                });
    }

    @Test
    void anyFileItReadsTheStreamingReaderReadsAlikeAndEveryFileTheReaderRefusesItGivesUpOn() {
        qt().withFixedSeed(17).withExamples(400).forAll(longs().all(), integers().between(16, 512))
                .checkAssert((seed, chunk) -> {
                    Random rnd = new Random(seed);
                    Case c = plainFile(rnd);
                    byte[] bytes = damage(read(c.file()), rnd);
                    write(c.file(), bytes);
                    CsvSource source = CsvSource.of(c.file(), c.columns());
                    PlainCsv.Attempt fast = PlainCsv.attempt(source, c.groupings(), Integer.MAX_VALUE, n -> { },
                            chunk);
                    StreamedInput slow;
                    try {
                        slow = streamed(source, c.groupings());
                    } catch (IllegalArgumentException e) {
                        assertThat(fast.result()).as("read a file the reader refuses: " + e.getMessage()).isNull();
                        return;
                    }
                    if (fast.result() != null) {
                        sameAs(fast.result(), slow);
                    }
                });
    }

    @Test
    void aGroupingPastMaxGroupsIsLeftToTheReader() throws IOException {
        Path f = dir.resolve("groups.csv");
        Files.writeString(f, "y,p,g\n1,1,a\n0,1,b\n1,0,c\n");
        CsvSource source = CsvSource.of(f, columns(false));
        assertThat(PlainCsv.attempt(source, List.of(List.of("g")), 2, n -> { }).fallback())
                .isEqualTo("a grouping with more than 2 groups");
        assertThat(PlainCsv.attempt(source, List.of(List.of("g")), 3, n -> { }).result().tally(List.of("g"))
                .groupCount()).isEqualTo(3);
    }

    @Test
    void quotedCellsAreReadByTheReaderWithTheSameResult() throws IOException {
        Path quoted = dir.resolve("quoted.csv");
        Files.writeString(quoted, "y,p,g\n1,1,\"a\"\n0,1,\"b, c\"\n1,0,a\n");
        CsvSource source = CsvSource.of(quoted, columns(false));
        assertThat(PlainCsv.attempt(source, List.of(List.of("g")), Integer.MAX_VALUE, n -> { }).fallback())
                .isEqualTo("a quote");
        StreamedInput in = source.stream(List.of(List.of("g")), 0);
        assertThat(in.tally(List.of("g")).groupLevels()).containsExactly(List.of("a"), List.of("b, c"));
        assertThat(in).isEqualTo(streamed(source, List.of(List.of("g"))));
    }

    @Test
    void whatTheReaderRefusesItGivesUpOnAndTheReadersErrorStands() throws IOException {
        String[][] cases = {
            {"", "an empty file"},
            {"y,p,g\n", "no data row"},
            {"y,p,x\n1,1,a\n", "a mapped column missing or repeated in the header"},
            {"y,p,g,g\n1,1,a,a\n", "a mapped column missing or repeated in the header"},
            {"y,p,g\n1,1,a\n2,0,b\n", "a label outside its values"},
            {"y,p,g\n1,1,a\n1,x,b\n", "a prediction outside its values"},
            {"y,p,g\n1,1,a\n1,0, \n", "an empty level"},
            {"y,p,g\n1,1,a\n1,0\n", "a record with too few cells (or a blank line)"},
            {"y,p,g\n1,1,\"a\"\n", "a quote"},
            {"y,p,g\n1,1,a,extra\n", "a record with too many cells"},
            {"y,p,g\n1,1,a\r0,0,b\n", "a lone carriage return"},
            {"\uFEFFy,p,g\n1,1,a\n", "a byte-order mark"},
            {"y,p,g\n1,1,a\n   \n0,0,b\n", "a label outside its values"},
            {"x,y,p,g\nq,1,1,a\n   \nq,0,0,b\n", "a record with too few cells (or a blank line)"},
        };
        for (String[] c : cases) {
            Path f = dir.resolve("bad.csv");
            Files.writeString(f, c[0]);
            CsvSource source = CsvSource.of(f, columns(false));
            assertThat(PlainCsv.attempt(source, List.of(List.of("g")), Integer.MAX_VALUE, n -> { }).fallback())
                    .as(c[0]).isEqualTo(c[1]);
            assertThat(PlainCsv.stream(source, List.of(List.of("g")), Integer.MAX_VALUE, n -> { })).isEmpty();
        }
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "y,p,g\n1,1,a\n\n2,0,b\n");
        CsvSource source = CsvSource.of(bad, columns(false));
        assertThatThrownBy(() -> source.stream(List.of(List.of("g")), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("file '" + bad + "', line 4 (data row 2), column 'y': got '2'; expected 1 for [1] or 0 "
                        + "for [0]");
        Files.write(bad, new byte[] {'y', ',', 'p', ',', 'g', '\n', '1', ',', '1', ',', 'c', 'a', 'f', (byte) 0xE9,
            '\n'});
        assertThat(PlainCsv.attempt(source, List.of(List.of("g")), Integer.MAX_VALUE, n -> { }).fallback())
                .isEqualTo("malformed UTF-8");
        assertThatThrownBy(() -> source.stream(List.of(List.of("g")), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("file '" + bad + "', line 2, column 8: not valid UTF-8 (byte 0xE9)");
    }

    @Test
    void scoresAndWeightsAreLeftToTheReader() throws IOException {
        Path f = dir.resolve("w.csv");
        Files.writeString(f, "y,p,g,w\n1,1,a,2\n");
        CsvSource source = CsvSource.of(f, columns(true));
        assertThat(PlainCsv.attempt(source, List.of(List.of("g")), Integer.MAX_VALUE, n -> { }).fallback())
                .isEqualTo("a score or weight column");
        assertThat(source.stream(List.of(List.of("g")), 0).tally(List.of("g")).isWeighted()).isTrue();
    }

    @Test
    void itCanBeTurnedOff() throws IOException {
        Path f = dir.resolve("plain.csv");
        Files.writeString(f, "y,p,g\n1,1,a\n");
        CsvSource source = CsvSource.of(f, columns(false));
        assertThat(PlainCsv.stream(source, List.of(List.of("g")), Integer.MAX_VALUE, n -> { })).isPresent();
        System.setProperty(PlainCsv.ENABLED, "false");
        try {
            assertThat(PlainCsv.stream(source, List.of(List.of("g")), Integer.MAX_VALUE, n -> { })).isEmpty();
        } finally {
            System.clearProperty(PlainCsv.ENABLED);
        }
    }

    @Test
    void progressIsToldTheRowsRead() throws IOException {
        Path f = dir.resolve("plain.csv");
        StringBuilder sb = new StringBuilder("y,p,g\n");
        for (int i = 0; i < 1000; i++) {
            sb.append(i % 2).append(',').append(i % 3 % 2).append(",g").append(i % 7).append('\n');
        }
        Files.writeString(f, sb);
        List<Long> seen = new ArrayList<>();
        PlainCsv.Attempt a = PlainCsv.attempt(CsvSource.of(f, columns(false)), List.of(List.of("g")),
                Integer.MAX_VALUE, seen::add, 256);
        assertThat(a.result().rows()).isEqualTo(1000);
        assertThat(seen).isSorted().hasSizeGreaterThan(10).last().isEqualTo(1000L);
    }

    @Test
    void utf8ValidityIsTheStrictDecoders() {
        qt().withFixedSeed(18).withExamples(3000).forAll(longs().all()).checkAssert(seed -> {
            Random rnd = new Random(seed);
            byte[] b = new byte[rnd.nextInt(12)];
            int[] interesting = {0x00, 0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE,
                0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF, 0x8F, 0x90, 0x9F, 0xA0};
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (rnd.nextBoolean() ? interesting[rnd.nextInt(interesting.length)] : rnd.nextInt(256));
            }
            boolean strict;
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
                strict = true;
            } catch (CharacterCodingException e) {
                strict = false;
            }
            assertThat(Utf8.valid(b, 0, b.length)).as(java.util.HexFormat.of().formatHex(b)).isEqualTo(strict);
        });
    }

    @Test
    void theFingerprintsEncodedRowsEqualTheRowsAccepted() {
        Fingerprint.Rows a = Fingerprint.Rows.binary(false, false, List.of("g"));
        Fingerprint.Rows b = Fingerprint.Rows.binary(false, false, List.of("g"));
        a.accept(1, 0, Double.NaN, 1.0, List.of("\u00e9t\u00e9")).accept(0, 0, Double.NaN, 1.0, List.of("b"));
        ByteArrayOutputStream rows = new ByteArrayOutputStream();
        rows.write(1);
        rows.write(0);
        rows.writeBytes(Fingerprint.Rows.level("\u00e9t\u00e9"));
        rows.write(0);
        rows.write(0);
        rows.writeBytes(Fingerprint.Rows.level("b"));
        b.acceptEncoded(rows.toByteArray(), 0, rows.size(), 2);
        assertThat(b.hex()).isEqualTo(a.hex());
        assertThat(b.rows()).isEqualTo(2);
    }

    // --- generated files ---

    private static CsvColumns columns(boolean weighted) {
        CsvColumns.Builder b = CsvColumns.builder().label("y").prediction("p").sensitive("g");
        if (weighted) {
            b.weight("w");
        }
        return b.build();
    }

    /** A plain file: shuffled columns, optional second sensitive column, id and filler, mapped values, CRLF, ... */
    private Case plainFile(Random rnd) {
        boolean two = rnd.nextBoolean();
        boolean mapped = rnd.nextInt(3) == 0;
        List<String> names = new ArrayList<>(List.of("y", "p", "g"));
        if (two) {
            names.add("h");
        }
        if (rnd.nextBoolean()) {
            names.add("id");
        }
        int fillers = rnd.nextInt(3);
        for (int i = 0; i < fillers; i++) {
            names.add("x" + i);
        }
        Collections.shuffle(names, rnd);
        CsvColumns.Builder cb = CsvColumns.builder().label("y").prediction("p");
        cb.sensitive(two ? new String[] {"g", "h"} : new String[] {"g"});
        if (names.contains("id")) {
            cb.id("id");
        }
        if (mapped) {
            cb.labelValues(BinaryValues.of(List.of("yes", "Y", "\u00fcber"), List.of("no", "N")));
        }
        CsvColumns columns = cb.build();
        int levelsG = 1 + rnd.nextInt(rnd.nextBoolean() ? 4 : 300);
        int levelsH = 1 + rnd.nextInt(5);
        String nl = rnd.nextBoolean() ? "\n" : "\r\n";
        boolean mixed = rnd.nextInt(5) == 0;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            sb.append(i > 0 ? "," : "").append(rnd.nextInt(4) == 0 ? " " + names.get(i) + " " : names.get(i));
        }
        sb.append(nl);
        int rows = 1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 3000 : 60);
        for (int r = 0; r < rows; r++) {
            if (rnd.nextInt(30) == 0) {
                sb.append(rnd.nextBoolean() ? "\n" : "\r\n");
            }
            for (int i = 0; i < names.size(); i++) {
                sb.append(i > 0 ? "," : "").append(cell(names.get(i), mapped, levelsG, levelsH, rnd));
            }
            boolean last = r == rows - 1;
            if (!last || rnd.nextBoolean()) {
                sb.append(mixed && rnd.nextBoolean() ? "\r\n" : nl);
            }
            if (last && rnd.nextInt(4) == 0) {
                sb.append(nl);
            }
        }
        Path f = dir.resolve("gen.csv");
        write(f, sb.toString().getBytes(StandardCharsets.UTF_8));
        List<List<String>> groupings = two
                ? List.of(List.of("g"), List.of("h"), List.of("g", "h"), List.of("h", "g"), List.of("g"))
                : List.of(List.of("g"));
        return new Case(f, columns, groupings);
    }

    private static String cell(String column, boolean mapped, int levelsG, int levelsH, Random rnd) {
        String pad = rnd.nextInt(6) == 0 ? " " : "";
        switch (column) {
            case "y":
                return pad + (mapped ? new String[] {"yes", "Y", "\u00fcber", "no", "N"}[rnd.nextInt(5)]
                        : String.valueOf(rnd.nextInt(2))) + pad;
            case "p":
                return pad + rnd.nextInt(2) + pad;
            case "g":
                return pad + level(rnd.nextInt(levelsG)) + (rnd.nextInt(8) == 0 ? "\t" : "");
            case "h":
                return level(rnd.nextInt(levelsH));
            case "id":
                return "r" + rnd.nextInt(1000);
            default:
                return FILLER[rnd.nextInt(FILLER.length)];
        }
    }

    private static String level(int i) {
        return i < LEVELS.length ? LEVELS[i] : "L" + i;
    }

    /** A few random byte edits: quotes, carriage returns, bad bytes, blank lines, cut lines, BOMs, bad cells. */
    private static byte[] damage(byte[] b, Random rnd) {
        List<Byte> out = new ArrayList<>();
        for (byte x : b) {
            out.add(x);
        }
        int edits = 1 + rnd.nextInt(3);
        byte[][] inserts = {{'"'}, {'\r'}, {(byte) 0xE9}, {(byte) 0xC3, (byte) 0xA9}, {'\n', ' ', ' ', '\n'}, {','},
            {'2'}, {'\n'}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {' '}, {'\n', '\n'}, {(byte) 0xF0, (byte) 0x9F},
            {'\r', '\n'}};
        for (int e = 0; e < edits; e++) {
            if (out.isEmpty()) {
                break;
            }
            int at = rnd.nextInt(5) == 0 ? 0 : rnd.nextInt(out.size());
            int kind = rnd.nextInt(inserts.length + 2);
            if (kind == inserts.length) {
                out.remove(Math.min(at, out.size() - 1));
            } else if (kind == inserts.length + 1) {
                out.subList(at, out.size()).clear();
            } else {
                for (int i = inserts[kind].length - 1; i >= 0; i--) {
                    out.add(at, inserts[kind][i]);
                }
            }
        }
        byte[] r = new byte[out.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = out.get(i);
        }
        return r;
    }

    /** The streaming reader's pass, without the fast path (an observer sends {@code stream} to the reader). */
    private static StreamedInput streamed(CsvSource source, List<List<String>> groupings) {
        try {
            return source.stream(groupings, 0, row -> { });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void sameAs(StreamedInput fast, StreamedInput slow) {
        assertThat(fast.rows()).isEqualTo(slow.rows());
        assertThat(fast.sha256()).as("input fingerprint").isEqualTo(slow.sha256());
        assertThat(fast.fileSha256()).as("file SHA-256").isEqualTo(slow.fileSha256());
        assertThat(fast.tallies().keySet()).containsExactlyElementsOf(slow.tallies().keySet());
        for (List<String> g : slow.tallies().keySet()) {
            assertThat(fast.tally(g)).as("tally of " + g).isEqualTo(slow.tally(g));
            assertThat(fast.tally(g).groupLevels()).as("first-seen order of " + g)
                    .containsExactlyElementsOf(slow.tally(g).groupLevels());
        }
        assertThat(fast).isEqualTo(slow);
    }

    private static byte[] read(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void write(Path f, byte[] bytes) {
        try {
            Files.write(f, bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
