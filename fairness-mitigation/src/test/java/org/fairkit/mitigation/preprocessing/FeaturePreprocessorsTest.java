package org.fairkit.mitigation.preprocessing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Examples, validation messages and the printed models of {@link FeatureTable}, {@link CorrelationRemover} and
 * {@link DisparateImpactRemover}: every message is pinned whole.
 */
class FeaturePreprocessorsTest {
    private static final String[] SEX = {"F", "F", "F", "M", "M", "M", "M"};
    private static final double[] HOURS = {20, 30, 40, 40, 45, 50, 60};
    private static final double[] AGE = {25, 35, 45, 30, 40, 50, 60};

    private static FeatureTable table() {
        return FeatureTable.builder().numeric("hours", HOURS).numeric("age", AGE).sensitive("sex", SEX).build();
    }

    @Test
    void tableValidatesEveryColumnAndNamesTheFirstBadRow() {
        assertThatThrownBy(() -> FeatureTable.builder().numeric("a", new double[] {1, Double.NaN}).build())
                .hasMessage("column 'a', row 1: got NaN; expected a finite number");
        assertThatThrownBy(() -> FeatureTable.builder().numeric("a", new double[] {1, 2})
                .sensitive("g", new String[] {"x"}).build())
                .hasMessage("column 'g' has 1 rows; expected 2 (the length of 'a')");
        assertThatThrownBy(() -> FeatureTable.builder().numeric("a", new double[] {1}).numeric("b", new double[2])
                .build()).hasMessage("column 'b' has 2 rows; expected 1 (the length of 'a')");
        assertThatThrownBy(() -> FeatureTable.builder().sensitive("g", new String[] {"x", null}).build())
                .hasMessage("column 'g', row 1: got null; expected a non-null group label");
        assertThatThrownBy(() -> FeatureTable.builder().numeric("a", new double[0]).build())
                .hasMessage("the data has no rows; expected at least one row");
        assertThatThrownBy(() -> FeatureTable.builder().build())
                .hasMessage("the table has no column; add one with numeric(...) or sensitive(...)");
        assertThatThrownBy(() -> FeatureTable.builder().numeric("a", new double[1]).sensitive("a", new String[1]))
                .hasMessage("column 'a' is already set; each column is set once");
        assertThatThrownBy(() -> FeatureTable.builder().numeric(" ", new double[1]))
                .hasMessage("a column name must be a non-blank name, got ' '");
        assertThatThrownBy(() -> table().numeric("x"))
                .hasMessage("no numeric column named 'x'; the table has [hours, age]");
        assertThatThrownBy(() -> table().sensitive("x"))
                .hasMessage("no sensitive feature named 'x'; the data has [sex]");
    }

    @Test
    void tableCopiesItsInputsAndReadsNegativeZeroAsZero() {
        double[] a = {-0.0, 1};
        FeatureTable t = FeatureTable.builder().numeric("a", a).build();
        a[1] = 5;
        assertThat(t.numeric("a")).containsExactly(0.0, 1.0);
        assertThat(Double.doubleToRawLongBits(t.numeric("a")[0])).isZero();
        t.numeric("a")[0] = 3;
        assertThat(t.numeric("a")[0]).isZero();
        assertThat(t).hasToString("FeatureTable[2 rows; numeric [a]; sensitive []]");
        assertThat(t).isEqualTo(FeatureTable.builder().numeric("a", new double[] {0, 1}).build())
                .hasSameHashCodeAs(FeatureTable.builder().numeric("a", new double[] {0, 1}).build())
                .isNotEqualTo(FeatureTable.builder().numeric("a", new double[] {0, 2}).build());
    }

