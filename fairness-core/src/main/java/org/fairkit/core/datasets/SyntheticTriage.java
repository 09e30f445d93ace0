package org.fairkit.core.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.core.multiclass.MulticlassData;

/**
 * A seeded synthetic <b>multiclass</b> data set with a known, injected disparity: a three-class triage model that
 * under-triages women's high-urgency cases. The multiclass counterpart of {@link SyntheticLending}.
 *
 * <p><b>Generative model.</b> Each row independently, with strength {@code s} in [0, 3.2]:
 * <ul>
 *   <li>{@code sex}: {@code Female} with probability 0.48, else {@code Male};</li>
 *   <li>{@code age_band}: {@code 18-29}, {@code 30-49}, {@code 50+} with probabilities 0.25, 0.45, 0.30,
 *       independent of sex;</li>
 *   <li>the true class {@code y_true}: {@code low}, {@code medium}, {@code high} with probabilities 0.5, 0.3, 0.2,
 *       the same in every group;</li>
 *   <li>the predicted class {@code y_pred}, drawn from the row of the confusion law for the true class:
 *   <pre>
 *                  predicted: low    medium          high
 *     true low                0.85   0.12            0.03
 *     true medium             0.10   0.75            0.15
 *     true high               0.04   0.16 + d        0.80 - d
 *   </pre>
 *   with {@code d = RECALL_DROP s} ({@link #RECALL_DROP} = 0.25) for Female and {@code d = 0} for Male.</li>
 * </ul>
 *
 * <p><b>The injected disparity.</b> The one-vs-rest recall (true positive rate) of class {@code high} is
 * {@code 0.80 - 0.25 s} for Female and 0.80 for Male: at the default {@code s = 1}, 0.55 against 0.80, an
 * {@code equal_opportunity_difference} of <b>0.25</b> and ratio 0.6875 in {@code forClass("high")}, and a macro
 * recall difference of {@code 0.25 s / 3 ≈ 0.0833}. The moved cases are predicted {@code medium}, so Female's
 * {@code medium} precision falls too; {@code low} is unaffected. By age band there is no disparity (a control). At
 * {@code s = 0} both sexes share the confusion law: parity.
 *
 * <p><b>Columns</b> ({@link #writeCsv(Appendable)}): {@value #ID} ({@code T1}, {@code T2}, ...), {@value #SEX},
 * {@value #AGE_BAND}, {@value #LABEL} (true class), {@value #PREDICTION} (predicted class).
 *
 * <pre>{@code
 * SyntheticTriage triage = SyntheticTriage.builder().rows(20_000).seed(7).build();
 * MulticlassReport report = MulticlassFairness.of(triage.toMulticlassData()).groupBy("sex").evaluate();
 * }</pre>
 *
 * <p>The same {@code (rows, seed, strength)} always gives the same values and the same CSV bytes
 * ({@link SplittableRandom}). Immutable.
 */
public final class SyntheticTriage {
    /** The default number of rows. */
    public static final int DEFAULT_ROWS = 50_000;
    /** The default seed. */
    public static final long DEFAULT_SEED = 42;
    /** The default strength: the disparity stated in the class comment. */
    public static final double DEFAULT_STRENGTH = 1.0;
    /** Female's recall of class {@code high} is lowered by {@code RECALL_DROP × strength}. */
    public static final double RECALL_DROP = 0.25;
    /** The largest strength accepted: the one that lowers the recall to 0. */
    public static final double MAX_STRENGTH = 3.2;
    /** The row id column. */
    public static final String ID = "id";
    /** The sex column (sensitive; the disparity is by sex). */
    public static final String SEX = "sex";
    /** The age band column (sensitive; no disparity). */
    public static final String AGE_BAND = "age_band";
    /** The true class column. */
    public static final String LABEL = "y_true";
    /** The predicted class column. */
    public static final String PREDICTION = "y_pred";
    /** The CSV columns, in order. */
    public static final List<String> COLUMNS = List.of(ID, SEX, AGE_BAND, LABEL, PREDICTION);
    /** The group whose high-urgency cases are under-triaged. */
    public static final String PENALISED_GROUP = "Female";
    /** The class whose recall is lowered for the penalised group. */
    public static final String PENALISED_CLASS = "high";
    /** The classes, in urgency order. */
    public static final List<String> CLASSES = List.of("low", "medium", "high");
    /** The levels of {@value #SEX}. */
    public static final List<String> SEXES = List.of("Female", "Male");
    /** The levels of {@value #AGE_BAND}. */
    public static final List<String> AGE_BANDS = List.of("18-29", "30-49", "50+");

