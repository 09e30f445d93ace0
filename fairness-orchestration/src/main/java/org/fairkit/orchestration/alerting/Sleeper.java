package org.fairkit.orchestration.alerting;

import java.time.Duration;

/**
 * Waits between delivery attempts. {@link #system()} sleeps the calling thread; tests inject one that records the
 * delays and returns at once, so retries are tested without waiting.
 */
@FunctionalInterface
public interface Sleeper {
    /**
     * Waits for {@code delay}.
     *
     * @throws InterruptedException when the thread is interrupted while waiting (the delivery then dead-letters
     *     the alert and restores the interrupt)
     */
    void sleep(Duration delay) throws InterruptedException;

    /** @return a sleeper that sleeps the calling thread ({@link Thread#sleep(long)}) */
    static Sleeper system() {
        return d -> Thread.sleep(d.toMillis());
    }
}
