package org.fairkit.mitigation.postprocessing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.fairkit.mitigation.postprocessing.CalibratedEqualizedOdds.Cost;
import org.fairkit.testkit.SharedFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Replays AIF360's randomized {@code CalibratedEqOddsPostprocessing.predict} with numpy's legacy generator
 * (MT19937, {@code numpy.random.seed(12345)} = {@code init_genrand(12345)}, {@code random()} from two 32-bit outputs)
 * and FairKit's fitted rates: the unprivileged test rows draw first in file order, then the privileged rows; a row's
 * score becomes its group's base rate when {@code u <= mix}; label 1 when the score is {@code >= 0.5}. With AIF360's
 * unclipped rates AND with FairKit's clipped ones the labels are AIF360's {@code sampled_test.labels_string}: clipping
 * changes no draw, only the reported rate.
 */
class Mt19937ReplayTest {
    /** MT19937 (Matsumoto &amp; Nishimura 1998), seeded by {@code init_genrand}; numpy's {@code random_sample}. */
    static final class Mt19937 {
        private final int[] mt = new int[624];
        private int mti;

        Mt19937(int seed) {
            mt[0] = seed;
            for (mti = 1; mti < 624; mti++) {
                mt[mti] = 1812433253 * (mt[mti - 1] ^ (mt[mti - 1] >>> 30)) + mti;
            }
        }

        int next() {
            if (mti >= 624) {
                for (int k = 0; k < 624; k++) {
                    int y = (mt[k] & 0x80000000) | (mt[(k + 1) % 624] & 0x7fffffff);
                    mt[k] = mt[(k + 397) % 624] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
                }
                mti = 0;
            }
            int y = mt[mti++];
            y ^= y >>> 11;
            y ^= (y << 7) & 0x9d2c5680;
            y ^= (y << 15) & 0xefc60000;
            y ^= y >>> 18;
            return y;
        }

        double random() {
            long a = Integer.toUnsignedLong(next()) >>> 5;
            long b = Integer.toUnsignedLong(next()) >>> 6;
            return (a * 67108864.0 + b) / 9007199254740992.0;
        }
    }

    @Test
    void generatorGivesNumpysFirstDraws() {
        JsonNode first = SharedFiles.golden("adult_mitigation2.json").path("calibrated_eq_odds").path("rng")
                .path("first_5_draws_after_seed");
        Mt19937 mt = new Mt19937(12345);
        for (JsonNode d : first) {
            assertThat(mt.random()).isEqualTo(d.asDouble());
        }
    }

    @ParameterizedTest
    @EnumSource(Cost.class)
    void aif360SampledLabelsReplayWithClippedAndUnclippedRates(Cost cost) {
        JsonNode block = SharedFiles.golden("adult_mitigation2.json").path("calibrated_eq_odds").path(cost.id());
        AdultSplit train = AdultSplit.of("train");
        AdultSplit test = AdultSplit.of("test");
        CalibratedEqualizedOdds.Fitted f = CalibratedEqualizedOdds.cost(cost).privileged("Male")
                .fit(train.scores(), train.labels(), train.sex());
        String expected = block.path("sampled_test").path("labels_string").asText();
        assertThat(replay(f, test, f.aif360MixRate(true).value(), f.aif360MixRate(false).value())).isEqualTo(expected);
        assertThat(replay(f, test, f.mixRate(true), f.mixRate(false))).isEqualTo(expected);
    }

    private static String replay(CalibratedEqualizedOdds.Fitted f, AdultSplit test, double privMix,
            double unprivMix) {
        Mt19937 mt = new Mt19937(12345);
        int n = test.size();
        char[] out = new char[n];
        for (String group : new String[] {"Female", "Male"}) {
            boolean priv = group.equals("Male");
            double mix = priv ? privMix : unprivMix;
            for (int i = 0; i < n; i++) {
                if (test.sex()[i].equals(group)) {
                    double s = mt.random() <= mix ? f.baseRate(priv) : test.scores()[i];
                    out[i] = s >= 0.5 ? '1' : '0';
                }
            }
        }
        return new String(out);
    }
}
