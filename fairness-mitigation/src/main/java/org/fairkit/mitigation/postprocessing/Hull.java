package org.fairkit.mitigation.postprocessing;

import java.util.Arrays;

/**
 * The upper concave hull of a group's threshold points in a plane (x = a rate, y = a linear objective or a rate):
 * the best y reachable at each x by randomizing between two thresholds (Hardt, Price &amp; Srebro 2016, section
 * 4). Andrew's monotone chain over points already ordered by x (threshold points are: every rate grows as the
 * threshold falls), keeping, among points of equal x, the one of highest y; a point on or under the chord of its
 * neighbours is dropped, as in Fairlearn's {@code _filter_points_to_get_convex_hull}. {@code O(points)}.
 */
final class Hull {
    final double[] x;
    final double[] y;
    /** The threshold point each vertex comes from. */
    final int[] point;

    private Hull(double[] x, double[] y, int[] point) {
        this.x = x;
        this.y = y;
        this.point = point;
    }

    /** The upper hull of the points {@code (xs[k], ys[k])}, {@code xs} non-decreasing. */
    static Hull upper(double[] xs, double[] ys) {
        int m = xs.length;
        double[] hx = new double[m];
        double[] hy = new double[m];
        int[] hp = new int[m];
        int h = 0;
        for (int k = 0; k < m; k++) {
            double px = xs[k];
            double py = ys[k];
            if (h > 0 && px == hx[h - 1]) {
                if (py <= hy[h - 1]) {
                    continue;
                }
                h--;
            }
            while (h >= 2 && (hy[h - 1] - hy[h - 2]) * (px - hx[h - 2]) <= (py - hy[h - 2]) * (hx[h - 1] - hx[h - 2])) {
                h--;
            }
            hx[h] = px;
            hy[h] = py;
            hp[h] = k;
            h++;
        }
        return new Hull(Arrays.copyOf(hx, h), Arrays.copyOf(hy, h), Arrays.copyOf(hp, h));
    }

    int size() {
        return x.length;
    }

    double minX() {
        return x[0];
    }

    double maxX() {
        return x[x.length - 1];
    }

    /** @return the index {@code j} of the segment {@code [x[j], x[j+1]]} holding {@code q} (0 for a 1-vertex hull) */
    int segment(double q) {
        if (x.length == 1 || q <= x[0]) {
            return 0;
        }
        if (q >= x[x.length - 1]) {
            return x.length - 2;
        }
        int j = Arrays.binarySearch(x, q);
        if (j >= 0) {
            return Math.min(j, x.length - 2);
        }
        return -j - 2;
    }

    /** @return the hull's y at {@code q}, clamped to the hull's x range */
    double valueAt(double q) {
        if (x.length == 1 || q <= x[0]) {
            return y[0];
        }
        if (q >= x[x.length - 1]) {
            return y[y.length - 1];
        }
        return valueOnSegment(segment(q), q);
    }

    double valueOnSegment(int j, double q) {
        if (q == x[j]) {
            return y[j];
        }
        if (q == x[j + 1]) {
            return y[j + 1];
        }
        return y[j] + (y[j + 1] - y[j]) * ((q - x[j]) / (x[j + 1] - x[j]));
    }

    /** @return the share of vertex {@code j + 1} in the mixture of vertices {@code j, j + 1} that lies at {@code q} */
    double share(int j, double q) {
        if (x.length == 1 || q <= x[j]) {
            return 0;
        }
        if (q >= x[j + 1]) {
            return 1;
        }
        return (q - x[j]) / (x[j + 1] - x[j]);
    }

    /** @return the vertex of largest y (the first one, from the left, on a plateau) */
    int argmax() {
        int best = 0;
        for (int j = 1; j < y.length; j++) {
            if (y[j] > y[best]) {
                best = j;
            }
        }
        return best;
    }
}
