package org.fairkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.fairkit.core.internal.Fingerprint;
import org.junit.jupiter.api.Test;

class DeferredFingerprintTest {
    private static FairnessData data() {
        return FairnessData.builder().labels(new int[] {1, 0, 1, 0}).predictions(new int[] {1, 1, 0, 0})
                .sensitive("g", new String[] {"b", "a", "b", "a"}).build();
    }

    @Test
    void evaluateDefersTheFingerprintAndReadingItGivesTheDataFingerprint() {
        FairnessData data = data();
        FairnessReport report = Fairness.of(data).evaluate();
        assertThat(report.provenance().inputSha256Known()).isFalse();
        String sha = report.provenance().inputSha256();
        assertThat(report.provenance().inputSha256Known()).isTrue();
        assertThat(sha).isEqualTo(data.fingerprint()).hasSize(64);
        // The canonical encoding (Fingerprint's class comment), fed by hand, gives the same value.
        Fingerprint.Rows rows = Fingerprint.Rows.binary(false, false, java.util.List.of("g"));
        rows.accept(1, 1, Double.NaN, 1.0, java.util.List.of("b"));
        rows.accept(0, 1, Double.NaN, 1.0, java.util.List.of("a"));
        rows.accept(1, 0, Double.NaN, 1.0, java.util.List.of("b"));
        rows.accept(0, 0, Double.NaN, 1.0, java.util.List.of("a"));
        assertThat(sha).isEqualTo(rows.hex());
    }

    @Test
    void aDeferredFingerprintIsComputedOnceAndKeptThroughWithInputFileSha256() {
        AtomicInteger calls = new AtomicInteger();
        Provenance p = Provenance.deferred("v", Map.of("k", "v"), 4, () -> {
            calls.incrementAndGet();
            return "ab".repeat(32);
        }, Instant.EPOCH);
        Provenance withFile = p.withInputFileSha256("cd".repeat(32));
        assertThat(calls).hasValue(0);
        assertThat(withFile.inputSha256()).isEqualTo("ab".repeat(32));
        assertThat(p.inputSha256()).isEqualTo("ab".repeat(32));
        assertThat(calls).hasValue(1);
        assertThat(p).isEqualTo(new Provenance("v", Map.of("k", "v"), 4, "ab".repeat(32), Instant.EPOCH))
                .hasSameHashCodeAs(new Provenance("v", Map.of("k", "v"), 4, "ab".repeat(32), Instant.EPOCH));
        assertThat(withFile.inputFileSha256()).contains("cd".repeat(32));
    }

    @Test
    void anEagerProvenanceStillRequiresItsFingerprint() {
        assertThatThrownBy(() -> new Provenance("v", Map.of(), 1, null, Instant.EPOCH))
                .isInstanceOf(NullPointerException.class).hasMessage("inputSha256");
    }

    @Test
    void aNullLevelIsStillReportedByBuildAfterTheMissingColumnChecks() {
        FairnessData.Builder b = FairnessData.builder().sensitive("g", new String[] {"a", null});
        assertThatThrownBy(b::build).hasMessageContaining("labels");
        assertThatThrownBy(() -> FairnessData.builder().labels(new int[] {0, 1}).predictions(new int[] {0, 2})
                .sensitive("g", new String[] {"a", null}).build()).hasMessageContaining("predictions");
        assertThatThrownBy(() -> FairnessData.builder().labels(new int[] {0, 1}).predictions(new int[] {0, 1})
                .sensitive("g", new String[] {"a", null}).build()).hasMessageContaining("g").hasMessageContaining("1");
    }
}
