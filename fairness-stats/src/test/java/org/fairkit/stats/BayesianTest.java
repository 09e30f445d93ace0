package org.fairkit.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import java.util.Map;
import org.fairkit.core.Estimand;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessData;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.IntervalRequest;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.stats.bayes.BetaPosterior;
import org.fairkit.stats.bayes.Posterior;
import org.fairkit.stats.bayes.PosteriorSampler;
import org.fairkit.stats.support.TestData;
import org.junit.jupiter.api.Test;

class BayesianTest {
    private static final GroupKey A = GroupKey.of("g", "A");
    private static final GroupKey B = GroupKey.of("g", "B");

    private static FairnessData data(long seed) {
        return TestData.groups(seed, new int[] {300, 150}, new double[] {0.5, 0.3}, 0.4, null);
    }

    private static Fairness config(FairnessData d) {
        return Fairness.of(d).groupBy("g").metrics(Metrics.SELECTION_RATE, Metrics.TRUE_POSITIVE_RATE,
                Metrics.F1_SCORE).reference("A");
    }

    @Test
    void hpdIsNeverWiderThanEqualTailed() {
        qt().withExamples(300).forAll(doubles().between(0.05, 400), doubles().between(0.05, 400),
                doubles().between(0.5, 0.99)).checkAssert((a, b, level) -> {
                    BetaPosterior p = BetaPosterior.of(a, b);
                    double[] h = p.hpd(level);
                    double[] e = p.equalTailed(level);
                    assertThat(h[1] - h[0]).as("Beta(%s, %s) at %s", a, b, level).isLessThanOrEqualTo(
                            e[1] - e[0] + 1e-12);
                    assertThat(p.cdf(h[1]) - p.cdf(h[0])).isCloseTo(level, within(1e-8));
                });
    }

    @Test
    void sampledHpdIsTheShortestWindow() {
        double[] sorted = {0, 1, 2, 3, 3.1, 3.2, 3.3, 10};
        assertThat(PosteriorSampler.shortest(sorted, 0.5)).containsExactly(3, 3.3);
    }

    @Test
    void groupRatesGetTheExactConjugateBeta() {
        FairnessData d = data(1);
        IntervalRequest r = TestData.request(config(d), d, 1);
        Posterior post = Bayesian.jeffreys().draws(500).posterior(r);
        var counts = r.estimates().counts(B);
        Estimand tpr = Estimand.groupValue(Metrics.TRUE_POSITIVE_RATE, B);
        BetaPosterior expected = BetaPosterior.of(counts.tp() + 0.5, counts.fn() + 0.5);
        assertThat(post.beta(tpr)).contains(expected);
        Interval i = post.intervals().get(tpr);
        assertThat(new double[] {i.lower(), i.upper()}).containsExactly(expected.equalTailed(0.95));
        assertThat(i.draws()).isZero();
        Estimand sr = Estimand.groupValue(Metrics.SELECTION_RATE, B);
        assertThat(post.beta(sr)).contains(BetaPosterior.of(counts.tp() + counts.fp() + 0.5,
                counts.tn() + counts.fn() + 0.5));
        // F1 combines cells: Dirichlet, no Beta shortcut, interval from draws
        Estimand f1 = Estimand.groupValue(Metrics.F1_SCORE, B);
        assertThat(post.beta(f1)).isEmpty();
        assertThat(post.intervals().get(f1).method()).contains("Dirichlet");
        assertThat(post.intervals().get(f1).draws()).isEqualTo(500);
        // the Monte Carlo draws of a Beta-shortcut rate follow that Beta: mean within 4 MC standard errors
        double[] draws = post.draws(sr);
        double mean = Arrays.stream(draws).average().orElseThrow();
        BetaPosterior srPost = post.beta(sr).orElseThrow();
        double sd = Math.sqrt(srPost.a() * srPost.b() / Math.pow(srPost.a() + srPost.b(), 2)
                / (srPost.a() + srPost.b() + 1));
        assertThat(mean).isCloseTo(srPost.mean(), within(4 * sd / Math.sqrt(500)));
    }

