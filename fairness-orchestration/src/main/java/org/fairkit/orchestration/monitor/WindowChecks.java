package org.fairkit.orchestration.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.fairkit.core.Severity;
import org.fairkit.core.Threshold;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.stats.drift.Cusum;

/**
 * Built-in {@link WindowCheck}s: fairness thresholds, score drift, and a CUSUM change detector on a metric. Values
 * are compared with their thresholds by {@link Threshold}: a value equal to a threshold (within its tie) does not
 * cross it.
 */
public final class WindowChecks {
    private WindowChecks() {
    }

    /**
     * Fires when a fairness metric falls below thresholds (for ratios such as {@code demographic_parity_ratio}):
     * {@link Severity#CRITICAL} below {@code critical}, {@link Severity#WARNING} below {@code warning}. An undefined
     * value does not fire. Rule id: {@code <metric id>_below}.
     *
     * @throws IllegalArgumentException unless {@code critical <= warning}
     */
    public static WindowCheck fairnessBelow(FairnessMetric metric, double warning, double critical) {
        if (!(critical <= warning)) {
            throw new IllegalArgumentException("critical must be <= warning for a lower bound, got critical "
                    + critical + " and warning " + warning);
        }
        String rule = metric.id() + "_below";
        return ctx -> {
            Disparity d = ctx.window().report().fairness(metric);
            if (!d.isDefined() || Threshold.atLeast(warning).isMetBy(d.asDouble())) {
                return List.of();
            }
            Severity s = Threshold.atLeast(critical).isMetBy(d.asDouble()) ? Severity.WARNING : Severity.CRITICAL;
            return List.of(new WindowFinding(rule, Optional.empty(), s, String.format(Locale.ROOT,
                    "%s = %.4f is below %.4f", metric.id(), d.asDouble(), s == Severity.CRITICAL ? critical : warning)
                    + groups(d), d.asDouble()));
        };
    }

    /**
     * Fires when the absolute value of a fairness metric exceeds thresholds (for differences such as
     * {@code demographic_parity_difference} or the signed {@code statistical_parity_difference}):
     * {@link Severity#CRITICAL} above {@code critical}, {@link Severity#WARNING} above {@code warning}. Rule id:
     * {@code <metric id>_above}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= warning <= critical}
     */
    public static WindowCheck fairnessAbove(FairnessMetric metric, double warning, double critical) {
        if (!(warning >= 0 && warning <= critical)) {
            throw new IllegalArgumentException("need 0 <= warning <= critical, got warning " + warning
                    + " and critical " + critical);
        }
        String rule = metric.id() + "_above";
        return ctx -> {
            Disparity d = ctx.window().report().fairness(metric);
            double v = Math.abs(d.asDouble());
            if (!d.isDefined() || Threshold.atMost(warning).isMetBy(v)) {
                return List.of();
            }
            Severity s = Threshold.atMost(critical).isMetBy(v) ? Severity.WARNING : Severity.CRITICAL;
            return List.of(new WindowFinding(rule, Optional.empty(), s, String.format(Locale.ROOT,
                    "|%s| = %.4f is above %.4f", metric.id(), v, s == Severity.CRITICAL ? critical : warning)
                    + groups(d), d.asDouble()));
        };
    }

    /**
     * Fires when a disparity of any task falls below thresholds (ratios such as {@code exposure_ratio},
     * {@code demographic_parity_ratio@urgent} or {@code mean_absolute_error.ratio}): {@link Severity#CRITICAL}
     * below {@code critical}, {@link Severity#WARNING} below {@code warning}. The id is any id the window's
     * {@link org.fairkit.core.TaskReport#disparity(String)} answers; an undefined value does not fire. Rule id:
     * {@code <id>_below}.
     *
     * @throws IllegalArgumentException unless {@code critical <= warning}; when checking, if a window's report
     *     cannot answer the id (naming the ids it can)
     */
    public static WindowCheck below(String disparityId, double warning, double critical) {
        if (!(critical <= warning)) {
            throw new IllegalArgumentException("critical must be <= warning for a lower bound, got critical "
                    + critical + " and warning " + warning);
        }
        String id = requireId(disparityId);
        return ctx -> {
            Disparity d = disparity(ctx.window(), id);
            if (!d.isDefined() || Threshold.atLeast(warning).isMetBy(d.asDouble())) {
                return List.of();
            }
            Severity s = Threshold.atLeast(critical).isMetBy(d.asDouble()) ? Severity.WARNING : Severity.CRITICAL;
            return List.of(new WindowFinding(id + "_below", Optional.empty(), s, String.format(Locale.ROOT,
                    "%s = %.4f is below %.4f", id, d.asDouble(), s == Severity.CRITICAL ? critical : warning)
                    + groups(d), d.asDouble()));
        };
    }

