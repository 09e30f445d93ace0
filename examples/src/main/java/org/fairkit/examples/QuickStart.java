package org.fairkit.examples;

import java.io.PrintStream;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Metrics;

/**
 * The main job on the embedded default: generate the seeded synthetic lending data set (whose model lowers
 * Group B's scores by a known penalty), audit it by ethnicity and by ethnicity × sex, and print the reports.
 *
 * <p>Run after {@code mvn -B -ntp verify}: {@code java -jar examples/target/fairkit-examples.jar [rows] [seed]}.
 */
public final class QuickStart {
    private QuickStart() {
    }

    /**
     * @param args optional: number of rows (default 50000) and seed (default 42)
     */
    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42L;
        run(rows, seed, System.out);
    }

    /** Runs the audit and prints to {@code out}. */
    public static void run(int rows, long seed, PrintStream out) {
        FairnessData data = SyntheticLending.generate(rows, seed);
        out.printf("Synthetic lending data: %d applicants (seed %d). The model lowers %s's scores by %.1f logits;%n"
                + "true repayment rates are the same in every group. Does the audit find the bias?%n%n",
                data.rows(), seed, SyntheticLending.PENALISED_GROUP, SyntheticLending.DEFAULT_PENALTY);

        FairnessReport byEthnicity = Fairness.of(data)
                .groupBy(SyntheticLending.ETHNICITY)
                .metrics(Metrics.COUNT, Metrics.BASE_RATE, Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE,
                        Metrics.FALSE_POSITIVE_RATE, Metrics.POSITIVE_PREDICTIVE_VALUE)
                .reference("Group A")
                .minGroupSize(30)
                .evaluate();
        out.println(byEthnicity);

        Disparity di = byEthnicity.fairness(FairnessMetric.DISPARATE_IMPACT);
        out.printf("Four-fifths rule: disparate impact %s for %s -> %s%n%n", di.value(),
                di.groups().isEmpty() ? "-" : di.groups().get(0).label(),
                di.isDefined() && di.asDouble() < 0.8 ? "BELOW 0.8: evidence of adverse impact (read it with the "
                        + "group sizes and intervals)" : "not below 0.8");

        FairnessReport intersectional = Fairness.of(data)
                .groupBy(SyntheticLending.ETHNICITY, SyntheticLending.SEX)
                .metrics(Metrics.COUNT, Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE)
                .minGroupSize(30)
                .evaluate();
        out.println(intersectional);
    }
}
