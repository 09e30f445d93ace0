package org.fairkit.stats.intervals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.Interval;
import org.junit.jupiter.api.Test;

class MetricIntervalsTest {
    private static final GroupKey A = GroupKey.of("g", "A");
    private static final GroupKey B = GroupKey.of("g", "B");

    private static MetricIntervals sample() {
        Interval i = new Interval(0.1, 0.2, 0.95, "m", 0, 0);
        return MetricIntervals.builder("test").group("x", A, i).undefinedGroup("x", B, "no rows")
                .overall("x", Optional.of(i), null).overall("y", Optional.empty(), "why not")
                .disparity("x.difference", Optional.of(i), null).disparity("x.ratio", Optional.empty(), "zero")
                .build();
    }

    @Test
    void everyKeyIsInExactlyOneMapAndPrintsAsALine() {
        MetricIntervals m = sample();
        assertThat(m.group("x", A)).isPresent();
        assertThat(m.group("x", B)).isEmpty();
        assertThat(m.groupReason("x", B)).contains("no rows");
        assertThat(m.groupReason("x", A)).isEmpty();
        assertThat(m.undefinedOverall()).containsEntry("y", "why not");
        assertThat(m.disparityReason("x.ratio")).contains("zero");
        assertThat(m.disparity("x.ratio")).isEmpty();
        assertThat(m.method()).isEqualTo("test");
        assertThat(m).isEqualTo(sample()).hasSameHashCodeAs(sample());
        assertThat(m.toString()).isEqualTo("test\nx [A]: [0.1000, 0.2000]\nx [B]: undefined (no rows)\n"
                + "x [overall]: [0.1000, 0.2000]\ny [overall]: undefined (why not)\nx.difference: [0.1000, 0.2000]\n"
                + "x.ratio: undefined (zero)\n");
        assertThatThrownBy(() -> m.byGroup().put("z", null)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aKeyIsSetOnceAndAnUndefinedOneNeedsAReason() {
        Interval i = new Interval(0, 1, 0.95, "m", 0, 0);
        MetricIntervals.Builder b = MetricIntervals.builder("t").group("x", A, i);
        assertThatThrownBy(() -> b.undefinedGroup("x", A, "r")).hasMessageContaining("already set");
        assertThatThrownBy(() -> b.undefinedGroup("x", B, " ")).hasMessageContaining("reason");
        b.disparity("d", Optional.of(i), null);
        assertThatThrownBy(() -> b.disparity("d", Optional.of(i), null)).hasMessageContaining("already set");
        b.overall("x", Optional.of(i), null);
        assertThatThrownBy(() -> b.overall("x", Optional.empty(), "r")).hasMessageContaining("already set");
        assertThat(RowBootstrap.basic(10).describe("group")).isEqualTo(
                "stratified row bootstrap (group), 10 resamples, seed 0");
    }
}
