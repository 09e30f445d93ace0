/**
 * Sensitive features and groupings: which group each row belongs to.
 *
 * <p>Entry point: {@code FairnessData.grouping(...)} (and the same method on the other inputs), or
 * {@link org.fairkit.core.group.Grouping#of(java.util.List)} over {@link org.fairkit.core.group.SensitiveFeature}s,
 * which groups by one feature or the intersection of several (only non-empty combinations);
 * {@link org.fairkit.core.group.GroupKey} names a group by its levels. The input builders collect their sensitive
 * columns with internal helpers ({@code org.fairkit.core.internal.SensitiveColumns}), so naming rules, length
 * checks and messages are the same for every input type.
 *
 * <p>Stability: public API, evolving before 1.0.
 */
package org.fairkit.core.group;
