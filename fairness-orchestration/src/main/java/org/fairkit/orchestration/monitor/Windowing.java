package org.fairkit.orchestration.monitor;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Monitor} cuts its input into windows. Every window is the merge of {@code panes} consecutive panes;
 * a pane is a fixed number of batches or a fixed span of event time (aligned to the epoch, {@code [k·pane,
 * (k+1)·pane)}). Tumbling windows are one pane; sliding windows of size {@code s} and slide {@code d} are
 * {@code s / d} panes of {@code d}, and a window is emitted each time a pane closes once that many panes exist (full
 * windows only). Merging panes is exact ({@link org.fairkit.orchestration.io.GroupTally#combine}), so a sliding
 * window equals one pass over its batches.
 *
 * @param batchesPerPane batches per pane (count windows), 0 for time windows
 * @param paneSpan event time per pane (time windows), {@link Duration#ZERO} for count windows
 * @param panes panes per window, {@code >= 1}
 */
public record Windowing(int batchesPerPane, Duration paneSpan, int panes) {

    /** Validates: exactly one of count or time, positive sizes. */
    public Windowing {
        Objects.requireNonNull(paneSpan, "paneSpan");
        boolean count = batchesPerPane > 0;
        boolean time = !paneSpan.isZero();
        if (count == time || batchesPerPane < 0 || paneSpan.isNegative()) {
            throw new IllegalArgumentException("a windowing has either batchesPerPane > 0 or a positive paneSpan, got "
                    + batchesPerPane + " and " + paneSpan);
        }
        if (panes < 1) {
            throw new IllegalArgumentException("panes must be >= 1, got " + panes);
        }
    }

    /** Tumbling windows of {@code batches} batches each. */
    public static Windowing tumblingBatches(int batches) {
        requirePositive(batches, "batches");
        return new Windowing(batches, Duration.ZERO, 1);
    }

    /**
     * Sliding windows of {@code size} batches, one every {@code slide} batches.
     *
     * @throws IllegalArgumentException unless {@code size} is a positive multiple of {@code slide}
     */
    public static Windowing slidingBatches(int size, int slide) {
        requirePositive(size, "size");
        requirePositive(slide, "slide");
        if (size % slide != 0) {
            throw new IllegalArgumentException("size must be a multiple of slide, got size " + size + " and slide "
                    + slide);
        }
        return new Windowing(slide, Duration.ZERO, size / slide);
    }

    /** Tumbling windows of {@code width} event time, aligned to the epoch. */
    public static Windowing tumblingTime(Duration width) {
        requirePositive(width, "width");
        return new Windowing(0, width, 1);
    }

    /**
     * Sliding windows of {@code size} event time, one every {@code slide}.
     *
     * @throws IllegalArgumentException unless {@code size} is a positive multiple of {@code slide}
     */
    public static Windowing slidingTime(Duration size, Duration slide) {
        requirePositive(size, "size");
        requirePositive(slide, "slide");
        if (size.toNanos() % slide.toNanos() != 0) {
            throw new IllegalArgumentException("size must be a multiple of slide, got size " + size + " and slide "
                    + slide);
        }
        return new Windowing(0, slide, (int) (size.toNanos() / slide.toNanos()));
    }

    private static void requirePositive(int n, String name) {
        if (n < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + n);
        }
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }

    /** @return whether panes are spans of event time */
    public boolean isTime() {
        return batchesPerPane == 0;
    }

    @Override
    public String toString() {
        String pane = isTime() ? paneSpan.toString() : batchesPerPane + " batches";
        return panes == 1 ? "tumbling " + pane : "sliding " + panes + " x " + pane;
    }
}
