package org.fairkit.orchestration.load;

/**
 * How a {@link LoadModel} turns loads into seconds.
 *
 * <p>With {@code I} the input load, {@code O} the output load, {@code p} the input pass multiplier (2.0),
 * {@code r_in} and {@code r_out} the input and output rates (15 and 8 units/s):
 */
public enum TimeFormula {
    /**
     * The specification's formula: {@code t = (O + p·I) / r_avg} with {@code r_avg = (r_in + r_out) / 2}
     * (11.5 units/s by default). The default.
     */
    AVERAGE_RATE,
    /**
     * Each kind of unit at its own rate: {@code t = p·I / r_in + O / r_out}. The formula that
     * {@link LoadModel#calibrate(java.util.List)} fits, and the one a calibrated model uses.
     */
    SEPARATE_RATES
}
