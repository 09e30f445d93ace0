package org.fairkit.mitigation.postprocessing;

import org.fairkit.core.metrics.MetricValue;

/**
 * What a group's {@link ThresholdRule} achieves on the fitting data, in expectation over its randomization (from
 * each row's probability of predicting 1, as Fairlearn's {@code _pmf_predict}): weighted rates with the sample
 * weights.
 *
 * @param rows the number of rows of the group
 * @param weight the total weight of the group ({@code rows} when unweighted)
 * @param positives the weight of its rows with label 1
 * @param selectionRate {@code E[TP + FP] / weight}
 * @param truePositiveRate {@code E[TP] / positives}, undefined without positives
 * @param falsePositiveRate {@code E[FP] / negatives}, undefined without negatives
 * @param accuracy {@code E[TP + TN] / weight}
 */
public record GroupRates(long rows, double weight, double positives, double selectionRate,
        MetricValue truePositiveRate, MetricValue falsePositiveRate, double accuracy) {
}
