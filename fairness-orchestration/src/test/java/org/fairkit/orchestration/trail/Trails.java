package org.fairkit.orchestration.trail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Helpers for trail tests: fixed clocks, sample trails, and editing the file as an attacker would. */
final class Trails {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC);
    static final String REPORT = "ab".repeat(32);

    private Trails() {
    }

    /** Writes {@code n} sample entries. */
    static Path sample(Path dir, int n) {
        Path p = dir.resolve("trail.jsonl");
        try (AuditTrail t = AuditTrail.open(p, CLOCK)) {
            for (int i = 1; i <= n; i++) {
                t.append(AuditEvent.of("audit.completed").with("run", i).with("verdict", i % 2 == 0 ? "PASS" : "FAIL")
                        .with("note", "ünïcode ✓ \"quoted\""), i % 3 == 0 ? null : REPORT);
            }
        }
        return p;
    }

    static List<String> lines(Path p) {
        try {
            return new ArrayList<>(Files.readAllLines(p, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeLines(Path p, List<String> lines) {
        try {
            Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Re-chains every line from the first: what an attacker who recomputes all hashes would write. */
    static List<String> rechain(List<String> lines) {
        List<String> out = new ArrayList<>();
        String prev = TrailFormat.GENESIS;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            String body = l.substring(0, l.length() - TrailFormat.HASH_SUFFIX) + "}";
            body = body.replaceFirst("\"seq\":\\d+", "\"seq\":" + (i + 1))
                    .replaceFirst("\"prev\":\"[0-9a-f]{64}\"", "\"prev\":\"" + prev + "\"");
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            String hash = TrailFormat.sha256(b, 0, b.length);
            out.add(body.substring(0, body.length() - 1) + ",\"hash\":\"" + hash + "\"}");
            prev = hash;
        }
        return out;
    }
}
