package org.fairkit.orchestration.trail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trail's format, verification of each kind of tampering, torn tails and repair. */
class AuditTrailTest {
    @TempDir
    Path dir;

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aLineIsTheDocumentedCanonicalJsonAndItsHashCoversEverythingButTheHashMember() throws Exception {
        Path p = Trails.sample(dir, 1);
        String body = "{\"seq\":1,\"time\":\"2025-03-01T12:00:00Z\",\"type\":\"audit.completed\",\"details\":"
                + "{\"note\":\"ünïcode ✓ \\\"quoted\\\"\",\"run\":1,\"verdict\":\"FAIL\"},\"report\":\""
                + Trails.REPORT + "\",\"prev\":\"" + "0".repeat(64) + "\"}";
        String expected = body.substring(0, body.length() - 1) + ",\"hash\":\"" + sha256(body) + "\"}\n";
        assertThat(Files.readString(p, StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void detailsAreWrittenWithSortedKeysAtEveryLevel() throws Exception {
        Path p = dir.resolve("t.jsonl");
        try (AuditTrail t = AuditTrail.open(p, Trails.CLOCK)) {
            t.append(AuditEvent.of("x", Map.of("b", Map.of("z", 1, "a", List.of(2.5, "s")), "a", true)));
        }
        assertThat(Files.readString(p)).contains("\"details\":{\"a\":true,\"b\":{\"a\":[2.5,\"s\"],\"z\":1}}");
    }

    @Test
    void entriesReadBackAsAppendedAndChainToEachOther() {
        Path p = Trails.sample(dir, 3);
        try (AuditTrail t = AuditTrail.open(p)) {
            List<TrailEntry> es = t.entries();
            assertThat(es).extracting(TrailEntry::seq).containsExactly(1L, 2L, 3L);
            assertThat(es.get(0).previousHash()).isEqualTo("0".repeat(64));
            assertThat(es.get(1).previousHash()).isEqualTo(es.get(0).hash());
            assertThat(es.get(2).previousHash()).isEqualTo(es.get(1).hash());
            assertThat(es.get(0).reportFingerprint()).contains(Trails.REPORT);
            assertThat(es.get(2).reportFingerprint()).isEmpty();
            assertThat(es.get(1).event().details().get("verdict").asText()).isEqualTo("PASS");
            assertThat(es.get(1).time()).isEqualTo(Trails.CLOCK.instant());
            TrailVerification v = t.verify();
            assertThat(v.valid()).isTrue();
            assertThat(v.goodEntries()).isEqualTo(3);
            assertThat(v.headHash()).isEqualTo(es.get(2).hash());
            assertThat(v).hasToString("trail.jsonl: 3 entries, intact, head " + es.get(2).hash());
        }
    }

    @Test
    void reopeningATrailContinuesItsChain() {
        Path p = Trails.sample(dir, 2);
        try (AuditTrail t = AuditTrail.open(p)) {
            TrailEntry e = t.append(AuditEvent.of("audit.started"));
            assertThat(e.seq()).isEqualTo(3);
            assertThat(t.verify().valid()).isTrue();
        }
    }

    @Test
    void anEditedValueIsAHashMismatchOnItsLine() {
        Path p = Trails.sample(dir, 4);
        List<String> lines = Trails.lines(p);
        lines.set(2, lines.get(2).replace("\"verdict\":\"FAIL\"", "\"verdict\":\"PASS\""));
        Trails.writeLines(p, lines);
        long offset = Trails.lines(p).get(0).getBytes(StandardCharsets.UTF_8).length + 1L
                + lines.get(1).getBytes(StandardCharsets.UTF_8).length + 1L;
        TrailProblem problem = verify(p).problem().orElseThrow();
        assertThat(problem).isEqualTo(new TrailProblem(3, offset, TrailProblem.Kind.HASH_MISMATCH, "line 3 (byte "
                + offset + "): the entry's content does not match its hash: the line was edited"));
        assertThat(verify(p).goodEntries()).isEqualTo(2);
    }

    @Test
    void aDeletedEntryBreaksTheNumberingAtItsPlace() {
        Path p = Trails.sample(dir, 5);
        List<String> lines = Trails.lines(p);
        lines.remove(2);
        Trails.writeLines(p, lines);
        TrailProblem problem = verify(p).problem().orElseThrow();
        assertThat(problem.kind()).isEqualTo(TrailProblem.Kind.SEQUENCE);
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.message()).endsWith(": entry number 4 where 3 was expected: an entry was deleted, "
                + "inserted or moved before this line");
    }

    @Test
    void deletingTheFirstEntryIsDetectedAtLineOne() {
        Path p = Trails.sample(dir, 3);
        List<String> lines = Trails.lines(p);
        lines.remove(0);
        Trails.writeLines(p, lines);
        assertThat(verify(p).problem().orElseThrow().message()).isEqualTo("line 1 (byte 0): entry number 2 where 1 "
                + "was expected: an entry was deleted, inserted or moved before this line");
    }

    @Test
    void reorderedAndInsertedEntriesAreDetected() {
        Path p = Trails.sample(dir, 4);
        List<String> original = Trails.lines(p);
        List<String> swapped = new java.util.ArrayList<>(original);
        swapped.set(1, original.get(2));
        swapped.set(2, original.get(1));
        Trails.writeLines(p, swapped);
        assertThat(verify(p).problem().orElseThrow()).extracting(TrailProblem::kind, TrailProblem::line)
                .containsExactly(TrailProblem.Kind.SEQUENCE, 2L);
        List<String> inserted = new java.util.ArrayList<>(original);
        inserted.add(2, original.get(1));
        Trails.writeLines(p, inserted);
        assertThat(verify(p).problem().orElseThrow()).extracting(TrailProblem::kind, TrailProblem::line)
                .containsExactly(TrailProblem.Kind.SEQUENCE, 3L);
    }

    @Test
    void aSelfConsistentEntryThatPointsElsewhereBreaksTheChain() {
        Path p = Trails.sample(dir, 3);
        List<String> lines = Trails.lines(p);
        TrailFormat.Line forged = TrailFormat.write(2, Trails.CLOCK.instant(), AuditEvent.of("forged"), null,
                "1".repeat(64));
        lines.set(1, new String(forged.bytes, StandardCharsets.UTF_8).strip());
        Trails.writeLines(p, lines);
        TrailProblem problem = verify(p).problem().orElseThrow();
        assertThat(problem.kind()).isEqualTo(TrailProblem.Kind.CHAIN_BROKEN);
        assertThat(problem.message()).endsWith(": its previous-entry hash is not the hash of line 1: an entry before "
                + "it was replaced or the chain was spliced");
    }

    @Test
    void aRechainedRewriteAndARemovedTailNeedTheAnchor() throws IOException {
        Path p = Trails.sample(dir, 4);
        TrailAnchor anchor = verify(p).anchor();
        assertThat(anchor.entries()).isEqualTo(4);

        List<String> lines = Trails.lines(p);
        lines.set(1, lines.get(1).replace("PASS", "FAIL"));
        Trails.writeLines(p, Trails.rechain(lines));
        assertThat(verify(p).valid()).as("a full rewrite fools the chain alone").isTrue();
        try (AuditTrail t = AuditTrail.open(p)) {
            TrailProblem problem = t.verify(anchor).problem().orElseThrow();
            assertThat(problem.kind()).isEqualTo(TrailProblem.Kind.ANCHOR_MISMATCH);
            assertThat(problem.line()).isEqualTo(4);
            assertThat(problem.message()).endsWith(": the entry's hash differs from the anchor's: the trail was "
                    + "rewritten up to this entry");
        }

        Path q = Trails.sample(Files.createDirectories(dir.resolve("b")), 4);
        TrailAnchor full = verify(q).anchor();
        List<String> qs = Trails.lines(q);
        Trails.writeLines(q, qs.subList(0, 3));
        assertThat(verify(q).valid()).as("a clean cut at a line boundary fools the chain alone").isTrue();
        try (AuditTrail t = AuditTrail.open(q)) {
            assertThat(t.verify(full).problem().orElseThrow().message())
                    .isEqualTo("the trail has 3 entries but the anchor records 4: entries were removed from the end");
            assertThat(t.verify(new TrailAnchor(2, t.entries().get(1).hash())).valid()).isTrue();
        }
    }

    @Test
    void aTornTailIsReportedAppendsAreRefusedAndOnlyAnExplicitRepairRemovesIt() throws IOException {
        Path p = Trails.sample(dir, 3);
        byte[] whole = Files.readAllBytes(p);
        Files.write(p, java.util.Arrays.copyOf(whole, whole.length - 40));
        int lastStart = Trails.lines(p).get(0).getBytes(StandardCharsets.UTF_8).length + 1
                + Trails.lines(p).get(1).getBytes(StandardCharsets.UTF_8).length + 1;
        long torn = whole.length - 40 - lastStart;
        try (AuditTrail t = AuditTrail.open(p)) {
            TrailVerification v = t.verify();
            assertThat(v.onlyTornTail()).isTrue();
            assertThat(v.goodEntries()).isEqualTo(2);
            assertThat(v.problem().orElseThrow().message()).isEqualTo("line 3 (byte " + lastStart + "): torn last "
                    + "line (" + torn + " bytes without a newline), left by an interrupted append");
            assertThatThrownBy(() -> t.append(AuditEvent.of("x"))).isInstanceOf(IllegalStateException.class)
                    .hasMessage("cannot append to the audit trail " + t.path() + ": it ends with a torn line at byte "
                            + lastStart + " (" + torn + " bytes without a newline, left by an interrupted append); "
                            + "check it, then call repairTornTail()");
            assertThat(Files.size(p)).as("nothing is repaired implicitly").isEqualTo(whole.length - 40);

            TornTailRepair r = t.repairTornTail();
            assertThat(r.repaired()).isTrue();
            assertThat(r.offset()).isEqualTo(lastStart);
            assertThat(r.removedBytes()).isEqualTo(torn);
            assertThat(r.preview()).startsWith("{\"seq\":3,");
            assertThat(t.verify().valid()).isTrue();
            assertThat(t.append(AuditEvent.of("after.repair")).seq()).isEqualTo(3);
            assertThat(t.verify().valid()).isTrue();
            assertThat(t.repairTornTail().repaired()).isFalse();
        }
    }

    @Test
    void anAppendRefusesToExtendATrailWhoseLastLineIsNotAnEntry() throws IOException {
        Path p = Trails.sample(dir, 2);
        Files.writeString(p, "not json\n", java.nio.file.StandardOpenOption.APPEND);
        try (AuditTrail t = AuditTrail.open(p)) {
            assertThatThrownBy(() -> t.append(AuditEvent.of("x"))).hasMessage("cannot append to the audit trail "
                    + t.path() + ": its last line is not a valid entry (the line is too short to be an entry); run "
                    + "verify()");
            assertThat(t.verify().problem().orElseThrow().kind()).isEqualTo(TrailProblem.Kind.MALFORMED);
        }
    }

    @Test
    void twoTrailsOnOneFileInOneJvmShareTheChain() {
        Path p = dir.resolve("shared.jsonl");
        try (AuditTrail a = AuditTrail.open(p); AuditTrail b = AuditTrail.open(p)) {
            a.append(AuditEvent.of("a1"));
            b.append(AuditEvent.of("b1"));
            a.append(AuditEvent.of("a2"));
            assertThat(b.entries()).extracting(e -> e.event().type()).containsExactly("a1", "b1", "a2");
            assertThat(a.verify().valid()).isTrue();
        }
    }

    @Test
    void badInputIsRejectedWithTheReason() {
        Path p = dir.resolve("t.jsonl");
        try (AuditTrail t = AuditTrail.open(p)) {
            assertThatThrownBy(() -> t.append(AuditEvent.of("x"), "abc")).hasMessage("reportFingerprint must be a "
                    + "SHA-256 as 64 hex digits, got 'abc'");
            assertThat(t.append(AuditEvent.of("x"), "AB".repeat(32)).reportFingerprint())
                    .isEqualTo(Optional.of("ab".repeat(32)));
        }
        assertThatThrownBy(() -> AuditEvent.of(" ")).hasMessage("event type must be non-blank text without control "
                + "characters, got ' '");
        assertThatThrownBy(() -> AuditEvent.of("x").with("ratio", Double.NaN)).hasMessage("event detail "
                + "details.ratio must be a finite number, got NaN");
        assertThatThrownBy(() -> AuditTrail.open(dir.resolve("missing").resolve("t.jsonl")))
                .isInstanceOf(UncheckedIOException.class).hasMessageStartingWith("cannot open the audit trail ");
        assertThat(AuditTrail.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void eventsAreImmutable() {
        AuditEvent e = AuditEvent.of("x").with("k", "v");
        e.details().put("k", "changed");
        assertThat(e.details().get("k").asText()).isEqualTo("v");
        assertThat(e.with("n", 3L)).isNotEqualTo(e);
    }

    private static TrailVerification verify(Path p) {
        try (AuditTrail t = AuditTrail.open(p)) {
            return t.verify();
        }
    }
}
