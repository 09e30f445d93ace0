package org.fairkit.mitigation.calibration;

import java.util.Locale;
import java.util.Objects;

/**
 * Beta calibration (Kull, Silva Filho &amp; Flach 2017, "Beyond sigmoids: how to obtain well-calibrated
 * probabilities from binary classifiers with beta calibration", Electronic Journal of Statistics 11(2)).
 *
 * <p><b>Model</b> (the paper's three-parameter family, eq. 2 and section 3.2):
 * {@code P(y = 1 | s) = 1 / (1 + 1 / (e^c s^a / (1 - s)^b)) = sigma(a ln s - b ln(1 - s) + c)}, fitted as a
 * logistic regression of the labels on the two features {@code ln s} and {@code -ln(1 - s)}, with scores clipped
 * to {@code [1e-12, 1 - 1e-12]} so both are finite. The family contains the identity ({@code a = b = 1, c = 0}),
 * Platt's logistic curves on the logit ({@code a = b}) and inverse-S shapes that a logistic curve cannot make.
 *
 * <p><b>The constraint {@code a, b >= 0}.</b> The paper restricts both shape parameters to be non-negative so the
 * map is monotone non-decreasing. Its reference implementation ({@code betacal}) refits without the feature whose
 * coefficient came out negative. Here the constrained maximum-likelihood problem is solved exactly: the
 * log-likelihood is concave, so the constrained optimum is the unconstrained optimum of one face
 * ({@code a, b} free; {@code a = 0}; {@code b = 0}; {@code a = b = 0}); each face is fitted by Newton's method with
 * line search and the feasible face with the lowest loss is kept. This agrees with {@code betacal} whenever its
 * refit lands on a non-negative coefficient, and stays non-negative when it does not. Weighted rows enter the
 * likelihood with their weights. With {@code a, b >= 0} the predictor increases with s, so the constrained fit
 * exists exactly when the classes overlap in s: data in which every row of label 1 scores at least as high as
 * every row of label 0 are rejected with a clear error (the fit would be a step). Data separated only by a
 * non-monotone curve are fitted, since the constraint excludes such curves. With a single distinct score only
 * {@code c} is identified and {@code a = b = 0}.
 */
public final class BetaMap implements ScoreMap {
    private final double a;
    private final double b;
    private final double c;
    private final int rows;
    private final String face;

    private BetaMap(double a, double b, double c, int rows, String face) {
        this.a = a;
        this.b = b;
        this.c = c;
        this.rows = rows;
        this.face = face;
    }

    static BetaMap fit(Sample sample) {
        int n = sample.rows();
        double[] lnS = new double[n];
        double[] lnOneMinus = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = Math.min(Math.max(sample.scores[i], PlattMap.CLIP), 1 - PlattMap.CLIP);
            lnS[i] = Math.log(s);
            lnOneMinus[i] = -Math.log1p(-s);
            y[i] = sample.labels[i];
        }
        double[] w = sample.weights;
        // With a, b >= 0 the predictor increases with s, so the constrained fit exists iff the classes overlap in s.
        try {
            LogisticFit.requireOverlap(lnS, sample.labels, w, false);
        } catch (FitFailure f) {
            if (f.kind() == FitFailure.Kind.SEPARATED) {
                throw f;
            }
            // A single distinct score: only the intercept is identified (the a = b = 0 face below).
        }
        double base = Math.log(sample.positiveWeight / (sample.totalWeight - sample.positiveWeight));
        // The intercept-only face is always feasible and finite; every other face is fitted unconstrained and kept
        // when its coefficients are feasible. A face without a finite optimum cannot hold the constrained optimum.
        double bestLoss = LogisticFit.loss(new double[0][], y, w, new double[] {base});
        BetaMap best = new BetaMap(0, 0, base, n, "a = b = 0");
        LogisticFit.Result full = face(new double[][] {lnS, lnOneMinus}, y, w, base);
        if (full != null && full.theta()[1] >= 0 && full.theta()[2] >= 0 && full.loss() < bestLoss) {
            bestLoss = full.loss();
            best = new BetaMap(full.theta()[1], full.theta()[2], full.theta()[0], n, "a, b free");
        }
        LogisticFit.Result onlyB = face(new double[][] {lnOneMinus}, y, w, base);
        if (onlyB != null && onlyB.theta()[1] >= 0 && onlyB.loss() < bestLoss) {
            bestLoss = onlyB.loss();
            best = new BetaMap(0, onlyB.theta()[1], onlyB.theta()[0], n, "a = 0");
        }
        LogisticFit.Result onlyA = face(new double[][] {lnS}, y, w, base);
        if (onlyA != null && onlyA.theta()[1] >= 0 && onlyA.loss() < bestLoss) {
            best = new BetaMap(onlyA.theta()[1], 0, onlyA.theta()[0], n, "b = 0");
        }
        return best;
    }

    private static LogisticFit.Result face(double[][] features, double[] y, double[] w, double base) {
        double[] start = new double[features.length + 1];
        start[0] = base;
        try {
            return LogisticFit.fit(features, y, w, start);
        } catch (FitFailure f) {
            return null;
        }
    }

    @Override
    public double apply(double score) {
        double s = Math.min(Math.max(ScoreMap.checkScore(score), PlattMap.CLIP), 1 - PlattMap.CLIP);
        return LogisticFit.sigmoid(a * Math.log(s) - b * Math.log1p(-s) + c);
    }

    /** @return a, the exponent of s ({@code >= 0}) */
    public double a() {
        return a;
    }

    /** @return b, the exponent of {@code 1 - s} ({@code >= 0}) */
    public double b() {
        return b;
    }

    /** @return c, the constant */
    public double c() {
        return c;
    }

    /** @return which face of {@code a, b >= 0} holds the optimum: {@code a, b free}, {@code a = 0}, ... */
    public String constraint() {
        return face;
    }

    @Override
    public String method() {
        return "beta";
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "beta: P = sigma(a ln s - b ln(1-s) + c), a = %.6g, b = %.6g, c = %.6g (%s)",
                a, b, c, face);
    }

    @Override
    public String toString() {
        return describe();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BetaMap m && Double.compare(a, m.a) == 0 && Double.compare(b, m.b) == 0
                && Double.compare(c, m.c) == 0 && rows == m.rows;
    }

    @Override
    public int hashCode() {
        return Objects.hash(a, b, c, rows);
    }
}
