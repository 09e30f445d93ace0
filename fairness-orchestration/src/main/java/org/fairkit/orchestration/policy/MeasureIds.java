package org.fairkit.orchestration.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.fairkit.core.catalog.MetricCatalog;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.MetricFamily;
import org.fairkit.core.metrics.MetricInfo;
import org.fairkit.core.metrics.Metrics;

/**
 * The one parser of metric ids in rules (after {@code min_group_size} and the data rules): validates an id against
 * fairness-core's {@link MetricCatalog} and the multiclass forms {@code macro_<metric>} and {@code <metric>@<class>},
 * and builds the {@link Measure}. Binary ids keep today's types ({@link Measure.Fairness}, {@link Measure.Aggregate},
 * {@link Measure.EveryGroup}); every other id gives {@link Measure.NamedDisparity}, {@link Measure.TaskAggregate} or
 * {@link Measure.TaskEveryGroup}.
 */
final class MeasureIds {
    /** The prefix of a multiclass macro average. */
    static final String MACRO = "macro_";

    private MeasureIds() {
    }

    /** What an id means, before any measure is built. */
    private record Parsed(MetricInfo info, boolean macro, String cls, Measure.Aggregation aggregation) {
        String metricId() {
            return (macro ? MACRO : "") + info.id() + (cls == null ? "" : "@" + cls);
        }

        String canonical() {
            return metricId() + (aggregation == null ? "" : "." + aggregation.id());
        }

        boolean named() {
            return info.family() == MetricFamily.DISPARITY;
        }

        boolean binary() {
            return !macro && cls == null;
        }
    }

    static Measure parse(String id) {
        Parsed p = analyze(id);
        if (p.named()) {
            FairnessMetric f = p.binary() ? fairnessMetric(p.info()) : null;
            return f != null ? Measure.fairness(f) : new Measure.NamedDisparity(p.canonical());
        }
        Metrics m = p.binary() ? confusionMetric(p.info()) : null;
        if (p.aggregation() == null) {
            return m != null ? Measure.everyGroup(m) : new Measure.TaskEveryGroup(p.metricId());
        }
        return m != null ? new Measure.Aggregate(m, p.aggregation())
                : new Measure.TaskAggregate(p.metricId(), p.aggregation());
    }

    /** Checks that a record of the general forms holds a canonical id of its own form. */
    static void requireCanonical(String id, Class<? extends Measure> form) {
        Objects.requireNonNull(id, "id");
        Parsed p = analyze(id);
        Class<? extends Measure> expected = form(p);
        if (!p.canonical().equals(id) || expected != form) {
            throw new IllegalArgumentException(form.getSimpleName() + " needs a canonical id of its form, got '" + id
                    + "' (Measure.byId(\"" + id + "\") gives " + p.canonical() + ")");
        }
    }

    static java.util.Optional<MetricInfo> catalogMetric(Measure m) {
        if (m instanceof Measure.MinGroupSize || m instanceof DataMeasure) {
            return java.util.Optional.empty();
        }
        if (m instanceof Measure.Regression r) {
            return java.util.Optional.of(r.metric().info());
        }
        return java.util.Optional.of(analyze(m.id()).info());
    }

    /** @return the type {@link #parse} builds for an id */
    private static Class<? extends Measure> form(Parsed p) {
        if (p.named()) {
            return p.binary() && fairnessMetric(p.info()) != null ? Measure.Fairness.class
                    : Measure.NamedDisparity.class;
        }
        boolean confusion = p.binary() && confusionMetric(p.info()) != null;
        if (p.aggregation() == null) {
            return confusion ? Measure.EveryGroup.class : Measure.TaskEveryGroup.class;
        }
        return confusion ? Measure.Aggregate.class : Measure.TaskAggregate.class;
    }

    private static Parsed analyze(String id) {
        String s = id == null ? "" : id.strip();
        Measure.Aggregation aggregation = null;
        String lower = s.toLowerCase(Locale.ROOT);
        for (Measure.Aggregation a : Measure.Aggregation.values()) {
            String suffix = "." + a.id();
            if (lower.endsWith(suffix) && lower.length() > suffix.length()) {
                aggregation = a;
                s = s.substring(0, s.length() - suffix.length());
                break;
            }
        }
        String cls = null;
        int at = s.indexOf('@');
        if (at >= 0) {
            cls = s.substring(at + 1);
            s = s.substring(0, at);
            if (cls.isEmpty() || cls.chars().anyMatch(c -> Character.isWhitespace(c) || c == '<' || c == '>'
                    || c == '=')) {
                throw new IllegalArgumentException(PolicyErrors.badClass(id));
            }
        }
        String base = s.toLowerCase(Locale.ROOT);
        boolean macro = false;
        MetricInfo info = lookup(base);
        if (info == null && base.startsWith(MACRO)) {
            info = lookup(base.substring(MACRO.length()));
            macro = info != null;
        }
        if (info == null) {
            throw new IllegalArgumentException(PolicyErrors.unknownMeasure(id, base));
        }
        if (macro && cls != null) {
            throw new IllegalArgumentException(PolicyErrors.macroAndClass(id));
        }
        if (info.family() == MetricFamily.DATA_QUALITY) {
            throw new IllegalArgumentException(PolicyErrors.dataQualityId(id, info.id()));
        }
        if (info.family() == MetricFamily.INDIVIDUAL) {
            throw new IllegalArgumentException(PolicyErrors.individualId(id, info.id()));
        }
        if (info.family() == MetricFamily.DISPARITY && (aggregation != null || macro)) {
            throw new IllegalArgumentException(PolicyErrors.aggregateOfDisparity(id, info.id()));
        }
        return new Parsed(info, macro, cls, aggregation);
    }

    private static MetricInfo lookup(String id) {
        if (id.isEmpty()) {
            return null;
        }
        try {
            return MetricCatalog.byId(id);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static FairnessMetric fairnessMetric(MetricInfo info) {
        for (FairnessMetric f : FairnessMetric.values()) {
            if (f.id().equals(info.id())) {
                return f;
            }
        }
        return null;
    }

    private static Metrics confusionMetric(MetricInfo info) {
        for (Metrics m : Metrics.values()) {
            if (m.info().id().equals(info.id())) {
                return m;
            }
        }
        return null;
    }

    /** @return the catalog's named disparities of every task other than the binary fairness metrics */
    static List<String> namedIds() {
        List<String> out = new ArrayList<>();
        for (MetricInfo m : MetricCatalog.all()) {
            if (m.family() == MetricFamily.DISPARITY && fairnessMetric(m) == null) {
                out.add(m.id());
            }
        }
        return out;
    }

    /** @return the catalog's group metrics of every task other than the binary confusion metrics */
    static List<String> groupMetricIds() {
        List<String> out = new ArrayList<>();
        for (MetricInfo m : MetricCatalog.all()) {
            MetricFamily f = m.family();
            if (f != MetricFamily.DISPARITY && f != MetricFamily.DATA_QUALITY && f != MetricFamily.INDIVIDUAL
                    && confusionMetric(m) == null) {
                out.add(m.id());
            }
        }
        return out;
    }

    /** @return catalog ids (of any family) that contain the unknown id or that it starts with, for a hint */
    static List<String> similar(String base) {
        List<String> out = new ArrayList<>();
        String b = base.startsWith(MACRO) ? base.substring(MACRO.length()) : base;
        if (b.length() < 3) {
            return out;
        }
        for (MetricInfo m : MetricCatalog.all()) {
            if (m.id().contains(b) || b.startsWith(m.id() + "_")) {
                out.add(m.id());
            }
        }
        return out;
    }
}
