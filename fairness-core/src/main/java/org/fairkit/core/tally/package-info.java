/**
 * The tally kernel: the only code that touches every row.
 *
 * <p>{@link org.fairkit.core.tally.TallyKernel#tally(org.fairkit.core.tally.TallyInput, int)} turns validated
 * columns into per-group confusion counts ({@link org.fairkit.core.tally.GroupConfusion}) in one pass, in
 * parallel over fixed row chunks, bit-identical for any thread count. {@link org.fairkit.core.tally.ConfusionTally}
 * is the mutable accumulator (with a {@link java.util.stream.Collector}) for rows from anywhere else; its
 * {@code combine} is the merge that also serves partitions and streaming windows.
 *
 * <p>Stability: public API, evolving before 1.0.
 */
package org.fairkit.core.tally;
