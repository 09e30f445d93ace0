package org.fairkit.mitigation.tradeoff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.fairkit.core.metrics.Direction;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.Interval;

/**
 * The fairness–accuracy trade-off of one mitigator's knob on held-out rows: every swept point (none hidden), which
 * are Pareto-optimal, and the point {@link TradeOff} recommends, with the reason in words. Immutable; built by
 * {@link TradeOff#evaluate}.
 *
 * <p><b>Coordinates.</b> The performance metric's <em>gain</em> is its value when higher is better and minus its value
 * when lower is better. The disparity's <em>distance from parity</em> is {@link #distanceFromParity}: {@code |d|}
 * for a difference (parity at 0), {@code 1 - min(r, 1/r)} for a ratio (parity at 1; 0 at parity, 1 when one group's
 * rate is 0). Pareto-optimality ({@link Pareto}) maximizes the gain and minimizes the distance, exactly, on the
 * expected values.
 *
 * <p><b>Recommendation</b> (deterministic, independent of the order of the points): among the Pareto-optimal
 * points, those whose distance's <em>upper bound</em> over the disparity's interval is at most {@link #bound()} are
 * acceptable; the recommended point is the acceptable point with the largest gain (ties: the smaller distance, then
 * the smaller knob value). When no point is acceptable, it is the Pareto-optimal point with the smallest distance
 * (ties: the larger gain, then the smaller knob value), and the reason says that the bound could not be shown. It is
 * always Pareto-optimal. It is empty only when no point has both values defined.
 */
public final class Frontier {
    private final String knob;
    private final GroupMetric metric;
    private final FairnessMetric disparity;
    private final double bound;
    private final long rows;
    private final String intervalMethod;
    private final List<TradeOffPoint> points;
    private final OptionalInt recommended;
    private final String reason;

