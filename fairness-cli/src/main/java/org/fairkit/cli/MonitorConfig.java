package org.fairkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.orchestration.alerting.WebhookFormat;
import org.fairkit.orchestration.monitor.Deduplication;

/**
 * The settings of {@code fairkit monitor}, read from {@code monitor.yml} (documented in the CLI README). Relative
 * paths are resolved against the file's directory. Every error names the key and what was expected, e.g.
 * {@code monitor.yml: source.glob: missing; expected a file pattern such as incoming/*.csv}.
 */
record MonitorConfig(String name, Duration every, Path directory, String glob, String label, String prediction,
        Optional<String> score, List<List<String>> groupings, List<GroupMetric> metrics,
        List<FairnessMetric> fairnessMetrics, int minGroupSize, List<Check> checks, Deduplication deduplication,
        Optional<String> modelVersion, String history, Optional<Prometheus> prometheus, List<Webhook> webhooks,
        Path deadLetters) {

    /** A threshold check on a named fairness metric: below (ratios) or above (absolute differences). */
    record Check(FairnessMetric metric, boolean below, double warning, double critical) {
    }

    /** Where the scrape endpoint listens and how many groups get series. */
    record Prometheus(String host, int port, int maxGroups) {
    }

    /** One webhook target. */
    record Webhook(URI url, WebhookFormat format, Duration timeout, int maxAttempts) {
    }

    private static final Set<String> KEYS = Set.of("name", "every", "source", "groupings", "metrics",
            "fairness_metrics", "min_group_size", "checks", "deduplication", "model_version", "history", "prometheus",
            "webhooks", "dead_letters");

    private static CliException bad(String key, String message) {
        return CliException.badInput("monitor.yml: " + key + ": " + message);
    }

    private static JsonNode required(JsonNode n, String key, String path, String expected) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            throw bad(path, "missing; expected " + expected);
        }
        return v;
    }

    private static String text(JsonNode n, String key, String path, String expected) {
        JsonNode v = required(n, key, path, expected);
        if (!v.isValueNode() || v.asText().isBlank()) {
            throw bad(path, "got " + v + "; expected " + expected);
        }
        return v.asText().strip();
    }

    private static Optional<String> optionalText(JsonNode n, String key, String path, String expected) {
        return n.has(key) && !n.get(key).isNull() ? Optional.of(text(n, key, path, expected)) : Optional.empty();
    }

    private static int integer(JsonNode n, String key, String path, int min, int max, int dflt) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < min || v.asInt() > max) {
            throw bad(path, "got " + v + "; expected an integer in " + min + ".." + max);
        }
        return v.asInt();
    }

    private static double number(JsonNode n, String key, String path) {
        JsonNode v = required(n, key, path, "a number");
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw bad(path, "got " + v + "; expected a number");
        }
        return v.asDouble();
    }

    private static List<String> strings(JsonNode v, String path) {
        if (!v.isArray() || v.isEmpty()) {
            throw bad(path, "got " + v + "; expected a non-empty list");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isValueNode() || e.asText().isBlank()) {
                throw bad(path, "got " + e + " in the list; expected a name");
            }
            out.add(e.asText().strip());
        }
        return out;
    }

    /**
     * Reads and validates a monitor.yml.
     *
     * @throws CliException naming the key and what was expected
     */
    static MonitorConfig read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw CliException.badInput(CliErrors.noFile("--config", file));
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw CliException.badInput("monitor.yml: not valid YAML: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw CliException.badInput("monitor.yml: expected a mapping of settings (name, every, source, ...)");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw bad(k, "unknown setting; expected one of " + KEYS.stream().sorted().toList());
            }
        }
        Path dir = file.toAbsolutePath().getParent();
        String name = optionalText(root, "name", "name", "a name").orElse("fairkit-monitor");
        Duration every = TimeArguments.duration("monitor.yml: every", text(root, "every", "every",
                "a period such as 15m, 1h or 1d"));
        if (every.isZero() || every.isNegative()) {
            throw bad("every", "got " + every + "; expected a positive period");
        }
        JsonNode source = required(root, "source", "source", "a mapping with glob, label and prediction");
        String glob = text(source, "glob", "source.glob", "a file pattern such as incoming/*.csv");
        String label = text(source, "label", "source.label", "the label column");
        String prediction = text(source, "prediction", "source.prediction", "the prediction column");
        Optional<String> score = optionalText(source, "score", "source.score", "the score column");
        List<List<String>> groupings = new ArrayList<>();
        JsonNode gs = required(root, "groupings", "groupings", "a list of groupings, e.g. [[race], [race, sex]]");
        if (!gs.isArray() || gs.isEmpty()) {
            throw bad("groupings", "got " + gs + "; expected a list of groupings, e.g. [[race], [race, sex]]");
        }
        for (JsonNode g : gs) {
            groupings.add(g.isArray() ? strings(g, "groupings") : List.of(g.asText().strip()));
        }
        List<GroupMetric> metrics = new ArrayList<>();
        if (root.has("metrics")) {
            for (String id : strings(root.get("metrics"), "metrics")) {
                try {
                    metrics.add(Metrics.byId(id));
                } catch (IllegalArgumentException e) {
                    throw bad("metrics", e.getMessage());
                }
            }
        } else {
            metrics.add(Metrics.SELECTION_RATE);
            metrics.add(Metrics.TRUE_POSITIVE_RATE);
            metrics.add(Metrics.FALSE_POSITIVE_RATE);
        }
        List<FairnessMetric> fairness = new ArrayList<>();
        for (String id : strings(required(root, "fairness_metrics", "fairness_metrics",
                "a list such as [demographic_parity_ratio]"), "fairness_metrics")) {
            try {
                fairness.add(FairnessMetric.byId(id));
            } catch (IllegalArgumentException e) {
                throw bad("fairness_metrics", e.getMessage());
            }
        }
        int minGroupSize = integer(root, "min_group_size", "min_group_size", 1, Integer.MAX_VALUE, 30);
        List<Check> checks = new ArrayList<>();
        if (root.has("checks")) {
            JsonNode cs = root.get("checks");
            if (!cs.isArray()) {
                throw bad("checks", "got " + cs + "; expected a list of {metric, below|above: {warning, critical}}");
            }
            for (int i = 0; i < cs.size(); i++) {
                String at = "checks[" + i + "]";
                JsonNode c = cs.get(i);
                FairnessMetric m;
                try {
                    m = FairnessMetric.byId(text(c, "metric", at + ".metric", "a named fairness metric id"));
                } catch (IllegalArgumentException e) {
                    throw bad(at + ".metric", e.getMessage());
                }
                boolean below = c.has("below");
                if (below == c.has("above")) {
                    throw bad(at, "expected exactly one of below (for ratios) or above (for differences)");
                }
                JsonNode t = c.get(below ? "below" : "above");
                String tk = at + "." + (below ? "below" : "above");
                double warning = number(t, "warning", tk + ".warning");
                double critical = number(t, "critical", tk + ".critical");
                if (below ? critical > warning : !(0 <= warning && warning <= critical)) {
                    throw bad(tk, below ? "critical " + critical + " is above warning " + warning
                            + "; expected critical <= warning" : "expected 0 <= warning <= critical, got warning "
                            + warning + " and critical " + critical);
                }
                if (!fairness.contains(m)) {
                    throw bad(at + ".metric", "'" + m.id() + "' is not in fairness_metrics " + fairness.stream()
                            .map(FairnessMetric::id).toList() + "; add it there");
                }
                checks.add(new Check(m, below, warning, critical));
            }
        }
        Deduplication dedup = Deduplication.untilCleared();
        if (root.has("deduplication")) {
            JsonNode d = root.get("deduplication");
            if (d.isIntegralNumber() && d.asInt() >= 1) {
                dedup = Deduplication.withinWindows(d.asInt());
            } else if (!d.asText().equals("until_cleared")) {
                throw bad("deduplication", "got " + d + "; expected until_cleared or a number of windows >= 1");
            }
        }
        Optional<String> modelVersion = optionalText(root, "model_version", "model_version", "a version label");
        String history = optionalText(root, "history", "history", "a file or a jdbc: URL").orElse(
                "fairkit-history.db");
        if (!history.startsWith("jdbc:")) {
            history = dir.resolve(history).toString();
        }
        Optional<Prometheus> prometheus = Optional.empty();
        if (root.has("prometheus")) {
            JsonNode p = root.get("prometheus");
            prometheus = Optional.of(new Prometheus(optionalText(p, "host", "prometheus.host", "an address")
                    .orElse("127.0.0.1"), integer(p, "port", "prometheus.port", 0, 65535, 9464),
                    integer(p, "max_groups", "prometheus.max_groups", 1, 10_000, 50)));
        }
        List<Webhook> webhooks = new ArrayList<>();
        if (root.has("webhooks")) {
            JsonNode ws = root.get("webhooks");
            if (!ws.isArray()) {
                throw bad("webhooks", "got " + ws + "; expected a list of {url, format, timeout, max_attempts}");
            }
            for (int i = 0; i < ws.size(); i++) {
                String at = "webhooks[" + i + "]";
                JsonNode w = ws.get(i);
                URI url;
                try {
                    url = URI.create(text(w, "url", at + ".url", "an http or https URL"));
                } catch (IllegalArgumentException e) {
                    throw bad(at + ".url", "not a URL; expected an http or https URL");
                }
                WebhookFormat format;
                try {
                    format = WebhookFormat.byId(optionalText(w, "format", at + ".format", "generic or slack")
                            .orElse("generic"));
                } catch (IllegalArgumentException e) {
                    throw bad(at + ".format", e.getMessage());
                }
                Duration timeout = TimeArguments.duration("monitor.yml: " + at + ".timeout",
                        optionalText(w, "timeout", at + ".timeout", "a duration such as 10s").orElse("10s"));
                webhooks.add(new Webhook(url, format, timeout, integer(w, "max_attempts", at + ".max_attempts", 1,
                        100, 5)));
            }
        }
        Path deadLetters = dir.resolve(optionalText(root, "dead_letters", "dead_letters", "a file")
                .orElse(name.replaceAll("[^A-Za-z0-9_.-]", "_").toLowerCase(Locale.ROOT) + "-dead-letters.jsonl"));
        return new MonitorConfig(name, every, dir, glob, label, prediction, score, groupings, metrics, fairness,
                minGroupSize, checks, dedup, modelVersion, history, prometheus, webhooks, deadLetters);
    }
}