    private static final double[] AGE_CUMULATIVE = {0.25, 0.70, 1.0};
    private static final double[] CLASS_CUMULATIVE = {0.5, 0.8, 1.0};

    private final long seed;
    private final double strength;
    private final int[] sex;
    private final int[] age;
    private final int[] labels;
    private final int[] predictions;

    private SyntheticTriage(int rows, long seed, double strength) {
        this.seed = seed;
        this.strength = strength;
        sex = new int[rows];
        age = new int[rows];
        labels = new int[rows];
        predictions = new int[rows];
        double d = RECALL_DROP * strength;
        double[][] male = {{0.85, 0.97, 1.0}, {0.10, 0.85, 1.0}, {0.04, 0.20, 1.0}};
        double[][] female = {male[0], male[1], {0.04, 0.20 + d, 1.0}};
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < rows; i++) {
            sex[i] = random.nextDouble() < 0.48 ? 0 : 1;
            age[i] = Draws.categorical(random, AGE_CUMULATIVE);
            labels[i] = Draws.categorical(random, CLASS_CUMULATIVE);
            predictions[i] = Draws.categorical(random, (sex[i] == 0 ? female : male)[labels[i]]);
        }
    }

    /** @return a builder with the defaults ({@value #DEFAULT_ROWS} rows, seed 42, strength 1) */
    public static Builder builder() {
        return new Builder();
    }

    /** The data set with the default strength. */
    public static SyntheticTriage generate(int rows, long seed) {
        return builder().rows(rows).seed(seed).build();
    }

    /** @return the number of rows */
    public int rows() {
        return labels.length;
    }

    /** @return the seed */
    public long seed() {
        return seed;
    }

    /** @return the strength of the injected disparity (0 = none) */
    public double strength() {
        return strength;
    }

    /** @return row {@code i}'s id, {@code T1} for the first row */
    public String id(int i) {
        return "T" + (i + 1);
    }

    /** @return row {@code i}'s sex */
    public String sex(int i) {
        return SEXES.get(sex[i]);
    }

    /** @return row {@code i}'s age band */
    public String ageBand(int i) {
        return AGE_BANDS.get(age[i]);
    }

    /** @return row {@code i}'s true class */
    public String label(int i) {
        return CLASSES.get(labels[i]);
    }

    /** @return row {@code i}'s predicted class */
    public String prediction(int i) {
        return CLASSES.get(predictions[i]);
    }

    /**
     * @return the rows as {@link MulticlassData} with class names, and the sensitive features {@value #SEX} and
     *     {@value #AGE_BAND}
     */
    public MulticlassData toMulticlassData() {
        String[] y = new String[labels.length];
        String[] p = new String[labels.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = label(i);
            p[i] = prediction(i);
        }
        return MulticlassData.builder().labels(y).predictions(p)
                .sensitive(SEX, sex, SEXES.toArray(new String[0]))
                .sensitive(AGE_BAND, age, AGE_BANDS.toArray(new String[0]))
                .build();
    }

    /** Writes the rows as CSV: a header of {@link #COLUMNS}, then one line per row, {@code \n} line ends. */
    public void writeCsv(Appendable out) throws IOException {
        Draws.header(out, COLUMNS);
        for (int i = 0; i < labels.length; i++) {
            Draws.line(out, id(i), sex(i), ageBand(i), label(i), prediction(i));
        }
    }

    /** Writes the CSV of {@link #writeCsv(Appendable)} to a file in UTF-8, replacing it. */
    public void writeCsv(Path file) throws IOException {
        Draws.writeFile(file, this::writeCsv);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SyntheticTriage[%d rows, seed %d, strength %s]", rows(), seed,
                Draws.number(strength));
    }

    /** The settings of {@link SyntheticTriage}; each validated at once and set once. */
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

        /** The strength {@code s} of the injected disparity, in [0, 3.2]: 0 = none, 1 = the default. */
        public Builder strength(double s) {
            InputErrors.requireUnset(strength, "strength");
            strength = Draws.strength(s, MAX_STRENGTH);
            return this;
        }

        /** @return the generated data set */
        public SyntheticTriage build() {
            return new SyntheticTriage(rows == null ? DEFAULT_ROWS : rows, seed == null ? DEFAULT_SEED : seed,
                    strength == null ? DEFAULT_STRENGTH : strength);
        }
    }
}
