// Harness (issue 16, benchmarks/README.md): run as described there; thread CPU time, not a JMH benchmark.
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;
import org.fairkit.core.*;
import org.fairkit.core.metrics.Metrics;

public class E2eCpu {
    public static void main(String[] a) {
        int n = 10_000_000;
        String[] levels = {"g0", "g1", "g2", "g3", "g4"};
        SplittableRandom r = new SplittableRandom(7);
        int[] y = new int[n], p = new int[n]; String[] g = new String[n];
        for (int i = 0; i < n; i++) { y[i] = r.nextInt(2); p[i] = r.nextInt(2); g[i] = levels[r.nextInt(5)]; }
        ThreadMXBean t = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int it = 0; it < 30; it++) {
            long c0 = t.getCurrentThreadCpuTime(); long w0 = System.nanoTime();
            FairnessData.Builder b = FairnessData.builder().labels(y);
            long ca = t.getCurrentThreadCpuTime();
            b.predictions(p);
            long cb = t.getCurrentThreadCpuTime();
            b.sensitive("group", g);
            long cc = t.getCurrentThreadCpuTime();
            FairnessData data = b.build();
            long c1 = t.getCurrentThreadCpuTime();
            if (it >= 15) System.out.printf("labels %.1f preds %.1f sensitive %.1f build %.1f | ", (ca-c0)/1e6, (cb-ca)/1e6, (cc-cb)/1e6, (c1-cc)/1e6);
            FairnessReport rep = Fairness.of(data).groupBy("group").reference("g0").threads(1)
                .metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE, Metrics.FALSE_POSITIVE_RATE,
                        Metrics.POSITIVE_PREDICTIVE_VALUE, Metrics.ACCURACY, Metrics.F1_SCORE).evaluate();
            long c2 = t.getCurrentThreadCpuTime(); long w2 = System.nanoTime();
            sink += rep.hashCode();
            if (it >= 15) System.out.printf("build %.1f  evaluate %.1f  total cpu %.1f  wall %.1f%n", (c1-c0)/1e6, (c2-c1)/1e6, (c2-c0)/1e6, (w2-w0)/1e6);
        }
        System.out.println(sink);
    }
}
