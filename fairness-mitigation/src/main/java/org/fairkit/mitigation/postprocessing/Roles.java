package org.fairkit.mitigation.postprocessing;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.fairkit.core.FairnessData;
import org.fairkit.core.group.GroupKey;
import org.fairkit.mitigation.FittedGroups;
import org.fairkit.mitigation.MitigationErrors;
import org.fairkit.mitigation.internal.Settings;

/**
 * The two roles of AIF360's two-group post-processors: the privileged group (one group of the fitting data) and the
 * unprivileged rows (every other group of the fitting data, pooled, as AIF360 with every other level listed in
 * {@code unprivileged_groups}). Rows of a group the model never saw are refused. Package-private.
 */
final class Roles {
    static final int UNPRIVILEGED = 0;
    static final int PRIVILEGED = 1;

    private final FittedGroups groups;
    private final int privileged;

    private Roles(FittedGroups groups, int privileged) {
        this.groups = groups;
        this.privileged = privileged;
    }

    /**
     * @throws IllegalArgumentException if {@code privileged} is not a group of the fitting data, or it is the only one
     */
    static Roles of(String what, FittedGroups groups, String privileged) {
        OptionalInt p = groups.indexOfLabel(privileged);
        if (p.isEmpty()) {
            throw new IllegalArgumentException(what + ": privileged group '" + privileged + "' is not a group of "
                    + String.join(" x ", groups.features()) + " in the fitting data; expected one of "
                    + labels(groups));
        }
        if (groups.size() < 2) {
            throw new IllegalArgumentException(what + ": the fitting data has only the privileged group '"
                    + privileged + "'; expected at least one other (unprivileged) group");
        }
        return new Roles(groups, p.getAsInt());
    }

    static List<String> labels(FittedGroups groups) {
        List<String> out = new ArrayList<>();
        for (GroupKey k : groups.groups()) {
            out.add(k.label());
        }
        return out;
    }

    FittedGroups groups() {
        return groups;
    }

    String privilegedLabel() {
        return groups.group(privileged).label();
    }

    List<String> unprivilegedLabels() {
        List<String> out = labels(groups);
        out.remove(privileged);
        return out;
    }

    /** Each row's role (0 unprivileged, 1 privileged) from a column of group labels. */
    int[] of(String[] labels) {
        return roles(groups.assign(labels));
    }

    /** Each row's role, grouping {@code data} by the model's features. */
    int[] of(FairnessData data) {
        return roles(groups.assign(data));
    }

    /** The role of one group. */
    int of(GroupKey group) {
        OptionalInt g = groups.indexOf(group.levels());
        if (g.isEmpty() || !group.features().equals(groups.features())) {
            throw new IllegalArgumentException("group " + group.describe()
                    + " is not one the model was fitted on; expected one of " + groups.groups());
        }
        return g.getAsInt() == privileged ? PRIVILEGED : UNPRIVILEGED;
    }

    private int[] roles(int[] codes) {
        int[] r = new int[codes.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = codes[i] == privileged ? PRIVILEGED : UNPRIVILEGED;
        }
        return r;
    }

    /** The columns of a fit on {@link FairnessData}: scores, labels, weights (or null). */
    record Columns(double[] scores, int[] labels, double[] weights) {
        static Columns of(FairnessData data, String what) {
            if (!data.hasScores()) {
                throw new IllegalArgumentException(what + " needs scores; the data has none (set them with "
                        + "scores(...))");
            }
            int n = data.rows();
            double[] s = new double[n];
            int[] y = new int[n];
            double[] w = data.hasWeights() ? new double[n] : null;
            for (int i = 0; i < n; i++) {
                s[i] = data.score(i);
                y[i] = data.label(i);
                if (w != null) {
                    w[i] = data.weight(i);
                }
            }
            return new Columns(s, y, w);
        }
    }

    /** Validates the scores and group columns of a prediction (or fit) given as columns. */
    static void checkScores(double[] scores, String[] groups) {
        if (groups == null) {
            throw new IllegalArgumentException("column 'groups' is required, got null");
        }
        MitigationErrors.checkScores(scores, groups.length, "groups");
    }

    /** Throws if the privileged group is not set. */
    static void requirePrivileged(String privileged) {
        if (privileged == null) {
            throw new IllegalStateException("privileged is not set; name the privileged group with privileged(...)");
        }
    }

    /**
     * A two-group fit's roles and columns, prepared the same way for every two-group post-processor: each row's role
     * and the scores, labels and weights (or null).
     */
    record Fit(Roles roles, int[] role, double[] scores, int[] labels, double[] weights) {
        /** From {@link FairnessData}, grouped by {@code groupBy} (or the data's only sensitive feature). */
        static Fit of(String what, FairnessData data, List<String> groupBy, String privileged) {
            requirePrivileged(privileged);
            Columns c = Columns.of(data, what);
            FittedGroups groups = FittedGroups.of(data, Settings.grouping(groupBy, data));
            Roles roles = Roles.of(what, groups, privileged);
            return new Fit(roles, roles.of(data), c.scores(), c.labels(), c.weights());
        }

        /** From columns; {@code groupBy} must be unset (the groups are the column). */
        static Fit of(String what, double[] scores, int[] labels, String[] groups, double[] weights,
                List<String> groupBy, String privileged) {
            Settings.requireColumnGrouping(groupBy);
            requirePrivileged(privileged);
            check(scores, labels, groups, weights);
            Roles roles = Roles.of(what, FittedGroups.of(groups), privileged);
            return new Fit(roles, roles.of(groups), scores, labels, weights);
        }
    }

    /** Validates the column form of a fit. */
    static void check(double[] scores, int[] labels, String[] groups, double[] weights) {
        checkScores(scores, groups);
        MitigationErrors.checkLabels(labels, groups.length, "groups");
        MitigationErrors.checkWeights(weights, groups.length, "groups");
        if (groups.length == 0) {
            throw new IllegalArgumentException("the data has no rows; expected at least one row");
        }
    }
}
