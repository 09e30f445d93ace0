package org.fairkit.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.reports.AdverseImpact;
import org.fairkit.reports.AuditContext;
import org.fairkit.reports.DashboardHtml;
import org.fairkit.reports.ReportContent;
import org.fairkit.stats.Bayesian;
import org.fairkit.stats.GroupComparisons;

/**
 * Audits the COMPAS recidivism scores as ProPublica did ("Machine Bias", 2016): reads ProPublica's
 * {@code compas-scores-two-years.csv} with its standard filters ({@link CompasFile}), audits the decision "Medium or
 * High risk" against two-year recidivism by race (reference Caucasian) and by sex (reference Female, AIF360's
 * privileged group) with Jeffreys credible intervals, tests each race's error rates against the reference, and
 * prints it all. Then it turns to the favourable decision (rated Low risk), prints the four-fifths analysis of it
 * by race and writes an HTML dashboard of that audit.
 *
 * <p>Credible intervals rather than the bootstrap: two race groups are small (Asian 31 rows, Native American 11),
 * where the bootstrap of a rate collapses and the Jeffreys interval keeps its coverage (see fairness-stats).
 *
 * <p>Run from the repository root after {@code mvn -B -ntp verify}:
 * {@code java -cp examples/target/fairkit-examples.jar org.fairkit.examples.CompasAudit [csv [output-dir]]}. The
 * file defaults to {@code compas-scores-two-years.csv} in the {@code data} folder of {@code -Dfairkit.shared}, else
 * of {@code ../shared}; the output directory to {@code target/fairkit-compas}.
 */
public final class CompasAudit {
    /** The name of ProPublica's file. */
    public static final String FILE_NAME = "compas-scores-two-years.csv";
    /** Where the dashboard goes when no directory is given (relative to the working directory). */
    public static final Path DEFAULT_OUTPUT = Path.of("target", "fairkit-compas");
    /** Groups below this size are reported and flagged but left out of disparities. */
    static final int MIN_GROUP_SIZE = 50;

    private CompasAudit() {
    }

    /**
     * @param args optional: the CSV file and the output directory
     * @throws IOException if the file cannot be read or the dashboard cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path csv = args.length > 0 ? Path.of(args[0]) : defaultFile();
        Path output = args.length > 1 ? Path.of(args[1]) : DEFAULT_OUTPUT;
        try {
            run(csv, output, System.out);
        } catch (NoSuchFileException | IllegalArgumentException e) {
            System.err.println("CompasAudit: " + e.getMessage());
            System.exit(2);
        }
    }

    /** @return {@value #FILE_NAME} in the {@code data} folder of {@code -Dfairkit.shared}, else of {@code ../shared} */
    public static Path defaultFile() {
        String shared = System.getProperty("fairkit.shared");
        Path base = shared != null && !shared.isBlank() ? Path.of(shared) : Path.of("..", "shared");
        return base.resolve("data").resolve(FILE_NAME);
    }

    /**
     * Reads, audits and prints; writes {@code fairness-dashboard.html} into {@code output}.
     *
     * @throws NoSuchFileException if the CSV does not exist, with where it was looked for and how to get it
     * @throws IllegalArgumentException for a file that is not ProPublica's layout or has a bad cell
     * @throws IOException if reading or writing fails
     */
    public static void run(Path csv, Path output, PrintStream out) throws IOException {
        if (!Files.isRegularFile(csv)) {
            throw new NoSuchFileException(csv.toAbsolutePath().normalize().toString(), null, "no such file. Get "
                    + FILE_NAME + " from https://github.com/propublica/compas-analysis and pass its path: "
                    + "java -cp examples/target/fairkit-examples.jar org.fairkit.examples.CompasAudit <file> "
                    + "[output-dir]");
        }
        CompasFile compas = CompasFile.read(csv);
        describe(compas, out);

        FairnessReport byRace = auditByRace(compas.data());
        out.println(byRace);
        out.println(GroupComparisons.of(byRace)
                .metrics(Metrics.FALSE_POSITIVE_RATE, Metrics.FALSE_NEGATIVE_RATE)
                .compute());
        out.println();
        out.println(auditBySex(compas.data()));

        FairnessReport favorable = favorableByRace(compas.favorableOutcomes());
        out.println("The four-fifths rule compares rates of a favourable decision: here, being rated Low risk.");
        out.println(AdverseImpact.of(favorable, AdverseImpact.Basis.REFERENCE));
        Path dashboard = writeDashboard(favorable, compas, output);
        out.println("Dashboard (favourable decision: rated Low risk): " + dashboard.toAbsolutePath().normalize());
    }

