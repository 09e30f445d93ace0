package org.fairkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.fairkit.core.datasets.SyntheticCreditLimits;
import org.fairkit.core.datasets.SyntheticSearchRanking;
import org.fairkit.core.datasets.SyntheticTriage;
import org.fairkit.orchestration.io.AtomicFiles;

/**
 * {@code fairkit demo --task regression|ranking|multiclass}: writes core's seeded example data set of the task, with
 * its known injected disparity, as CSV into the output directory, states what an audit should find, and prints the
 * {@code fairkit audit} command line that audits it. ({@code --task binary}, the default, is the full lending demo of
 * {@link DemoCommand}.)
 *
 * <ul>
 *   <li>regression: {@link SyntheticCreditLimits} ({@code --rows} rows) as {@value #REGRESSION_FILE};</li>
 *   <li>ranking: {@link SyntheticSearchRanking} ({@code --rows / 20} queries of 20 items, at least one query) as
 *       {@value #RANKING_FILE};</li>
 *   <li>multiclass: {@link SyntheticTriage} ({@code --rows} rows) as {@value #MULTICLASS_FILE}.</li>
 * </ul>
 */
final class TaskDemo {
    /** The kind of model the demo's data set is for. */
    enum Task {
        /** Binary decisions and scores: the lending demo. */
        BINARY,
        /** A credit-limit regressor. */
        REGRESSION,
        /** A search ranker. */
        RANKING,
        /** A three-class triage model. */
        MULTICLASS
    }

    /** The regression data set's file name in the output directory. */
    static final String REGRESSION_FILE = "credit-limits.csv";
    /** The ranking data set's file name in the output directory. */
    static final String RANKING_FILE = "search-ranking.csv";
    /** The multiclass data set's file name in the output directory. */
    static final String MULTICLASS_FILE = "triage.csv";

    private TaskDemo() {
    }

    /**
     * Writes the task's data set into {@code out} (an existing directory) and prints what it holds and how to audit
     * it.
     *
     * @throws IllegalArgumentException for {@link Task#BINARY}, which {@link DemoCommand} runs itself
     */
    static int run(Task task, Path out, int rows, long seed, PrintWriter w) throws IOException {
        Path csv;
        switch (task) {
            case REGRESSION -> {
                SyntheticCreditLimits data = SyntheticCreditLimits.builder().rows(rows).seed(seed).build();
                csv = out.resolve(REGRESSION_FILE);
                AtomicFiles.write(csv, data::writeCsv);
                w.printf(Locale.ROOT, "Synthetic credit-limit regression: %s rows (seed %d). True limits (y, in "
                        + "thousands) follow the same law in every group;%nthe model under-predicts Female limits by "
                        + "%.1f and is noisier for them (error sd %.1f against 1.0).%n", Progress.count(data.rows()),
                        seed, SyntheticCreditLimits.OFFSET, 1 + SyntheticCreditLimits.NOISE);
                w.println("Expected by sex: MAE Female 1.750, Male 0.798: mae_parity_difference 0.952, "
                        + "bounded_group_loss_absolute 1.750 (Female). By age_band: no disparity.");
            }
            case RANKING -> {
                SyntheticSearchRanking data = SyntheticSearchRanking.builder()
                        .queries(Math.max(1, rows / SyntheticSearchRanking.DEFAULT_ITEMS_PER_QUERY)).seed(seed).build();
                csv = out.resolve(RANKING_FILE);
                AtomicFiles.write(csv, data::writeCsv);
                w.printf(Locale.ROOT, "Synthetic search ranking: %s queries of %d items (seed %d), %d of each "
                        + "query's items in %s.%nRelevance has the same law in every group; the ranker lowers %s's "
                        + "scores by %.1f.%n", Progress.count(data.queries()), data.itemsPerQuery(), seed,
                        SyntheticSearchRanking.groupBSize(data.itemsPerQuery()), SyntheticSearchRanking.PENALISED_GROUP,
                        SyntheticSearchRanking.PENALISED_GROUP, SyntheticSearchRanking.DEMOTION);
                w.println("Expected exposure (1/log2(1+rank), pooled over queries): Group A 0.399, Group B 0.282: "
                        + "exposure ratio 0.708, below 0.8.");
            }
            case MULTICLASS -> {
                SyntheticTriage data = SyntheticTriage.builder().rows(rows).seed(seed).build();
                csv = out.resolve(MULTICLASS_FILE);
                AtomicFiles.write(csv, data::writeCsv);
                w.printf(Locale.ROOT, "Synthetic triage (classes low, medium, high): %s rows (seed %d). True "
                        + "classes follow the same law in every group;%nthe model moves %.2f of Female high-urgency "
                        + "cases to medium.%n", Progress.count(data.rows()), seed, SyntheticTriage.RECALL_DROP);
                w.println("Expected recall of class high: Female 0.55, Male 0.80 (difference 0.25); the other "
                        + "classes' recall is equal.");
            }
            default -> throw new IllegalArgumentException("the binary demo is DemoCommand's own");
        }
        w.println();
        w.printf(Locale.ROOT, "Data written to %s%n", csv);
        w.println("Next: " + auditCommand(task, csv));
        w.flush();
        return ExitCode.OK;
    }

    /** The {@code fairkit audit} command line that audits the task's data set in {@code csv}. */
    static String auditCommand(Task task, Path csv) {
        String data = "fairkit audit --data " + csv;
        return switch (task) {
            case REGRESSION -> data + " --task regression --target " + SyntheticCreditLimits.TARGET + " --prediction "
                    + SyntheticCreditLimits.PREDICTION + " --sensitive " + SyntheticCreditLimits.SEX;
            case RANKING -> data + " --task ranking --query " + SyntheticSearchRanking.QUERY + " --rank "
                    + SyntheticSearchRanking.RANK + " --relevance " + SyntheticSearchRanking.RELEVANCE
                    + " --sensitive " + SyntheticSearchRanking.GROUP;
            case MULTICLASS -> data + " --task multiclass --label " + SyntheticTriage.LABEL + " --prediction "
                    + SyntheticTriage.PREDICTION + " --sensitive " + SyntheticTriage.SEX;
            case BINARY -> throw new IllegalArgumentException("the binary demo prints its own commands");
        };
    }
}
