package org.fairkit.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.fairkit.stats.bayes.BetaPosterior;
import org.fairkit.testkit.SharedFiles;
import org.junit.jupiter.api.Test;

/**
 * Beta posteriors against {@code ../shared/golden/stats.json} (SciPy 1.10.1): {@code beta_ppf} rows from
 * {@code scipy.stats.beta.ppf(q, a, b)} and {@code beta_hpd} rows from the reference script's {@code hpd_beta}
 * (brentq on equal log-densities). Tolerance 1e-9, the file's stated tolerance for ppf-based and root-found values
 * ({@code conventions.tolerances}); relative for ppf, absolute on the HPD endpoints as its {@code precision} note
 * says. Skipped when the shared directory is absent.
 */
class BayesianGoldenTest {
    private static JsonNode stats() throws IOException {
        return SharedFiles.golden("stats.json");
    }

    @Test
    void betaQuantilesMatchScipy() throws IOException {
        JsonNode rows = stats().get("beta_ppf").get("rows");
        assertThat(rows.size()).isGreaterThan(10);
        for (JsonNode row : rows) {
            double a = row.get("a").asDouble();
            double b = row.get("b").asDouble();
            String prior = row.get("prior").asText();
            Bayesian bayes = prior.equals("jeffreys") ? Bayesian.jeffreys() : Bayesian.uniform();
            int k = row.get("k").asInt();
            int n = row.get("n").asInt();
            BetaPosterior post = bayes.rate(k, n - k);
            assertThat(post).isEqualTo(BetaPosterior.of(a, b));
            for (int i = 0; i < row.get("q").size(); i++) {
                double q = row.get("q").get(i).asDouble();
                double expected = row.get("ppf").get(i).asDouble();
                assertThat(post.quantile(q)).as("stats.json beta_ppf %s (%s prior, k=%s, n=%s) at q=%s", row.get("call")
                        .asText(), prior, k, n, q).isCloseTo(expected, within(1e-9 * expected));
            }
            double[] et = post.equalTailed(0.95);
            assertThat(et[0]).as("Bayesian.%s().rate(%s, %s).equalTailed(0.95) lower vs %s", prior, k, n - k,
                    row.get("call").asText()).isCloseTo(row.get("ppf").get(0).asDouble(),
                            within(1e-9 * row.get("ppf").get(0).asDouble()));
            assertThat(et[1]).as("Bayesian.%s().rate(%s, %s).equalTailed(0.95) upper", prior, k, n - k)
                    .isCloseTo(row.get("ppf").get(4).asDouble(), within(1e-9));
        }
    }

    @Test
    void hpdIntervalsMatchScipyReference() throws IOException {
        JsonNode rows = stats().get("beta_hpd").get("rows");
        assertThat(rows.size()).isGreaterThan(5);
        for (JsonNode row : rows) {
            double a = row.get("a").asDouble();
            double b = row.get("b").asDouble();
            double mass = row.get("mass").asDouble();
            double[] hpd = BetaPosterior.of(a, b).hpd(mass);
            String call = "stats.json beta_hpd hpd_beta(" + a + ", " + b + ", mass=" + mass + ") via "
                    + row.get("method").asText() + " vs BetaPosterior.of(a, b).hpd(mass)";
            assertThat(hpd[0]).as(call + " low").isCloseTo(row.get("low").asDouble(), within(1e-9));
            assertThat(hpd[1]).as(call + " upp").isCloseTo(row.get("upp").asDouble(), within(1e-9));
            assertThat(hpd[1] - hpd[0]).as(call + " width").isCloseTo(row.get("width").asDouble(), within(1e-9));
            JsonNode et = row.get("equal_tailed_95");
            double[] mine = BetaPosterior.of(a, b).equalTailed(0.95);
            assertThat(mine[0]).as(call + " equal_tailed_95 low").isCloseTo(et.get(0).asDouble(), within(1e-9));
            assertThat(mine[1]).as(call + " equal_tailed_95 upp").isCloseTo(et.get(1).asDouble(), within(1e-9));
        }
    }
}
