package org.fairkit.orchestration.monitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.Provenance;
import org.fairkit.core.Task;
import org.fairkit.core.TaskReport;
import org.fairkit.core.group.SensitiveFeature;
import org.fairkit.core.multiclass.MulticlassData;
import org.fairkit.core.multiclass.MulticlassReport;
import org.fairkit.orchestration.io.GroupTally;

/**
 * The {@link Task#MULTICLASS} {@link WindowTally}: for every class seen, the one-vs-rest confusion counts of every
 * group ({@link GroupTally}), and the counts of every row as a negative (label 0, prediction 0). Merging takes, for a
 * class one side has not seen, that side's negatives: its rows are true negatives of that class. The window's
 * classes are the union of the classes of its batches, in numeric order when every class is an integer, in
 * {@link String} order otherwise (as {@code MulticlassData} orders int codes and string classes; a batch of string
 * classes that are all digits is ordered numerically here).
 */
final class MulticlassWindowTally implements WindowTally {
    private static final Comparator<String> CLASS_ORDER = (a, b) -> {
        try {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        } catch (NumberFormatException notNumbers) {
            return a.compareTo(b);
        }
    };

    private final List<String> features;
    private final Map<String, GroupTally> byClass;
    private final GroupTally negatives;

    private MulticlassWindowTally(List<String> features, Map<String, GroupTally> byClass, GroupTally negatives) {
        this.features = features;
        this.byClass = Collections.unmodifiableMap(byClass);
        this.negatives = negatives;
    }

    static MulticlassWindowTally empty(List<String> groupBy) {
        List<String> by = Tallies.features(groupBy);
        return new MulticlassWindowTally(by, new LinkedHashMap<>(), GroupTally.create(by, false, 0));
    }

    /** @throws IllegalArgumentException naming the batch if it lacks a feature */
    static MulticlassWindowTally of(MulticlassData data, List<String> groupBy, String what) {
        List<String> by = Tallies.features(groupBy);
        List<String> classes = data.classes();
        // The binary data of one class carries the batch's weights and sensitive features.
        FairnessData base = data.oneVsRest(classes.get(0));
        List<SensitiveFeature> features = new ArrayList<>();
        for (String f : by) {
            try {
                features.add(base.sensitive(f));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
            }
        }
        boolean weighted = base.hasWeights();
        Map<String, GroupTally> byClass = new LinkedHashMap<>();
        GroupTally[] tallies = new GroupTally[classes.size()];
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int k = 0; k < classes.size(); k++) {
            tallies[k] = GroupTally.create(by, weighted, 0);
            byClass.put(classes.get(k), tallies[k]);
            index.put(classes.get(k), k);
        }
        GroupTally negatives = GroupTally.create(by, weighted, 0);
        String[] levels = new String[features.size()];
        List<String> row = Arrays.asList(levels);
        for (int i = 0; i < data.rows(); i++) {
            for (int j = 0; j < levels.length; j++) {
                levels[j] = features.get(j).level(i);
            }
            int y = index.get(data.label(i));
            int p = index.get(data.prediction(i));
            double w = base.weight(i);
            for (int k = 0; k < tallies.length; k++) {
                tallies[k].accept(row, y == k ? 1 : 0, p == k ? 1 : 0, w, Double.NaN);
            }
            negatives.accept(row, 0, 0, w, Double.NaN);
        }
        return new MulticlassWindowTally(by, byClass, negatives);
    }

    @Override
    public Task task() {
        return Task.MULTICLASS;
    }

    @Override
    public List<String> groupBy() {
        return features;
    }

    @Override
    public long size() {
        return negatives.rows();
    }

    /** @return the classes seen, in report order */
    List<String> classes() {
        TreeSet<String> out = new TreeSet<>(CLASS_ORDER);
        out.addAll(byClass.keySet());
        return List.copyOf(out);
    }

    @Override
    public Set<List<String>> groupLevels() {
        return new LinkedHashSet<>(negatives.groupLevels());
    }

    @Override
    public WindowTally merge(WindowTally other) {
        Tallies.requireSameShape(this, other);
        MulticlassWindowTally o = (MulticlassWindowTally) other;
        if (o.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return o;
        }
        GroupTally all = negatives.copy().combine(o.negatives);
        Set<String> classes = new LinkedHashSet<>(byClass.keySet());
        classes.addAll(o.byClass.keySet());
        Map<String, GroupTally> out = new LinkedHashMap<>();
        for (String c : classes) {
            GroupTally mine = byClass.getOrDefault(c, negatives);
            GroupTally theirs = o.byClass.getOrDefault(c, o.negatives);
            out.put(c, mine.copy().combine(theirs));
        }
        return new MulticlassWindowTally(features, out, all);
    }

    @Override
    public TaskReport report(WindowSpec spec, Provenance provenance) {
        if (isEmpty()) {
            throw new IllegalStateException("the tally has no rows; expected at least one row");
        }
        List<String> classes = classes();
        Map<String, FairnessReport> reports = new LinkedHashMap<>();
        for (String c : classes) {
            reports.put(c, byClass.get(c).report(spec.settings(), provenance));
        }
        return MulticlassReport.of(classes, reports).asTaskReport();
    }

    @Override
    public String toString() {
        return "WindowTally[multiclass, " + size() + " rows, classes " + classes() + "]";
    }
}
