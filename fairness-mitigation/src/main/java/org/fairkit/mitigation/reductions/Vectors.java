package org.fairkit.mitigation.reductions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Copies of the vectors the reductions' fitted results hand out (multipliers, gammas, grid points). */
final class Vectors {
    private Vectors() {
    }

    /** A deep, unmodifiable copy: each vector cloned. */
    static List<double[]> copy(List<double[]> v) {
        List<double[]> out = new ArrayList<>(v.size());
        for (double[] a : v) {
            out.add(a.clone());
        }
        return Collections.unmodifiableList(out);
    }
}