    @Test
    void correlationRemoverSettingsAreValidatedAndSetOnce() {
        assertThatThrownBy(() -> CorrelationRemover.perColumnMean().alpha(1.5))
                .hasMessage("alpha must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> CorrelationRemover.perColumnMean().alpha(1).alpha(1))
                .hasMessage("alpha is already set; each setting is set once");
        assertThatThrownBy(() -> CorrelationRemover.perColumnMean().groupBy("sex").sensitiveColumns("s"))
                .hasMessage("sensitiveColumns(...) and groupBy(...) exclude each other; groupBy is already set");
        assertThatThrownBy(() -> CorrelationRemover.perColumnMean().sensitiveColumns("s").groupBy("sex"))
                .hasMessage("sensitiveColumns(...) and groupBy(...) exclude each other; sensitiveColumns is already "
                        + "set");
        assertThatThrownBy(() -> CorrelationRemover.perColumnMean().sensitiveColumns())
                .hasMessage("sensitiveColumns needs at least one column name");
        assertThatThrownBy(() -> CorrelationRemover.perColumnMean().sensitiveColumns("hours").fit(
                FeatureTable.builder().numeric("hours", HOURS).build()))
                .hasMessage("the table has no numeric feature besides the sensitive columns [hours]; expected at "
                        + "least one feature to decorrelate");
        assertThatThrownBy(() -> CorrelationRemover.perColumnMean().fit(FeatureTable.builder().numeric("a", HOURS)
                .sensitive("x", SEX).sensitive("y", SEX).build()))
                .hasMessage("the data has sensitive features [x, y]; name the ones to group by with groupBy(...)");
        assertThat(CorrelationRemover.fairlearnScalarMean().alpha(0.5).sensitiveColumns("a", "b"))
                .hasToString("CorrelationRemover[FAIRLEARN_SCALAR_MEAN, alpha 0.5, sensitive columns [a, b]]");
        assertThat(CorrelationRemover.perColumnMean()).hasToString(
                "CorrelationRemover[PER_COLUMN_MEAN, alpha 1.0, by the table's sensitive column]");
        assertThat(CorrelationRemover.perColumnMean().centering()).isEqualTo(CorrelationRemover.Centering
                .PER_COLUMN_MEAN);
    }

    @Test
    void correlationRemoverOnAGroupEqualsTheRegressionResidualPlusTheMean() {
        CorrelationRemover.Fitted f = CorrelationRemover.perColumnMean().groupBy("sex").fit(table());
        // one indicator (M): the residual of each feature on it is the value minus its group's mean plus the mean
        double[] hours = f.transform(table()).column("hours");
        double meanF = (20 + 30 + 40) / 3.0;
        double meanM = (40 + 45 + 50 + 60) / 4.0;
        double mean = (20 + 30 + 40 + 40 + 45 + 50 + 60) / 7.0;
        for (int i = 0; i < hours.length; i++) {
            double expected = HOURS[i] - (SEX[i].equals("M") ? meanM : meanF) + mean;
            assertThat(hours[i]).isCloseTo(expected, within(1e-12));
        }
        assertThat(f.sensitiveColumns()).containsExactly("sex=M");
        assertThat(f.groups()).isPresent();
        assertThat(f.alpha()).isEqualTo(1.0);
        assertThat(f.centering()).isEqualTo(CorrelationRemover.Centering.PER_COLUMN_MEAN);
        assertThat(f.beta()[0][0]).isCloseTo(meanM - meanF, within(1e-12));
        assertThat(f).isEqualTo(CorrelationRemover.perColumnMean().groupBy("sex").fit(table()))
                .hasSameHashCodeAs(CorrelationRemover.perColumnMean().groupBy("sex").fit(table()))
                .isNotEqualTo(CorrelationRemover.perColumnMean().alpha(0.5).groupBy("sex").fit(table()));
        assertThat(f).hasToString("""
                Correlation remover (PER_COLUMN_MEAN, alpha 1.0): 2 features, sensitive [sex=M]
                sensitive          centre             hours               age
                sex=M        0.5714285714         18.750000         10.000000
                """);
    }

    @Test
    void aFittedModelRefusesAGroupItNeverSaw() {
        FeatureTable other = FeatureTable.builder().numeric("hours", new double[] {1, 2}).numeric("age",
                new double[] {1, 2}).sensitive("sex", new String[] {"M", "X"}).build();
        String message = "column 'sex', row 1: got group 'X', which the model was not fitted on; expected one of "
                + "[F, M]";
        assertThatThrownBy(() -> CorrelationRemover.perColumnMean().fit(table()).transform(other))
                .hasMessage(message);
        assertThatThrownBy(() -> DisparateImpactRemover.repairLevel(1).fit(table()).transform(other))
                .hasMessage(message);
    }

    @Test
    void disparateImpactRemoverSettingsAreValidatedAndSetOnce() {
        assertThatThrownBy(() -> DisparateImpactRemover.repairLevel(-0.1))
                .hasMessage("repairLevel must be in [0, 1], got -0.1");
        assertThatThrownBy(() -> DisparateImpactRemover.repairLevel(1).groupBy("sex").groupBy("sex"))
                .hasMessage("groupBy is already set; each setting is set once");
        assertThatThrownBy(() -> DisparateImpactRemover.repairLevel(1).features("a").features("a"))
                .hasMessage("features is already set; each setting is set once");
        assertThatThrownBy(() -> DisparateImpactRemover.repairLevel(1).fit(FeatureTable.builder()
                .sensitive("sex", SEX).build()))
                .hasMessage("the table has no numeric column to repair; expected at least one");
        assertThat(DisparateImpactRemover.repairLevel(0.5).groupBy("sex").features("hours"))
                .hasToString("DisparateImpactRemover[repair level 0.5, by sex, features [hours]]");
        assertThat(DisparateImpactRemover.repairLevel(0.5).level()).isEqualTo(0.5);
    }

    @Test
    void fullRepairMovesEachGroupsBucketsToTheLowerMedianOfTheGroupMedians() {
        DisparateImpactRemover.Fitted f = DisparateImpactRemover.repairLevel(1).features("hours").fit(table());
        // F has 3 distinct hours, M 4: 3 buckets; F [20] [30] [40]; M cut at round(4/3) = 1, round(8/3) = 3:
        // [40] [45, 50] [60]. Medians: bucket 0: 20, 40 -> 20; bucket 1: 30, 45 (lower median) -> 30; 2: 40, 60 -> 40
        assertThat(f.buckets("hours")).isEqualTo(3);
        assertThat(f.targets("hours")).containsExactly(20, 30, 40);
        FeatureTable out = f.transform(table());
        assertThat(out.column("hours")).containsExactly(20, 30, 40, 20, 30, 30, 40);
        assertThat(out.column("age")).isEqualTo(AGE);
        assertThat(f.features()).containsExactly("hours");
        assertThat(f.level()).isEqualTo(1.0);
        assertThat(f.groups().size()).isEqualTo(2);
        // half way over the positions in 20, 30, 40, 45, 50, 60: M's 40 (2) toward 20 (0): 2 + round(-1.0) -> 30;
        // 45 (3) toward 30 (1) -> 40; 50 (4) toward 30: 4 + round(-1.5) = 4 - 2 (half to even) -> 40; 60 (5) toward
        // 40 (2): 5 + round(-1.5) = 3 -> 45
        FeatureTable half = DisparateImpactRemover.repairLevel(0.5).fit(table()).transform(table());
        assertThat(half.column("hours")).containsExactly(20, 30, 40, 30, 40, 40, 45);
        assertThat(f).isEqualTo(DisparateImpactRemover.repairLevel(1).features("hours").fit(table()))
                .hasSameHashCodeAs(DisparateImpactRemover.repairLevel(1).features("hours").fit(table()))
                .isNotEqualTo(DisparateImpactRemover.repairLevel(0.5).features("hours").fit(table()));
        assertThat(f).hasToString("""
                Disparate impact remover (repair level 1.0) by sex: groups [F, M]
                feature   distinct  distinct per group        buckets  targets
                hours            6  3 / 4                           3  20 .. 40
                """);
        assertThatThrownBy(() -> f.targets("age"))
                .hasMessage("no repaired feature named 'age'; the model has [hours]");
    }

    @Test
    void newValuesMoveWithTheirNearestLowerFittedValue() {
        DisparateImpactRemover.Fitted f = DisparateImpactRemover.repairLevel(1).features("hours").fit(table());
        FeatureTable fresh = FeatureTable.builder().numeric("hours", new double[] {47, 10, 70, 25})
                .sensitive("sex", new String[] {"M", "M", "M", "F"}).build();
        // 47 -> bucket of 45 (target 30); 10 -> bucket of 40, the smallest (target 20); 70 -> bucket of 60 (40);
        // 25 -> bucket of 20 (20)
        assertThat(f.transform(fresh).column("hours")).containsExactly(30, 20, 40, 20);
        FeatureTable none = DisparateImpactRemover.repairLevel(0).features("hours").fit(table()).transform(fresh);
        assertThat(none.column("hours")).containsExactly(47, 10, 70, 25);
    }
}
