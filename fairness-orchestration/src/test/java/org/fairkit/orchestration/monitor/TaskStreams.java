package org.fairkit.orchestration.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.fairkit.core.TaskReport;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.multiclass.MulticlassData;
import org.fairkit.core.ranking.Ranking;
import org.fairkit.core.regression.RegressionData;

/**
 * Seeded random streams of every task, cut into batches at random points, and the comparison of two window reports
 * (groups and sizes exactly, every value and disparity within a tolerance).
 */
final class TaskStreams {
    static final String[] LEVELS = {"x", "y", "z"};
    static final String[] CLASSES = {"cat", "dog", "eel", "fox"};

    private TaskStreams() {
    }

    /** Random cut points: the sizes of {@code parts} non-empty consecutive batches of {@code n} rows. */
    static int[] cuts(Random r, int n, int parts) {
        int k = Math.max(1, Math.min(parts, n));
        List<Integer> points = new ArrayList<>();
        while (points.size() < k - 1) {
            int p = 1 + r.nextInt(n - 1);
            if (!points.contains(p)) {
                points.add(p);
            }
        }
        points.sort(null);
        int[] sizes = new int[k];
        int prev = 0;
        for (int i = 0; i < k - 1; i++) {
            sizes[i] = points.get(i) - prev;
            prev = points.get(i);
        }
        sizes[k - 1] = n - prev;
        return sizes;
    }

    /** A regression stream: targets in [0, 10), predictions near them, optional weights, feature "a". */
    record RegressionRows(double[] target, double[] prediction, double[] weight, String[] a) {
        static RegressionRows random(long seed, int n, boolean weighted) {
            Random r = new Random(seed);
            double[] t = new double[n];
            double[] p = new double[n];
            double[] w = weighted ? new double[n] : null;
            String[] a = new String[n];
            for (int i = 0; i < n; i++) {
                a[i] = LEVELS[r.nextInt(LEVELS.length)];
                t[i] = 10 * r.nextDouble();
                p[i] = t[i] + (a[i].equals("z") ? 1.5 : 0) + r.nextGaussian();
                if (w != null) {
                    w[i] = r.nextInt(4) == 0 ? 0 : 0.5 + 2 * r.nextDouble();
                }
            }
            return new RegressionRows(t, p, w, a);
        }

        RegressionData slice(int from, int to) {
            RegressionData.Builder b = RegressionData.builder().targets(Arrays.copyOfRange(target, from, to))
                    .predictions(Arrays.copyOfRange(prediction, from, to))
                    .sensitive("a", Arrays.copyOfRange(a, from, to));
            if (weight != null) {
                b.weights(Arrays.copyOfRange(weight, from, to));
            }
            return b.build();
        }

        List<RegressionData> batches(int[] sizes) {
            List<RegressionData> out = new ArrayList<>();
            int from = 0;
            for (int s : sizes) {
                out.add(slice(from, from + s));
                from += s;
            }
            return out;
        }
    }

    /** A multiclass stream over {@link #CLASSES}, feature "a"; a late class appears only after row {@code n/2}. */
    record MulticlassRows(String[] label, String[] prediction, double[] weight, String[] a) {
        static MulticlassRows random(long seed, int n, boolean weighted) {
            Random r = new Random(seed);
            String[] y = new String[n];
            String[] p = new String[n];
            double[] w = weighted ? new double[n] : null;
            String[] a = new String[n];
            for (int i = 0; i < n; i++) {
                int classes = i < n / 2 ? 3 : 4;
                a[i] = LEVELS[r.nextInt(2)];
                y[i] = CLASSES[r.nextInt(classes)];
                p[i] = r.nextInt(3) == 0 ? CLASSES[r.nextInt(classes)] : y[i];
                if (w != null) {
                    w[i] = 0.25 * (1 + r.nextInt(8));
                }
            }
            return new MulticlassRows(y, p, w, a);
        }

