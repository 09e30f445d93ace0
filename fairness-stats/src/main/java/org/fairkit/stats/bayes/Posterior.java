package org.fairkit.stats.bayes;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoublePredicate;
import org.fairkit.core.Estimand;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.Interval;

/**
 * The posterior of every reported quantity: Monte Carlo draws (joint within each metric and each named fairness
 * metric), exact Beta posteriors of the group rates that have one, credible intervals, and decision
 * probabilities such as {@code P(ratio < 0.8)}.
 *
 * <p>Draws are NaN where the quantity is undefined in that draw (for example a group without positives has no
 * true positive rate, whatever the posterior); probabilities are taken over the defined draws and
 * {@link #undefinedDraws(Estimand)} says how many were not.
 */
public final class Posterior {
    private final String description;
    private final Map<Estimand, double[]> draws;
    private final Map<Estimand, BetaPosterior> exact;
    private final Map<Estimand, Interval> intervals;
    private final Map<Estimand, String> omitted;

    Posterior(String description, Map<Estimand, double[]> draws, Map<Estimand, BetaPosterior> exact,
            Map<Estimand, Interval> intervals, Map<Estimand, String> omitted) {
        this.description = description;
        this.draws = Collections.unmodifiableMap(new LinkedHashMap<>(draws));
        this.exact = Collections.unmodifiableMap(new LinkedHashMap<>(exact));
        this.intervals = Collections.unmodifiableMap(new LinkedHashMap<>(intervals));
        this.omitted = Collections.unmodifiableMap(new LinkedHashMap<>(omitted));
    }

    /** @return the settings in words */
    public String description() {
        return description;
    }

    /** @return the credible intervals that could be given */
    public Map<Estimand, Interval> intervals() {
        return intervals;
    }

    /** @return why an estimand has no interval (undefined point, too many undefined draws, observed count) */
    public Map<Estimand, String> omitted() {
        return omitted;
    }

    /** @return the estimands that have draws, in report order */
    public java.util.Set<Estimand> estimands() {
        return draws.keySet();
    }

    /** @return the posterior draws of an estimand (NaN where undefined; a copy) */
    public double[] draws(Estimand e) {
        return require(e).clone();
    }

    /** @return the exact Beta posterior of a group's rate, for metrics with a Beta shortcut */
    public Optional<BetaPosterior> beta(Estimand e) {
        return Optional.ofNullable(exact.get(e));
    }

    /** @return draws in which the estimand was undefined */
    public int undefinedDraws(Estimand e) {
        return (int) Arrays.stream(require(e)).filter(x -> !Double.isFinite(x)).count();
    }

    /**
     * The posterior probability of an event, estimated by the share of defined draws in which it holds (Monte
     * Carlo standard error at most {@code 0.5 / sqrt(draws)}).
     *
     * @throws IllegalArgumentException if the estimand was not estimated
     * @throws IllegalStateException if it is undefined in every draw
     */
    public double probability(Estimand e, DoublePredicate event) {
        double[] d = require(e);
        long defined = 0;
        long hits = 0;
        for (double x : d) {
            if (Double.isFinite(x)) {
                defined++;
                if (event.test(x)) {
                    hits++;
                }
            }
        }
        if (defined == 0) {
            throw new IllegalStateException(e + " is undefined in every draw");
        }
        return (double) hits / defined;
    }

    /** @return {@code P(value < x)}, e.g. {@code P(ratio < 0.8)} for the four-fifths rule */
    public double probabilityBelow(Estimand e, double x) {
        return probability(e, v -> v < x);
    }

    /** @return {@code P(value > x)} */
    public double probabilityAbove(Estimand e, double x) {
        return probability(e, v -> v > x);
    }

    /** @return {@code P(|value| > d)}, e.g. for a difference that matters only beyond a margin */
    public double probabilityAbsAbove(Estimand e, double d) {
        return probability(e, v -> Math.abs(v) > d);
    }

    /** @return joint draws of {@code metric(a) − metric(b)} (the metric must have been reported) */
    public double[] difference(GroupMetric metric, GroupKey a, GroupKey b) {
        double[] x = require(Estimand.groupValue(metric, a));
        double[] y = require(Estimand.groupValue(metric, b));
        double[] out = new double[x.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = x[i] - y[i];
        }
        return out;
    }

    /** @return joint draws of {@code metric(a) / metric(b)}, NaN where {@code metric(b)} is 0 */
    public double[] ratio(GroupMetric metric, GroupKey a, GroupKey b) {
        double[] x = require(Estimand.groupValue(metric, a));
        double[] y = require(Estimand.groupValue(metric, b));
        double[] out = new double[x.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = y[i] == 0 ? Double.NaN : x[i] / y[i];
        }
        return out;
    }

    /** @return the share of finite draws satisfying {@code event} */
    public static double share(double[] draws, DoublePredicate event) {
        long defined = Arrays.stream(draws).filter(Double::isFinite).count();
        if (defined == 0) {
            throw new IllegalStateException("no defined draw");
        }
        return (double) Arrays.stream(draws).filter(Double::isFinite).filter(event::test).count() / defined;
    }

    private double[] require(Estimand e) {
        double[] d = draws.get(e);
        if (d == null) {
            throw new IllegalArgumentException("no posterior draws for " + e + "; estimated: " + draws.keySet());
        }
        return d;
    }
}
