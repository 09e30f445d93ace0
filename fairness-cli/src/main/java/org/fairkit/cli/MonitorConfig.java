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
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.fairkit.core.Task;
import org.fairkit.core.TaskReport;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.regression.RegressionFairnessMetric;
import org.fairkit.core.regression.RegressionMetric;
import org.fairkit.core.regression.RegressionMetrics;
import org.fairkit.orchestration.alerting.WebhookFormat;
import org.fairkit.orchestration.monitor.Deduplication;

/**
 * The settings of {@code fairkit monitor}, read from {@code monitor.yml} (documented in the CLI README). Relative
 * paths are resolved against the file's directory. Every error names the key and what was expected, e.g.
 * {@code monitor.yml: source.glob: missing; expected a file pattern such as incoming/*.csv}.
 *
 * <p>{@code task} (default {@code binary}) says what the files hold, and which {@code source} columns name it, with
 * the names {@code fairkit audit --task} uses for its flags: {@code label}, {@code prediction} (and {@code score})
 * for binary; {@code target}, {@code prediction} for regression; {@code query}, {@code rank} or {@code score}, and
 * {@code relevance} for ranking (one ranking per query value); {@code label}, {@code prediction} for multiclass.
 * {@code metrics} and {@code fairness_metrics} take the task's ids (regression metric ids for regression; none for
 * ranking, whose windows report exposure); a check's {@code metric} is a named fairness metric for binary, and any
 * id the task's report answers for the other tasks ({@code bounded_group_loss_absolute},
 * {@code mean_absolute_error.difference}, {@code exposure_ratio}, {@code macro_true_positive_rate.difference}).
 */
