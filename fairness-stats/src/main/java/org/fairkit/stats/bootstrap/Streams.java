package org.fairkit.stats.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Reproducible random streams and their parallel execution.
 *
 * <p>Draw {@code i} of a procedure seeded with {@code s} uses its own generator, XoRoShiRo128++ seeded with
 * {@code (mix(s + φ·(2i+1)), mix(s + φ·(2i+2)))} where {@code mix} is the SplitMix64 finaliser and φ the
 * golden-ratio increment (Steele, Lea &amp; Flood 2014). A draw's numbers therefore depend on
 * {@code (seed, i)} only, never on which thread computes it or in which order, so results are bit-identical
 * for any number of threads.
 */
public final class Streams {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Streams() {
    }

    /** SplitMix64's finaliser (a bijection of 64-bit values). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * The generator of draw {@code index} of a procedure seeded with {@code seed}.
     *
     * @param seed the procedure's seed
     * @param index the draw's index, {@code >= 0}
     */
    public static UniformRandomProvider generator(long seed, long index) {
        long s0 = mix(seed + GOLDEN * (2 * index + 1));
        long s1 = mix(seed + GOLDEN * (2 * index + 2));
        if (s0 == 0 && s1 == 0) {
            s1 = GOLDEN;
        }
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {s0, s1});
    }

    /**
     * Runs {@code task} for every index in {@code [0, count)}, in contiguous blocks on up to {@code threads}
     * threads (the caller and {@code threads − 1} tasks of the common fork-join pool). Tasks must write only
     * to their own index.
     */
    public static void forEach(int count, int threads, IntConsumer task) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        int parts = Math.max(1, Math.min(threads, count));
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (int p = 1; p < parts; p++) {
            int from = (int) ((long) p * count / parts);
            int to = (int) ((long) (p + 1) * count / parts);
            futures.add(CompletableFuture.runAsync(() -> {
                for (int i = from; i < to; i++) {
                    task.accept(i);
                }
            }, ForkJoinPool.commonPool()));
        }
        int end = (int) ((long) count / parts);
        for (int i = 0; i < end; i++) {
            task.accept(i);
        }
        try {
            for (CompletableFuture<Void> f : futures) {
                f.join();
            }
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            if (e.getCause() instanceof Error) {
                throw (Error) e.getCause();
            }
            throw e;
        }
    }
}
