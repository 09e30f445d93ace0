package org.fairkit.mitigation.reductions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.fairkit.testkit.CsvTable;
import org.fairkit.testkit.SharedFiles;

/**
 * The Adult reductions golden file ({@code ../shared/golden/adult_mitigation2.json}, scikit-learn 1.2.1 and Fairlearn
 * 0.13) and its inputs ({@code ../shared/data/adult-predictions.csv}): X = [age, education_num, hours_per_week,
 * fnlwgt] standardized with the TRAIN mean and population std, as the golden file's {@code dataset.features} says.
 * Read through {@link SharedFiles}: the calling test is skipped when either file is absent.
 */
final class AdultReductions {
    static final List<String> FEATURES = List.of("age", "education_num", "hours_per_week", "fnlwgt");
    private static Split train;
    private static Split test;

    /** One split: standardized features, labels, weights and sex, in file order. */
    record Split(FeatureMatrix x, int[] labels, double[] weights, String[] sex) {
    }

    private AdultReductions() {
    }

    static JsonNode golden() {
        return SharedFiles.golden("adult_mitigation2.json");
    }

    static synchronized Split train() {
        load();
        return train;
    }

    static synchronized Split test() {
        load();
        return test;
    }

    private static void load() {
        if (train != null) {
            return;
        }
        CsvTable all = SharedFiles.data("adult-predictions.csv");
        CsvTable tr = all.where("split", List.of("train"));
        CsvTable te = all.where("split", List.of("test"));
        double[][] trCols = new double[FEATURES.size()][];
        double[][] teCols = new double[FEATURES.size()][];
        for (int j = 0; j < FEATURES.size(); j++) {
            double[] a = tr.doubles(FEATURES.get(j));
            double m = 0;
            for (double v : a) {
                m += v;
            }
            m /= a.length;
            double ss = 0;
            for (double v : a) {
                ss += (v - m) * (v - m);
            }
            double s = Math.sqrt(ss / a.length);
            trCols[j] = standardize(a, m, s);
            teCols[j] = standardize(te.doubles(FEATURES.get(j)), m, s);
        }
        train = new Split(FeatureMatrix.ofColumns(FEATURES, trCols), tr.ints("y_true"), tr.doubles("weight"),
                tr.strings("sex"));
        test = new Split(FeatureMatrix.ofColumns(FEATURES, teCols), te.ints("y_true"), te.doubles("weight"),
                te.strings("sex"));
    }

    private static double[] standardize(double[] a, double m, double s) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (a[i] - m) / s;
        }
        return out;
    }
}
