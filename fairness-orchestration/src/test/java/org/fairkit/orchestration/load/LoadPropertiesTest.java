package org.fairkit.orchestration.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Properties of the load model over generated audits. */
class LoadPropertiesTest {
    private static final Gen<Set<OutputKind>> OUTPUTS = integers().between(0, 255).map(mask -> {
        Set<OutputKind> s = EnumSet.noneOf(OutputKind.class);
        for (OutputKind o : OutputKind.values()) {
            if ((mask >> o.ordinal() & 1) == 1) {
                s.add(o);
            }
        }
        return s;
    });
    private static final Gen<InputProfile> INPUTS = integers().between(0, 20).zip(integers().between(0, 3650),
            integers().between(0, 50), InputProfile::of);

    @Test
    void totalLoadIsAlwaysOutputPlusTwiceInput() {
        qt().withFixedSeed(5).withExamples(500).forAll(INPUTS, OUTPUTS).checkAssert((input, outputs) -> {
            LoadEstimate e = LoadModel.defaults().estimate(input, outputs, Timeline.now());
            assertThat(e.totalLoad()).isEqualTo(e.outputLoad() + 2 * e.inputLoad());
            double sum = 0;
            for (OutputKind o : outputs) {
                sum += o.defaultWeight();
            }
            assertThat(e.outputLoad()).isCloseTo(sum, within(1e-12));
            assertThat(e.estimatedSeconds()).isCloseTo(e.totalLoad() / 11.5, within(1e-9));
            assertThat(e.designTargetLoad()).isCloseTo(e.totalLoad() - e.outputLoad() + e.recommendedOutputLoad(),
                    within(1e-9));
        });
    }

    @Test
    void totalLoadIsOutputPlusTwiceInputForPreCalculatedSizesToo() {
        qt().withFixedSeed(6).withExamples(500).forAll(doubles().between(0, 1e9), OUTPUTS)
                .checkAssert((size, outputs) -> {
                    LoadEstimate e = LoadModel.defaults().estimate(InputProfile.ofEstimatedSize(size), outputs,
                            Timeline.now());
                    assertThat(e.inputLoad()).isEqualTo(size);
                    assertThat(e.totalLoad()).isEqualTo(e.outputLoad() + 2 * size);
                });
    }

    @Test
    void aStrictSlaIsNeverMoreFeasibleAndFeasibilityFallsAsTheLimitShrinks() {
        qt().withFixedSeed(7).withExamples(500).forAll(INPUTS, OUTPUTS, integers().between(1, 2000))
                .checkAssert((input, outputs, limitSeconds) -> {
                    Timeline t = Timeline.now().withTimeLimit(Duration.ofSeconds(limitSeconds));
                    LoadModel m = LoadModel.defaults();
                    Feasibility lax = m.estimate(input, outputs, t).feasibility();
                    Feasibility strict = m.estimate(input, outputs, t.withStrictSla()).feasibility();
                    Feasibility tighter = m.estimate(input, outputs,
                            Timeline.now().withTimeLimit(Duration.ofSeconds(Math.max(1, limitSeconds / 2))))
                            .feasibility();
                    assertThat(strict.ordinal()).isGreaterThanOrEqualTo(lax.ordinal());
                    assertThat(tighter.ordinal()).isGreaterThanOrEqualTo(lax.ordinal());
                    LoadEstimate e = m.estimate(input, outputs, t.withStrictSla());
                    assertThat(e.feasibility() == Feasibility.NOT_FEASIBLE)
                            .isEqualTo(e.estimatedSeconds() * 1.2 > limitSeconds);
                });
    }
}
