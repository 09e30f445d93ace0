package org.fairkit.core.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.Supplier;
import org.fairkit.core.metrics.MetricValue;

/**
 * One golden value and the FairKit call that must reproduce it.
 *
 * @param path where the value is: {@code file#json.path[group]}
 * @param producedBy the toolkit call that produced it (the block's {@code call} / {@code description})
 * @param fairkit the FairKit call that is compared with it
 * @param expected the golden value; NaN means the toolkit returned NaN, which FairKit must report as undefined
 * @param actual computes FairKit's value (evaluated in the test, so an exception fails that test only)
 */
record GoldenCheck(String path, String producedBy, String fairkit, double expected, Supplier<MetricValue> actual) {
    /** Absolute tolerance of every golden comparison. */
    static final double TOLERANCE = 1e-9;


    /** A check of a plain number, e.g. a weighted cell count. */
    static GoldenCheck ofDouble(String path, String producedBy, String fairkit, double expected,
            Supplier<Double> actual) {
        return new GoldenCheck(path, producedBy, fairkit, expected, () -> MetricValue.of(actual.get()));
    }

    /** @return whether the golden value is NaN (FairKit must say undefined) */
    boolean expectsUndefined() {
        return Double.isNaN(expected);
    }

    /** Asserts FairKit's value against the golden one within {@link #TOLERANCE}. */
    void verify() {
        MetricValue v = actual.get();
        if (expectsUndefined()) {
            assertThat(v.isDefined())
                    .as("%s is NaN in %s; FairKit %s must be undefined, got %s", path, producedBy, fairkit, v)
                    .isFalse();
            assertThat(v.reason()).as("reason of the undefined FairKit %s", fairkit).get().asString().isNotBlank();
            return;
        }
        assertThat(v.reason()).as("%s = %s from %s; FairKit %s must be defined", path, expected, producedBy, fairkit)
                .isEmpty();
        assertThat(v.value()).as("%s from %s; FairKit %s", path, producedBy, fairkit)
                .isCloseTo(expected, within(TOLERANCE));
    }

    @Override
    public String toString() {
        return path;
    }
}
