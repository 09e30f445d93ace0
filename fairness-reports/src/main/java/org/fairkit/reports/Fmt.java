package org.fairkit.reports;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;

/** Number and date formatting shared by every document: {@link Locale#ROOT}, fixed decimals, UTC. */
final class Fmt {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Fmt() {
    }

    /**
     * Three decimals; whole numbers from 10 up (counts such as a group size a policy rule was judged on) without
     * decimals, so that "776" does not read "776.000". Rates, ratios and differences keep three decimals.
     */
    static String num(double v) {
        if (Math.abs(v) >= 10 && v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return num(v, 3);
    }

    static String num(double v, int decimals) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "infinity" : "-infinity";
        }
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return s.matches("-0\\.0*") ? s.substring(1) : s;
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A value, or {@code undefined: reason}. */
    static String value(MetricValue v) {
        return v.isDefined() ? num(v.value()) : "undefined: " + v.reason().orElseThrow();
    }

    /** A value, or {@code undefined} (for narrow table cells; the reason is shown elsewhere). */
    static String shortValue(MetricValue v) {
        return v.isDefined() ? num(v.value()) : "undefined";
    }

    /**
     * One sentence per named metric with an interval: which method produced it and what a reader must know
     * (a simultaneous family, a closed form replacing a degenerate bootstrap, an end fixed at 0 or 1).
     */
    static java.util.List<String> intervalMethods(org.fairkit.core.FairnessReport report,
            java.util.Collection<org.fairkit.core.metrics.FairnessMetric> metrics) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (org.fairkit.core.metrics.FairnessMetric f : metrics) {
            report.fairness(f).interval().ifPresent(i -> out.add(f.info().name() + ": " + i.method()
                    + i.note().map(n -> " (" + n + ")").orElse("") + "."));
        }
        return out;
    }

    static String interval(Interval i) {
        return "[" + num(i.lower()) + ", " + num(i.upper()) + "]";
    }

    static String interval(Optional<Interval> i) {
        return i.map(Fmt::interval).orElse("");
    }

    static String valueWithInterval(MetricValue v, Optional<Interval> i) {
        return v.isDefined() ? num(v.value()) + i.map(x -> " " + interval(x)).orElse("") : value(v);
    }

    static String pValue(MetricValue p) {
        if (!p.isDefined()) {
            return "n/a";
        }
        return p.value() < 0.001 ? "<\u00a00.001" : num(p.value());
    }

    static String percent(double level) {
        double p = level * 100;
        return p == Math.rint(p) ? String.format(Locale.ROOT, "%.0f%%", p) : String.format(Locale.ROOT, "%.1f%%", p);
    }

    static String instant(Instant t) {
        return TIME.format(t);
    }

    /** {@code snake_case_id} to {@code Snake case id}. */
    static String humanize(String id) {
        String s = id.replace('_', ' ');
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
