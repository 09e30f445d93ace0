package org.fairkit.orchestration.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.fairkit.core.Severity;

/** Reads and writes policies as YAML through a typed document model. */
final class PolicyYaml {
    static final ObjectMapper MAPPER = new ObjectMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private PolicyYaml() {
    }

    /** The keys of a rule written as a mapping, in the order {@link #write} writes them. */
    static final List<String> RULE_KEYS = List.of("rule", "name", "evidence", "severity", "reference_shares");

    /**
     * One rule: a text, or an object with the text and options. {@code reference_shares} (a mapping of group label to
     * share, normalised to sum 1) belongs to a {@code representation_ratio} rule: each group's share of the rows is
     * compared with its reference share ({@link DataMeasure}).
     */
    record RuleDocument(String rule, String name, String evidence, String severity,
            Map<String, Double> referenceShares) {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static RuleDocument text(String rule) {
            return new RuleDocument(rule, null, null, null, null);
        }

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        static RuleDocument object(@JsonProperty(value = "rule", required = true) String rule,
                @JsonProperty("name") String name, @JsonProperty("evidence") String evidence,
                @JsonProperty("severity") String severity,
                @JsonProperty("reference_shares") Map<String, Double> referenceShares) {
            return new RuleDocument(rule, name, evidence, severity, referenceShares);
        }

        PolicyRule toRule() {
            PolicyRule r = PolicyRule.parse(rule);
            if (referenceShares != null) {
                if (!(r.measure() instanceof DataMeasure d) || d.kind() != DataMeasure.Kind.REPRESENTATION_RATIO) {
                    throw new IllegalArgumentException(PolicyErrors.sharesWithoutRepresentation(r.expression()));
                }
                r = new PolicyRule(null, DataMeasure.representationRatio(referenceShares), r.threshold(),
                        r.grouping(), r.evidence(), r.severity());
            }
            if (name != null) {
                r = r.named(name);
            }
            if (evidence != null) {
                r = r.withEvidence(EvidenceMode.byId(evidence));
            }
            if (severity != null) {
                r = r.withSeverity(PolicyRule.severityById(severity));
            }
            return r;
        }
    }

    private static final List<String> KEYS = List.of("policy", "description", "evidence", "rules");

