package org.fairkit.orchestration.trail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * What happened, for the audit trail: a type such as {@code audit.completed} and details as a JSON object.
 *
 * <pre>{@code
 * AuditEvent e = AuditEvent.of("audit.completed").with("policy", "lending-v2").with("verdict", "FAIL");
 * }</pre>
 * Immutable: the details are copied in and out. Numbers must be finite (JSON has no NaN).
 *
 * @param type what kind of event, non-blank, without control characters
 * @param details the event's details, a JSON object (possibly empty)
 */
public record AuditEvent(String type, ObjectNode details) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Validates the type and the details, and copies the details. */
    public AuditEvent {
        if (type == null || type.isBlank() || type.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("event type must be non-blank text without control characters, got "
                    + (type == null ? "null" : "'" + type + "'"));
        }
        Objects.requireNonNull(details, "details");
        requireFinite(details, "details");
        details = details.deepCopy();
    }

    /** An event without details. */
    public static AuditEvent of(String type) {
        return new AuditEvent(type, JsonNodeFactory.instance.objectNode());
    }

    /**
     * An event with details converted from a map by Jackson (strings, numbers, booleans, lists, maps, records).
     *
     * @throws IllegalArgumentException if a value cannot be converted or a number is not finite
     */
    public static AuditEvent of(String type, Map<String, ?> details) {
        return new AuditEvent(type, MAPPER.valueToTree(details));
    }

    /** @return this event with one more text detail */
    public AuditEvent with(String key, String value) {
        ObjectNode d = details.deepCopy();
        d.put(Objects.requireNonNull(key, "key"), value);
        return new AuditEvent(type, d);
    }

    /** @return this event with one more integer detail */
    public AuditEvent with(String key, long value) {
        ObjectNode d = details.deepCopy();
        d.put(Objects.requireNonNull(key, "key"), value);
        return new AuditEvent(type, d);
    }

    /** @return this event with one more number detail, which must be finite */
    public AuditEvent with(String key, double value) {
        ObjectNode d = details.deepCopy();
        d.put(Objects.requireNonNull(key, "key"), value);
        return new AuditEvent(type, d);
    }

    /** @return this event with one more boolean detail */
    public AuditEvent with(String key, boolean value) {
        ObjectNode d = details.deepCopy();
        d.put(Objects.requireNonNull(key, "key"), value);
        return new AuditEvent(type, d);
    }

    /** @return a copy of the details */
    @Override
    public ObjectNode details() {
        return details.deepCopy();
    }

    private static void requireFinite(JsonNode node, String path) {
        if (node.isNumber() && (node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
            throw new IllegalArgumentException("event detail " + path + " must be a finite number, got "
                    + node.doubleValue());
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                requireFinite(e.getValue(), path + "." + e.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                requireFinite(node.get(i), path + "[" + i + "]");
            }
        }
    }
}
