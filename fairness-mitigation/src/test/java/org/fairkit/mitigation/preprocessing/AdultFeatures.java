package org.fairkit.mitigation.preprocessing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.fairkit.testkit.CsvTable;
import org.fairkit.testkit.SharedFiles;

/**
 * The raw Adult feature columns of {@code ../shared/data/adult-predictions.csv} and the golden file
 * {@code ../shared/golden/adult_mitigation2.json} (Fairlearn 0.13.0, AIF360 0.6.1 with BlackBoxAuditing d8172728),
 * read through the testkit's {@link SharedFiles}: the calling test is skipped with a message when either is absent.
 */
final class AdultFeatures {
    /** The feature columns of the golden blocks, in their order. */
    static final List<String> FEATURES = List.of("age", "education_num", "hours_per_week", "fnlwgt");

    private static CsvTable all;

    private AdultFeatures() {
    }

    /** @return {@code adult_mitigation2.json -> block} */
    static JsonNode golden(String block) {
        return SharedFiles.golden("adult_mitigation2.json").path(block);
    }

    /** @return every row of the predictions file, in file order */
    static synchronized CsvTable all() {
        if (all == null) {
            all = SharedFiles.data("adult-predictions.csv");
        }
        return all;
    }

    /** @return the rows of one split ({@code train}: row % 3 != 2, {@code test}: row % 3 == 2), in file order */
    static CsvTable split(String split) {
        return all().where("split", List.of(split));
    }

    /**
     * The table: the four raw features, the numeric indicators {@code sex_Male} and {@code race_White} (1.0 / 0.0,
     * as the golden file builds them) and the categorical columns {@code sex} and {@code race}.
     */
    static FeatureTable table(CsvTable t) {
        return table(t, true);
    }

    /** As {@link #table(CsvTable)}, with or without the {@code race_White} indicator. */
    static FeatureTable table(CsvTable t, boolean withRace) {
        FeatureTable.Builder b = FeatureTable.builder();
        for (String f : FEATURES) {
            b.numeric(f, t.doubles(f));
        }
        b.numeric("sex_Male", indicator(t.strings("sex"), "Male"));
        if (withRace) {
            b.numeric("race_White", indicator(t.strings("race"), "White"));
        }
        b.sensitive("sex", t.strings("sex"));
        b.sensitive("race", t.strings("race"));
        return b.build();
    }

    /** The table of the four features and the group column {@code sex} only. */
    static FeatureTable bySex(CsvTable t) {
        FeatureTable.Builder b = FeatureTable.builder();
        for (String f : FEATURES) {
            b.numeric(f, t.doubles(f));
        }
        return b.sensitive("sex", t.strings("sex")).build();
    }

    static double[] indicator(String[] column, String level) {
        double[] out = new double[column.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = column[i].equals(level) ? 1.0 : 0.0;
        }
        return out;
    }
}
