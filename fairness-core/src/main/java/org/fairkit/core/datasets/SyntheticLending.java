package org.fairkit.core.datasets;

import java.util.SplittableRandom;
import org.fairkit.core.FairnessData;

/**
 * A seeded synthetic lending data set with a known, injected bias: the embedded default that examples,
 * benchmarks and the CLI demo run on.
 *
 * <p>Each applicant has a latent creditworthiness {@code z ~ N(0, 1)}; the true label (repaid) is
 * {@code Bernoulli(sigmoid(1.2 z + 0.4))}, with the same law in every group. The model's score is
 * {@code sigmoid(1.2 z + 0.4 + e - penalty * [ethnicity = Group B])} with noise {@code e ~ N(0, 0.5²)}, and the
 * decision (approve) is {@code score >= 0.5}. So at equal merit, Group B's scores are lowered by
 * {@code penalty} logits: its selection rate and true positive rate fall below the others' while base rates
 * stay equal. Group shares: ethnicity Group A 62%, Group B 25%, Group C 13%; sex Female 48%, Male 52%.
 *
 * <p>The same {@code (rows, seed, penalty)} always gives the same data ({@link SplittableRandom}).
 */
public final class SyntheticLending {
    /** The default injected penalty, in logits. */
    public static final double DEFAULT_PENALTY = 0.8;
    /** The name of the ethnicity feature. */
    public static final String ETHNICITY = "ethnicity";
    /** The name of the sex feature. */
    public static final String SEX = "sex";
    /** The group whose scores are penalised. */
    public static final String PENALISED_GROUP = "Group B";

    private static final String[] ETHNICITIES = {"Group A", "Group B", "Group C"};
    private static final String[] SEXES = {"Female", "Male"};

    private SyntheticLending() {
    }

    /** The data set with the default penalty. */
    public static FairnessData generate(int rows, long seed) {
        return generate(rows, seed, DEFAULT_PENALTY);
    }

    /**
     * The data set with a chosen penalty (0 for an unbiased model).
     *
     * @throws IllegalArgumentException if {@code rows < 1} or the penalty is not finite
     */
    public static FairnessData generate(int rows, long seed, double penalty) {
        if (rows < 1) {
            throw new IllegalArgumentException("rows must be >= 1, got " + rows);
        }
        if (!Double.isFinite(penalty)) {
            throw new IllegalArgumentException("penalty must be finite, got " + penalty);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] labels = new int[rows];
        int[] predictions = new int[rows];
        double[] scores = new double[rows];
        int[] ethnicity = new int[rows];
        int[] sex = new int[rows];
        for (int i = 0; i < rows; i++) {
            double u = random.nextDouble();
            ethnicity[i] = u < 0.62 ? 0 : u < 0.87 ? 1 : 2;
            sex[i] = random.nextDouble() < 0.48 ? 0 : 1;
            double z = gaussian(random);
            double merit = 1.2 * z + 0.4;
            labels[i] = random.nextDouble() < sigmoid(merit) ? 1 : 0;
            double logit = merit + 0.5 * gaussian(random) - (ethnicity[i] == 1 ? penalty : 0.0);
            scores[i] = sigmoid(logit);
            predictions[i] = scores[i] >= 0.5 ? 1 : 0;
        }
        return FairnessData.builder()
                .labels(labels)
                .predictions(predictions)
                .scores(scores)
                .sensitive(ETHNICITY, ethnicity, ETHNICITIES)
                .sensitive(SEX, sex, SEXES)
                .build();
    }

    private static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    /** A standard normal draw by the Box-Muller transform (one of the pair). */
    private static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
