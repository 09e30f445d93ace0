package org.fairkit.orchestration.card;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.fairkit.orchestration.io.ReportJson;

/**
 * A model card's numbers as a flat file of MLflow metrics and tags ({@code fairkit.mlflow/1}):
 * <pre>
 * {"schema": "fairkit.mlflow/1",
 *  "metrics": {"fairness/race/demographic_parity_ratio": 0.74, ...},
 *  "tags": {"fairkit.schema": "fairkit.model-card/1", "model.name": "credit", ...}}
 * </pre>
 * so that a registry step logs it as it is ({@code mlflow.log_metrics(doc["metrics"])},
 * {@code mlflow.set_tags(doc["tags"])}).
 *
 * <p><b>MLflow's rules</b> (its {@code mlflow/utils/validation.py}): a metric, param or tag key holds only
 * alphanumerics, underscores, dashes, periods, spaces and slashes, is at most {@value #MAX_KEY_LENGTH} characters,
 * and must be a normalized relative path (no leading or trailing {@code /}, no {@code //}, no {@code .} or
 * {@code ..} segment), since keys may become file names; a tag value is at most {@value #MAX_TAG_VALUE_LENGTH}
 * characters (the limit of older servers; newer ones allow more); a metric value is a 64-bit double. {@link #key}
 * maps any text onto such a key: every other character becomes {@code _}, a {@code .} or {@code ..} segment becomes
 * {@code _}, and a key over the limit keeps its first 241 characters, {@code _} and the first 8 hex digits of its
 * SHA-256, so distinct long keys stay distinct. A key that collides with one already written gets a suffix
 * {@code _2}, {@code _3}, ....
 *
 * <p><b>Undefined is not a number.</b> MLflow would accept NaN, but a NaN metric reads as a value in its UI; an
 * undefined metric is left out of {@code metrics} and its reason is the tag {@code undefined/KEY}. A tag value over
 * the limit is cut and ends with {@code ... [truncated]}; the full text is in the model card JSON.
 *
 * <p>A {@code log_batch} request takes at most 1000 metrics and 100 tags: a logging step with more splits them.
 */
public final class MlflowExport {
    /** The schema id of the file. */
    public static final String SCHEMA = "fairkit.mlflow/1";
    /** MLflow's longest metric, param or tag key. */
    public static final int MAX_KEY_LENGTH = 250;
    /** The longest tag value accepted by every MLflow server version. */
    public static final int MAX_TAG_VALUE_LENGTH = 5000;

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_\\-. /]+");
    private static final String TRUNCATED = "... [truncated]";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, Double> metrics = new LinkedHashMap<>();
    private final Map<String, String> tags = new LinkedHashMap<>();

    MlflowExport() {
    }

    /**
     * Maps a path of free-text segments onto a valid MLflow key: segments are cleaned and joined by {@code /}.
     *
     * @param segments the key's parts, e.g. {@code "group", "race", "African-American", "selection_rate"}
     */
    public static String key(String... segments) {
        StringBuilder b = new StringBuilder();
        for (String s : segments) {
            String clean = Objects.requireNonNull(s, "segment").replaceAll("[^A-Za-z0-9_\\-. ]", "_");
            if (clean.isEmpty() || clean.equals(".") || clean.equals("..")) {
                clean = "_";
            }
            b.append(b.length() == 0 ? "" : "/").append(clean);
        }
        String k = b.toString();
        if (k.length() > MAX_KEY_LENGTH) {
            k = k.substring(0, MAX_KEY_LENGTH - 9) + "_" + sha256Hex(k).substring(0, 8);
        }
        return k;
    }

    /** @return whether {@code key} satisfies MLflow's rules for a metric, param or tag key */
    public static boolean isValidKey(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !VALID.matcher(key).matches()) {
            return false;
        }
        if (key.startsWith("/") || key.endsWith("/") || key.contains("//")) {
            return false;
        }
        for (String seg : key.split("/", -1)) {
            if (seg.equals(".") || seg.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String unique(String k, Map<String, ?> in) {
        if (!in.containsKey(k)) {
            return k;
        }
        for (int i = 2;; i++) {
            String suffix = "_" + i;
            String base = k.length() + suffix.length() > MAX_KEY_LENGTH ? k.substring(0, MAX_KEY_LENGTH
                    - suffix.length()) : k;
            if (!in.containsKey(base + suffix)) {
                return base + suffix;
            }
        }
    }

    /** Adds a metric; an undefined one (NaN) becomes an {@code undefined/KEY} tag with the reason. */
    void metric(String key, double value, String undefinedReason) {
        if (Double.isNaN(value)) {
            tag(key("undefined") + "/" + key, undefinedReason);
            return;
        }
        metrics.put(unique(key, metrics), value);
    }

    /** Adds a tag, cutting a value over the limit. */
    void tag(String key, String value) {
        String k = key.length() > MAX_KEY_LENGTH ? key(key) : key;
        String v = value.length() > MAX_TAG_VALUE_LENGTH
                ? value.substring(0, MAX_TAG_VALUE_LENGTH - TRUNCATED.length()) + TRUNCATED : value;
        tags.put(unique(k, tags), v);
    }

    /** @return the metrics, by key, in the order written */
    public Map<String, Double> metrics() {
        return Collections.unmodifiableMap(metrics);
    }

    /** @return the tags, by key, in the order written */
    public Map<String, String> tags() {
        return Collections.unmodifiableMap(tags);
    }

    /** @return the {@code fairkit.mlflow/1} document, indented, ending with a newline */
    public String toJson() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        ObjectNode m = root.putObject("metrics");
        metrics.forEach(m::put);
        ObjectNode t = root.putObject("tags");
        tags.forEach(t::put);
        return ReportJson.write(root);
    }
}
