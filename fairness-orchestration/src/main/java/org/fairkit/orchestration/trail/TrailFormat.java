package org.fairkit.orchestration.trail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.fairkit.core.internal.Fingerprint;

/**
 * The byte format of a trail line: how one is written, and how one is checked. See {@link AuditTrail} for the
 * format as users see it.
 */
final class TrailFormat {
    /** The previous-entry hash of the first entry. */
    static final String GENESIS = "0".repeat(64);
    private static final byte[] HASH_MEMBER = ",\"hash\":\"".getBytes(StandardCharsets.US_ASCII);
    /** {@code ,"hash":"} + 64 hex digits + {@code "}}. */
    static final int HASH_SUFFIX = HASH_MEMBER.length + 64 + 2;
    private static final List<String> FIELDS = List.of("seq", "time", "type", "details", "report", "prev");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private TrailFormat() {
    }

    static boolean isHash(String s) {
        if (s.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    static String sha256(byte[] bytes, int offset, int length) {
        return Fingerprint.sha256(bytes, offset, length);
    }

    /** A written line, with its hash; {@code bytes} ends with a newline. */
    static final class Line {
        final byte[] bytes;
        final String hash;

        Line(byte[] bytes, String hash) {
            this.bytes = bytes;
            this.hash = hash;
        }
    }

    /** Writes the canonical line of an entry. */
    static Line write(long seq, Instant time, AuditEvent event, String report, String previous) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("seq", seq);
            g.writeStringField("time", time.toString());
            g.writeStringField("type", event.type());
            g.writeFieldName("details");
            writeSorted(g, event.details());
            if (report == null) {
                g.writeNullField("report");
            } else {
                g.writeStringField("report", report);
            }
            g.writeStringField("prev", previous);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] body = out.toByteArray();
        String hash = sha256(body, 0, body.length);
        out.reset();
        out.write(body, 0, body.length - 1);
        out.writeBytes(HASH_MEMBER);
        out.writeBytes(hash.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes("\"}\n".getBytes(StandardCharsets.US_ASCII));
        return new Line(out.toByteArray(), hash);
    }

    private static void writeSorted(JsonGenerator g, JsonNode node) throws IOException {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                sorted.put(e.getKey(), e.getValue());
            }
            g.writeStartObject();
            for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
                g.writeFieldName(e.getKey());
                writeSorted(g, e.getValue());
            }
            g.writeEndObject();
        } else if (node.isArray()) {
            g.writeStartArray();
            for (JsonNode n : node) {
                writeSorted(g, n);
            }
            g.writeEndArray();
        } else {
            MAPPER.writeTree(g, node);
        }
    }

    /** The outcome of checking one complete line (without its newline). */
    static final class Checked {
        final TrailProblem.Kind kind;
        final String detail;
        final long seq;
        final String previous;
        final String hash;
        final ObjectNode body;

        private Checked(TrailProblem.Kind kind, String detail, long seq, String previous, String hash,
                ObjectNode body) {
            this.kind = kind;
            this.detail = detail;
            this.seq = seq;
            this.previous = previous;
            this.hash = hash;
            this.body = body;
        }

        static Checked bad(TrailProblem.Kind kind, String detail) {
            return new Checked(kind, detail, -1, null, null, null);
        }

        boolean ok() {
            return kind == null;
        }

        TrailEntry entry() {
            String report = body.get("report").isNull() ? null : body.get("report").asText();
            return new TrailEntry(seq, Instant.parse(body.get("time").asText()),
                    new AuditEvent(body.get("type").asText(), (ObjectNode) body.get("details")),
                    Optional.ofNullable(report), previous, hash);
        }
    }

    /**
     * Checks a complete line's own integrity: that it ends with a hash member, that the hash is the SHA-256 of the
     * rest, and that the rest is an entry object. Chain and sequence are checked by the caller.
     */
    static Checked check(byte[] buf, int offset, int length) {
        if (length < HASH_SUFFIX + 2) {
            return Checked.bad(TrailProblem.Kind.MALFORMED, length == 0 ? "the line is empty"
                    : "the line is too short to be an entry");
        }
        int hashStart = offset + length - 66;
        int member = offset + length - HASH_SUFFIX;
        for (int i = 0; i < HASH_MEMBER.length; i++) {
            if (buf[member + i] != HASH_MEMBER[i]) {
                return Checked.bad(TrailProblem.Kind.MALFORMED, "the line does not end with a \"hash\" member");
            }
        }
        if (buf[offset + length - 2] != '"' || buf[offset + length - 1] != '}') {
            return Checked.bad(TrailProblem.Kind.MALFORMED, "the line does not end with a \"hash\" member");
        }
        String hash = new String(buf, hashStart, 64, StandardCharsets.ISO_8859_1);
        if (!isHash(hash)) {
            return Checked.bad(TrailProblem.Kind.MALFORMED, "the hash is not 64 lowercase hex digits");
        }
        int bodyLength = member - offset + 1;
        byte[] body = new byte[bodyLength];
        System.arraycopy(buf, offset, body, 0, bodyLength - 1);
        body[bodyLength - 1] = '}';
        if (!sha256(body, 0, bodyLength).equals(hash)) {
            return Checked.bad(TrailProblem.Kind.HASH_MISMATCH, "the entry's content does not match its hash");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return Checked.bad(TrailProblem.Kind.MALFORMED, "the entry is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (tree == null || !tree.isObject()) {
            return Checked.bad(TrailProblem.Kind.MALFORMED, "the entry is not a JSON object");
        }
        List<String> names = new ArrayList<>();
        tree.fieldNames().forEachRemaining(names::add);
        if (!names.equals(FIELDS)) {
            return Checked.bad(TrailProblem.Kind.MALFORMED, "the entry has fields " + names + "; expected " + FIELDS
                    + " then hash");
        }
        JsonNode seq = tree.get("seq");
        JsonNode prev = tree.get("prev");
        JsonNode report = tree.get("report");
        if (!seq.canConvertToLong() || !seq.isIntegralNumber() || !prev.isTextual() || !isHash(prev.asText())
                || !tree.get("time").isTextual() || !tree.get("type").isTextual() || !tree.get("details").isObject()
                || !(report.isNull() || (report.isTextual() && isHash(report.asText())))) {
            return Checked.bad(TrailProblem.Kind.MALFORMED, "the entry's fields do not have their types");
        }
        try {
            Instant.parse(tree.get("time").asText());
        } catch (DateTimeParseException e) {
            return Checked.bad(TrailProblem.Kind.MALFORMED, "the entry's time is not an ISO-8601 instant");
        }
        String type = tree.get("type").asText();
        if (type.isBlank() || type.chars().anyMatch(Character::isISOControl)) {
            return Checked.bad(TrailProblem.Kind.MALFORMED, "the entry's type is blank or has control characters");
        }
        return new Checked(null, null, seq.asLong(), prev.asText(), hash, (ObjectNode) tree);
    }
}
