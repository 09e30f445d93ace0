// Harness (issue 16, benchmarks/README.md): run as described there; thread CPU time, not a JMH benchmark.
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.fairkit.core.internal.ScoreInput;
import org.fairkit.core.internal.ScoreKernel;
import org.fairkit.core.internal.SortedScores;
import org.fairkit.core.scores.ScoreMetrics;

public class AucCpu {
    public static void main(String[] a) {
        int groups = Integer.parseInt(a[0]);
        boolean weighted = a.length > 1 && a[1].equals("w");
        boolean deciles = a.length > 2 && a[2].equals("d");
        int n = 1_000_000;
        SplittableRandom r = new SplittableRandom(42);
        byte[] y = new byte[n]; int[] g = new int[n]; double[] w = weighted ? new double[n] : null; double[] s = new double[n];
        for (int i = 0; i < n; i++) { y[i] = (byte) r.nextInt(2); g[i] = r.nextInt(groups); if (weighted) w[i] = 0.5 + r.nextDouble();
            double x = (r.nextDouble() + 0.6 * y[i]) / 1.6; s[i] = deciles ? Math.rint(x * 10) / 10 : x; }
        ScoreInput in = ScoreInput.of(s, y, g, w, groups);
        ThreadMXBean t = ManagementFactory.getThreadMXBean();
        double sink = 0;
        for (int it = 0; it < 25; it++) {
            long c0 = t.getCurrentThreadCpuTime();
            double[] c = s.clone(); Arrays.sort(c); sink += c[n / 2];
            long c1 = t.getCurrentThreadCpuTime();
            SortedScores ss = ScoreKernel.sort(in);
            for (int k = 0; k < groups; k++) sink += ScoreMetrics.ROC_AUC.compute(ss.group(k)).value();
            long c2 = t.getCurrentThreadCpuTime();
            if (it >= 10) System.out.printf("sort %.1f  kernel %.1f  ratio %.2f%n", (c1 - c0) / 1e6, (c2 - c1) / 1e6, (double) (c2 - c1) / (c1 - c0));
        }
        System.out.println(sink);
    }
}
