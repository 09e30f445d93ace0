package org.fairkit.stats.drift;

import org.fairkit.core.internal.InputErrors;

/**
 * Wald's sequential probability ratio test for a Bernoulli rate (Wald 1945, "Sequential tests of statistical
 * hypotheses"), e.g. to monitor a group's error rate in production and stop as soon as the evidence suffices:
 * {@code H0: p = p0} against {@code H1: p = p1}.
 *
 * <p>The log-likelihood ratio after n observations is
 * {@code LLR_n = Σ_{i<=n} [x_i ln(p1/p0) + (1 - x_i) ln((1-p1)/(1-p0))]} (H1 over H0). Wald's boundaries are
 * {@code A = ln((1-β)/α)} (accept H1 when {@code LLR_n >= A}) and {@code B = ln(β/(1-α))} (accept H0 when
 * {@code LLR_n <= B}); the test stops at the first n that crosses one. The error rates are approximately α and β
 * (Wald's approximations are conservative). Matches the reference implementation of {@code stats.json -> sprt},
 * summing in sequence order.
 *
 * <p>Usage: {@code Sprt.of(0.1, 0.2, 0.05, 0.2).run(outcomes)}. Immutable.
 */
public final class Sprt {
    private final double p0;
    private final double p1;
    private final double alpha;
    private final double beta;
    private final double success;
    private final double failure;

    private Sprt(double p0, double p1, double alpha, double beta) {
        this.p0 = p0;
        this.p1 = p1;
        this.alpha = alpha;
        this.beta = beta;
        this.success = Math.log(p1 / p0);
        this.failure = Math.log((1 - p1) / (1 - p0));
    }

    /**
     * A test of {@code p = p0} against {@code p = p1}.
     *
     * @param p0 the rate under H0, in (0, 1)
     * @param p1 the rate under H1, in (0, 1), different from p0
     * @param alpha the type I error rate, in (0, 1)
     * @param beta the type II error rate, in (0, 1), with {@code alpha + beta < 1}
     * @throws IllegalArgumentException for a parameter outside its domain
     */
    public static Sprt of(double p0, double p1, double alpha, double beta) {
        open("p0", p0);
        open("p1", p1);
        if (p0 == p1) {
            throw InputErrors.badSetting("p1", p1, "different from p0 = " + p0);
        }
        open("alpha", alpha);
        open("beta", beta);
        if (!(alpha + beta < 1)) {
            throw InputErrors.badSetting("alpha + beta", alpha + beta, "< 1");
        }
        return new Sprt(p0, p1, alpha, beta);
    }

    /** The decision of a sequential test. */
    public enum Decision {
        /** The LLR reached the lower boundary B: the data favour H0. */
        ACCEPT_H0,
        /** The LLR reached the upper boundary A: the data favour H1. */
        ACCEPT_H1,
        /** Neither boundary was reached: keep observing. */
        CONTINUE
    }

    /**
     * The outcome of running the test on a sequence.
     *
     * @param decision the decision
     * @param observations the (1-based) observation at which the test stopped, or the sequence length when it
     *     continues
     * @param llr the log-likelihood ratio after {@code observations} observations
     */
    public record Result(Decision decision, int observations, double llr) {
    }

    /** @return the upper boundary {@code A = ln((1-β)/α)} */
    public double upperBoundary() {
        return Math.log((1 - beta) / alpha);
    }

    /** @return the lower boundary {@code B = ln(β/(1-α))} */
    public double lowerBoundary() {
        return Math.log(beta / (1 - alpha));
    }

    /** @return the LLR increment of one observation, {@code ln(p1/p0)} for 1 and {@code ln((1-p1)/(1-p0))} for 0 */
    public double increment(int outcome) {
        if (outcome != 0 && outcome != 1) {
            throw InputErrors.badSetting("outcome", outcome, "0 or 1");
        }
        return outcome == 1 ? success : failure;
    }

    /**
     * {@code LLR_1 .. LLR_n} of a sequence of outcomes.
     *
     * @throws IllegalArgumentException for an outcome other than 0 or 1 (naming its index)
     */
    public double[] llrTrajectory(int[] outcomes) {
        check(outcomes);
        double[] t = new double[outcomes.length];
        double llr = 0;
        for (int i = 0; i < outcomes.length; i++) {
            llr += outcomes[i] == 1 ? success : failure;
            t[i] = llr;
        }
        return t;
    }

    /**
     * Runs the test on the outcomes in order and stops at the first boundary crossing.
     *
     * @throws IllegalArgumentException for an outcome other than 0 or 1 (naming its index)
     */
    public Result run(int[] outcomes) {
        double[] t = llrTrajectory(outcomes);
        double a = upperBoundary();
        double b = lowerBoundary();
        for (int i = 0; i < t.length; i++) {
            if (t[i] >= a) {
                return new Result(Decision.ACCEPT_H1, i + 1, t[i]);
            }
            if (t[i] <= b) {
                return new Result(Decision.ACCEPT_H0, i + 1, t[i]);
            }
        }
        return new Result(Decision.CONTINUE, t.length, t.length == 0 ? 0 : t[t.length - 1]);
    }

    private static void check(int[] outcomes) {
        if (outcomes == null) {
            throw InputErrors.badSetting("outcomes", null, "an array of 0/1 outcomes");
        }
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i] != 0 && outcomes[i] != 1) {
                throw InputErrors.badValue("outcomes", i, outcomes[i], "0 or 1");
            }
        }
    }

    private static void open(String name, double x) {
        if (!(x > 0 && x < 1)) {
            throw InputErrors.badSetting(name, x, "in (0, 1)");
        }
    }

    @Override
    public String toString() {
        return "SPRT(p0=" + p0 + ", p1=" + p1 + ", alpha=" + alpha + ", beta=" + beta + ")";
    }
}
