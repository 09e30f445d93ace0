package org.fairkit.orchestration.trail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real processes: a writer JVM killed in the middle of its appends (then verify and repair), and several JVMs
 * appending to one trail at once. The children run {@link TrailWriterMain} on this test's class path.
 */
class TrailProcessTest {
    private static final int ROUNDS = 2;

    @TempDir
    Path dir;

    private Process writer(Path trail, long count, int payload, String tag) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), TrailWriterMain.class.getName(), trail.toString(),
                Long.toString(count), Integer.toString(payload), tag);
        pb.redirectError(dir.resolve(tag + ".stderr").toFile());
        pb.redirectOutput(dir.resolve(tag + ".stdout").toFile());
        return pb.start();
    }

    /** The appends the child has acknowledged (its "appended i" lines so far). */
    private long acknowledged(String tag) throws IOException {
        Path out = dir.resolve(tag + ".stdout");
        return Files.exists(out) ? Files.readAllLines(out, StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("appended ")).count() : 0;
    }

    /**
     * Each round starts a writer of 4 MB entries, waits until one append is acknowledged and the next one has
     * started writing (the file grew), then kills the writer with SIGKILL: a real crash in the middle of an
     * append. Whatever the kill interrupted, every acknowledged entry must survive, the trail must be intact or
     * end with a torn line, and the repair must make it intact again.
     */
    @Test
    void aWriterKilledMidAppendLeavesEveryAcknowledgedEntryAndAtMostATornTailThatRepairRemoves() throws Exception {
        Path p = dir.resolve("crash.jsonl");
        long kept = 0;
        int tornRounds = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String tag = "crash-" + round;
            Process child = writer(p, 0, 4 << 20, tag);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acknowledged(tag) < 1 && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            long sizeAtAck = Files.size(p);
            while (Files.size(p) <= sizeAtAck && child.isAlive() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            long acknowledged = acknowledged(tag);
            assertThat(acknowledged).as("the writer ran (see %s.stderr)", tag).isGreaterThanOrEqualTo(1);

            try (AuditTrail trail = AuditTrail.open(p)) {
                TrailVerification v = trail.verify();
                assertThat(v.valid() || v.onlyTornTail()).as("after the kill: %s", v).isTrue();
                assertThat(v.goodEntries()).as("every acknowledged append survives")
                        .isGreaterThanOrEqualTo(kept + acknowledged);
                if (v.onlyTornTail()) {
                    tornRounds++;
                    TornTailRepair repair = trail.repairTornTail();
                    assertThat(repair.repaired()).isTrue();
                    assertThat(repair.offset()).isEqualTo(v.problem().orElseThrow().byteOffset());
                }
                TrailVerification after = trail.verify();
                assertThat(after.valid()).as("after repair: %s", after).isTrue();
                assertThat(after.goodEntries()).isEqualTo(v.goodEntries());
                kept = after.goodEntries();
            }
        }
        System.out.printf("crash test: %d entries kept over %d kills, %d torn tails repaired%n", kept, ROUNDS,
                tornRounds);
    }

    @Test
    void severalProcessesAppendingAtOnceKeepEveryEntryInOneValidChain() throws Exception {
        Path p = dir.resolve("shared.jsonl");
        int perWriter = 60;
        List<Process> children = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            children.add(writer(p, perWriter, 64, "process-" + w));
        }
        try (AuditTrail trail = AuditTrail.open(p)) {
            for (int i = 0; i < perWriter; i++) {
                trail.append(AuditEvent.of("test.append").with("writer", "parent").with("i", i));
            }
            for (Process c : children) {
                assertThat(c.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(c.exitValue()).isZero();
            }
            TrailVerification v = trail.verify();
            assertThat(v.valid()).as("%s", v).isTrue();
            assertThat(v.goodEntries()).isEqualTo(3L * perWriter);
            Map<String, Integer> counts = new HashMap<>();
            for (TrailEntry e : trail.entries()) {
                counts.merge(e.event().details().get("writer").asText(), 1, Integer::sum);
            }
            assertThat(counts).containsOnly(Map.entry("parent", perWriter), Map.entry("process-0", perWriter),
                    Map.entry("process-1", perWriter));
        } finally {
            children.forEach(Process::destroyForcibly);
        }
    }
}
