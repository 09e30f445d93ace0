package org.fairkit.mitigation.calibration;

import org.fairkit.core.internal.CompensatedSum;

/**
 * The validated rows one calibrator is fitted on: scores in [0, 1], labels 0/1 and weights (all 1.0 when the
 * caller gave none). Arrays are owned by this object and never handed out to users.
 */
final class Sample {
    final double[] scores;
    final int[] labels;
    final double[] weights;
    final boolean weighted;
    final double totalWeight;
    final double positiveWeight;
    final long positiveRows;
    final long negativeRows;

    Sample(double[] scores, int[] labels, double[] weights, boolean weighted) {
        this.scores = scores;
        this.labels = labels;
        this.weights = weights;
        this.weighted = weighted;
        CompensatedSum total = new CompensatedSum();
        CompensatedSum pos = new CompensatedSum();
        long p = 0;
        long q = 0;
        for (int i = 0; i < scores.length; i++) {
            double w = weights[i];
            total.add(w);
            if (labels[i] == 1) {
                pos.add(w);
                if (w > 0) {
                    p++;
                }
            } else if (w > 0) {
                q++;
            }
        }
        this.totalWeight = total.value();
        this.positiveWeight = pos.value();
        this.positiveRows = p;
        this.negativeRows = q;
    }

    int rows() {
        return scores.length;
    }

    /** @return {@code null} when both classes have rows of positive weight, else the only label present */
    Integer onlyClass() {
        if (positiveRows == 0 && negativeRows > 0) {
            return 0;
        }
        if (negativeRows == 0 && positiveRows > 0) {
            return 1;
        }
        return null;
    }

    /** Throws the documented errors when this sample cannot be calibrated at all. */
    void requireFittable() {
        if (rows() == 0) {
            throw Errors.noRows();
        }
        if (!(totalWeight > 0)) {
            throw Errors.zeroWeight();
        }
        Integer only = onlyClass();
        if (only != null) {
            throw Errors.oneClass(only, only == 1 ? positiveRows : negativeRows);
        }
    }
}
