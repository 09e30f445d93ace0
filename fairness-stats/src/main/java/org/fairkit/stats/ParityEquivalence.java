package org.fairkit.stats;

import java.util.Locale;
import java.util.Objects;
import org.fairkit.core.Estimand;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.GroupResults;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Interval;
import org.fairkit.stats.simultaneous.SimultaneousIntervals;

/**
 * An equivalence test for parity: does the data <em>show</em> that a spread is within a margin, rather than merely
 * fail to show that it is not? A non-significant difference is not evidence of fairness; this is.
 *
 * <pre>{@code
 * ParityEquivalence.Result r = ParityEquivalence.of(report)
 *     .test(FairnessMetric.DEMOGRAPHIC_PARITY_DIFFERENCE, 0.05, 0.05);   // margin 0.05, alpha 0.05
 * r.equivalent();   // true when max - min < 0.05 is shown at level alpha
 * }</pre>
 *
 * <p>Two one-sided tests (Schuirmann 1987, J. Pharmacokinet. Biopharm. 15:657–680) for every comparison of the
 * family behind the metric, combined as an intersection–union test (Berger 1982, Technometrics 24:295–300): the
 * spread is shown below the margin when every comparison's {@code 1 − 2α} interval lies inside
 * {@code (−margin, margin)}; no multiplicity correction is needed, because all comparisons must pass. In terms of
 * the projected interval at level {@code 1 − 2α} <em>without</em> Šidák adjustment: a difference spread is
 * equivalent when its upper end is below the margin; a ratio spread ({@code min / max}) when its lower end is above
 * {@code margin} (e.g. 0.8 for the four-fifths rule). The closed forms need unweighted rates (see
 * {@link SimultaneousIntervals}); otherwise the test is undefined, and says why.
 */
public final class ParityEquivalence {
    private final GroupResults results;

    private ParityEquivalence(GroupResults results) {
        this.results = Objects.requireNonNull(results, "results");
    }

    /** Starts equivalence tests on a report's counts. */
    public static ParityEquivalence of(FairnessReport report) {
        return new ParityEquivalence(Objects.requireNonNull(report, "report").results());
    }

    /**
     * The outcome.
     *
     * @param metric the spread tested
     * @param margin the equivalence margin (a difference below it, or a ratio above it, counts as parity)
     * @param alpha the level of the test
     * @param bound the projected {@code 1 − 2α} interval of the spread (the comparisons' intervals unadjusted)
     * @param equivalent whether parity within the margin is shown at level {@code alpha}
     * @param reason why the test could not be made, when {@code bound} is null
     */
    public record Result(FairnessMetric metric, double margin, double alpha, Interval bound, boolean equivalent,
            String reason) {
        @Override
        public String toString() {
            if (bound == null) {
                return metric.id() + ": no equivalence test (" + reason + ")";
            }
            return String.format(Locale.ROOT, "%s: %s at alpha %.3f against margin %s (%.0f%% bound %s)", metric.id(),
                    equivalent ? "parity shown" : "parity not shown", alpha, margin, 100 * (1 - 2 * alpha), bound);
        }
    }

    /**
     * Tests whether a between-groups spread is within {@code margin}.
     *
     * @param metric a spread ({@link FairnessMetric.Form#SPREAD_DIFFERENCE} or {@link FairnessMetric.Form#SPREAD_RATIO})
     * @param margin for a difference, in (0, 1]; for a ratio, in (0, 1)
     * @param alpha in (0, 0.5)
     * @throws IllegalArgumentException for a metric against a reference, or a margin or alpha outside its domain
     */
    public Result test(FairnessMetric metric, double margin, double alpha) {
        Objects.requireNonNull(metric, "metric");
        if (metric.form().referenced()) {
            throw new IllegalArgumentException("metric must be a spread between groups, got " + metric.id()
                    + " (a metric against a reference group)");
        }
        boolean ratio = metric.form() == FairnessMetric.Form.SPREAD_RATIO;
        if (!(margin > 0 && (ratio ? margin < 1 : margin <= 1))) {
            throw new IllegalArgumentException("margin must be in " + (ratio ? "(0, 1)" : "(0, 1]") + ", got " + margin);
        }
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("alpha must be in (0, 0.5), got " + alpha);
        }
        SimultaneousIntervals.Result r = SimultaneousIntervals.unadjusted(results, 1 - 2 * alpha);
        Interval i = r.intervals().get(Estimand.fairness(metric));
        if (i == null) {
            return new Result(metric, margin, alpha, null, false,
                    r.omitted().getOrDefault(Estimand.fairness(metric), "the metric is not estimated"));
        }
        boolean equivalent = ratio ? i.lower() > margin : i.upper() < margin;
        return new Result(metric, margin, alpha, i, equivalent, null);
    }
}
