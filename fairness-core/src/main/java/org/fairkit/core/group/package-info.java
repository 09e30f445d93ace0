/**
 * Sensitive features and groupings: which group each row belongs to.
 *
 * <p>{@link org.fairkit.core.group.Grouping#of(java.util.List)} groups by one feature or the intersection of
 * several (only non-empty combinations); {@link org.fairkit.core.group.GroupKey} names a group by its levels.
 * Usually reached through {@code FairnessData.grouping(...)}. Every input type collects its sensitive columns with
 * {@link org.fairkit.core.group.SensitiveColumns} and keeps them, with their cached groupings, as
 * {@link org.fairkit.core.group.SensitiveFeatures}, so naming rules, length checks and messages are the same
 * everywhere.
 *
 * <p>Stability: public API, evolving before 1.0.
 */
package org.fairkit.core.group;