        MulticlassData slice(int from, int to) {
            MulticlassData.Builder b = MulticlassData.builder().labels(Arrays.copyOfRange(label, from, to))
                    .predictions(Arrays.copyOfRange(prediction, from, to))
                    .sensitive("a", Arrays.copyOfRange(a, from, to));
            if (weight != null) {
                b.weights(Arrays.copyOfRange(weight, from, to));
            }
            return b.build();
        }

        List<MulticlassData> batches(int[] sizes) {
            List<MulticlassData> out = new ArrayList<>();
            int from = 0;
            for (int s : sizes) {
                out.add(slice(from, from + s));
                from += s;
            }
            return out;
        }
    }

    /** {@code queries} random rankings of 1 to 8 items, feature "a" (group "y" ranked lower), with relevance or not. */
    static List<Ranking> rankings(long seed, int queries, boolean relevance) {
        Random r = new Random(seed);
        List<Ranking> out = new ArrayList<>();
        for (int q = 0; q < queries; q++) {
            int n = 1 + r.nextInt(8);
            String[] a = new String[n];
            double[] score = new double[n];
            double[] rel = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = LEVELS[r.nextInt(2)];
                score[i] = r.nextDouble() - (a[i].equals("y") ? 0.3 : 0);
                rel[i] = r.nextInt(3);
            }
            Ranking.Builder b = Ranking.builder().sensitive("a", a).scores(score);
            if (relevance) {
                b.relevance(rel);
            }
            out.add(b.build());
        }
        return out;
    }

    static <T> List<List<T>> split(List<T> all, int[] sizes) {
        List<List<T>> out = new ArrayList<>();
        int from = 0;
        for (int s : sizes) {
            out.add(all.subList(from, from + s));
            from += s;
        }
        return out;
    }

    /** Groups and sizes exactly; every group value, overall value and disparity within {@code tol} (relative). */
    static void assertClose(TaskReport actual, TaskReport expected, double tol) {
        assertThat(actual.task()).isEqualTo(expected.task());
        assertThat(actual.groupBy()).isEqualTo(expected.groupBy());
        assertThat(actual.groups()).isEqualTo(expected.groups());
        assertThat(actual.sizes()).isEqualTo(expected.sizes());
        assertThat(actual.metricIds()).isEqualTo(expected.metricIds());
        for (GroupValues e : expected.metrics()) {
            GroupValues a = actual.values(e.metricId()).orElseThrow();
            for (int g = 0; g < e.groups().size(); g++) {
                assertValue(a.value(g), e.value(g), tol, e.metricId() + " of " + e.groups().get(g));
            }
            assertValue(a.overall(), e.overall(), tol, e.metricId() + " overall");
        }
        assertThat(actual.disparityIds()).isEqualTo(expected.disparityIds());
        for (String id : expected.disparityIds()) {
            Disparity e = expected.disparity(id).orElseThrow();
            Disparity a = actual.disparity(id).orElseThrow();
            assertValue(a.value(), e.value(), tol, id);
        }
    }

    static void assertValue(MetricValue a, MetricValue e, double tol, String what) {
        assertThat(a.isDefined()).as(what + " defined: " + a + " vs " + e).isEqualTo(e.isDefined());
        if (e.isDefined()) {
            double x = e.value();
            double y = a.value();
            if (Double.isInfinite(x) || tol == 0) {
                assertThat(y).as(what).isEqualTo(x);
            } else {
                assertThat(Math.abs(y - x)).as(what + ": " + y + " vs " + x).isLessThanOrEqualTo(
                        tol * Math.max(1, Math.abs(x)));
            }
        } else if (tol == 0) {
            assertThat(a.reason()).as(what).isEqualTo(e.reason());
        } else {
            // a reason may quote a value, which then differs within rounding: compare it without its numbers
            assertThat(a.reason().orElseThrow().replaceAll("-?[0-9][0-9.eE-]*", "#")).as(what)
                    .isEqualTo(e.reason().orElseThrow().replaceAll("-?[0-9][0-9.eE-]*", "#"));
        }
    }
}
