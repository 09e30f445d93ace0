package org.fairkit.mitigation.calibration;

import java.util.Locale;
import java.util.Objects;

/**
 * Platt scaling (Platt 1999, "Probabilistic outputs for support vector machines and comparisons to regularized
 * likelihood methods"; Niculescu-Mizil &amp; Caruana 2005, "Predicting good probabilities with supervised
 * learning"): a logistic curve on the <em>logit</em> of the score.
 *
 * <p><b>Model</b> (scikit-learn's parameterization):
 * {@code P(y = 1 | s) = 1 / (1 + exp(a z + b))} with {@code z = logit(clip(s, 1e-12, 1 - 1e-12)) = ln(c / (1 - c))}.
 * A decreasing {@code a < 0} means the map increases with the score; {@link #slope()} {@code = -a} and
 * {@link #intercept()} {@code = -b} give the usual {@code sigma(slope z + intercept)}. The fit minimizes the
 * weighted cross-entropy against the {@link PlattTargets} by Newton's method with line search (to rounding, where
 * scikit-learn's {@code fmin_bfgs} stops at a gradient norm of {@code 1e-5}).
 *
 * <p><b>Why the logit.</b> On the logit, the identity map is the member {@code a = -1, b = 0}, so an already
 * calibrated probability stays unchanged, and for a logistic model z is exactly the decision function that
 * scikit-learn's {@code CalibratedClassifierCV(method='sigmoid')} calibrates. Platt on the raw probability (what
 * scikit-learn does for a model without {@code decision_function}) is not offered. Scores of exactly 0 or 1 are
 * clipped to {@code 1e-12} and {@code 1 - 1e-12} so that z is finite.
 *
 * <p>The map is monotone: non-decreasing when {@code a <= 0}, non-increasing when {@code a > 0} (a score that
 * ranks in reverse; {@link #describe()} says so).
 */
public final class PlattMap implements ScoreMap {
    /** Scores are clipped to [CLIP, 1 - CLIP] before the logit. */
    public static final double CLIP = 1e-12;

    private final double a;
    private final double b;
    private final PlattTargets targets;
    private final int rows;
    private final int iterations;

    private PlattMap(double a, double b, PlattTargets targets, int rows, int iterations) {
        this.a = a;
        this.b = b;
        this.targets = targets;
        this.rows = rows;
        this.iterations = iterations;
    }

    /**
     * A Platt map with given coefficients, e.g. to reuse a fit made elsewhere.
     *
     * @param a the coefficient of z in {@code 1 / (1 + exp(a z + b))}, finite
     * @param b the constant, finite
     */
    public static PlattMap of(double a, double b) {
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("Platt coefficients must be finite, got a = " + a + ", b = " + b);
        }
        return new PlattMap(a, b, null, 0, 0);
    }

    static PlattMap fit(Sample sample, PlattTargets targets) {
        int n = sample.rows();
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = LogisticFit.logit(sample.scores[i], CLIP);
        }
        double prior1 = sample.positiveWeight;
        double prior0 = sample.totalWeight - sample.positiveWeight;
        double[] t = new double[n];
        double hi = targets == PlattTargets.SMOOTHED ? (prior1 + 1.0) / (prior1 + 2.0) : 1.0;
        double lo = targets == PlattTargets.SMOOTHED ? 1.0 / (prior0 + 2.0) : 0.0;
        for (int i = 0; i < n; i++) {
            t[i] = sample.labels[i] == 1 ? hi : lo;
        }
        if (targets == PlattTargets.LABELS) {
            LogisticFit.requireOverlap(z, sample.labels, sample.weights, true);
        }
        double base = Math.log((prior1 + 1.0) / (prior0 + 1.0));
        LogisticFit.Result r = LogisticFit.fit(new double[][] {z}, t, sample.weights, new double[] {base, 0.0});
        return new PlattMap(-r.theta()[1], -r.theta()[0], targets, n, r.iterations());
    }

    @Override
    public double apply(double score) {
        double z = LogisticFit.logit(ScoreMap.checkScore(score), CLIP);
        return LogisticFit.sigmoid(-(a * z + b));
    }

    /** @return a in {@code 1 / (1 + exp(a z + b))} (scikit-learn's {@code a_}) */
    public double a() {
        return a;
    }

    /** @return b in {@code 1 / (1 + exp(a z + b))} (scikit-learn's {@code b_}) */
    public double b() {
        return b;
    }

    /** @return {@code -a}, the coefficient of z in {@code sigma(slope z + intercept)} */
    public double slope() {
        return -a;
    }

    /** @return {@code -b}, the intercept in {@code sigma(slope z + intercept)} */
    public double intercept() {
        return -b;
    }

    /** @return the targets fitted against, or {@code null} for a map built by {@link #of(double, double)} */
    public PlattTargets targets() {
        return targets;
    }

    /** @return the Newton iterations the fit took (0 for {@link #of(double, double)}) */
    public int iterations() {
        return iterations;
    }

    @Override
    public String method() {
        return "platt";
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "platt%s: P = 1/(1+exp(a*logit(s) + b)), a = %.6g, b = %.6g%s",
                targets == null ? "" : targets == PlattTargets.SMOOTHED ? " (smoothed targets)" : " (0/1 targets)",
                a, b, a > 0 ? " -- decreasing: the score ranks the classes in reverse" : "");
    }

    @Override
    public String toString() {
        return describe();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlattMap m && Double.compare(a, m.a) == 0 && Double.compare(b, m.b) == 0
                && targets == m.targets && rows == m.rows;
    }

    @Override
    public int hashCode() {
        return Objects.hash(a, b, targets, rows);
    }
}
