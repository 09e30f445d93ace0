package org.fairkit.orchestration.monitor;

import java.util.List;
import java.util.Set;
import org.fairkit.core.FairnessData;
import org.fairkit.core.Provenance;
import org.fairkit.core.Task;
import org.fairkit.core.TaskReport;
import org.fairkit.core.multiclass.MulticlassData;
import org.fairkit.core.ranking.RankingReport;
import org.fairkit.core.regression.RegressionData;

/**
 * The mergeable statistics of one window of any {@link Task}, one implementation per task: a batch becomes a tally
 * ({@code of(...)}), tallies of disjoint batches {@link #merge} into the tally of all of them, and a tally derives the
 * window's {@link TaskReport}. What each task keeps per group (never per row):
 * <ul>
 * <li>{@link Task#BINARY}: the four confusion counts (weighted sums when weighted) and, in a {@link Monitor} with
 *     score bins, a score histogram ({@code GroupTally});</li>
 * <li>{@link Task#REGRESSION}: the error sums {@code ErrorSums} (Σw, target mean and M2, Σwŷ, Σwe, Σw|e|, Σwe²),
 *     merged by {@code ErrorSums.plus} (Chan, Golub &amp; LeVeque 1979);</li>
 * <li>{@link Task#RANKING}: the exposure sums of {@code ExposureTally} (items, Σ exposure, Σ relevance, Σ expected
 *     clicks) over every ranking of the window; one batch is a set of rankings (one per query);</li>
 * <li>{@link Task#MULTICLASS}: each class's one-vs-rest confusion counts, plus every row's counts as a negative of
 *     every class, so that a class first seen in a later batch counts the earlier rows as its true negatives.</li>
 * </ul>
 *
 * <p>Laws: {@link #empty} is the identity of {@code merge}; {@code merge} is associative and commutative, exactly
 * for counts and sizes, and up to floating-point rounding for weighted sums, regression sums and exposure (the
 * summation order differs). Hence a window's report does not depend on how its rows were cut into batches: one
 * batch of all rows gives the report of the task's own front door ({@code Fairness}, {@code RegressionFairness},
 * {@code MulticlassFairness}, {@code ExposureTally.report()}). Immutable: {@code merge} returns a new tally.
 */
public sealed interface WindowTally permits BinaryWindowTally, RegressionWindowTally, RankingWindowTally,
        MulticlassWindowTally {

    /** @return the task whose statistics these are */
    Task task();

    /** @return the sensitive features the groups are made of */
    List<String> groupBy();

    /** @return the rows tallied (items over all rankings, for ranking) */
    long size();

    /** @return whether nothing was tallied */
    default boolean isEmpty() {
        return size() == 0;
    }

    /** @return the groups seen, one level per feature of {@link #groupBy()} */
    Set<List<String>> groupLevels();

    /**
     * @return the tally of this one's rows and {@code other}'s; neither changes
     * @throws IllegalArgumentException if the tasks or groupings differ, or one is weighted and the other not
     */
    WindowTally merge(WindowTally other);

    /**
     * Derives the window's report.
     *
     * @param spec what to derive (its settings group by {@link #groupBy()})
     * @param provenance where the statistics come from
     * @throws IllegalStateException if nothing was tallied
     * @throws IllegalArgumentException if the spec groups by other features, or its reference group has no rows
     */
    TaskReport report(WindowSpec spec, Provenance provenance);

    /** @return a tally of nothing: the identity of {@link #merge} */
    static WindowTally empty(Task task, List<String> groupBy) {
        return switch (task) {
            case BINARY -> BinaryWindowTally.empty(groupBy, false, 0);
            case REGRESSION -> RegressionWindowTally.empty(groupBy);
            case RANKING -> RankingWindowTally.empty(groupBy);
            case MULTICLASS -> MulticlassWindowTally.empty(groupBy);
        };
    }

    /**
     * @return the confusion counts of a binary classifier's batch
     * @throws IllegalArgumentException if the batch lacks a feature of {@code groupBy}
     */
    static WindowTally of(FairnessData batch, List<String> groupBy) {
        return BinaryWindowTally.of(batch, groupBy, 0, "batch");
    }

    /**
     * @return the error sums of a regression model's batch
     * @throws IllegalArgumentException if the batch lacks a feature of {@code groupBy}
     */
    static WindowTally of(RegressionData batch, List<String> groupBy) {
        return RegressionWindowTally.of(batch, groupBy, "batch");
    }

    /**
     * @return each class's one-vs-rest counts of a multiclass classifier's batch
     * @throws IllegalArgumentException if the batch lacks a feature of {@code groupBy}
     */
    static WindowTally of(MulticlassData batch, List<String> groupBy) {
        return MulticlassWindowTally.of(batch, groupBy, "batch");
    }

    /**
     * @param rankings a batch of rankings (one per query), each evaluated under the position bias to monitor
     * @param groupBy the sensitive features each ranking groups its items by
     * @return the exposure sums of the batch
     * @throws IllegalArgumentException if a ranking groups its items by other features, or the rankings disagree on
     *     relevance
     */
    static WindowTally ofRankings(List<RankingReport> rankings, List<String> groupBy) {
        return RankingWindowTally.of(rankings, groupBy, "batch");
    }
}
