// Explore FairKit in JShell. Run from the repository root after `mvn -B -ntp verify`:
//   jshell --class-path examples/target/fairkit-examples.jar examples/jshell/explore.jsh
// Drop the final /exit line to stay in the session and keep exploring.
import org.fairkit.core.*;
import org.fairkit.core.metrics.*;
import org.fairkit.core.datasets.SyntheticLending;

FairnessData data = SyntheticLending.generate(10_000, 7);
FairnessReport report = Fairness.of(data).groupBy("ethnicity").reference("Group A").minGroupSize(30).evaluate();
System.out.println(report);
System.out.println("selection rate ratio: " + report.ratio(Metrics.SELECTION_RATE));
System.out.println("metric info: " + Metrics.TRUE_POSITIVE_RATE.info().formula() + " -- " + Metrics.TRUE_POSITIVE_RATE.info().matches());
/exit
