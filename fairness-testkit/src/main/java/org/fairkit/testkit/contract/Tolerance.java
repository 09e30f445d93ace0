package org.fairkit.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * How close a computed value must be to its reference: exactly equal (bit for bit), within an absolute distance,
 * or within a distance relative to {@code max(1, |expected|)}. A contract test declares its tolerance and says why
 * in its javadoc (which sums are exact, which are taken in another order).
 */
public abstract sealed class Tolerance {
    private Tolerance() {
    }

    /** @return bit-for-bit equality ({@code isEqualTo}) */
    public static Tolerance exact() {
        return Exact.INSTANCE;
    }

    /** @return {@code |actual - expected| <= bound}; a bound of 0 is {@link #exact()} */
    public static Tolerance absolute(double bound) {
        return bound == 0 ? exact() : new Absolute(bound);
    }

    /** @return {@code |actual - expected| <= bound * max(1, |expected|)} */
    public static Tolerance relative(double bound) {
        return new Relative(bound);
    }

    /** @return whether this is bit-for-bit equality */
    public boolean isExact() {
        return this instanceof Exact;
    }

    /**
     * Asserts that {@code actual} is {@code expected} within this tolerance.
     *
     * @param what names the value in the failure message
     */
    public abstract void assertClose(double actual, double expected, String what);

    private static final class Exact extends Tolerance {
        static final Exact INSTANCE = new Exact();

        @Override
        public void assertClose(double actual, double expected, String what) {
            assertThat(actual).as(what).isEqualTo(expected);
        }

        @Override
        public String toString() {
            return "exact";
        }
    }

    private static final class Absolute extends Tolerance {
        private final double bound;

        Absolute(double bound) {
            this.bound = bound;
        }

        @Override
        public void assertClose(double actual, double expected, String what) {
            assertThat(actual).as(what).isCloseTo(expected, within(bound));
        }

        @Override
        public String toString() {
            return "absolute " + bound;
        }
    }

    private static final class Relative extends Tolerance {
        private final double bound;

        Relative(double bound) {
            this.bound = bound;
        }

        @Override
        public void assertClose(double actual, double expected, String what) {
            assertThat(Math.abs(actual - expected)).as("%s: %s vs %s", what, actual, expected)
                    .isLessThanOrEqualTo(bound * Math.max(1, Math.abs(expected)));
        }

        @Override
        public String toString() {
            return "relative " + bound;
        }
    }
}
