package org.fairkit.core.regression;

import java.util.Arrays;

/**
 * Mutable, thread-confined accumulator of per-group {@link ErrorSums}: {@link #accept} rows one at a time,
 * {@link #combine} tallies of other rows (other chunks, partitions, stream windows), {@link #snapshot} the result.
 *
 * <p>Laws: a fresh tally is the identity of {@code combine}; {@code combine} is associative and commutative up to
 * floating-point rounding (the row counts exactly).
 */
public final class ErrorTally {
    private final int groupCount;
    private final long[] rows;
    private final double[] weight;
    private final double[] mean;
    private final double[] m2;
    private final double[] prediction;
    private final double[] error;
    private final double[] absolute;
    private final double[] squared;

    private ErrorTally(int groupCount) {
        this.groupCount = groupCount;
        rows = new long[groupCount];
        weight = new double[groupCount];
        mean = new double[groupCount];
        m2 = new double[groupCount];
        prediction = new double[groupCount];
        error = new double[groupCount];
        absolute = new double[groupCount];
        squared = new double[groupCount];
    }

    /**
     * @param groupCount the number of groups, at least 1
     * @throws IllegalArgumentException if {@code groupCount < 1}
     */
    public static ErrorTally create(int groupCount) {
        if (groupCount < 1) {
            throw new IllegalArgumentException("groupCount must be >= 1, got " + groupCount);
        }
        return new ErrorTally(groupCount);
    }

    /**
     * Adds one row.
     *
     * @throws IllegalArgumentException if the group is out of range, a value is not finite or the weight negative
     */
    public void accept(int group, double target, double predicted, double w) {
        if (group < 0 || group >= groupCount) {
            throw new IllegalArgumentException("group must be in [0, " + groupCount + "), got " + group);
        }
        if (!Double.isFinite(target) || !Double.isFinite(predicted) || !(w >= 0) || Double.isInfinite(w)) {
            throw new IllegalArgumentException("need finite target and prediction and a finite weight >= 0, got "
                    + target + ", " + predicted + ", " + w);
        }
        rows[group]++;
        if (w == 0) {
            return;
        }
        double total = weight[group] + w;
        double delta = target - mean[group];
        double r = w / total;
        mean[group] += delta * r;
        m2[group] += w * delta * (target - mean[group]);
        weight[group] = total;
        double e = predicted - target;
        prediction[group] += w * predicted;
        error[group] += w * e;
        absolute[group] += w * Math.abs(e);
        squared[group] += w * (e * e);
    }

    /**
     * Adds another tally's rows to this one.
     *
     * @throws IllegalArgumentException if the group counts differ (before changing anything)
     */
    public ErrorTally combine(ErrorTally other) {
        if (other.groupCount != groupCount) {
            throw new IllegalArgumentException("cannot combine tallies of " + groupCount + " and " + other.groupCount
                    + " groups");
        }
        for (int g = 0; g < groupCount; g++) {
            ErrorSums s = group(g).plus(other.group(g));
            rows[g] = s.rows();
            weight[g] = s.weight();
            mean[g] = s.targetMean();
            m2[g] = s.targetM2();
            prediction[g] = s.predictionSum();
            error[g] = s.errorSum();
            absolute[g] = s.absoluteErrorSum();
            squared[g] = s.squaredErrorSum();
        }
        return this;
    }

    private ErrorSums group(int g) {
        return new ErrorSums(rows[g], weight[g], mean[g], Math.max(0, m2[g]), prediction[g], error[g], absolute[g],
                squared[g]);
    }

    /** @return an immutable copy of the per-group statistics */
    public GroupErrorSums snapshot() {
        ErrorSums[] out = new ErrorSums[groupCount];
        for (int g = 0; g < groupCount; g++) {
            out[g] = group(g);
        }
        return new GroupErrorSums(Arrays.asList(out));
    }
}
