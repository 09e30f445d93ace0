package org.fairkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The abstract base of every metric contract test: a metric computed per group and overall is compared with a
 * brute-force reference under a declared {@link Tolerance}, and with itself after the input changes of
 * {@link Perturbations}. Subclasses hold the properties as {@code @ParameterizedTest}s over their metric catalog
 * (bounds, reference values, undefined cells, row permutation, group relabeling, unit weights, integer weights as
 * duplicated rows, merge over chunk cuts where a tally exists) and bind the value type {@code V} through the three
 * accessors.
 *
 * @param <V> the metric value type: defined with a value, or undefined with a reason
 */
public abstract class GroupMetricContract<V> {
    /** QuickTheories examples per property. */
    protected static final int EXAMPLES = 150;

    /** @return whether {@code v} is defined */
    protected abstract boolean isDefined(V v);

    /** @return the value of a defined {@code v} */
    protected abstract double valueOf(V v);

    /** @return why {@code v} is undefined, when it is */
    protected abstract Optional<String> reasonOf(V v);

    /**
     * Asserts that {@code actual} is the reference: undefined with a non-blank reason when the reference is empty,
     * else defined and within {@code tolerance} of it.
     */
    protected final void assertClose(V actual, OptionalDouble expected, Tolerance tolerance, String what) {
        if (expected.isEmpty()) {
            assertThat(isDefined(actual)).as("%s is undefined, got %s", what, actual).isFalse();
            assertThat(reasonOf(actual)).as(what).hasValueSatisfying(r -> assertThat(r).isNotBlank());
            return;
        }
        assertThat(isDefined(actual)).as("%s is defined, got %s", what, actual).isTrue();
        tolerance.assertClose(valueOf(actual), expected.getAsDouble(), what);
    }

    /** Asserts {@link #assertClose} against another computed value ({@code expected} as the reference). */
    protected final void assertSame(V actual, V expected, Tolerance tolerance, String what) {
        assertClose(actual, isDefined(expected) ? OptionalDouble.of(valueOf(expected)) : OptionalDouble.empty(),
                tolerance, what);
    }
}
