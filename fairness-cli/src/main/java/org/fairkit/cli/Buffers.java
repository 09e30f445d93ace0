package org.fairkit.cli;

import java.util.Arrays;

/** Growable primitive arrays for reading columns of unknown length without boxing. */
final class Buffers {
    private Buffers() {
    }

    /** A growable {@code int[]}. */
    static final class Ints {
        private int[] a = new int[1024];
        private int n;

        void add(int x) {
            if (n == a.length) {
                a = Arrays.copyOf(a, a.length * 2);
            }
            a[n++] = x;
        }

        int[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }

    /** A growable {@code double[]}. */
    static final class Doubles {
        private double[] a = new double[1024];
        private int n;

        void add(double x) {
            if (n == a.length) {
                a = Arrays.copyOf(a, a.length * 2);
            }
            a[n++] = x;
        }

        double[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
