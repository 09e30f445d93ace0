package org.fairkit.stats.scores;

import java.util.SplittableRandom;
import org.fairkit.core.FairnessData;

/** Seeded score data for the tests: binormal scores squashed into [0, 1] by the logistic function. */
final class ScoreSamples {
    private ScoreSamples() {
    }

    /**
     * @param seed the seed
     * @param sizes rows per group (groups "A", "B", ...)
     * @param baseRates P(y = 1) per group
     * @param separation per group, the shift of the positives' latent score (AUC = Φ(d / √2))
     * @param weighted whether to add integer-ish weights in {1, 2, 3}
     * @param rounding 0 for continuous scores, else scores rounded to multiples of this (ties)
     */
    static FairnessData binormal(long seed, int[] sizes, double[] baseRates, double[] separation, boolean weighted,
            double rounding) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 0;
        for (int s : sizes) {
            n += s;
        }
        int[] y = new int[n];
        double[] s = new double[n];
        double[] w = new double[n];
        String[] g = new String[n];
        int i = 0;
        for (int k = 0; k < sizes.length; k++) {
            for (int j = 0; j < sizes[k]; j++, i++) {
                g[i] = String.valueOf((char) ('A' + k));
                y[i] = r.nextDouble() < baseRates[k] ? 1 : 0;
                double latent = gaussian(r) + (y[i] == 1 ? separation[k] : 0) - separation[k] / 2;
                double p = 1 / (1 + Math.exp(-latent));
                s[i] = rounding > 0 ? Math.min(1, Math.round(p / rounding) * rounding) : p;
                w[i] = 1 + r.nextInt(3);
            }
        }
        FairnessData.Builder b = FairnessData.builder().labels(y).predictions(y).scores(s).sensitive("g", g);
        if (weighted) {
            b.weights(w);
        }
        return b.build();
    }

    static double gaussian(SplittableRandom r) {
        double u = r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }
}