    /**
     * Fires when the absolute value of a disparity of any task exceeds thresholds (differences and losses such as
     * {@code bounded_group_loss_absolute}, {@code mean_absolute_error.difference},
     * {@code macro_true_positive_rate.difference}): {@link Severity#CRITICAL} above {@code critical},
     * {@link Severity#WARNING} above {@code warning}. Rule id: {@code <id>_above}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= warning <= critical}; when checking, if a window's report
     *     cannot answer the id (naming the ids it can)
     */
    public static WindowCheck above(String disparityId, double warning, double critical) {
        if (!(warning >= 0 && warning <= critical)) {
            throw new IllegalArgumentException("need 0 <= warning <= critical, got warning " + warning
                    + " and critical " + critical);
        }
        String id = requireId(disparityId);
        return ctx -> {
            Disparity d = disparity(ctx.window(), id);
            double v = Math.abs(d.asDouble());
            if (!d.isDefined() || Threshold.atMost(warning).isMetBy(v)) {
                return List.of();
            }
            Severity s = Threshold.atMost(critical).isMetBy(v) ? Severity.WARNING : Severity.CRITICAL;
            return List.of(new WindowFinding(id + "_above", Optional.empty(), s, String.format(Locale.ROOT,
                    "|%s| = %.4f is above %.4f", id, v, s == Severity.CRITICAL ? critical : warning) + groups(d),
                    d.asDouble()));
        };
    }

    private static String requireId(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a disparity id is required, e.g. exposure_ratio or "
                    + "mean_absolute_error.difference; got " + (id == null ? "null" : "'" + id + "'"));
        }
        return id.strip();
    }

    private static Disparity disparity(WindowResult w, String id) {
        return w.taskReport().disparity(id).orElseThrow(() -> new IllegalArgumentException("window " + w.index()
                + " (" + w.taskReport().task().id() + ") reports no disparity '" + id + "'; it reports "
                + w.taskReport().disparityIds()));
    }

    private static String groups(Disparity d) {
        return d.groups().isEmpty() ? "" : " (" + String.join(" vs ", d.groups().stream().map(g -> g.describe())
                .toList()) + ")";
    }

    /**
     * Fires per group (and for all rows) when the population stability index of the window's scores against the
     * baseline's exceeds thresholds: {@link Severity#WARNING} above {@code warning} (commonly 0.1, "moderate
     * shift"), {@link Severity#CRITICAL} above {@code critical} (commonly 0.25, "major shift"; Siddiqi 2006). Needs
     * the monitor's score bins. Rule id: {@code score_drift}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= warning <= critical}
     */
    public static WindowCheck scoreDrift(double warning, double critical) {
        if (!(warning >= 0 && warning <= critical)) {
            throw new IllegalArgumentException("need 0 <= warning <= critical, got warning " + warning
                    + " and critical " + critical);
        }
        return ctx -> {
            List<WindowFinding> out = new ArrayList<>();
            for (DriftResult r : ctx.window().drift()) {
                if (!r.psi().isDefined() || Threshold.atMost(warning).isMetBy(r.psi().value())) {
                    continue;
                }
                double psi = r.psi().value();
                Severity s = Threshold.atMost(critical).isMetBy(psi) ? Severity.WARNING : Severity.CRITICAL;
                out.add(new WindowFinding("score_drift", r.group(), s, String.format(Locale.ROOT,
                        "score distribution of %s shifted: PSI %.4f > %.4f (%d baseline rows, %d window rows)",
                        r.where(), psi, s == Severity.CRITICAL ? critical : warning, r.baselineRows(),
                        r.windowRows()), psi));
            }
            return out;
        };
    }

    /**
     * Page's CUSUM ({@link Cusum}) on a fairness metric's series over the monitor's retained windows: the first
     * {@code baselineWindows} of them with a defined value give the in-control mean and standard deviation
     * ({@link Cusum#fromBaseline}; a constant baseline disables the check); the check fires
     * ({@link Severity#WARNING}) in every window whose series since the baseline raises an alarm, naming the
     * estimated change window. Windows with an undefined value are left out of the series. Rule id:
     * {@code <metric id>_cusum}.
     *
     * @param baselineWindows windows that define in-control behaviour, {@code >= 2}
     * @param k allowance in standard deviations (typically 0.5)
     * @param h decision interval in standard deviations (typically 4 or 5)
     */
    public static WindowCheck cusum(FairnessMetric metric, int baselineWindows, double k, double h) {
        if (baselineWindows < 2) {
            throw new IllegalArgumentException("baselineWindows must be >= 2, got " + baselineWindows);
        }
        Cusum.of(0, 1, k, h);
        String rule = metric.id() + "_cusum";
        return ctx -> {
            List<WindowResult> all = new ArrayList<>(ctx.previous());
            all.add(ctx.window());
            List<Double> values = new ArrayList<>();
            List<Long> windows = new ArrayList<>();
            for (WindowResult w : all) {
                Disparity d = w.report().fairness(metric);
                if (d.isDefined()) {
                    values.add(d.asDouble());
                    windows.add(w.index());
                }
            }
            if (values.size() <= baselineWindows || !ctx.window().report().fairness(metric).isDefined()) {
                return List.of();
            }
            double[] base = values.subList(0, baselineWindows).stream().mapToDouble(Double::doubleValue).toArray();
            double[] rest = values.subList(baselineWindows, values.size()).stream().mapToDouble(Double::doubleValue)
                    .toArray();
            Cusum chart;
            try {
                chart = Cusum.fromBaseline(base, k, h);
            } catch (IllegalArgumentException constantBaseline) {
                return List.of();
            }
            return chart.detect(rest).map(a -> List.of(new WindowFinding(rule, Optional.empty(), Severity.WARNING,
                    String.format(Locale.ROOT, "%s shifted (%s) since window %d; CUSUM %.2f > %.2f", metric.id(),
                            a.direction().name().toLowerCase(Locale.ROOT),
                            windows.get(baselineWindows + a.changeIndex()), a.cusum(), h),
                    values.get(values.size() - 1)))).orElse(List.of());
        };
    }
}