    @Test
    void decisionProbabilitiesMatchTheExactPosterior() {
        FairnessData d = data(2);
        IntervalRequest r = TestData.request(config(d), d, 2);
        Posterior post = Bayesian.jeffreys().draws(20_000).seed(3).posterior(r);
        Estimand sr = Estimand.groupValue(Metrics.SELECTION_RATE, B);
        double exact = post.beta(sr).orElseThrow().cdf(0.3);
        // MC standard error <= 0.5 / sqrt(20000) = 0.0035
        assertThat(post.probabilityBelow(sr, 0.3)).isCloseTo(exact, within(0.015));
        Estimand ratio = Estimand.toReference(Estimand.Kind.REFERENCE_RATIO, Metrics.SELECTION_RATE, B);
        double p = post.probabilityBelow(ratio, 0.8);
        double[] byHand = post.ratio(Metrics.SELECTION_RATE, B, A);
        assertThat(p).isEqualTo(Posterior.share(byHand, x -> x < 0.8));
        assertThat(p).isGreaterThan(0.9); // 0.3 vs 0.5 selection: far below four fifths
        Estimand diff = Estimand.toReference(Estimand.Kind.REFERENCE_DIFFERENCE, Metrics.SELECTION_RATE, B);
        assertThat(post.probabilityAbsAbove(diff, 0.05)).isEqualTo(
                Posterior.share(post.difference(Metrics.SELECTION_RATE, B, A), x -> Math.abs(x) > 0.05));
        assertThat(post.probabilityAbove(diff, 0.0)).isLessThan(0.01);
    }

    @Test
    void sameSeedGivesIdenticalPosteriorsOnOneTwoAndThreeThreads() {
        FairnessData d = data(4);
        Bayesian b = Bayesian.jeffreys().draws(600).seed(9).hpd();
        Map<Estimand, Interval> one = b.estimate(TestData.request(config(d), d, 1));
        assertThat(one).isNotEmpty().isEqualTo(b.estimate(TestData.request(config(d), d, 2)))
                .isEqualTo(b.estimate(TestData.request(config(d), d, 3)));
    }

