package org.fairkit.mitigation.reductions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {
    private static final double[][] X = {{0.5, 1}, {1.5, 1}, {-1, 1}, {2, 1}, {0.1, 1}, {-0.7, 1}};
    private static final int[] Y = {0, 1, 0, 1, 1, 0};

    @Test
    void theGradientVanishesAtTheSolution() {
        LogisticRegression.Model m = LogisticRegression.l2(0.3).fit(X, Y, null);
        assertThat(m.gradientMaxAbs()).isLessThan(1e-12);
        // check the stationarity condition by hand: sum (p - y) x_j + coef_j / C = 0
        double[] p = m.probability(FeatureMatrix.ofRows(X));
        double g0 = m.coefficients()[0] / 0.3;
        double gb = 0;
        for (int i = 0; i < Y.length; i++) {
            g0 += (p[i] - Y[i]) * X[i][0];
            gb += p[i] - Y[i];
        }
        assertThat(g0).isCloseTo(0, within(1e-12));
        assertThat(gb).isCloseTo(0, within(1e-12));
    }

    @Test
    void aConstantColumnIsOnlyCentredWhenStandardizingAndGetsCoefficientZero() {
        LogisticRegression.Model m = LogisticRegression.l2(1).standardized().fit(X, Y, null);
        assertThat(m.coefficients()[1]).isEqualTo(0.0);
        assertThat(m.scales().orElseThrow()[1]).isEqualTo(1.0);
        assertThat(m.rawCoefficients()[1]).isEqualTo(0.0);
        double[] f = m.decision(FeatureMatrix.ofRows(X));
        for (int i = 0; i < X.length; i++) {
            assertThat(f[i]).isCloseTo(m.rawIntercept() + m.rawCoefficients()[0] * X[i][0], within(1e-12));
        }
    }

    @Test
    void unitWeightsEqualNoWeightsAndScalingWeightsChangesTheFit() {
        double[] ones = {1, 1, 1, 1, 1, 1};
        double[] twos = {2, 2, 2, 2, 2, 2};
        LogisticRegression lr = LogisticRegression.l2(1);
        assertThat(lr.fit(X, Y, ones).coefficients()).containsExactly(lr.fit(X, Y, null).coefficients());
        assertThat(lr.fit(X, Y, twos).coefficients()[0]).isGreaterThan(lr.fit(X, Y, null).coefficients()[0]);
        // weights 2 with C = 1 equal weights 1 with C = 2
        assertThat(lr.fit(X, Y, twos).coefficients()[0])
                .isCloseTo(LogisticRegression.l2(2).fit(X, Y, null).coefficients()[0], within(1e-12));
    }

    @Test
    void badInputIsRefusedNamingRowAndColumn() {
        LogisticRegression lr = LogisticRegression.l2(1);
        assertThatThrownBy(() -> lr.fit(new double[][] {{1, Double.NaN}}, new int[] {1}, null))
                .hasMessageContaining("feature column 'x1', row 0").hasMessageContaining("finite");
        assertThatThrownBy(() -> lr.fit(X, new int[] {0, 1, 2, 1, 1, 0}, null))
                .hasMessageContaining("labels").hasMessageContaining("row 2").hasMessageContaining("0 or 1");
        assertThatThrownBy(() -> lr.fit(X, Y, new double[] {1, 1, 1, -1, 1, 1}))
                .hasMessageContaining("sample weights").hasMessageContaining("row 3");
        assertThatThrownBy(() -> lr.fit(FeatureMatrix.ofColumns(new double[0]), new int[0], null))
                .hasMessageContaining("at least one row");
        assertThatThrownBy(() -> lr.fit(X, new int[] {1, 1, 1, 1, 1, 1}, null))
                .hasMessageContaining("both classes");
        assertThatThrownBy(() -> lr.fit(X, Y, new double[] {1, 0, 1, 0, 0, 1}))
                .hasMessageContaining("both classes");
        assertThatThrownBy(() -> LogisticRegression.l2(0)).hasMessageContaining("C");
        assertThatThrownBy(() -> lr.standardized().standardize(false)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> lr.fit(X, Y, null).predict(FeatureMatrix.ofColumns(new double[] {1})))
                .hasMessageContaining("fitted on 2 features");
    }

    @Test
    void featureMatrixChecksShapesAndSelectsRows() {
        FeatureMatrix m = FeatureMatrix.ofColumns(List.of("a", "b"), new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertThat(m.select(new boolean[] {true, false, true}).column(1)).containsExactly(4, 6);
        assertThat(m.row(1)).containsExactly(2, 5);
        assertThat(m.get(2, 0)).isEqualTo(3);
        assertThat(FeatureMatrix.ofRows(new double[][] {{1, 4}, {2, 5}, {3, 6}})).isNotEqualTo(m);
        assertThat(FeatureMatrix.ofRows(new double[][] {{1, 4}, {2, 5}, {3, 6}}).names()).containsExactly("x0", "x1");
        assertThatThrownBy(() -> FeatureMatrix.ofColumns(List.of("a", "a"), new double[][] {{1}, {2}}))
                .hasMessageContaining("distinct");
        assertThatThrownBy(() -> FeatureMatrix.ofColumns(List.of("a", "b"), new double[][] {{1}, {2, 3}}))
                .hasMessageContaining("'b' has 2 rows");
        assertThatThrownBy(() -> FeatureMatrix.ofRows(new double[][] {{1, 2}, {3}}))
                .hasMessageContaining("feature row 1 has 1 values");
        assertThatThrownBy(() -> FeatureMatrix.ofColumns(List.of(), new double[0][]))
                .hasMessageContaining("at least one column");
        assertThat(m.toString()).isEqualTo("FeatureMatrix[3 rows x 2 columns [a, b]]");
    }
}
