package org.fairkit.stats.bootstrap;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Samples {@code Binomial(n, p)} in O(1) expected time, whatever {@code n}.
 *
 * <p>Commons RNG 1.7 offers only {@code MarsagliaTsangWangDiscreteSampler.Binomial}, whose table costs
 * O(sqrt(n)) to build for every new {@code (n, p)} (and conditional multinomial draws change {@code (n, p)} at
 * every step); Commons Statistics' default sampler inverts the CDF with a search. So this class implements:
 * <ul>
 *   <li>{@code n·min(p, 1−p) < 10}: sequential inversion of the CDF from 0 (expected cost {@code 1 + n·p}
 *       uniform draws, at most about 10 + a few standard deviations);</li>
 *   <li>otherwise Hörmann's BTRD, the transformed rejection with decomposition of W. Hörmann, "The generation
 *       of binomial random variates", J. Statist. Comput. Simul. 46 (1993) 101–110, with expected acceptance
 *       rate above 0.8 and O(1) work per attempt (Stirling corrections {@code fc(k)} from its table for
 *       {@code k <= 9}, from the asymptotic series otherwise).</li>
 * </ul>
 * For {@code p > 1/2} it samples {@code n − Binomial(n, 1 − p)}. The distribution is checked against the
 * exact probability mass function by a chi-squared test ({@code BinomialSamplerTest}).
 */
public final class BinomialSampler {
    private static final double[] FC = {
        0.08106146679532726, 0.04134069595540929, 0.02767792568499834, 0.02079067210376509,
        0.01664469118982119, 0.01387612882307075, 0.01189670994589177, 0.01041126526197209,
        0.009255462182712733, 0.008330563433362871};

    private BinomialSampler() {
    }

    /**
     * One draw of {@code Binomial(n, p)}.
     *
     * @param rng source of uniform numbers
     * @param n trials, {@code >= 0}
     * @param p success probability in {@code [0, 1]}
     * @return the number of successes, in {@code [0, n]}
     * @throws IllegalArgumentException if {@code n < 0} or {@code p} is outside {@code [0, 1]}
     */
    public static long sample(UniformRandomProvider rng, long n, double p) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in [0, 1], got " + p);
        }
        if (n == 0 || p == 0) {
            return 0;
        }
        if (p == 1) {
            return n;
        }
        if (p > 0.5) {
            return n - sampleAtMostHalf(rng, n, 1 - p);
        }
        return sampleAtMostHalf(rng, n, p);
    }

    private static long sampleAtMostHalf(UniformRandomProvider rng, long n, double p) {
        if (n * p < 10) {
            return inversion(rng, n, p);
        }
        return btrd(rng, n, p);
    }

    /** Sequential search from k = 0 with the recurrence f(k+1) = f(k) (n − k) p / ((k + 1) q). */
    private static long inversion(UniformRandomProvider rng, long n, double p) {
        double s = p / (1 - p);
        double f0 = Math.exp(n * Math.log1p(-p));
        while (true) {
            double u = rng.nextDouble();
            double f = f0;
            long k = 0;
            while (true) {
                if (u < f) {
                    return k;
                }
                u -= f;
                if (k == n || f == 0) {
                    break; // a rounding residue beyond the support: draw again
                }
                f *= s * (n - k) / (k + 1);
                k++;
            }
        }
    }

    private static double fc(long k) {
        if (k < FC.length) {
            return FC[(int) k];
        }
        double r = 1.0 / (k + 1);
        double r2 = r * r;
        return (1.0 / 12 - (1.0 / 360 - r2 / 1260) * r2) * r;
    }

    /** Hörmann (1993), algorithm BTRD, for n·p >= 10 and p <= 1/2. */
    private static long btrd(UniformRandomProvider rng, long n, double p) {
        double q = 1 - p;
        double m = Math.floor((n + 1) * p);
        double r = p / q;
        double nr = (n + 1) * r;
        double npq = n * p * q;
        double sqrtNpq = Math.sqrt(npq);
        double b = 1.15 + 2.53 * sqrtNpq;
        double a = -0.0873 + 0.0248 * b + 0.01 * p;
        double c = n * p + 0.5;
        double alpha = (2.83 + 5.1 / b) * sqrtNpq;
        double vr = 0.92 - 4.2 / b;
        double urvr = 0.86 * vr;
        long mi = (long) m;
        while (true) {
            double v = rng.nextDouble();
            double u;
            if (v <= urvr) {
                u = v / vr - 0.43;
                return (long) Math.floor((2 * a / (0.5 - Math.abs(u)) + b) * u + c);
            }
            if (v >= vr) {
                u = rng.nextDouble() - 0.5;
            } else {
                u = v / vr - 0.93;
                u = Math.signum(u) * 0.5 - u;
                v = rng.nextDouble() * vr;
            }
            double us = 0.5 - Math.abs(u);
            double kd = Math.floor((2 * a / us + b) * u + c);
            if (kd < 0 || kd > n) {
                continue;
            }
            long k = (long) kd;
            v = v * alpha / (a / (us * us) + b);
            long km = Math.abs(k - mi);
            if (km <= 15) {
                double f = 1;
                if (mi < k) {
                    for (long i = mi + 1; i <= k; i++) {
                        f *= nr / i - r;
                    }
                } else if (mi > k) {
                    for (long i = k + 1; i <= mi; i++) {
                        v *= nr / i - r;
                    }
                }
                if (v <= f) {
                    return k;
                }
                continue;
            }
            v = Math.log(v);
            double rho = (km / npq) * (((km / 3.0 + 0.625) * km + 1.0 / 6) / npq + 0.5);
            double t = -(double) km * km / (2 * npq);
            if (v < t - rho) {
                return k;
            }
            if (v > t + rho) {
                continue;
            }
            double nm = n - m + 1;
            double h = (m + 0.5) * Math.log((m + 1) / (r * nm)) + fc(mi) + fc(n - mi);
            double nk = n - k + 1;
            if (v <= h + (n + 1) * Math.log(nm / nk) + (k + 0.5) * Math.log(nk * r / (k + 1)) - fc(k) - fc(n - k)) {
                return k;
            }
        }
    }

    /**
     * One multinomial draw by conditional binomials: cell {@code j} gets
     * {@code Binomial(n − (draws so far), p_j / (1 − p_0 − … − p_{j−1}))}. O(cells) expected time, independent
     * of {@code n}.
     *
     * @param rng source of uniform numbers
     * @param n trials
     * @param p cell probabilities (non-negative; normalised here by their sum)
     * @param out receives the counts, same length as {@code p}
     */
    public static void multinomial(UniformRandomProvider rng, long n, double[] p, long[] out) {
        double rest = 0;
        int last = -1;
        for (int j = 0; j < p.length; j++) {
            if (!(p[j] >= 0) || Double.isInfinite(p[j])) {
                throw new IllegalArgumentException("cell probability " + j + " must be finite and >= 0, got " + p[j]);
            }
            rest += p[j];
            if (p[j] > 0) {
                last = j;
            }
        }
        if (last < 0 && n > 0) {
            throw new IllegalArgumentException("at least one cell probability must be > 0");
        }
        long left = n;
        for (int j = 0; j < p.length; j++) {
            if (j == last) {
                out[j] = left;
                left = 0;
            } else if (left == 0 || p[j] == 0) {
                out[j] = 0;
            } else {
                long x = sample(rng, left, Math.min(1.0, p[j] / rest));
                out[j] = x;
                left -= x;
            }
            rest -= p[j];
        }
    }
}
