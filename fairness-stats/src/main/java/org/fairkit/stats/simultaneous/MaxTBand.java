package org.fairkit.stats.simultaneous;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.tally.CellCounts;
import org.fairkit.core.tally.GroupConfusion;

/**
 * A simultaneous band for a family of contrasts from joint draws (bootstrap resamples or posterior draws): the
 * studentized maximum-modulus ("max-|t|") band. With {@code v̂_c} the contrast's estimate, {@code se_c} the standard
 * deviation of its draws and {@code T_b = max_c |v_cb − v̂_c| / se_c}, the band is {@code v̂_c ± t* se_c} where
 * {@code t*} is the {@code level} quantile of {@code T} (Davison &amp; Hinkley 1997, §5.3 and §4.2.5; Hothorn, Bretz
 * &amp; Westfall 2008 for the max-|t| form). Ratios are handled on the log scale.
 *
 * <p>Used where no closed form applies (weighted data, metrics without a fixed numerator and denominator). A draw
 * in which any contrast is undefined counts as the most extreme draw (conservative) and is reported; a family whose
 * draws are degenerate (a contrast with fewer than {@value #MIN_DISTINCT} distinct values, or zero spread) has no
 * band, and the reason says so.
 */
final class MaxTBand {
    /** The fewest distinct values of a contrast's draws for a band. */
    static final int MIN_DISTINCT = 20;

    private MaxTBand() {
    }

    /** A band, or why there is none. */
    record Outcome(double[][] ends, int draws, int undefined, String failure) {
    }

    static Outcome of(List<Contrast> contrasts, GroupConfusion observed, List<GroupConfusion> draws, double level,
            double maxUndefinedShare) {
        int k = contrasts.size();
        int b = draws.size();
        double[] point = new double[k];
        for (int c = 0; c < k; c++) {
            point[c] = value(contrasts.get(c), observed);
            if (!Double.isFinite(point[c])) {
                return fail(b, contrasts.get(c).ratio()
                        ? "a value in the comparison is 0, and a ratio's band is formed on the log scale"
                        : "a value in the comparison is undefined");
            }
        }
        double[][] v = new double[k][b];
        boolean[] bad = new boolean[b];
        int undefined = 0;
        for (int i = 0; i < b; i++) {
            GroupConfusion t = draws.get(i);
            for (int c = 0; c < k; c++) {
                v[c][i] = value(contrasts.get(c), t);
                bad[i] |= !Double.isFinite(v[c][i]);
            }
            undefined += bad[i] ? 1 : 0;
        }
        if (b == 0 || (double) undefined / b > maxUndefinedShare) {
            return fail(b, String.format(Locale.ROOT, "undefined in %d of %d joint draws, more than the %.1f%% allowed",
                    undefined, b, 100 * maxUndefinedShare));
        }
        double[] se = new double[k];
        for (int c = 0; c < k; c++) {
            double[] ok = new double[b - undefined];
            int j = 0;
            for (int i = 0; i < b; i++) {
                if (!bad[i]) {
                    ok[j++] = v[c][i];
                }
            }
            long distinct = Arrays.stream(ok).distinct().count();
            se[c] = sd(ok);
            if (distinct < MIN_DISTINCT || !(se[c] > 0)) {
                return fail(b, "the joint draws are degenerate (" + distinct + " distinct values of a comparison; "
                        + "at least " + MIN_DISTINCT + " are needed), as with very few events in a group");
            }
        }
        double[] stat = new double[b];
        for (int i = 0; i < b; i++) {
            double m = 0;
            for (int c = 0; c < k && !bad[i]; c++) {
                m = Math.max(m, Math.abs(v[c][i] - point[c]) / se[c]);
            }
            stat[i] = bad[i] ? Double.POSITIVE_INFINITY : m;
        }
        Arrays.sort(stat);
        double crit = stat[Math.min(b - 1, Math.max(0, (int) Math.ceil(level * b) - 1))];
        if (!Double.isFinite(crit)) {
            return fail(b, "the critical value is infinite: too many undefined joint draws");
        }
        double[][] ends = new double[k][];
        for (int c = 0; c < k; c++) {
            double lo = point[c] - crit * se[c];
            double hi = point[c] + crit * se[c];
            ends[c] = contrasts.get(c).ratio() ? new double[] {Math.exp(lo), Math.exp(hi)} : new double[] {lo, hi};
        }
        return new Outcome(ends, b, undefined, null);
    }

    private static Outcome fail(int draws, String why) {
        return new Outcome(null, draws, 0, why);
    }

    /** The contrast on one tally: linear, or the log of a ratio; NaN or infinite where undefined. */
    static double value(Contrast c, GroupConfusion t) {
        if (c.ratio()) {
            return Math.log(term(c.numerator(), t) / term(c.denominator(), t));
        }
        double s = 0;
        for (Contrast.Term term : c.terms()) {
            s += term.coef() * term(term, t);
        }
        return s;
    }

    private static double term(Contrast.Term term, GroupConfusion t) {
        CellCounts all = t.overall();
        MetricValue v = term.metric().compute(term.group() == Contrast.OVERALL ? all : t.group(term.group()), all);
        return v.isDefined() ? v.value() : Double.NaN;
    }

    private static double sd(double[] xs) {
        if (xs.length < 2) {
            return 0;
        }
        double m = Arrays.stream(xs).sum() / xs.length;
        double s = 0;
        for (double x : xs) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (xs.length - 1));
    }
}
