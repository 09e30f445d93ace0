package org.fairkit.mitigation.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.fairkit.testkit.CsvTable;
import org.fairkit.testkit.SharedFiles;

/**
 * The Adult calibration golden file ({@code ../shared/golden/adult_calibration.json}, scikit-learn 1.2.1) and its
 * inputs ({@code ../shared/data/adult-predictions.csv}, test split: {@code row % 3 == 2}), read through the
 * testkit's {@link SharedFiles}: the calling test is skipped with a message when either file is absent. The data file
 * is read, never copied into the project.
 */
final class AdultGolden {
    private static Rows test;

    /** The test-split rows in file order. */
    record Rows(double[] scores, int[] labels, double[] weights, String[] sex, String[] race) {
        int size() {
            return scores.length;
        }
    }

    private AdultGolden() {
    }

    /** @return {@code adult_calibration.json -> calibration} */
    static JsonNode calibration() {
        return SharedFiles.golden("adult_calibration.json").path("calibration");
    }

    /** @return the 10,853 test-split rows */
    static synchronized Rows test() {
        if (test == null) {
            CsvTable t = SharedFiles.data("adult-predictions.csv").where("split", List.of("test"));
            test = new Rows(t.doubles("proba"), t.ints("y_true"), t.doubles("weight"), t.strings("sex"),
                    t.strings("race"));
        }
        return test;
    }

    /** @return the rows of one group of a column */
    static Rows subset(Rows all, String[] column, String level) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (column[i].equals(level)) {
                idx.add(i);
            }
        }
        int n = idx.size();
        double[] s = new double[n];
        int[] l = new int[n];
        double[] w = new double[n];
        String[] sx = new String[n];
        String[] rc = new String[n];
        for (int k = 0; k < n; k++) {
            int i = idx.get(k);
            s[k] = all.scores()[i];
            l[k] = all.labels()[i];
            w[k] = all.weights()[i];
            sx[k] = all.sex()[i];
            rc[k] = all.race()[i];
        }
        return new Rows(s, l, w, sx, rc);
    }
}
