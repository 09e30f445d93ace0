package org.fairkit.core.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The string encoding enters the levels of a prefix in sorted order first; levels that first appear after the
 * prefix (sorting before, between or after the early ones) still get their sorted codes.
 */
class SensitiveFeatureEncodingTest {
    @Test
    void levelsFirstSeenAfterThePrefixStillGetSortedCodes() {
        SplittableRandom r = new SplittableRandom(3);
        String[] early = {"m", "c", "x"};
        String[] late = {"a", "n", "z"};
        for (int n : new int[] {10, 4096, 4097, 20_000}) {
            String[] values = new String[n];
            for (int i = 0; i < n; i++) {
                values[i] = i < 4096 || r.nextBoolean() ? early[r.nextInt(3)] : late[r.nextInt(3)];
            }
            SensitiveFeature f = SensitiveFeature.of("s", values);
            List<String> expectedLevels = List.copyOf(new TreeSet<>(List.of(values)));
            assertThat(f.levels()).isEqualTo(expectedLevels);
            for (int i = 0; i < n; i++) {
                assertThat(f.code(i)).isEqualTo(expectedLevels.indexOf(values[i]));
                assertThat(f.level(i)).isEqualTo(values[i]);
            }
        }
    }

    @Test
    void equalStringsThatAreDifferentInstancesShareACode() {
        String[] values = {new String("b"), new String("a"), new String("b"), "a"};
        SensitiveFeature f = SensitiveFeature.of("s", values);
        assertThat(f.levels()).containsExactly("a", "b");
        assertThat(new int[] {f.code(0), f.code(1), f.code(2), f.code(3)}).containsExactly(1, 0, 1, 0);
    }
}