record MonitorConfig(String name, Duration every, Path directory, String glob, Task task, Columns columns,
        List<List<String>> groupings, List<GroupMetric> metrics, List<FairnessMetric> fairnessMetrics,
        List<RegressionMetric> regressionMetrics, List<RegressionFairnessMetric> regressionFairnessMetrics,
        int minGroupSize, List<Check> checks, Deduplication deduplication,
        Optional<String> modelVersion, String history, Optional<Prometheus> prometheus, List<Webhook> webhooks,
        Path deadLetters) {

    /**
     * A threshold check: below (ratios) or above (absolute differences) of a disparity id; for a binary monitor the
     * id is a named fairness metric's, given as {@code metric} too.
     */
    record Check(String id, Optional<FairnessMetric> metric, boolean below, double warning, double critical) {
    }

    /** The source columns (those of the task; the others empty). */
    record Columns(Optional<String> label, Optional<String> prediction, Optional<String> score,
            Optional<String> target, Optional<String> query, Optional<String> rank, Optional<String> relevance) {
    }

    /** @return the label column (binary, multiclass) */
    String label() {
        return columns.label().orElseThrow();
    }

    /** @return the prediction column (binary, regression, multiclass) */
    String prediction() {
        return columns.prediction().orElseThrow();
    }

    /** @return the score column, if any (binary: for drift; ranking: the ranking's scores) */
    Optional<String> score() {
        return columns.score();
    }

    /** Where the scrape endpoint listens and how many groups get series. */
    record Prometheus(String host, int port, int maxGroups) {
    }

    /** One webhook target. */
    record Webhook(URI url, WebhookFormat format, Duration timeout, int maxAttempts) {
    }

    private static final Set<String> KEYS = Set.of("name", "every", "task", "source", "groupings", "metrics",
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
        Task task = Task.BINARY;
        if (root.has("task")) {
            try {
                task = Task.byId(text(root, "task", "task", "binary, regression, ranking or multiclass"));
            } catch (IllegalArgumentException e) {
                throw bad("task", e.getMessage());
            }
        }
        JsonNode source = required(root, "source", "source", switch (task) {
            case BINARY, MULTICLASS -> "a mapping with glob, label and prediction";
            case REGRESSION -> "a mapping with glob, target and prediction";
            case RANKING -> "a mapping with glob, query and rank or score";
        });
        String glob = text(source, "glob", "source.glob", "a file pattern such as incoming/*.csv");
        Columns columns = columns(task, source);
        List<List<String>> groupings = new ArrayList<>();
        JsonNode gs = required(root, "groupings", "groupings", "a list of groupings, e.g. [[race], [race, sex]]");
        if (!gs.isArray() || gs.isEmpty()) {
            throw bad("groupings", "got " + gs + "; expected a list of groupings, e.g. [[race], [race, sex]]");
        }
        for (JsonNode g : gs) {
            groupings.add(g.isArray() ? strings(g, "groupings") : List.of(g.asText().strip()));
        }
        List<GroupMetric> metrics = new ArrayList<>();
        List<RegressionMetric> regressionMetrics = new ArrayList<>();
        List<RegressionFairnessMetric> regressionFairness = new ArrayList<>();
        List<FairnessMetric> fairness = new ArrayList<>();
        if (task == Task.RANKING) {
            for (String k : List.of("metrics", "fairness_metrics")) {
                if (root.has(k)) {
                    throw bad(k, "a ranking monitor reports exposure (exposure, exposure_per_relevance, "
                            + "click_through_per_relevance and their disparities); remove " + k);
                }
            }
        } else if (task == Task.REGRESSION) {
            if (root.has("metrics")) {
                for (String id : strings(root.get("metrics"), "metrics")) {
                    try {
                        regressionMetrics.add(RegressionMetrics.byId(id));
                    } catch (IllegalArgumentException e) {
                        throw bad("metrics", e.getMessage());
                    }
                }
            } else {
                regressionMetrics.addAll(RegressionMetrics.defaults());
            }
            if (root.has("fairness_metrics")) {
                for (String id : strings(root.get("fairness_metrics"), "fairness_metrics")) {
                    try {
                        regressionFairness.add(RegressionFairnessMetric.byId(id));
                    } catch (IllegalArgumentException e) {
                        throw bad("fairness_metrics", e.getMessage());
                    }
                }
            } else {
                regressionFairness.addAll(List.of(RegressionFairnessMetric.values()));
            }
        } else {
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
            if (task == Task.BINARY || root.has("fairness_metrics")) {
                for (String id : strings(required(root, "fairness_metrics", "fairness_metrics",
                        "a list such as [demographic_parity_ratio]"), "fairness_metrics")) {
                    try {
                        fairness.add(FairnessMetric.byId(id));
                    } catch (IllegalArgumentException e) {
                        throw bad("fairness_metrics", e.getMessage());
                    }
                }
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
                Optional<FairnessMetric> m = Optional.empty();
                String id;
                if (task == Task.BINARY) {
                    try {
                        m = Optional.of(FairnessMetric.byId(text(c, "metric", at + ".metric",
                                "a named fairness metric id")));
                    } catch (IllegalArgumentException e) {
                        throw bad(at + ".metric", e.getMessage());
                    }
                    id = m.get().id();
                } else {
                    id = text(c, "metric", at + ".metric", "a disparity id of the " + task.id() + " report, e.g. "
                            + EXAMPLE_IDS.get(task));
                    checkId(task, id, regressionMetrics, at + ".metric");
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
                if (m.isPresent() && !fairness.contains(m.get())) {
                    throw bad(at + ".metric", "'" + m.get().id() + "' is not in fairness_metrics " + fairness.stream()
                            .map(FairnessMetric::id).toList() + "; add it there");
                }
                checks.add(new Check(id, m, below, warning, critical));
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
        return new MonitorConfig(name, every, dir, glob, task, columns, groupings, metrics, fairness,
                regressionMetrics, regressionFairness, minGroupSize, checks, dedup, modelVersion, history, prometheus,
                webhooks, deadLetters);
    }

    private static final Map<Task, String> EXAMPLE_IDS = Map.of(Task.BINARY, "demographic_parity_ratio",
            Task.REGRESSION, "bounded_group_loss_absolute or mean_absolute_error.difference", Task.RANKING,
            "exposure_ratio or exposure.difference", Task.MULTICLASS, "macro_true_positive_rate.difference or "
                    + "equal_opportunity_difference@<class>");

    /** The source columns of each task, with the names of {@code fairkit audit --task}'s flags. */
    private static final Map<Task, List<String>> SOURCE_KEYS = Map.of(
            Task.BINARY, List.of("glob", "label", "prediction", "score"),
            Task.REGRESSION, List.of("glob", "target", "prediction"),
            Task.RANKING, List.of("glob", "query", "rank", "score", "relevance"),
            Task.MULTICLASS, List.of("glob", "label", "prediction"));

    private static Columns columns(Task task, JsonNode source) {
        for (Iterator<String> it = source.fieldNames(); it.hasNext();) {
            String k = it.next();
            boolean otherTasks = SOURCE_KEYS.values().stream().anyMatch(l -> l.contains(k));
            if (otherTasks && !SOURCE_KEYS.get(task).contains(k)) {
                throw bad("source." + k, "not a column of a " + task.id() + " monitor; expected "
                        + SOURCE_KEYS.get(task));
            }
        }
        Optional<String> none = Optional.empty();
        return switch (task) {
            case BINARY -> new Columns(Optional.of(text(source, "label", "source.label", "the label column")),
                    Optional.of(text(source, "prediction", "source.prediction", "the prediction column")),
                    optionalText(source, "score", "source.score", "the score column"), none, none, none, none);
            case MULTICLASS -> new Columns(Optional.of(text(source, "label", "source.label",
                    "the label column (true classes)")), Optional.of(text(source, "prediction",
                            "source.prediction", "the prediction column (predicted classes)")), none, none, none,
                    none, none);
            case REGRESSION -> new Columns(none, Optional.of(text(source, "prediction", "source.prediction",
                    "the prediction column (predicted values)")), none, Optional.of(text(source, "target",
                            "source.target", "the target column (true values)")), none, none, none);
            case RANKING -> {
                String query = text(source, "query", "source.query", "the query column (one ranking per value)");
                Optional<String> rank = optionalText(source, "rank", "source.rank", "the rank column");
                Optional<String> score = optionalText(source, "score", "source.score", "the score column");
                if (rank.isPresent() == score.isPresent()) {
                    throw bad("source", "expected exactly one of rank (positions, 1 = top) or score (a higher score "
                            + "ranks higher)");
                }
                yield new Columns(none, none, score, none, Optional.of(query), rank, optionalText(source,
                        "relevance", "source.relevance", "the relevance column"));
            }
        };
    }

    /** Checks what can be checked of a disparity id before any window: its form and the task's metric ids. */
    private static void checkId(Task task, String id, List<RegressionMetric> regressionMetrics, String at) {
        String metric = id;
        for (TaskReport.Aggregation a : TaskReport.Aggregation.values()) {
            if (id.endsWith("." + a.id())) {
                metric = id.substring(0, id.length() - a.id().length() - 1);
            }
        }
        boolean aggregate = !metric.equals(id);
        boolean known = switch (task) {
            case REGRESSION -> aggregate ? regressionMetrics.stream().anyMatch(m -> sameMetric(m, id.substring(0,
                    id.lastIndexOf('.')))) : isRegressionFairness(id);
            case RANKING -> aggregate ? RANKING_METRICS.contains(metric) : RANKING_DISPARITIES.contains(id);
            default -> true; // multiclass ids name classes, known only once the data is read
        };
        if (!known) {
            throw bad(at, "'" + id + "' is not reported by a " + task.id() + " monitor; expected "
                    + (task == Task.REGRESSION ? "a regression fairness metric id or <metric>.<difference|ratio|"
                            + "difference_to_overall|ratio_to_overall> of a metric in metrics " + regressionMetrics
                                    .stream().map(RegressionMetric::id).toList()
                            : "one of " + RANKING_DISPARITIES + " or <metric>.<difference|ratio|...> of "
                                    + RANKING_METRICS));
        }
    }

    private static final List<String> RANKING_METRICS = List.of("exposure", "exposure_per_relevance",
            "click_through_per_relevance");
    private static final List<String> RANKING_DISPARITIES = List.of("exposure_difference", "exposure_ratio",
            "disparate_treatment_ratio", "disparate_impact_ratio");

    private static boolean sameMetric(RegressionMetric m, String id) {
        try {
            return RegressionMetrics.byId(id) == m;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isRegressionFairness(String id) {
        try {
            RegressionFairnessMetric.byId(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