    Frontier(String knob, GroupMetric metric, FairnessMetric disparity, double bound, long rows,
            String intervalMethod, List<TradeOffPoint> unflagged) {
        this.knob = knob;
        this.metric = metric;
        this.disparity = disparity;
        this.bound = bound;
        this.rows = rows;
        this.intervalMethod = intervalMethod;
        int n = unflagged.size();
        double[] gain = new double[n];
        double[] loss = new double[n];
        for (int i = 0; i < n; i++) {
            TradeOffPoint p = unflagged.get(i);
            gain[i] = gain(metric, p);
            loss[i] = p.distance();
        }
        boolean[] pareto = Pareto.optimal(gain, loss);
        List<TradeOffPoint> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(unflagged.get(i).withPareto(pareto[i]));
        }
        this.points = List.copyOf(out);
        int best = -1;
        for (int i = 0; i < n; i++) {
            if (pareto[i] && acceptable(points.get(i)) && (best < 0 || better(i, best, gain, loss, true))) {
                best = i;
            }
        }
        if (best >= 0) {
            recommended = OptionalInt.of(best);
            long others = points.stream().filter(TradeOffPoint::pareto).filter(this::acceptable).count() - 1;
            reason = String.format(Locale.ROOT, "%s = %s has the best %s (%s) of the Pareto-optimal points whose %s "
                    + "is shown within %s of parity: over its %s interval the distance from parity is at most %s <= %s%s; all "
                    + "%d points are listed", knob, plain(points.get(best).knob()), metric.info().id(),
                    num(points.get(best).metric().value()), disparity.id(), num(bound), level(points.get(best)),
                    num(points.get(best).distanceUpper()), num(bound),
                    others == 0 ? "" : " (" + others + " other such point" + (others == 1 ? " trades " : "s trade ")
                            + metric.info().id() + " for less disparity)", n);
        } else {
            for (int i = 0; i < n; i++) {
                if (pareto[i] && (best < 0 || better(i, best, gain, loss, false))) {
                    best = i;
                }
            }
            if (best >= 0) {
                recommended = OptionalInt.of(best);
                reason = String.format(Locale.ROOT, "no Pareto-optimal point's %s interval lies within %s of parity; "
                        + "%s = %s has the least disparity (%s = %s, %s %s); all %d points are listed",
                        disparity.id(), num(bound), knob, plain(points.get(best).knob()), disparity.id(),
                        num(points.get(best).disparity().asDouble()), metric.info().id(),
                        num(points.get(best).metric().value()), n);
            } else {
                recommended = OptionalInt.empty();
                reason = "no point has both " + metric.info().id() + " and " + disparity.id() + " defined; nothing "
                        + "to recommend";
            }
        }
    }

    private static String level(TradeOffPoint p) {
        return p.disparityInterval().map(i -> String.format(Locale.ROOT, "%.0f%%", 100 * i.level())).orElse("");
    }

    private boolean acceptable(TradeOffPoint p) {
        return p.isDefined() && !Double.isNaN(p.distanceUpper()) && p.distanceUpper() <= bound;
    }

    /** Whether point i beats the current best j under the rule (primary: gain when {@code byGain}, else distance). */
    private boolean better(int i, int j, double[] gain, double[] loss, boolean byGain) {
        int c = byGain ? Double.compare(gain[i], gain[j]) : Double.compare(loss[j], loss[i]);
        if (c != 0) {
            return c > 0;
        }
        c = byGain ? Double.compare(loss[j], loss[i]) : Double.compare(gain[i], gain[j]);
        if (c != 0) {
            return c > 0;
        }
        return points.get(i).knob() < points.get(j).knob();
    }

    /** The gain of a point's metric: its value when higher is better, minus it when lower is better; NaN if undefined. */
    static double gain(GroupMetric metric, TradeOffPoint p) {
        if (!p.metric().isDefined()) {
            return Double.NaN;
        }
        return metric.info().direction() == Direction.LOWER_IS_BETTER ? -p.metric().value() : p.metric().value();
    }

    /**
     * The distance of a fairness metric's value from parity: {@code |v|} when parity is 0 (differences),
     * {@code 1 - min(v, 1/v)} when parity is 1 (ratios; 1 for {@code v = 0} or {@code +inf}).
     *
     * @return the distance, NaN for NaN
     * @throws IllegalArgumentException for a fairness metric without a parity value
     */
    public static double distanceFromParity(FairnessMetric metric, double v) {
        Direction d = metric.info().direction();
        if (d == Direction.ZERO_IS_PARITY) {
            return Math.abs(v);
        }
        if (d == Direction.ONE_IS_PARITY) {
            if (Double.isNaN(v)) {
                return v;
            }
            return v <= 0 ? 1 : 1 - Math.min(v, 1 / v);
        }
        throw new IllegalArgumentException("disparity must be a fairness metric with parity at 0 or 1, got "
                + metric.id() + " (" + d + ")");
    }

    /**
     * The largest distance from parity over an interval of a fairness metric: {@code max(|L|, |U|)} for differences,
     * {@code 1 - min(L, 1/U)} for ratios (when the interval contains 1; the same formula covers both sides).
     */
    public static double distanceUpper(FairnessMetric metric, Interval i) {
        Direction d = metric.info().direction();
        if (d == Direction.ZERO_IS_PARITY) {
            return Math.max(Math.abs(i.lower()), Math.abs(i.upper()));
        }
        return Math.max(distanceFromParity(metric, i.lower()), distanceFromParity(metric, i.upper()));
    }

    /** @return the knob's name, e.g. {@code tolerance} */
    public String knob() {
        return knob;
    }

    /** @return the performance metric (accuracy by default) */
    public GroupMetric metric() {
        return metric;
    }

    /** @return the fairness metric */
    public FairnessMetric disparity() {
        return disparity;
    }

    /** @return the largest acceptable distance from parity of the recommendation's rule */
    public double bound() {
        return bound;
    }

    /** @return the number of held-out rows */
    public long rows() {
        return rows;
    }

    /** @return how the intervals were computed, in words */
    public String intervalMethod() {
        return intervalMethod;
    }

    /** @return every point, in the order of the swept values */
    public List<TradeOffPoint> points() {
        return points;
    }

    /** @return the Pareto-optimal points, in the order of the swept values */
    public List<TradeOffPoint> pareto() {
        return points.stream().filter(TradeOffPoint::pareto).toList();
    }

    /** @return the index of the recommended point in {@link #points()}, empty when no point is defined */
    public OptionalInt recommendedIndex() {
        return recommended;
    }

    /** @return the recommended point */
    public Optional<TradeOffPoint> recommended() {
        return recommended.isPresent() ? Optional.of(points.get(recommended.getAsInt())) : Optional.empty();
    }

    /** @return why the recommended point is recommended, in words */
    public String reason() {
        return reason;
    }

    private static String num(double v) {
        if (Double.isNaN(v)) {
            return "undefined";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        String s = String.format(Locale.ROOT, "%.4f", v);
        return s.equals("-0.0000") ? "0.0000" : s;
    }

    /** A knob value as typed: no trailing zeros ({@code 0.05}, {@code 3}). */
    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String interval(Optional<Interval> i) {
        return i.map(x -> "[" + num(x.lower()) + ", " + num(x.upper()) + "]").orElse("-");
    }

    /** @return a fixed-width table of every point ({@code *} Pareto-optimal, {@code >} recommended) and the reason */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Trade-off over %s on %d held-out rows: %s against %s%n", knob, rows,
                metric.info().id(), disparity.id()));
        String line = "%2s %10s  %10s  %-20s  %10s  %-20s%n";
        b.append(String.format(Locale.ROOT, line, "", knob.length() > 10 ? knob.substring(0, 10) : knob,
                metric.info().id().length() > 10 ? metric.info().id().substring(0, 10) : metric.info().id(),
                "interval", "disparity", "interval"));
        for (int i = 0; i < points.size(); i++) {
            TradeOffPoint p = points.get(i);
            String mark = (recommended.isPresent() && recommended.getAsInt() == i ? ">" : "")
                    + (p.pareto() ? "*" : "");
            b.append(String.format(Locale.ROOT, line, mark, num(p.knob()),
                    p.metric().isDefined() ? num(p.metric().value()) : "undefined", interval(p.metricInterval()),
                    p.disparity().isDefined() ? num(p.disparity().asDouble()) : "undefined",
                    interval(p.disparityInterval())));
        }
        b.append("* Pareto-optimal; > recommended: ").append(reason).append('\n');
        b.append("Intervals: ").append(intervalMethod).append('\n');
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frontier f && knob.equals(f.knob) && metric.equals(f.metric)
                && disparity == f.disparity && Double.compare(bound, f.bound) == 0 && rows == f.rows
                && intervalMethod.equals(f.intervalMethod) && points.equals(f.points)
                && recommended.equals(f.recommended);
    }

    @Override
    public int hashCode() {
        return Objects.hash(knob, metric, disparity, bound, rows, points, recommended);
    }
}
