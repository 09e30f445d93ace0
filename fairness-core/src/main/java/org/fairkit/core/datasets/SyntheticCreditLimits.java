package org.fairkit.core.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.core.regression.RegressionData;

/**
 * A seeded synthetic <b>regression</b> data set with a known, injected disparity: a credit-limit model that
 * under-predicts women's limits and is noisier for them. The regression counterpart of {@link SyntheticLending}.
 *
 * <p><b>Generative model.</b> Each row independently, with strength {@code s >= 0}:
 * <ul>
 *   <li>{@code sex}: {@code Female} with probability 0.48, else {@code Male};</li>
 *   <li>{@code age_band}: {@code 18-29}, {@code 30-49}, {@code 50+} with probabilities 0.25, 0.45, 0.30,
 *       independent of sex;</li>
 *   <li>the true credit limit, in thousands: {@code y = 20 exp(0.3 z)} with {@code z ~ N(0, 1)}, the same law in
 *       every group;</li>
 *   <li>the model's prediction: {@code ŷ = y + e} for Male and
 *       {@code ŷ = y - OFFSET s + (1 + NOISE s) e} for Female, with {@code e ~ N(0, 1)}, {@link #OFFSET} = 1.5 and
 *       {@link #NOISE} = 0.5;</li>
 *   <li>{@code y} and {@code ŷ} are rounded to 0.01 (ten dollars). Predictions are not clipped.</li>
 * </ul>
 *
 * <p><b>The injected disparity.</b> The errors {@code ŷ - y} are {@code N(0, 1)} for Male and {@code N(-μ, σ²)} for
 * Female, with {@code μ = 1.5 s} and {@code σ = 1 + 0.5 s}. So, per group (the folded-normal mean for the MAE):
 * <pre>
 *   MAE(Male)   = √(2/π)                                              ≈ 0.7979
 *   MAE(Female) = σ √(2/π) exp(-μ² / (2σ²)) + μ (1 - 2 Φ(-μ/σ))         ≈ 1.7499 at s = 1
 *   MSE(Male)   = 1,   MSE(Female) = μ² + σ²                          = 4.5 at s = 1
 *   mean error: 0 for Male, -μ for Female                             = -1.5 at s = 1
 * </pre>
 * By sex at the default strength 1: {@code mae_parity_difference ≈ 0.952}, {@code mae_parity_ratio ≈ 0.456},
 * {@code bounded_group_loss_absolute ≈ 1.750} and {@code bounded_group_loss_squared = 4.5} (both Female),
 * {@code mean_error_difference = 1.5}. By age band every group has the same error law, so the expected disparities
 * are 0 (a control). At {@code s = 0} both sexes have MAE √(2/π): parity. Rounding to 0.01 adds an error of at most
 * 0.01 per row, negligible beside these values.
 *
 * <p><b>Columns</b> ({@link #writeCsv(Appendable)}): {@value #ID} ({@code C1}, {@code C2}, ...), {@value #SEX},
 * {@value #AGE_BAND}, {@value #TARGET} (true limit), {@value #PREDICTION} (predicted limit).
 *
 * <pre>{@code
 * SyntheticCreditLimits limits = SyntheticCreditLimits.builder().rows(20_000).seed(7).build();
 * RegressionReport report = RegressionFairness.of(limits.toRegressionData()).groupBy("sex").evaluate();
 * }</pre>
 *
 * <p>The same {@code (rows, seed, strength)} always gives the same values and the same CSV bytes
 * ({@link SplittableRandom}). Immutable.
 */
public final class SyntheticCreditLimits {
    /** The default number of rows. */
    public static final int DEFAULT_ROWS = 50_000;
    /** The default seed. */
    public static final long DEFAULT_SEED = 42;
    /** The default strength: the disparity stated in the class comment. */
    public static final double DEFAULT_STRENGTH = 1.0;
    /** The largest strength accepted. */
    public static final double MAX_STRENGTH = 100.0;
    /** Female predictions are lowered by {@code OFFSET × strength} (thousands). */
    public static final double OFFSET = 1.5;
    /** Female errors have standard deviation {@code 1 + NOISE × strength} (Male: 1). */
    public static final double NOISE = 0.5;
    /** The row id column. */
    public static final String ID = "id";
    /** The sex column (sensitive; the disparity is by sex). */
    public static final String SEX = "sex";
    /** The age band column (sensitive; no disparity). */
    public static final String AGE_BAND = "age_band";
    /** The true credit limit column, in thousands. */
    public static final String TARGET = "y";
    /** The predicted credit limit column, in thousands. */
    public static final String PREDICTION = "y_hat";
    /** The CSV columns, in order. */
    public static final List<String> COLUMNS = List.of(ID, SEX, AGE_BAND, TARGET, PREDICTION);
    /** The group whose predictions are biased and noisier. */
    public static final String PENALISED_GROUP = "Female";
    /** The levels of {@value #SEX}. */
    public static final List<String> SEXES = List.of("Female", "Male");
    /** The levels of {@value #AGE_BAND}. */
    public static final List<String> AGE_BANDS = List.of("18-29", "30-49", "50+");