    /** What was read, what the filters removed, and what the columns mean. */
    static void describe(CompasFile compas, PrintStream out) {
        out.printf(Locale.ROOT, "COMPAS (ProPublica, Broward County): %s%n", compas.file());
        out.printf(Locale.ROOT, "%d rows read; ProPublica's filters keep %d:%n", compas.rawRows(), compas.rows());
        for (Map.Entry<String, Integer> e : compas.excluded().entrySet()) {
            out.printf(Locale.ROOT, "  %-54s %5d removed%n", e.getKey(), e.getValue());
        }
        if (compas.rows() == CompasFile.PROPUBLICA_ROWS) {
            out.printf(Locale.ROOT, "%d rows, as in ProPublica's analysis and the golden values.%n",
                    CompasFile.PROPUBLICA_ROWS);
        } else {
            out.printf(Locale.ROOT, "WARNING: ProPublica's analysis has %d rows after these filters; this file "
                    + "gives %d. Is it another version of the file?%n", CompasFile.PROPUBLICA_ROWS, compas.rows());
        }
        out.println("Label: two_year_recid. Decision: decile_score >= 5 (Medium or High risk). The \"positive\" "
                + "decision is the adverse one:\na false positive is a person flagged as a risk who did not "
                + "re-offend within two years.");
        out.println();
    }

    /**
     * Error rates and selection by race, against Caucasian defendants. Groups under {@value #MIN_GROUP_SIZE} rows
     * (Asian 31, Native American 11) are reported but left out of the disparities: every max - min over groups
     * would otherwise be decided by their noise.
     */
    static FairnessReport auditByRace(FairnessData data) {
        return Fairness.of(data)
                .groupBy("race")
                .metrics(Metrics.COUNT, Metrics.BASE_RATE, Metrics.SELECTION_RATE, Metrics.FALSE_POSITIVE_RATE,
                        Metrics.FALSE_NEGATIVE_RATE, Metrics.POSITIVE_PREDICTIVE_VALUE)
                .fairnessMetrics(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO, FairnessMetric.EQUALIZED_ODDS_DIFFERENCE,
                        FairnessMetric.PREDICTIVE_PARITY_DIFFERENCE)
                .reference("Caucasian")
                .minGroupSize(MIN_GROUP_SIZE)
                .intervals(intervals())
                .evaluate();
    }

    /** The same by sex, against women (AIF360's privileged group for COMPAS). */
    static FairnessReport auditBySex(FairnessData data) {
        return Fairness.of(data)
                .groupBy("sex")
                .metrics(Metrics.COUNT, Metrics.BASE_RATE, Metrics.SELECTION_RATE, Metrics.FALSE_POSITIVE_RATE,
                        Metrics.FALSE_NEGATIVE_RATE)
                .fairnessMetrics(FairnessMetric.DISPARATE_IMPACT, FairnessMetric.EQUALIZED_ODDS_DIFFERENCE)
                .reference("Female")
                .minGroupSize(MIN_GROUP_SIZE)
                .intervals(intervals())
                .evaluate();
    }

    /**
     * The race audit in the favourable view ({@link CompasFile#favorableOutcomes()}): selection rate = rated Low
     * risk, against Caucasian defendants, for the four-fifths analysis and the dashboard.
     */
    static FairnessReport favorableByRace(FairnessData favorable) {
        return Fairness.of(favorable)
                .groupBy("race")
                .metrics(Metrics.COUNT, Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE,
                        Metrics.FALSE_POSITIVE_RATE)
                .fairnessMetrics(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO, FairnessMetric.EQUALIZED_ODDS_DIFFERENCE)
                .reference("Caucasian")
                .minGroupSize(MIN_GROUP_SIZE)
                .intervals(intervals())
                .evaluate();
    }

    /** @return the dashboard file written */
    static Path writeDashboard(FairnessReport favorable, CompasFile compas, Path output) throws IOException {
        ReportContent content = ReportContent.builder(favorable,
                AuditContext.of("COMPAS risk scores by race: who is rated Low risk",
                        String.format(Locale.ROOT, "%,d defendants, Broward County 2013-2014 (ProPublica, %s); "
                                + "positive = rated Low risk, label = did not re-offend within two years",
                                compas.rows(), compas.file().getFileName()),
                        Clock.systemUTC()))
                .comparisons(GroupComparisons.of(favorable).compute())
                .adverseImpactBasis(AdverseImpact.Basis.REFERENCE)
                .build();
        Files.createDirectories(output);
        DashboardHtml dashboard = DashboardHtml.of(content);
        Path file = output.resolve(dashboard.fileName());
        dashboard.writeTo(file);
        return file;
    }

    private static Bayesian intervals() {
        return Bayesian.jeffreys().draws(2000).seed(2016);
    }
}
