package org.fairkit.stats.bootstrap;

import java.util.Optional;
import org.fairkit.core.Estimand;
import org.fairkit.core.GroupResults;
import org.fairkit.core.IntervalRequest;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.stats.bayes.PosteriorSampler;
import org.fairkit.stats.proportion.ProportionInterval;
import org.fairkit.stats.proportion.TwoProportionIntervals;

/**
 * Detects a bootstrap distribution too discrete to give an interval, and supplies the closed form in its place.
 *
 * <p>With few events the resampled rate takes a handful of values, or only one: a group with 0 of 50 selections
 * resamples to 0 every time, and the percentile interval {@code [0, 0]} covers nothing. A distribution is
 * <em>degenerate</em> here when a group it involves has fewer than {@value #MIN_CELL} events or fewer than
 * {@value #MIN_CELL} non-events of the rate (the usual rule for normal approximations of a binomial), or when the
 * resampled values take fewer than {@value #MIN_DISTINCT} distinct values. Its replacement, for unweighted rates
 * with a fixed denominator, is the score-based closed form: Wilson for a rate, Newcombe for a difference with the
 * reference, MOVER-R Wilson for a ratio (Fagerland, Lydersen &amp; Laake 2015). Other quantities (weighted data,
 * metrics without a fixed denominator) have no closed form and lose the interval, with the reason.
 */
final class DegenerateFallback {
    /** Fewest events and non-events of a rate in each involved group. */
    static final int MIN_CELL = 5;
    /** Fewest distinct resampled values. */
    static final int MIN_DISTINCT = 20;

    private final GroupResults est;
    private final boolean weighted;
    private final double level;

    DegenerateFallback(IntervalRequest request, double level) {
        this.est = request.estimates();
        this.weighted = request.tally().isWeighted();
        this.level = level;
    }

    /** @return why the distribution of {@code e} is degenerate, or empty when it is fine */
    Optional<String> degenerate(Estimand e, BootstrapDistribution d) {
        GroupMetric m = metric(e);
        if (m == Metrics.COUNT || m == null) {
            return Optional.empty();
        }
        if (PosteriorSampler.betaCells(m).isPresent()) {
            for (Optional<GroupKey> g : involved(e)) {
                long[] xn = counts(g, m);
                long few = Math.min(xn[0], xn[1] - xn[0]);
                if (few < MIN_CELL) {
                    return Optional.of("bootstrap degenerate: " + g.map(k -> "group " + k.label()).orElse("all rows")
                            + " has " + xn[0] + " of " + xn[1] + " for " + m.id() + " (fewer than " + MIN_CELL
                            + " events or non-events)");
                }
            }
        }
        long distinct = d.distinctValues();
        if (distinct < MIN_DISTINCT) {
            return Optional.of("bootstrap degenerate: only " + distinct + " distinct resampled values (fewer than "
                    + MIN_DISTINCT + ")");
        }
        return Optional.empty();
    }

    /** @return the closed-form interval replacing a degenerate one, for unweighted rates; empty otherwise */
    Optional<Interval> closedForm(Estimand e) {
        GroupMetric m = metric(e);
        if (weighted || m == null || PosteriorSampler.betaCells(m).isEmpty()) {
            return Optional.empty();
        }
        switch (e.kind()) {
            case GROUP_VALUE:
            case OVERALL_VALUE:
                long[] xn = counts(e.group(), m);
                return Optional.of(ProportionInterval.WILSON.interval(xn[0], xn[1], level));
            case REFERENCE_DIFFERENCE:
            case REFERENCE_RATIO:
                long[] a = counts(e.group(), m);
                long[] b = counts(est.reference(), m);
                return (e.kind() == Estimand.Kind.REFERENCE_DIFFERENCE
                        ? TwoProportionIntervals.moverDifference(a[0], a[1], b[0], b[1], level, ProportionInterval.WILSON)
                        : TwoProportionIntervals.moverRatio(a[0], a[1], b[0], b[1], level, ProportionInterval.WILSON))
                        .interval();
            default:
                return Optional.empty();
        }
    }

    private GroupMetric metric(Estimand e) {
        return est.spec().metrics().stream().filter(x -> x.id().equals(e.metricId())).findFirst().orElse(null);
    }

    private java.util.List<Optional<GroupKey>> involved(Estimand e) {
        switch (e.kind()) {
            case REFERENCE_DIFFERENCE:
            case REFERENCE_RATIO:
                return java.util.List.of(e.group(), est.reference());
            default:
                return java.util.List.of(e.group());
        }
    }

    /** {x, n} of a rate in a group (or over all rows when empty). */
    private long[] counts(Optional<GroupKey> g, GroupMetric m) {
        return PosteriorSampler.rateCounts(m, g.map(est::counts).orElse(est.overallCounts())).orElseThrow();
    }
}
