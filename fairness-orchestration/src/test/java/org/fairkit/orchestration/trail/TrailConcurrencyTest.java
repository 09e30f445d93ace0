package org.fairkit.orchestration.trail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many threads append at once, through two trail objects on one file: none is lost and the chain holds. */
class TrailConcurrencyTest {
    private static final int THREADS = 8;
    private static final int PER_THREAD = 250;

    @TempDir
    Path dir;

    @Test
    void concurrentAppendsAreAllKeptInOneValidChain() throws Exception {
        Path p = dir.resolve("concurrent.jsonl");
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (AuditTrail first = AuditTrail.open(p); AuditTrail second = AuditTrail.open(p)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int w = 0; w < THREADS; w++) {
                int writer = w;
                AuditTrail trail = w % 2 == 0 ? first : second;
                futures.add(pool.submit(() -> {
                    start.await();
                    List<Long> seqs = new ArrayList<>();
                    for (int i = 0; i < PER_THREAD; i++) {
                        seqs.add(trail.append(AuditEvent.of("test.append").with("writer", writer).with("i", i))
                                .seq());
                    }
                    return seqs;
                }));
            }
            start.countDown();
            List<Long> returned = new ArrayList<>();
            for (Future<List<Long>> f : futures) {
                returned.addAll(f.get());
            }

            TrailVerification v = first.verify();
            assertThat(v.valid()).as("%s", v).isTrue();
            assertThat(v.goodEntries()).isEqualTo((long) THREADS * PER_THREAD);
            assertThat(returned).doesNotHaveDuplicates().hasSize(THREADS * PER_THREAD);

            Map<Integer, List<Integer>> byWriter = new HashMap<>();
            for (TrailEntry e : second.entries()) {
                byWriter.computeIfAbsent(e.event().details().get("writer").asInt(), k -> new ArrayList<>())
                        .add(e.event().details().get("i").asInt());
            }
            assertThat(byWriter).hasSize(THREADS);
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < PER_THREAD; i++) {
                expected.add(i);
            }
            byWriter.values().forEach(is -> assertThat(is).as("each writer's entries, in its order")
                    .isEqualTo(expected));
        } finally {
            pool.shutdownNow();
        }
    }
}