    @Test
    void undefinedDrawsAreCountedAndTheRowCountGetsNoInterval() {
        int[] y = new int[60];
        int[] p = new int[60];
        String[] g = new String[60];
        for (int i = 0; i < 60; i++) {
            g[i] = i < 40 ? "A" : "B";
            y[i] = i < 40 ? i % 2 : 0; // group B has no positives
            p[i] = i % 3 == 0 ? 1 : 0;
        }
        FairnessData d = FairnessData.builder().labels(y).predictions(p).sensitive("g", g).build();
        Fairness c = Fairness.of(d).groupBy("g").metrics(Metrics.COUNT, Metrics.TRUE_POSITIVE_RATE);
        Posterior post = Bayesian.uniform().draws(200).posterior(TestData.request(c, d, 1));
        Estimand tprB = Estimand.groupValue(Metrics.TRUE_POSITIVE_RATE, B);
        assertThat(post.undefinedDraws(tprB)).isEqualTo(200);
        assertThat(post.omitted().get(tprB)).startsWith("the point estimate is undefined");
        assertThat(post.omitted().get(Estimand.groupValue(Metrics.COUNT, A))).isEqualTo(
                "the row count is observed, not estimated");
        Estimand diff = Estimand.aggregate(Estimand.Kind.DIFFERENCE, Metrics.TRUE_POSITIVE_RATE);
        assertThat(post.undefinedDraws(diff)).isEqualTo(200);
        assertThatThrownBy(() -> post.probabilityBelow(diff, 0.1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void reportAttachesCredibleIntervalsToFairnessMetrics() {
        FairnessData d = data(6);
        FairnessReport rep = config(d).intervals(Bayesian.jeffreys().draws(800).seed(1)).evaluate();
        for (FairnessMetric f : rep.fairnessMetrics().keySet()) {
            Interval i = rep.fairness(f).interval().orElseThrow();
            // extremes over groups get the simultaneous family, not a posterior of the extreme (see README)
            assertThat(i.method()).as(f.id()).startsWith("simultaneous");
            assertThat(i.contains(rep.fairness(f).asDouble())).as("%s %s", f.id(), i).isTrue();
        }
        assertThat(rep.ratio(Metrics.SELECTION_RATE).interval()).isPresent();
        assertThat(rep.provenance().configuration().get("intervals")).isEqualTo("Bayesian Jeffreys prior, "
                + "equal-tailed, level 0.95, 800 draws, seed 1, Dirichlet 0.5, max undefined share 0.1");
    }

    @Test
    void weightedEvidenceIsRescaledToTheRowCount() {
        FairnessData plain = data(8);
        double[] w = new double[plain.rows()];
        Arrays.fill(w, 3.0);
        FairnessData tripled = TestData.groups(8, new int[] {300, 150}, new double[] {0.5, 0.3}, 0.4, w);
        Estimand sr = Estimand.groupValue(Metrics.SELECTION_RATE, B);
        BetaPosterior a = Bayesian.jeffreys().draws(10).posterior(TestData.request(config(plain), plain, 1)).beta(sr)
                .orElseThrow();
        BetaPosterior b = Bayesian.jeffreys().draws(10).posterior(TestData.request(config(tripled), tripled, 1))
                .beta(sr).orElseThrow();
        assertThat(b.a()).isCloseTo(a.a(), within(1e-9));
        assertThat(b.b()).isCloseTo(a.b(), within(1e-9));
    }

    @Test
    void settingsAreValidatedAndSetOnce() {
        assertThatThrownBy(() -> Bayesian.prior(0, 1)).hasMessage("prior shapes must be finite and > 0, got a = 0.0, "
                + "b = 1.0");
        assertThatThrownBy(() -> Bayesian.jeffreys().draws(1)).hasMessage("draws must be >= 2, got 1");
        assertThatThrownBy(() -> Bayesian.jeffreys().seed(1).seed(1)).hasMessage(
                "seed is already set; each setting is set once");
        assertThatThrownBy(() -> Bayesian.jeffreys().hpd().hpd()).isInstanceOf(IllegalStateException.class)
                .hasMessage("hpd is already set; each setting is set once");
        assertThat(Bayesian.prior(2, 3).rate(4, 5)).isEqualTo(BetaPosterior.of(6, 8));
        assertThat(Bayesian.uniform().settings().dirichlet()).isEqualTo(1.0);
        assertThat(Bayesian.jeffreys().dirichlet(2).settings().dirichlet()).isEqualTo(2.0);
    }

    @Test
    void betaShortcutCoversExactlyTheFixedDenominatorRates() {
        for (Metrics m : Metrics.values()) {
            boolean expected = !(m == Metrics.COUNT || m == Metrics.BALANCED_ACCURACY || m == Metrics.F1_SCORE
                    || m == Metrics.PREDICTED_POSITIVE_SHARE);
            assertThat(PosteriorSampler.betaCells(m).isPresent()).as(m.id()).isEqualTo(expected);
        }
        qt().withExamples(50).forAll(integers().between(0, 30), integers().between(0, 30), integers().between(0, 30),
                integers().between(1, 30)).checkAssert((tn, fp, fn, tp) -> {
                    var c = org.fairkit.core.tally.CellCounts.of(tn, fp, fn, tp);
                    for (Metrics m : Metrics.values()) {
                        PosteriorSampler.betaCells(m).ifPresent(cells -> {
                            double num = 0;
                            double den = 0;
                            for (org.fairkit.core.tally.Cell cell : org.fairkit.core.tally.Cell.values()) {
                                double x = c.mass(cell);
                                if ((cells[0] & (1 << cell.index())) != 0) {
                                    num += x;
                                    den += x;
                                } else if ((cells[1] & (1 << cell.index())) != 0) {
                                    den += x;
                                }
                            }
                            var v = m.compute(c, c);
                            if (den > 0) {
                                assertThat(v.value()).as(m.id()).isCloseTo(num / den, within(1e-12));
                            } else {
                                assertThat(v.isDefined()).as(m.id()).isFalse();
                            }
                        });
                    }
                });
    }

    @Test
    void zeroSubstitutionDoesNotPassThePriorOffAsAnInterval() {
        int[] y = new int[60];
        int[] p = new int[60];
        String[] g = new String[60];
        for (int i = 0; i < 60; i++) {
            g[i] = i < 40 ? "A" : "B";
            y[i] = i < 40 ? i % 2 : 0;
            p[i] = i % 3 == 0 ? 1 : 0;
        }
        FairnessData d = FairnessData.builder().labels(y).predictions(p).sensitive("g", g).build();
        Fairness c = Fairness.of(d).groupBy("g").metrics(Metrics.TRUE_POSITIVE_RATE)
                .zeroDivision(org.fairkit.core.metrics.ZeroDivision.ZERO);
        Posterior post = Bayesian.jeffreys().draws(100).posterior(TestData.request(c, d, 1));
        assertThat(post.omitted().get(Estimand.groupValue(Metrics.TRUE_POSITIVE_RATE, B))).isEqualTo(
                "no rows in the rate's denominator: the posterior would be the prior");
    }
}
