package org.fairkit.mitigation.preprocessing;

import java.util.Arrays;

/**
 * {@code numpy.quantile(values, q)} with its default linear method, operation for operation: virtual index
 * {@code (n - 1) q}, {@code gamma} its fractional part, and numpy's {@code _lerp}, which interpolates from the upper
 * value when {@code gamma >= 0.5}.
 */
final class Quantiles {
    private Quantiles() {
    }

    static double[] of(double[] values, double[] qs) {
        double[] s = values.clone();
        Arrays.sort(s);
        double[] out = new double[qs.length];
        for (int k = 0; k < qs.length; k++) {
            out[k] = sorted(s, qs[k]);
        }
        return out;
    }

    static double sorted(double[] s, double q) {
        int n = s.length;
        double vi = (n - 1) * q;
        double lo = Math.floor(vi);
        double gamma = vi - lo;
        int i = (int) lo;
        double a = s[i];
        double b = s[Math.min(i + 1, n - 1)];
        double diff = b - a;
        return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
    }
}
