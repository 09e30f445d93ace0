package org.fairkit.mitigation.preprocessing;

/**
 * The one mitigator shape ({@link org.fairkit.mitigation.Mitigator}) for the pre-processors that change features:
 * an immutable configuration made by a static factory and set-once setters, then {@link #fit(FeatureTable)}, which
 * learns from the fitting rows and returns an immutable {@code Fitted} whose {@code transform(table)} applies what
 * was learned to any rows and refuses a group it never saw, naming the column, the row and the group.
 * {@link org.fairkit.core.FairnessData} has no feature columns, hence the separate input type {@link FeatureTable}.
 *
 * @param <F> the fitted type, immutable
 */
public interface FeatureMitigator<F> {
    /**
     * Learns from the rows of {@code table}.
     *
     * @param table the fitting rows
     * @return the fitted, immutable result
     * @throws IllegalArgumentException naming the column or setting when the table cannot be fitted
     */
    F fit(FeatureTable table);
}
