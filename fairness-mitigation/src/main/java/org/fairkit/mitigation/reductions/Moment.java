package org.fairkit.mitigation.reductions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A {@link ParityConstraint} loaded with rows: the (event, group) cells, the weighted probabilities, {@code gamma}
 * of any classifier and the signed weights of the best response (Fairlearn's {@code UtilityParity} and
 * {@code ErrorRate}, weighted). Entries are ordered sign, then event, then group (events and groups sorted), as
 * Fairlearn's index. Not for users.
 */
final class Moment {
    final ParityConstraint constraint;
    final int n;
    final double totalWeight;
    final double[] w;
    final int[] y;
    final List<String> events;
    final List<String> groups;
    /** cell c = (cellEvent[c], cellGroup[c]); K = 2 * cells. */
    final int[] cellEvent;
    final int[] cellGroup;
    final int[] cellOf;
    final int[] eventOf;
    final double[] probEvent;
    final double[] probCell;
    final double[] weightEvent;
    final double[] weightCell;
    final boolean errorParity;
    final List<String> index;
    /** Groups and events in order of first appearance (for the grid's basis). */
    final List<String> groupsByAppearance;
    final List<String> eventsByAppearance;

    Moment(ParityConstraint constraint, int[] y, String[] groupLabels, double[] weights) {
        this.constraint = constraint;
        this.n = y.length;
        this.w = weights;
        this.y = y;
        this.errorParity = constraint.kind() == ParityConstraint.Kind.ERROR_RATE_PARITY;
        String[] ev = new String[n];
        LinkedHashMap<String, Boolean> gApp = new LinkedHashMap<>();
        LinkedHashMap<String, Boolean> eApp = new LinkedHashMap<>();
        TreeSet<String> gs = new TreeSet<>();
        TreeSet<String> es = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            ev[i] = event(constraint.kind(), y[i]);
            gApp.putIfAbsent(groupLabels[i], Boolean.TRUE);
            gs.add(groupLabels[i]);
            if (ev[i] != null) {
                eApp.putIfAbsent(ev[i], Boolean.TRUE);
                es.add(ev[i]);
            }
        }
        this.groups = List.copyOf(gs);
        this.events = List.copyOf(es);
        this.groupsByAppearance = List.copyOf(gApp.keySet());
        this.eventsByAppearance = List.copyOf(eApp.keySet());
        Map<String, Integer> gIdx = indexOf(groups);
        Map<String, Integer> eIdx = indexOf(events);
        TreeMap<Integer, Integer> cellKey = new TreeMap<>();
        int[] gOf = new int[n];
        this.eventOf = new int[n];
        for (int i = 0; i < n; i++) {
            gOf[i] = gIdx.get(groupLabels[i]);
            eventOf[i] = ev[i] == null ? -1 : eIdx.get(ev[i]);
            if (eventOf[i] >= 0) {
                cellKey.put(eventOf[i] * groups.size() + gOf[i], 0);
            }
        }
        int cells = cellKey.size();
        this.cellEvent = new int[cells];
        this.cellGroup = new int[cells];
        int c = 0;
        for (Map.Entry<Integer, Integer> e : cellKey.entrySet()) {
            e.setValue(c);
            cellEvent[c] = e.getKey() / groups.size();
            cellGroup[c] = e.getKey() % groups.size();
            c++;
        }
        this.cellOf = new int[n];
        this.weightEvent = new double[events.size()];
        this.weightCell = new double[cells];
        double total = 0;
        for (int i = 0; i < n; i++) {
            double wi = w == null ? 1.0 : w[i];
            total += wi;
            if (eventOf[i] >= 0) {
                cellOf[i] = cellKey.get(eventOf[i] * groups.size() + gOf[i]);
                weightEvent[eventOf[i]] += wi;
                weightCell[cellOf[i]] += wi;
            } else {
                cellOf[i] = -1;
            }
        }
        this.totalWeight = total;
        if (!(total > 0)) {
            throw new IllegalArgumentException("the reductions need rows with positive total weight; got " + total);
        }
        for (int k = 0; k < cells; k++) {
            if (!(weightCell[k] > 0)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "group '%s' has rows in event '%s' but zero total weight there; %s needs positive weight "
                                + "in every (event, group) cell that has rows", groups.get(cellGroup[k]),
                        events.get(cellEvent[k]), constraint.kind().id()));
            }
        }
        if (cells == 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s has no rows to constrain (it needs %s)", constraint.kind().id(),
                    constraint.kind() == ParityConstraint.Kind.TRUE_POSITIVE_RATE_PARITY ? "rows labelled 1"
                            : "rows labelled 0"));
        }
        this.probEvent = new double[events.size()];
        this.probCell = new double[cells];
        for (int e = 0; e < probEvent.length; e++) {
            probEvent[e] = weightEvent[e] / total;
        }
        for (int k = 0; k < cells; k++) {
            probCell[k] = weightCell[k] / total;
        }
        List<String> idx = new ArrayList<>(2 * cells);
        for (String sign : new String[] {"+", "-"}) {
            for (int k = 0; k < cells; k++) {
                idx.add(sign + "|" + events.get(cellEvent[k]) + "|" + groups.get(cellGroup[k]));
            }
        }
        this.index = Collections.unmodifiableList(idx);
    }

    private static Map<String, Integer> indexOf(List<String> values) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            m.put(values.get(i), i);
        }
        return m;
    }

    static String event(ParityConstraint.Kind kind, int label) {
        switch (kind) {
            case DEMOGRAPHIC_PARITY:
            case ERROR_RATE_PARITY:
                return "all";
            case TRUE_POSITIVE_RATE_PARITY:
                return label == 1 ? "label=1" : null;
            case FALSE_POSITIVE_RATE_PARITY:
                return label == 0 ? "label=0" : null;
            default:
                return "label=" + label;
        }
    }

    int size() {
        return index.size();
    }

    int cells() {
        return cellEvent.length;
    }

    private double weight(int i) {
        return w == null ? 1.0 : w[i];
    }

    /** The weighted mean utility per cell and per event of predictions {@code h} (0/1 or probabilities). */
    double[][] means(double[] h) {
        double[] sc = new double[cells()];
        double[] se = new double[events.size()];
        for (int i = 0; i < n; i++) {
            int c = cellOf[i];
            if (c >= 0) {
                double u = errorParity ? (y[i] == 1 ? 1 - h[i] : h[i]) : h[i];
                double v = weight(i) * u;
                sc[c] += v;
                se[eventOf[i]] += v;
            }
        }
        for (int c = 0; c < sc.length; c++) {
            sc[c] /= weightCell[c];
        }
        for (int e = 0; e < se.length; e++) {
            se[e] /= weightEvent[e];
        }
        return new double[][] {sc, se};
    }

    /** {@code gamma(h)}, in index order. */
    double[] gamma(double[] h) {
        double[][] m = means(h);
        double r = constraint.ratio();
        int cells = cells();
        double[] g = new double[2 * cells];
        for (int c = 0; c < cells; c++) {
            double mc = m[0][c];
            double me = m[1][cellEvent[c]];
            g[c] = r * mc - me;
            g[cells + c] = r * me - mc;
        }
        return g;
    }

    /** The weighted error rate {@code sum w |h - y| / W}. */
    double error(double[] h) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += weight(i) * Math.abs(h[i] - y[i]);
        }
        return s / totalWeight;
    }

    /** Fairlearn's {@code project_lambda}: for a difference bound, keeps only the net positive part per cell. */
    double[] project(double[] lambda) {
        if (constraint.isRatio()) {
            return lambda.clone();
        }
        int cells = cells();
        double[] out = new double[2 * cells];
        for (int c = 0; c < cells; c++) {
            double d = lambda[c] - lambda[cells + c];
            out[c] = Math.max(d, 0.0);
            out[cells + c] = Math.max(-d, 0.0);
        }
        return out;
    }

    /**
     * The signed weights of the best response to {@code lambda}: ErrorRate's {@code 2y - 1} plus the constraint's
     * {@code utility_diff * U . lambda}, times {@code w_i n / W} when weighted (1 for unit weights).
     */
    double[] signedWeights(double[] lambda) {
        int cells = cells();
        double r = constraint.ratio();
        double[] perEvent = new double[events.size()];
        for (int c = 0; c < cells; c++) {
            perEvent[cellEvent[c]] += lambda[c] - r * lambda[cells + c];
        }
        double[] perCell = new double[cells];
        for (int c = 0; c < cells; c++) {
            perCell[c] = perEvent[cellEvent[c]] / probEvent[cellEvent[c]]
                    + (-r * lambda[c] + lambda[cells + c]) / probCell[c];
        }
        double[] s = new double[n];
        double scale = n / totalWeight;
        for (int i = 0; i < n; i++) {
            double base = 2.0 * y[i] - 1.0;
            int c = cellOf[i];
            if (c >= 0) {
                double diff = errorParity ? 1.0 - 2.0 * y[i] : 1.0;
                base += diff * perCell[c];
            }
            s[i] = w == null ? base : base * w[i] * scale;
        }
        return s;
    }
}
