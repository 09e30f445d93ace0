package org.fairkit.core.multiclass;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.GroupResults;
import org.fairkit.core.ReportWarning;
import org.fairkit.core.Task;
import org.fairkit.core.TaskReport;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.internal.TextTable;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.core.metrics.MetricValue;

/**
 * The result of {@code MulticlassFairness.of(data)...evaluate()}: one binary {@link FairnessReport} per class
 * (one-vs-rest) and the macro averages across classes.
 *
 * <p><b>Macro average</b> of a group metric m in group g: the mean over all classes k of m(g, k), the class-k
 * one-vs-rest value. The classes are those of the whole data, the same for every group, so groups are compared on
 * the same footing. It is <em>undefined</em> when any class's value is undefined in that group (for example the
 * recall of a class with no member in the group), with a reason naming the first such class. scikit-learn's
 * {@code average='macro'} instead averages over the labels present in that group's {@code y_true} or
 * {@code y_pred} and counts an ill-defined class as 0 ({@code zero_division}); with
 * {@code ZeroDivision.ZERO} FairKit counts it as 0 too, but still over all classes. Disparities of the macro
 * values ({@link #macro(GroupMetric)}) are those of {@link GroupValues}. Immutable.
 */
public final class MulticlassReport {
    private final List<String> classes;
    private final Map<String, FairnessReport> byClass;
    private final Map<GroupMetric, GroupValues> macros = new ConcurrentHashMap<>();

    MulticlassReport(List<String> classes, Map<String, FairnessReport> byClass) {
        this.classes = classes;
        this.byClass = Collections.unmodifiableMap(new LinkedHashMap<>(byClass));
    }

