package org.fairkit.reports;

import java.util.Optional;
import org.fairkit.core.TaskReport;
import org.fairkit.core.catalog.MetricCatalog;
import org.fairkit.core.metrics.Direction;
import org.fairkit.core.metrics.MetricInfo;

/**
 * Reads the ids of a {@link TaskReport} for documents: the catalog entry behind a metric or disparity id, its name in
 * words, the class of a multiclass id, and what parity and range a disparity has.
 *
 * <p>Id forms (see {@link TaskReport}): a catalog id ({@code mean_absolute_error}, {@code exposure_ratio}); a
 * multiclass macro average {@code macro_<metric>}; a multiclass one-vs-rest value {@code <metric>@<class>}; and a
 * group metric's aggregate {@code <metric>.<difference|ratio|difference_to_overall|ratio_to_overall>}.
 */
final class TaskIds {
    private TaskIds() {
    }

    /** @return the aggregation suffix of an aggregate id, if it is one */
    static Optional<TaskReport.Aggregation> aggregation(String id) {
        for (TaskReport.Aggregation a : TaskReport.Aggregation.values()) {
            if (id.endsWith("." + a.id())) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** @return the id without an aggregation suffix */
    static String base(String id) {
        return aggregation(id).map(a -> id.substring(0, id.length() - a.id().length() - 1)).orElse(id);
    }

    /** @return the class of a {@code <metric>@<class>} id */
    static Optional<String> classOf(String id) {
        String b = base(id);
        int at = b.indexOf('@');
        return at < 0 ? Optional.empty() : Optional.of(b.substring(at + 1));
    }

    /** @return whether the id (or the metric it aggregates) is a multiclass macro average */
    static boolean macro(String id) {
        return base(id).startsWith("macro_");
    }

    /** @return the catalog entry of the metric behind an id (macro prefix, class and aggregation removed) */
    static Optional<MetricInfo> info(String id) {
        String b = base(id);
        int at = b.indexOf('@');
        if (at >= 0) {
            b = b.substring(0, at);
        }
        if (b.startsWith("macro_")) {
            b = b.substring("macro_".length());
        }
        try {
            return Optional.of(MetricCatalog.byId(b));
        } catch (IllegalArgumentException notInCatalog) {
            return Optional.empty();
        }
    }

    /** @return a metric's or disparity's name in words, e.g. "Mean absolute error, difference" */
    static String name(String id) {
        String b = base(id);
        String name = info(id).map(MetricInfo::name).orElse(Fmt.humanize(b.replaceFirst("@.*", "")
                .replaceFirst("^macro_", "")));
        if (macro(id)) {
            name += " (macro average)";
        }
        Optional<String> cls = classOf(id);
        if (cls.isPresent()) {
            name += " \u00b7 class " + cls.get();
        }
        String n = name;
        return aggregation(id).map(a -> n + ", " + a.id().replace('_', ' ')).orElse(n);
    }

    /**
     * @return a short label for a chart row, the class first so that a shortened label still tells the classes
     *     apart: "[urgent] Equal opportunity difference"
     */
    static String chartLabel(String id) {
        Optional<String> cls = classOf(id);
        if (cls.isEmpty()) {
            return name(id);
        }
        String plain = name(id).replace(" \u00b7 class " + cls.get(), "");
        return "[" + cls.get() + "] " + plain;
    }

    /** @return the value meaning "no disparity": 1 for ratios, 0 otherwise */
    static double parity(String disparityId) {
        Optional<TaskReport.Aggregation> a = aggregation(disparityId);
        if (a.isPresent()) {
            return a.get() == TaskReport.Aggregation.RATIO || a.get() == TaskReport.Aggregation.RATIO_TO_OVERALL ? 1
                    : 0;
        }
        return info(disparityId).map(i -> i.direction() == Direction.ONE_IS_PARITY ? 1.0 : 0.0).orElse(0.0);
    }

    /** @return the direction of a disparity: parity 1 or 0 for ratios and differences, else the catalog's */
    static Direction direction(String disparityId) {
        Optional<TaskReport.Aggregation> a = aggregation(disparityId);
        if (a.isPresent()) {
            return parity(disparityId) == 1 ? Direction.ONE_IS_PARITY : Direction.ZERO_IS_PARITY;
        }
        return info(disparityId).map(MetricInfo::direction).orElse(Direction.NONE);
    }

    /** @return the smallest and largest value a disparity can take */
    static double[] range(String disparityId) {
        Optional<TaskReport.Aggregation> a = aggregation(disparityId);
        if (a.isPresent()) {
            return parity(disparityId) == 1 ? new double[] {0, 1} : new double[] {0, Double.POSITIVE_INFINITY};
        }
        return info(disparityId).map(i -> new double[] {i.lowerBound(), i.upperBound()})
                .orElse(new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY});
    }

    /** @return the task's name in words, e.g. "regression" or "binary classification" */
    static String taskName(org.fairkit.core.Task task) {
        return switch (task) {
            case BINARY -> "binary classification";
            case REGRESSION -> "regression";
            case RANKING -> "ranking";
            case MULTICLASS -> "multiclass classification";
        };
    }
}
