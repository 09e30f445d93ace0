package org.fairkit.stats.support;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.fairkit.core.EvaluationSpec;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.GroupResults;
import org.fairkit.core.IntervalRequest;
import org.fairkit.core.group.Grouping;
import org.fairkit.core.tally.GroupConfusion;
import org.fairkit.core.internal.TallyKernel;
import org.fairkit.testkit.CsvTable;
import org.fairkit.testkit.SharedFiles;

/** Test helpers: requests built like {@code Fairness.evaluate()} builds them, synthetic data, shared files. */
public final class TestData {
    private TestData() {
    }

    /** The request {@code Fairness.evaluate()} would pass to an estimator. */
    public static IntervalRequest request(Fairness configured, FairnessData data, int threads) {
        EvaluationSpec spec = configured.spec();
        Grouping grouping = data.grouping(spec.groupBy());
        GroupConfusion tally = TallyKernel.tally(data.tallyInput(spec.groupBy()));
        return new IntervalRequest(data, spec, grouping, tally, GroupResults.derive(spec, grouping, tally), threads);
    }

    /**
     * Rows of groups "A", "B", ... with the given sizes; labels Bernoulli(base), predictions Bernoulli(rate[g]).
     */
    public static FairnessData groups(long seed, int[] sizes, double[] selection, double base, double[] weights) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 0;
        for (int s : sizes) {
            n += s;
        }
        int[] y = new int[n];
        int[] p = new int[n];
        String[] g = new String[n];
        int i = 0;
        for (int k = 0; k < sizes.length; k++) {
            for (int j = 0; j < sizes[k]; j++, i++) {
                y[i] = r.nextDouble() < base ? 1 : 0;
                p[i] = r.nextDouble() < selection[k] ? 1 : 0;
                g[i] = String.valueOf((char) ('A' + k));
            }
        }
        FairnessData.Builder b = FairnessData.builder().labels(y).predictions(p).sensitive("g", g);
        if (weights != null) {
            b.weights(weights);
        }
        return b.build();
    }

    /**
     * The COMPAS predictions (ProPublica filter, 6,172 rows) grouped by race, unweighted; skips the calling test when
     * {@code ../shared/data/compas-predictions.csv} is absent.
     */
    public static FairnessData compas() {
        CsvTable t = SharedFiles.data("compas-predictions.csv");
        return FairnessData.builder().labels(t.ints("y_true")).predictions(t.ints("y_pred"))
                .sensitive("race", t.strings("race")).build();
    }

    /** The rows of {@code data} (grouped by race) in the given races, in order. */
    public static FairnessData compasSubset(FairnessData data, String... races) {
        java.util.Set<String> keep = java.util.Set.of(races);
        org.fairkit.core.group.Grouping g = data.grouping(List.of("race"));
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < data.rows(); i++) {
            if (keep.contains(g.groups().get(g.groupOf(i)).levels().get(0))) {
                rows.add(i);
            }
        }
        int[] y = new int[rows.size()];
        int[] p = new int[rows.size()];
        String[] r = new String[rows.size()];
        for (int k = 0; k < rows.size(); k++) {
            int i = rows.get(k);
            y[k] = data.label(i);
            p[k] = data.prediction(i);
            r[k] = g.groups().get(g.groupOf(i)).levels().get(0);
        }
        return FairnessData.builder().labels(y).predictions(p).sensitive("race", r).build();
    }
}
