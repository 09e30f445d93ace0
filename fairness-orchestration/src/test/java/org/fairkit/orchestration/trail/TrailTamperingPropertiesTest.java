package org.fairkit.orchestration.trail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;

/** Every single-byte edit of a generated trail fails verification, at the line holding the edited byte. */
class TrailTamperingPropertiesTest {
    @TempDir
    Path dir;

    private static final Gen<List<String>> NOTES = lists().of(strings().allPossible().ofLengthBetween(0, 12))
            .ofSizeBetween(1, 6);

    /** Writes a trail with one entry per note. */
    private static Path trail(Path dir, String name, List<String> notes) {
        Path p = dir.resolve(name);
        try (AuditTrail t = AuditTrail.open(p, Trails.CLOCK)) {
            for (int i = 0; i < notes.size(); i++) {
                t.append(AuditEvent.of("audit.completed").with("note", notes.get(i)).with("i", i).with("x", i / 7.0),
                        i % 2 == 0 ? Trails.REPORT : null);
            }
        }
        return p;
    }

    /** The 1-based line holding byte {@code pos}. */
    private static long lineOf(byte[] b, int pos) {
        long line = 1;
        for (int i = 0; i < pos; i++) {
            if (b[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static void poke(Path p, int pos, byte value) {
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.seek(pos);
            f.write(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everySingleByteEditOfEveryPositionIsDetectedAtItsLine() throws IOException {
        Path p = trail(dir, "every.jsonl", List.of("ünïcode ✓", "", "\"quoted\" \\ /"));
        byte[] original = Files.readAllBytes(p);
        try (AuditTrail t = AuditTrail.open(p); RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            assertThat(t.verify().valid()).isTrue();
            for (int pos = 0; pos < original.length; pos++) {
                // a flipped bit, and a new line break (which splits or, at a line end, keeps the file as it is)
                for (byte edited : new byte[] {(byte) (original[pos] ^ 1), (byte) '\n'}) {
                    if (edited == original[pos]) {
                        continue;
                    }
                    f.seek(pos);
                    f.write(edited);
                    TrailVerification v = t.verify();
                    assertThat(v.valid()).as("edit of byte %d (%s -> %s)", pos, original[pos], edited).isFalse();
                    assertThat(v.problem().orElseThrow().line()).as("line of the edit at byte %d", pos)
                            .isEqualTo(lineOf(original, pos));
                    f.seek(pos);
                    f.write(original[pos]);
                }
            }
            assertThat(t.verify().valid()).isTrue();
        }
    }

    @Test
    void aRandomSingleByteEditOfAGeneratedTrailIsDetectedAtItsLine() {
        int[] counter = {0};
        qt().withFixedSeed(23).withExamples(60)
                .forAll(NOTES, integers().between(0, Integer.MAX_VALUE), integers().between(1, 255))
                .checkAssert((notes, where, delta) -> {
                    Path p = trail(dir, "gen-" + counter[0]++ + ".jsonl", notes);
                    try {
                        byte[] original = Files.readAllBytes(p);
                        int pos = where % original.length;
                        poke(p, pos, (byte) (original[pos] ^ delta));
                        try (AuditTrail t = AuditTrail.open(p)) {
                            TrailVerification v = t.verify();
                            assertThat(v.valid()).as("edit at %d of %s", pos, notes).isFalse();
                            assertThat(v.problem().orElseThrow().line()).isEqualTo(lineOf(original, pos));
                        }
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }
}