    /**
     * Assembles a report from each class's one-vs-rest binary report, computed elsewhere (for example from merged
     * counts of stream windows); macro averages are derived from them as in {@code MulticlassFairness}.
     *
     * @param classes the classes, in report order
     * @param byClass each class's one-vs-rest report, all over the same groups, metrics and settings
     * @throws IllegalArgumentException if there is no class, a class has no report or a report is not a class's, or
     *     the reports' groups differ
     */
    public static MulticlassReport of(List<String> classes, Map<String, FairnessReport> byClass) {
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("need at least one class");
        }
        if (!byClass.keySet().equals(new HashSet<>(classes)) || byClass.size() != classes.size()) {
            throw new IllegalArgumentException("need one report per class: classes " + classes + ", reports for "
                    + byClass.keySet());
        }
        List<GroupKey> groups = byClass.get(classes.get(0)).groups();
        for (String cls : classes) {
            if (!byClass.get(cls).groups().equals(groups)) {
                throw new IllegalArgumentException("class '" + cls + "': groups " + byClass.get(cls).groups()
                        + " differ from class '" + classes.get(0) + "''s " + groups);
            }
        }
        Map<String, FairnessReport> ordered = new LinkedHashMap<>();
        classes.forEach(cls -> ordered.put(cls, byClass.get(cls)));
        return new MulticlassReport(List.copyOf(classes), ordered);
    }

    /** @return the classes, sorted */
    public List<String> classes() {
        return classes;
    }

    /** @return the groups, in order */
    public List<GroupKey> groups() {
        return first().groups();
    }

    /** @return the requested metrics */
    public List<GroupMetric> metrics() {
        return first().metrics();
    }

    private FairnessReport first() {
        return byClass.get(classes.get(0));
    }

    /**
     * @return the one-vs-rest report of one class
     * @throws IllegalArgumentException listing the classes if {@code cls} is not one
     */
    public FairnessReport forClass(String cls) {
        FairnessReport r = byClass.get(cls);
        if (r == null) {
            throw new IllegalArgumentException("no class '" + cls + "'; the classes are " + classes);
        }
        return r;
    }

    /** @return the macro average of a metric in every group and overall, with its disparities */
    public GroupValues macro(GroupMetric metric) {
        return macros.computeIfAbsent(metric, this::computeMacro);
    }

    /** @return a group's macro average of a metric */
    public MetricValue macroValue(GroupMetric metric, GroupKey group) {
        int g = groups().indexOf(group);
        if (g < 0) {
            throw new IllegalArgumentException("no group " + group.describe() + "; groups are " + groups());
        }
        return macro(metric).value(g);
    }

    private GroupValues computeMacro(GroupMetric metric) {
        List<GroupKey> groups = groups();
        List<MetricValue> values = new ArrayList<>();
        for (GroupKey g : groups) {
            values.add(average(metric, cls -> forClass(cls).value(metric, g)));
        }
        MetricValue overall = average(metric, cls -> forClass(cls).overall(metric));
        GroupResults r = first().results();
        List<String> small = new ArrayList<>();
        for (GroupKey g : groups) {
            small.add(r.isSmall(g) ? "n = " + r.counts(g).rows() + " is below minGroupSize " + r.spec().minGroupSize()
                    : null);
        }
        return new GroupValues("macro_" + metric.id(), groups, values, small, overall, r.spec().zeroDivision());
    }

    private MetricValue average(GroupMetric metric, java.util.function.Function<String, MetricValue> valueOf) {
        double sum = 0;
        for (String cls : classes) {
            MetricValue v = valueOf.apply(cls);
            if (!v.isDefined()) {
                return MetricValue.undefined("class '" + cls + "': " + v.reason().orElseThrow());
            }
            sum += v.value();
        }
        return MetricValue.of(sum / classes.size());
    }

    /**
     * This report in the shape every task shares ({@link Task#MULTICLASS}). Group metrics: the macro averages
     * ({@code macro_<metric>}), then each class's one-vs-rest values as {@code <metric>@<class>}
     * ({@code true_positive_rate@urgent}); named disparities: each class's fairness metrics as
     * {@code <fairness metric>@<class>}, with their intervals where estimated. So a policy can say
     * {@code macro_true_positive_rate.difference <= 0.1} or {@code true_positive_rate@urgent.difference <= 0.05}.
     *
     * @return the shared view of this report
     */
    public TaskReport asTaskReport() {
        FairnessReport first = first();
        GroupResults r = first.results();
        List<GroupKey> groups = groups();
        List<Long> sizes = new ArrayList<>();
        List<String> small = new ArrayList<>();
        for (GroupKey g : groups) {
            sizes.add(r.counts(g).rows());
            small.add(r.isSmall(g) ? "n = " + r.counts(g).rows() + " is below minGroupSize " + r.spec().minGroupSize()
                    : null);
        }
        TaskReport.Builder b = TaskReport.builder(Task.MULTICLASS, r.spec().groupBy(), groups, sizes);
        for (GroupMetric m : metrics()) {
            b.metric(macro(m));
        }
        for (String cls : classes) {
            FairnessReport one = forClass(cls);
            for (GroupMetric m : metrics()) {
                List<MetricValue> vs = new ArrayList<>();
                for (GroupKey g : groups) {
                    vs.add(one.value(m, g));
                }
                b.metric(new GroupValues(m.id() + "@" + cls, groups, vs, small, one.overall(m),
                        r.spec().zeroDivision()));
            }
            one.fairnessMetrics().forEach((f, d) -> b.disparity(new Disparity(f.id() + "@" + cls, d.value(),
                    d.groups(), d.excluded(), d.interval())));
        }
        return b.warnings(warnings()).provenance(first.provenance()).build();
    }

    /** @return every class's warnings, each prefixed with its class */
    public List<ReportWarning> warnings() {
        List<ReportWarning> out = new ArrayList<>();
        byClass.forEach((cls, r) -> r.warnings().forEach(w -> out.add(new ReportWarning(w.kind(),
                "class '" + cls + "': " + w.message()))));
        return List.copyOf(out);
    }

    /**
     * @return for each metric, a table of groups × classes with the macro average in the last column, and the
     *     macro average's difference and ratio across groups ({@link Locale#ROOT})
     */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("FairKit multiclass report: ").append(classes.size())
                .append(" classes ").append(classes).append(", one-vs-rest, ").append(groups().size())
                .append(" groups by ").append(String.join(" x ", first().results().spec().groupBy())).append(", ")
                .append(first().provenance().rows()).append(" rows\n");
        for (GroupMetric m : metrics()) {
            b.append('\n').append(m.id()).append(":\n");
            List<List<String>> table = new ArrayList<>();
            List<String> header = new ArrayList<>(List.of("group"));
            classes.forEach(header::add);
            header.add("macro");
            table.add(header);
            GroupValues macro = macro(m);
            for (int g = 0; g < groups().size(); g++) {
                GroupKey key = groups().get(g);
                List<String> line = new ArrayList<>(List.of(key.label()));
                classes.forEach(cls -> line.add(cell(forClass(cls).value(m, key))));
                line.add(cell(macro.value(g)));
                table.add(line);
            }
            List<String> overall = new ArrayList<>(List.of("overall"));
            classes.forEach(cls -> overall.add(cell(forClass(cls).overall(m))));
            overall.add(cell(macro.overall()));
            table.add(overall);
            TextTable.render(b, table);
            Disparity d = macro.difference();
            Disparity r = macro.ratio();
            b.append("macro difference ").append(cell(d.value())).append(", ratio ").append(cell(r.value()))
                    .append('\n');
        }
        List<ReportWarning> ws = warnings();
        b.append("\nwarnings: ").append(ws.isEmpty() ? "none" : ws.size()).append('\n');
        ws.forEach(w -> b.append("- ").append(w.message()).append('\n'));
        return b.toString();
    }

    private static String cell(MetricValue v) {
        return v.isDefined() ? String.format(Locale.ROOT, "%.4f", v.value()) : "undefined";
    }
}
