package org.fairkit.core.individual;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.fairkit.core.FairnessData;
import org.fairkit.core.internal.InputErrors;

/**
 * k-nearest-neighbour consistency, the individual-fairness measure of Zemel et al. (2013, "Learning Fair
 * Representations", ICML): do similar rows get similar decisions?
 *
 * <pre>
 *   consistency = 1 − (1/n) Σ_i | ŷ_i − (1/k) Σ_{j ∈ N_k(x_i)} ŷ_j |
 * </pre>
 * where {@code N_k(x_i)} is the set of the {@code k} rows nearest to row {@code i} in Euclidean distance
 * <em>including row {@code i} itself</em>. That is AIF360's definition ({@code BinaryLabelDatasetMetric.consistency},
 * which queries scikit-learn's {@code NearestNeighbors} with the training rows, so each row is its own first
 * neighbour); the paper's formula excludes the row, so the two differ by design.
 *
 * <p><b>Neighbours are exact</b> and <b>ties are broken deterministically</b>: rows are ordered by squared
 * Euclidean distance (summed in column order, compared exactly), the row itself first among rows at distance 0,
 * then by lower row index. scikit-learn's ball tree breaks ties in an order of its own, so on data with ties (integer
 * features, duplicated rows) the two can choose different neighbour sets. The result says how many rows had such an
 * ambiguous neighbour set and the lowest and highest consistency that <em>any</em> tie-breaking could give
 * ({@link ConsistencyResult#lowestOverTieBreaks()}); AIF360's value on the same data lies in that range.
 *
 * <p><b>Cost</b>: brute force, {@code O(n² d)} time for {@code n} rows and {@code d} features (every pair of rows),
 * plus {@code O(n log k)} per row for a bounded heap, and {@code O(n)} memory per thread. On the project VM (busy)
 * one evaluation took 0.15 to 0.25 s of CPU for 6,172 rows with 4 features and 2.6 s for 20,000 rows; it grows with
 * the square of the rows, so 100,000 rows take about a minute per thread ({@code ConsistencyBenchmark}). Rows
 * are split across {@link #threads(int)} threads; each row's term is computed alone and the terms are added in row
 * order, so the result has the same bits on any number of threads.
 *
 * <p>Input: {@code 0 < k <= n}; outcomes 0/1. Undefined never (every row is its own neighbour). Range [0, 1],
 * higher is more consistent. Immutable configuration: {@code Consistency.neighbours(5).threads(2)}.
 */
public final class Consistency {
    private final int neighbours;
    private final int threads;

    private Consistency(int neighbours, int threads) {
        this.neighbours = neighbours;
        this.threads = threads;
    }

    /**
     * Consistency over the {@code k} nearest neighbours (the row itself included); AIF360's default is 5.
     *
     * @throws IllegalArgumentException if {@code k < 1}
     */
    public static Consistency neighbours(int k) {
        if (k < 1) {
            throw InputErrors.badSetting("neighbours", k, ">= 1");
        }
        return new Consistency(k, 1);
    }

    /**
     * The same consistency computed on up to {@code threads} threads (the caller and {@code threads − 1} tasks of
     * the common fork-join pool). The result does not depend on it.
     *
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public Consistency threads(int count) {
        if (count < 1) {
            throw InputErrors.badSetting("threads", count, ">= 1");
        }
        return new Consistency(neighbours, count);
    }

    /** @return k, the neighbourhood size (the row itself included) */
    public int neighbours() {
        return neighbours;
    }

    /** Consistency of the data's predictions over the given features (rows in the same order). */
    public ConsistencyResult evaluate(FeatureMatrix features, FairnessData data) {
        Objects.requireNonNull(data, "data");
        int[] p = new int[data.rows()];
        for (int i = 0; i < p.length; i++) {
            p[i] = data.prediction(i);
        }
        return evaluate(features, p, "predictions");
    }

    /**
     * Consistency of 0/1 outcomes (decisions or labels) over the given features.
     *
     * @throws IllegalArgumentException if an outcome is not 0 or 1 (naming the row), the lengths differ, or
     *     {@code k} exceeds the number of rows
     */
    public ConsistencyResult evaluate(FeatureMatrix features, int[] outcomes) {
        return evaluate(features, outcomes, "outcomes");
    }