    private static final double[] AGE_CUMULATIVE = {0.25, 0.70, 1.0};

    private final long seed;
    private final double strength;
    private final int[] sex;
    private final int[] age;
    private final double[] targets;
    private final double[] predictions;

    private SyntheticCreditLimits(int rows, long seed, double strength) {
        this.seed = seed;
        this.strength = strength;
        sex = new int[rows];
        age = new int[rows];
        targets = new double[rows];
        predictions = new double[rows];
        SplittableRandom random = new SplittableRandom(seed);
        double offset = OFFSET * strength;
        double sd = 1.0 + NOISE * strength;
        for (int i = 0; i < rows; i++) {
            sex[i] = random.nextDouble() < 0.48 ? 0 : 1;
            age[i] = Draws.categorical(random, AGE_CUMULATIVE);
            double y = 20.0 * Math.exp(0.3 * Draws.gaussian(random));
            double e = Draws.gaussian(random);
            double yHat = sex[i] == 0 ? y - offset + sd * e : y + e;
            targets[i] = Draws.cents(y);
            predictions[i] = Draws.cents(yHat);
        }
    }

    /** @return a builder with the defaults ({@value #DEFAULT_ROWS} rows, seed 42, strength 1) */
    public static Builder builder() {
        return new Builder();
    }

    /** The data set with the default strength. */
    public static SyntheticCreditLimits generate(int rows, long seed) {
        return builder().rows(rows).seed(seed).build();
    }

    /** @return the number of rows */
    public int rows() {
        return targets.length;
    }

    /** @return the seed */
    public long seed() {
        return seed;
    }

    /** @return the strength of the injected disparity (0 = none) */
    public double strength() {
        return strength;
    }

    /** @return row {@code i}'s id, {@code C1} for the first row */
    public String id(int i) {
        return "C" + (i + 1);
    }

    /** @return row {@code i}'s sex */
    public String sex(int i) {
        return SEXES.get(sex[i]);
    }

    /** @return row {@code i}'s age band */
    public String ageBand(int i) {
        return AGE_BANDS.get(age[i]);
    }

    /** @return row {@code i}'s true credit limit, in thousands */
    public double target(int i) {
        return targets[i];
    }

    /** @return row {@code i}'s predicted credit limit, in thousands */
    public double prediction(int i) {
        return predictions[i];
    }

    /** @return the rows as {@link RegressionData}, with the sensitive features {@value #SEX} and {@value #AGE_BAND} */
    public RegressionData toRegressionData() {
        return RegressionData.builder().targets(targets).predictions(predictions)
                .sensitive(SEX, sex, SEXES.toArray(new String[0]))
                .sensitive(AGE_BAND, age, AGE_BANDS.toArray(new String[0]))
                .build();
    }

    /**
     * Writes the rows as CSV: a header of {@link #COLUMNS}, then one line per row, comma-separated, {@code \n}
     * line ends, numbers as the shortest decimal that reads back as the same value.
     */
    public void writeCsv(Appendable out) throws IOException {
        Draws.header(out, COLUMNS);
        for (int i = 0; i < targets.length; i++) {
            Draws.line(out, id(i), sex(i), ageBand(i), Draws.number(targets[i]), Draws.number(predictions[i]));
        }
    }

    /** Writes the CSV of {@link #writeCsv(Appendable)} to a file in UTF-8, replacing it. */
    public void writeCsv(Path file) throws IOException {
        Draws.writeFile(file, this::writeCsv);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SyntheticCreditLimits[%d rows, seed %d, strength %s]", rows(), seed,
                Draws.number(strength));
    }

    /** The settings of {@link SyntheticCreditLimits}; each validated at once and set once. */
    public static final class Builder {
        private Integer rows;
        private Long seed;
        private Double strength;

        private Builder() {
        }

        /** The number of rows, {@code >= 1} (default {@value #DEFAULT_ROWS}). */
        public Builder rows(int n) {
            InputErrors.requireUnset(rows, "rows");
            rows = Draws.positive("rows", n);
            return this;
        }

        /** The seed (default 42). */
        public Builder seed(long s) {
            InputErrors.requireUnset(seed, "seed");
            seed = s;
            return this;
        }

        /** The strength {@code s} of the injected disparity, in [0, 100]: 0 = none, 1 = the default. */
        public Builder strength(double s) {
            InputErrors.requireUnset(strength, "strength");
            strength = Draws.strength(s, MAX_STRENGTH);
            return this;
        }

        /** @return the generated data set */
        public SyntheticCreditLimits build() {
            return new SyntheticCreditLimits(rows == null ? DEFAULT_ROWS : rows, seed == null ? DEFAULT_SEED : seed,
                    strength == null ? DEFAULT_STRENGTH : strength);
        }
    }
}
