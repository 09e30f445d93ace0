/**
 * Per-group confusion counts: the statistics every group metric is derived from.
 *
 * <p>{@link org.fairkit.core.tally.GroupConfusion} is the immutable snapshot (per group, the rows and, when
 * weighted, the weight sums of each {@link org.fairkit.core.tally.Cell}, as
 * {@link org.fairkit.core.tally.CellCounts}). Entry point for counts from outside a
 * {@link org.fairkit.core.FairnessData} (a database, a stream, partitions):
 * {@link org.fairkit.core.tally.ConfusionTally#create(int, boolean)}, the mutable accumulator (with a
 * {@link java.util.stream.Collector}) whose {@code combine} merges partitions and streaming windows, or
 * {@link org.fairkit.core.tally.GroupConfusion#of(org.fairkit.core.tally.CellCounts...)} for counts computed elsewhere. The one pass over a
 * {@code FairnessData}'s rows is the internal kernel {@code org.fairkit.core.internal.TallyKernel}.
 *
 * <p>Stability: public API, evolving before 1.0.
 */
package org.fairkit.core.tally;