    private ConsistencyResult evaluate(FeatureMatrix features, int[] outcomes, String column) {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(outcomes, column);
        int n = features.rows();
        if (outcomes.length != n) {
            throw InputErrors.lengthMismatch(column, outcomes.length, "features", n);
        }
        for (int i = 0; i < n; i++) {
            if (outcomes[i] != 0 && outcomes[i] != 1) {
                throw InputErrors.badValue(column, i, outcomes[i], "0 or 1");
            }
        }
        if (neighbours > n) {
            throw new IllegalArgumentException("neighbours k = " + neighbours + " exceeds the " + n
                    + " rows; expected 1 <= k <= rows (the row itself is one of its neighbours)");
        }
        double[] term = new double[n];
        double[] lowTerm = new double[n];
        double[] highTerm = new double[n];
        boolean[] ambiguous = new boolean[n];
        int parts = Math.min(threads, n);
        Executor pool = ForkJoinPool.commonPool();
        List<CompletableFuture<Void>> tasks = new ArrayList<>();
        for (int p = 1; p < parts; p++) {
            int from = (int) ((long) n * p / parts);
            int to = (int) ((long) n * (p + 1) / parts);
            tasks.add(CompletableFuture.runAsync(
                    () -> rows(features, outcomes, from, to, term, lowTerm, highTerm, ambiguous), pool));
        }
        rows(features, outcomes, 0, (int) ((long) n / parts), term, lowTerm, highTerm, ambiguous);
        tasks.forEach(CompletableFuture::join);
        return new ConsistencyResult(neighbours, term, lowTerm, highTerm, ambiguous);
    }

    /** Rows {@code [from, to)}: each row's term, its range over tie-breaks, and whether its neighbours are tied. */
    private void rows(FeatureMatrix x, int[] y, int from, int to, double[] term, double[] lowTerm,
            double[] highTerm, boolean[] ambiguous) {
        int n = x.rows();
        int d = x.columns();
        double[] v = x.flat();
        int k = neighbours;
        double[] dist = new double[n];
        int[] heap = new int[k];
        for (int i = from; i < to; i++) {
            int pi = i * d;
            for (int j = 0; j < n; j++) {
                int pj = j * d;
                double s = 0;
                for (int c = 0; c < d; c++) {
                    double diff = v[pi + c] - v[pj + c];
                    s += diff * diff;
                }
                dist[j] = s;
            }
            // Bounded max-heap of the k first rows in (distance, self first, index) order. Rows come in index
            // order, so once the heap is full a row enters only when strictly nearer than the heap's last row:
            // at an equal distance the row in the heap is the row itself or has a lower index.
            int size = 0;
            heap[size++] = i;
            double last = k == 1 ? 0 : Double.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                if (size < k) {
                    heap[size++] = j;
                    siftUp(heap, size - 1, dist, i);
                    if (size == k) {
                        last = dist[heap[0]];
                    }
                } else if (dist[j] < last) {
                    heap[0] = j;
                    siftDown(heap, size, dist, i);
                    last = dist[heap[0]];
                }
            }
            int ones = 0;
            for (int h = 0; h < size; h++) {
                ones += y[heap[h]];
            }
            term[i] = Math.abs(y[i] * k - ones) / (double) k; // the same rounding as the tie range below
            // The k-th distance, and how the rows at that distance could have been chosen instead.
            double kth = dist[heap[0]];
            int less = 0;
            int onesLess = 0;
            int equal = 0;
            int onesEqual = 0;
            for (int j = 0; j < n; j++) {
                if (dist[j] < kth) {
                    less++;
                    onesLess += y[j];
                } else if (dist[j] == kth) {
                    equal++;
                    onesEqual += y[j];
                }
            }
            int need = k - less;
            ambiguous[i] = equal > need;
            int lo = Math.max(0, need - (equal - onesEqual));
            int hi = Math.min(need, onesEqual);
            int target = y[i] * k - onesLess;
            int closest = Math.max(lo, Math.min(hi, target));
            lowTerm[i] = Math.abs(target - closest) / (double) k;
            highTerm[i] = Math.max(Math.abs(target - lo), Math.abs(target - hi)) / (double) k;
        }
    }

    /** Whether row {@code a} comes before row {@code b} among the neighbours of row {@code self}. */
    private static boolean before(int a, int b, double[] dist, int self) {
        int c = Double.compare(dist[a], dist[b]);
        if (c != 0) {
            return c < 0;
        }
        if (a == self || b == self) {
            return a == self;
        }
        return a < b;
    }

    private static void siftUp(int[] heap, int at, double[] dist, int self) {
        int x = heap[at];
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!before(heap[parent], x, dist, self)) {
                break;
            }
            heap[at] = heap[parent];
            at = parent;
        }
        heap[at] = x;
    }

    private static void siftDown(int[] heap, int size, double[] dist, int self) {
        int at = 0;
        int x = heap[0];
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(heap[child], heap[child + 1], dist, self)) {
                child++;
            }
            if (!before(x, heap[child], dist, self)) {
                break;
            }
            heap[at] = heap[child];
            at = child;
        }
        heap[at] = x;
    }

    @Override
    public String toString() {
        return "Consistency[k = " + neighbours + " nearest rows (the row itself included), exact Euclidean, "
                + threads + (threads == 1 ? " thread]" : " threads]");
    }
}
