package org.fairkit.testkit.contract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The changes of input that a metric must not notice, as the invariance properties of the contract tests apply
 * them: a random row order, a random renaming of group levels, unit weights.
 */
public final class Perturbations {
    private Perturbations() {
    }

    /**
     * @return the rows {@code 0..rows-1} in the order {@link Collections#shuffle(List, Random)} gives them with
     *     {@code new Random(seed)}
     */
    public static int[] shuffledOrder(int rows, long seed) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, rows).boxed().toList());
        Collections.shuffle(order, new Random(seed));
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * A random bijection of the levels onto the fresh names {@code g0, g1, ...}, which also changes the sorted
     * order of the groups.
     *
     * @param levels distinct levels
     * @return each level's new name
     */
    public static Map<String, String> randomRelabeling(List<String> levels, long seed) {
        List<String> fresh = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            fresh.add("g" + i);
        }
        Collections.shuffle(fresh, new Random(seed));
        Map<String, String> rename = new HashMap<>();
        for (int i = 0; i < levels.size(); i++) {
            rename.put(levels.get(i), fresh.get(i));
        }
        return rename;
    }

    /** @return {@code rows} weights of 1.0 */
    public static double[] ones(int rows) {
        double[] ones = new double[rows];
        Arrays.fill(ones, 1.0);
        return ones;
    }
}
