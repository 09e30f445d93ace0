package org.fairkit.mitigation.postprocessing;

import java.util.List;
import org.fairkit.testkit.CsvTable;
import org.fairkit.testkit.SharedFiles;

/**
 * The Adult predictions split of {@code adult_mitigation2.json} ({@code ../shared/data/adult-predictions.csv},
 * column {@code split}: test iff row % 3 == 2): scores {@code proba}, labels {@code y_true}, groups {@code sex}.
 * Read through {@link SharedFiles}, so a test is skipped with a message when the file is absent; never copied.
 */
record AdultSplit(double[] scores, int[] labels, String[] sex) {
    static AdultSplit of(String split) {
        CsvTable t = SharedFiles.data("adult-predictions.csv").where("split", List.of(split));
        return new AdultSplit(t.doubles("proba"), t.ints("y_true"), t.strings("sex"));
    }

    int size() {
        return scores.length;
    }

    /**
     * Rates of 0/1 (or expected, in [0, 1]) predictions of the rows whose sex is {@code level} (null: all rows),
     * w.r.t. label 1: {n, selection, TPR, FPR, TNR, accuracy, balanced accuracy}.
     */
    double[] rates(double[] p, String level) {
        double n = 0;
        double sel = 0;
        double pos = 0;
        double neg = 0;
        double tp = 0;
        double fp = 0;
        for (int i = 0; i < p.length; i++) {
            if (level != null && !sex[i].equals(level)) {
                continue;
            }
            n++;
            sel += p[i];
            if (labels[i] == 1) {
                pos++;
                tp += p[i];
            } else {
                neg++;
                fp += p[i];
            }
        }
        double tpr = tp / pos;
        double fpr = fp / neg;
        return new double[] {n, sel / n, tpr, fpr, 1 - fpr, (tp + neg - fp) / n, 0.5 * (tpr + (1 - fpr))};
    }

    static double[] asDouble(int[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }
}
