package org.fairkit.mitigation.postprocessing;

import org.fairkit.core.group.GroupKey;

/**
 * What a {@link ThresholdOptimizer} learned for one group: its randomized threshold rule, and the rates the rule
 * achieves on the fitting data.
 *
 * @param group the group
 * @param rule the group's rule
 * @param rates the expected rates of the rule on the group's fitting rows
 */
public record GroupSolution(GroupKey group, ThresholdRule rule, GroupRates rates) {
}
