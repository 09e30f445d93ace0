package org.fairkit.orchestration.alerting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.fairkit.orchestration.monitor.Alert;
import org.fairkit.orchestration.monitor.WindowFinding;

/**
 * The body a webhook receives for an alert.
 *
 * <ul>
 *   <li>{@link #GENERIC} ({@code generic}): the {@code fairkit.alert/1} JSON object, for any receiver that parses
 *       JSON (an incident tool, a function, a queue's HTTP gateway):
 *       <pre>
 * {"schema": "fairkit.alert/1", "source": "credit-monitor", "event": "raised", "severity": "critical",
 *  "rule": "demographic_parity_ratio_below", "group": "race=Black" (null for a finding about all groups),
 *  "key": "demographic_parity_ratio_below|race=Black", "message": "...", "value": 0.71 (null when the finding has
 *  no number), "window": 3, "first_window": 1, "sent_at": "2026-12-07T20:00:00Z"}
 *       </pre></li>
 *   <li>{@link #SLACK} ({@code slack}): what a Slack incoming webhook accepts: a {@code text} fallback and one
 *       {@code mrkdwn} section block; {@code &}, {@code <} and {@code >} are escaped as Slack requires
 *       (<a href="https://api.slack.com/reference/surfaces/formatting#escaping">Slack: escaping text</a>).</li>
 * </ul>
 */
public enum WebhookFormat {
    /** The {@code fairkit.alert/1} JSON object. */
    GENERIC,
    /** A Slack incoming-webhook message. */
    SLACK;

    /** The schema id of the generic payload. */
    public static final String SCHEMA = "fairkit.alert/1";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** @return the lower-case id, e.g. {@code slack} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses an id (case-insensitive).
     *
     * @throws IllegalArgumentException listing the valid ids
     */
    public static WebhookFormat byId(String id) {
        String key = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        for (WebhookFormat f : values()) {
            if (f.id().equals(key)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown webhook format '" + id + "'; valid: "
                + Arrays.stream(values()).map(WebhookFormat::id).collect(Collectors.joining(", ")));
    }

    /**
     * The payload of an alert as a JSON tree.
     *
     * @param alert the alert
     * @param source who sends it (a monitor's name), shown to the receiver
     * @param sentAt when it is sent
     */
    public ObjectNode payload(Alert alert, String source, Instant sentAt) {
        WindowFinding f = alert.finding();
        if (this == GENERIC) {
            ObjectNode o = MAPPER.createObjectNode();
            o.put("schema", SCHEMA);
            o.put("source", source);
            o.put("event", alert.event().name().toLowerCase(Locale.ROOT));
            o.put("severity", f.severity().id());
            o.put("rule", f.rule());
            if (f.group().isPresent()) {
                o.put("group", f.group().get().describe());
            } else {
                o.putNull("group");
            }
            o.put("key", f.key());
            o.put("message", f.message());
            if (Double.isFinite(f.value())) {
                o.put("value", f.value());
            } else {
                o.putNull("value");
            }
            o.put("window", alert.window());
            o.put("first_window", alert.firstWindow());
            o.put("sent_at", sentAt.toString());
            return o;
        }
        String headline = "[" + f.severity().name() + "] " + alert.event().name() + " " + f.rule()
                + f.group().map(g -> " (" + g.describe() + ")").orElse("") + " at window " + alert.window();
        String text = headline + ": " + f.message() + " (" + source + ")";
        ObjectNode o = MAPPER.createObjectNode();
        o.put("text", slackEscape(text));
        ArrayNode blocks = o.putArray("blocks");
        ObjectNode section = blocks.addObject();
        section.put("type", "section");
        ObjectNode body = section.putObject("text");
        body.put("type", "mrkdwn");
        body.put("text", "*" + slackEscape(headline) + "*\n" + slackEscape(f.message()) + "\n_source: "
                + slackEscape(source) + ", first raised at window " + alert.firstWindow() + "_");
        return o;
    }

    /** @return {@code s} with Slack's three control characters escaped */
    static String slackEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
