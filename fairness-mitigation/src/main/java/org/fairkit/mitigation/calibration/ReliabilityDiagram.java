package org.fairkit.mitigation.calibration;

import java.util.List;
import java.util.Objects;

/**
 * The data of a reliability diagram (calibration curve): for every bin, its edges, row count, weight, mean score
 * and observed positive rate, ready for plotting observed rate against mean score.
 *
 * <p>Bins follow {@link Binning}'s right-closed convention. All bins are listed, empty ones too (with undefined
 * values); {@link #meanScores()} and {@link #observedRates()} list only the bins with weight, which for unweighted
 * data are exactly scikit-learn's {@code calibration_curve} outputs {@code prob_pred} and {@code prob_true}.
 *
 * @param binning how the edges were chosen
 * @param bins every bin, in order
 */
public record ReliabilityDiagram(Binning binning, List<ReliabilityBin> bins) {

    /** Validates and copies. */
    public ReliabilityDiagram {
        Objects.requireNonNull(binning, "binning");
        bins = List.copyOf(bins);
    }

    /** @return the {@code bins + 1} edges */
    public double[] edges() {
        double[] e = new double[bins.size() + 1];
        for (int j = 0; j < bins.size(); j++) {
            e[j] = bins.get(j).lower();
        }
        e[bins.size()] = bins.get(bins.size() - 1).upper();
        return e;
    }

    /** @return every bin's row count (empty bins included) */
    public long[] counts() {
        return bins.stream().mapToLong(ReliabilityBin::count).toArray();
    }

    /** @return the mean score of each bin with weight (scikit-learn's {@code prob_pred}) */
    public double[] meanScores() {
        return bins.stream().filter(ReliabilityBin::isDefined).mapToDouble(b -> b.meanScore().value()).toArray();
    }

    /** @return the observed positive rate of each bin with weight (scikit-learn's {@code prob_true}) */
    public double[] observedRates() {
        return bins.stream().filter(ReliabilityBin::isDefined).mapToDouble(b -> b.observedRate().value()).toArray();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("ReliabilityDiagram[").append(binning).append('\n');
        bins.forEach(x -> b.append("  ").append(x).append('\n'));
        return b.append(']').toString();
    }
}
