// Explore FairKit in JShell. Run from the repository root after `mvn -B -ntp verify`:
//   jshell --class-path examples/target/fairkit-examples.jar examples/jshell/explore.jsh
// Drop the final /exit line to stay in the session and keep exploring.
import org.fairkit.core.*;
import org.fairkit.core.metrics.*;
import org.fairkit.core.catalog.MetricCatalog;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.mitigation.postprocessing.*;
import org.fairkit.mitigation.calibration.*;

// 1. Audit: the synthetic lending model lowers Group B's scores at equal merit.
FairnessData data = SyntheticLending.generate(10_000, 7);
FairnessReport report = Fairness.of(data).groupBy("ethnicity").reference("Group A").minGroupSize(30).evaluate();
System.out.println(report);
System.out.println("selection rate ratio: " + report.ratio(Metrics.SELECTION_RATE));

// 2. The catalog: every metric with its family, range, better direction and what it needs.
System.out.println(MetricCatalog.table());
MetricInfo tpr = MetricCatalog.byId("true_positive_rate");
System.out.println("metric info: " + tpr.formula() + " -- " + tpr.matches());

// Two helpers: a column of labels and a column of group labels.
int[] labels(FairnessData d) { return java.util.stream.IntStream.range(0, d.rows()).map(d::label).toArray(); }
String[] groups(FairnessData d, String feature) { return java.util.stream.IntStream.range(0, d.rows()).mapToObj(i -> d.sensitive(feature).level(i)).toArray(String[]::new); }

// 3. Mitigation: group thresholds on the score for demographic parity (fitted and judged in-sample here).
ThresholdOptimizer.Fitted parity = ThresholdOptimizer.constraint(Constraint.DEMOGRAPHIC_PARITY).groupBy("ethnicity").seed(1).fit(data);
System.out.println(parity);
FairnessData mitigated = FairnessData.builder().labels(labels(data)).predictions(parity.predict(data)).sensitive("ethnicity", groups(data, "ethnicity")).build();
FairnessReport after = Fairness.of(mitigated).groupBy("ethnicity").reference("Group A").evaluate();
System.out.println("disparate impact before " + report.fairness(FairnessMetric.DISPARATE_IMPACT).value() + ", after " + after.fairness(FairnessMetric.DISPARATE_IMPACT).value());

// 4. Calibration: per-group isotonic maps fitted on this sample, measured on a fresh one.
Calibration.Fitted calibrator = Calibration.isotonic().groupBy("ethnicity").fit(data);
System.out.println(calibrator);
FairnessData fresh = SyntheticLending.generate(10_000, 8);
CalibrationMetrics ece = CalibrationMetrics.bins(10, Binning.EQUAL_WIDTH);
System.out.println("ECE gap before calibration: " + ece.evaluate(fresh, "ethnicity").eceDifference());
System.out.println("ECE gap after calibration:  " + ece.evaluate(calibrator.apply(fresh), labels(fresh), groups(fresh, "ethnicity")).eceDifference());
/exit
