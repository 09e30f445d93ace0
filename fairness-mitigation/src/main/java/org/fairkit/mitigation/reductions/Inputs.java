package org.fairkit.mitigation.reductions;

import java.util.List;
import java.util.Objects;
import org.fairkit.core.FairnessData;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.mitigation.FittedGroups;
import org.fairkit.mitigation.MitigationErrors;
import org.fairkit.mitigation.internal.Settings;

/** The fitting rows of a reduction, checked once: features, labels, group labels, optional weights. */
record Inputs(FeatureMatrix x, int[] labels, String[] groups, double[] weights) {
    static Inputs of(FeatureMatrix x, int[] labels, String[] groups, double[] weights) {
        Objects.requireNonNull(x, "features");
        int n = x.rows();
        if (n == 0) {
            throw new IllegalArgumentException("the reductions need at least one row; the features have none");
        }
        MitigationErrors.checkLabels(labels, n, "features");
        if (groups == null) {
            throw new IllegalArgumentException("column 'groups' is required, got null");
        }
        MitigationErrors.checkLength("groups", groups.length, "features", n);
        for (int i = 0; i < n; i++) {
            if (groups[i] == null) {
                throw InputErrors.badValue("groups", i, "null", "a non-null group label");
            }
        }
        MitigationErrors.checkWeights(weights, n, "features");
        return new Inputs(x, labels.clone(), groups.clone(), weights == null ? null : weights.clone());
    }

    /** The labels, groups (as group labels of the grouping) and weights of {@code data}, with {@code x}. */
    static Inputs of(FairnessData data, FeatureMatrix x, List<String> groupBy) {
        FittedGroups groups = FittedGroups.of(data, Settings.grouping(groupBy, data));
        int[] codes = groups.assign(data);
        int n = data.rows();
        if (x.rows() != n) {
            throw InputErrors.lengthMismatch("features", x.rows(), "data", n);
        }
        String[] g = new String[n];
        int[] y = new int[n];
        double[] w = data.hasWeights() ? new double[n] : null;
        for (int i = 0; i < n; i++) {
            g[i] = groups.group(codes[i]).label();
            y[i] = data.label(i);
            if (w != null) {
                w[i] = data.weight(i);
            }
        }
        return of(x, y, g, w);
    }
}