    /**
     * Reads the document key by key, so that every error names where it is: Jackson's location for structural
     * errors, the start of the rule or value for the errors of FairKit's own parsers.
     */
    static Policy parse(String yaml) {
        if (yaml == null || yaml.isBlank()) {
            throw new IllegalArgumentException(PolicyErrors.yaml("", "the document is empty"));
        }
        refuseAliasesAndDuplicates(yaml);
        String name = null;
        String description = null;
        EvidenceMode evidence = EvidenceMode.POINT;
        List<PolicyRule> rules = null;
        try (JsonParser p = MAPPER.createParser(yaml)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException(PolicyErrors.yaml(where(p.currentTokenLocation()),
                        "expected a mapping with the keys " + KEYS));
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonLocation keyAt = p.currentTokenLocation();
                JsonToken value = p.nextToken();
                JsonLocation valueAt = p.currentTokenLocation();
                switch (key) {
                    case "policy":
                        name = scalar(p, value, key);
                        break;
                    case "description":
                        description = scalar(p, value, key);
                        break;
                    case "evidence":
                        String mode = scalar(p, value, key);
                        evidence = at(valueAt, () -> EvidenceMode.byId(mode));
                        break;
                    case "rules":
                        rules = rules(p, value);
                        break;
                    default:
                        throw new IllegalArgumentException(PolicyErrors.yaml(where(keyAt), "unknown key '" + key
                                + "'; valid keys: " + String.join(", ", KEYS)));
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(PolicyErrors.yaml(where(e.getLocation()), e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rules == null) {
            throw new IllegalArgumentException(PolicyErrors.yaml("", "the key 'rules' is missing"));
        }
        if (name == null) {
            throw new IllegalArgumentException(PolicyErrors.yaml("", "the key 'policy' (the policy's name) is "
                    + "missing"));
        }
        return new Policy(name, description, evidence, rules);
    }

    /**
     * One pass over every token before the policy is read: a key repeated in a mapping (the last one would silently
     * win, e.g. a second {@code rules:} relaxing the first), YAML anchors and aliases (Jackson reads an alias as its
     * anchor's name, not its value) and type tags ({@code !!java.lang.Object}) are refused, naming the line and
     * column.
     */
    private static void refuseAliasesAndDuplicates(String yaml) {
        try (JsonParser p = MAPPER.createParser(yaml)) {
            while (p.nextToken() != null) {
                if (p instanceof YAMLParser y && y.getTypeId() != null) {
                    throw new IllegalArgumentException(PolicyErrors.yaml(where(p.currentTokenLocation()),
                            "a type tag (" + y.getTypeId() + "): type tags are not allowed in a policy"));
                }
                if (p instanceof YAMLParser y && (y.isCurrentAlias() || y.getObjectId() != null)) {
                    String what = y.isCurrentAlias() ? "an alias (*" + p.getText() + ")"
                            : "an anchor (&" + y.getObjectId() + ")";
                    throw new IllegalArgumentException(PolicyErrors.yaml(where(p.currentTokenLocation()), what
                            + ": anchors and aliases are not allowed in a policy; write each value out"));
                }
            }
        } catch (StreamReadException e) {
            String message = e.getOriginalMessage();
            if (message != null && message.startsWith("Duplicate field '")) {
                String key = message.substring("Duplicate field '".length(), message.lastIndexOf('\''));
                throw new IllegalArgumentException(PolicyErrors.yaml(where(e.getLocation()), "the key '" + key
                        + "' appears twice in the same mapping; give each key once"), e);
            }
            throw new IllegalArgumentException(PolicyErrors.yaml(where(e.getLocation()), message), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String scalar(JsonParser p, JsonToken token, String key) throws IOException {
        if (!token.isScalarValue() || token == JsonToken.VALUE_NULL) {
            throw new IllegalArgumentException(PolicyErrors.yaml(where(p.currentTokenLocation()), "'" + key
                    + "' must be text"));
        }
        return p.getValueAsString();
    }

    private static List<PolicyRule> rules(JsonParser p, JsonToken token) throws IOException {
        if (token != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException(PolicyErrors.yaml(where(p.currentTokenLocation()),
                    "'rules' must be a list"));
        }
        List<PolicyRule> rules = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonLocation at = p.currentTokenLocation();
            RuleDocument doc;
            try {
                doc = MAPPER.readValue(p, RuleDocument.class);
            } catch (UnrecognizedPropertyException e) {
                throw new IllegalArgumentException(PolicyErrors.yaml(where(at), "unknown key '" + e.getPropertyName()
                        + "' in a rule; valid keys: " + String.join(", ", RULE_KEYS)), e);
            } catch (MismatchedInputException e) {
                if (e.getPath().stream().anyMatch(ref -> "reference_shares".equals(ref.getFieldName()))) {
                    throw new IllegalArgumentException(PolicyErrors.yaml(where(e.getLocation()), "reference_shares "
                            + "must map group labels to numbers (e.g. reference_shares: {Group A: 0.6, Group B: 0.4})"),
                            e);
                }
                throw new IllegalArgumentException(PolicyErrors.yaml(where(at), "a rule is either text or a mapping "
                        + "with the key 'rule' (and optionally name, evidence, severity)"), e);
            }
            if (doc == null || doc.rule() == null) {
                throw new IllegalArgumentException(PolicyErrors.yaml(where(at), "the rule is empty"));
            }
            rules.add(at(at, doc::toRule));
        }
        return rules;
    }

    /** Runs a FairKit parser, prefixing its error with the YAML location. */
    private static <T> T at(JsonLocation location, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PolicyErrors.yaml(where(location), e.getMessage()), e);
        }
    }

    private static String where(JsonLocation at) {
        return at == null || at.getLineNr() < 1 ? "" : ", line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    static String write(Policy p) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("policy", p.name());
        if (!p.description().isEmpty()) {
            doc.put("description", p.description());
        }
        doc.put("evidence", p.evidence().id());
        List<Map<String, Object>> rules = new ArrayList<>();
        for (PolicyRule r : p.rules()) {
            Map<String, Object> m = new LinkedHashMap<>();
            if (!r.name().equals(r.expression())) {
                m.put("name", r.name());
            }
            m.put("rule", r.expression());
            r.evidence().ifPresent(e -> m.put("evidence", e.id()));
            m.put("severity", r.severityId());
            if (r.measure() instanceof DataMeasure d && !d.referenceShares().isEmpty()) {
                m.put("reference_shares", new LinkedHashMap<>(d.referenceShares()));
            }
            rules.add(m);
        }
        doc.put("rules", rules);
        return writeTree(doc);
    }

    static String writeTree(Object tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings, numbers and lists always serializes", e);
        }
    }
}
