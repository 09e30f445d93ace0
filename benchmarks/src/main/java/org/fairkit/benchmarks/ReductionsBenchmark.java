package org.fairkit.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.fairkit.mitigation.reductions.ExponentiatedGradient;
import org.fairkit.mitigation.reductions.FeatureMatrix;
import org.fairkit.mitigation.reductions.GridSearch;
import org.fairkit.mitigation.reductions.LogisticRegression;
import org.fairkit.mitigation.reductions.ParityConstraint;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The reductions end to end on the Adult train split (21,708 rows x 4 features age, education_num, hours_per_week,
 * fnlwgt, standardized with the train mean and population std; sensitive feature sex; Fairlearn's defaults and
 * {@code LogisticRegression.l2(1.0)}), the setting in which Fairlearn 0.13 with scikit-learn takes 0.38 s
 * (exponentiated gradient, demographic parity), 0.73 s (equalized odds) and 0.59 s (grid search). The data is read
 * from {@code ../shared/data/adult-predictions.csv} relative to the working directory (or the system property
 * {@code fairkit.adult}); without it, a seeded synthetic set of the same shape is used and {@code source} says so.
 *
 * <p>Run from the repository root: {@code java -jar benchmarks/target/benchmarks.jar ReductionsBenchmark -f 1 -wi 2
 * -i 3 -w 2s -r 2s}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class ReductionsBenchmark {
    @Param({"adult"})
    String source;

    FeatureMatrix x;
    int[] y;
    String[] sex;

    /** Reads the Adult train split (or builds the synthetic stand-in). */
    @Setup
    public void setUp() throws IOException {
        Path file = Path.of(System.getProperty("fairkit.adult", "../shared/data/adult-predictions.csv"));
        if (Files.exists(file)) {
            load(file);
        } else {
            synthetic();
            source = "synthetic";
        }
    }

    private void load(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        int split = header.indexOf("split");
        int label = header.indexOf("y_true");
        int s = header.indexOf("sex");
        int[] cols = {header.indexOf("age"), header.indexOf("education_num"), header.indexOf("hours_per_week"),
            header.indexOf("fnlwgt")};
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            if (!c[split].equals("train")) {
                continue;
            }
            double[] r = new double[4];
            for (int j = 0; j < 4; j++) {
                r[j] = Double.parseDouble(c[cols[j]]);
            }
            rows.add(r);
            labels.add(Integer.parseInt(c[label]));
            groups.add(c[s]);
        }
        build(rows, labels, groups);
    }

    private void synthetic() {
        SplittableRandom r = new SplittableRandom(42);
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < 21_708; i++) {
            boolean male = r.nextDouble() < 0.67;
            double[] v = {r.nextGaussian(), r.nextGaussian() + (male ? 0.1 : 0), r.nextGaussian() + (male ? 0.4 : 0),
                r.nextGaussian()};
            double f = -1.5 + 0.6 * v[0] + 0.9 * v[1] + 0.5 * v[2] + (male ? 0.8 : 0);
            rows.add(v);
            labels.add(r.nextDouble() < 1 / (1 + Math.exp(-f)) ? 1 : 0);
            groups.add(male ? "Male" : "Female");
        }
        build(rows, labels, groups);
    }

    private void build(List<double[]> rows, List<Integer> labels, List<String> groups) {
        int n = rows.size();
        double[][] cols = new double[4][n];
        for (int j = 0; j < 4; j++) {
            double m = 0;
            for (double[] r : rows) {
                m += r[j];
            }
            m /= n;
            double ss = 0;
            for (double[] r : rows) {
                ss += (r[j] - m) * (r[j] - m);
            }
            double sd = Math.sqrt(ss / n);
            for (int i = 0; i < n; i++) {
                cols[j][i] = (rows.get(i)[j] - m) / sd;
            }
        }
        x = FeatureMatrix.ofColumns(List.of("age", "education_num", "hours_per_week", "fnlwgt"), cols);
        y = labels.stream().mapToInt(Integer::intValue).toArray();
        sex = groups.toArray(new String[0]);
    }

    /** @return the fitted mixture (exponentiated gradient, demographic parity; Fairlearn: 0.38 s, 23 oracle calls) */
    @Benchmark
    public ExponentiatedGradient.Fitted exponentiatedGradientDemographicParity() {
        return ExponentiatedGradient.constraint(ParityConstraint.of(ParityConstraint.Kind.DEMOGRAPHIC_PARITY))
                .learner(LogisticRegression.l2(1.0)).fit(x, y, sex, null);
    }

    /** @return the fitted mixture (exponentiated gradient, equalized odds; Fairlearn: 0.73 s) */
    @Benchmark
    public ExponentiatedGradient.Fitted exponentiatedGradientEqualizedOdds() {
        return ExponentiatedGradient.constraint(ParityConstraint.of(ParityConstraint.Kind.EQUALIZED_ODDS))
                .learner(LogisticRegression.l2(1.0)).fit(x, y, sex, null);
    }

    /** @return the fitted grid (grid search, demographic parity, 11 points; Fairlearn: 0.59 s) */
    @Benchmark
    public GridSearch.Fitted gridSearchDemographicParity() {
        return GridSearch.constraint(ParityConstraint.of(ParityConstraint.Kind.DEMOGRAPHIC_PARITY))
                .learner(LogisticRegression.l2(1.0)).fit(x, y, sex, null);
    }
}
