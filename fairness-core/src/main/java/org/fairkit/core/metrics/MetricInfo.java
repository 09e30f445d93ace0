package org.fairkit.core.metrics;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a metric is, for people and for tools: the metadata every FairKit metric carries.
 *
 * @param id stable identifier used in JSON, YAML and the CLI (snake case)
 * @param name human-readable name
 * @param description what it measures and when to use it
 * @param formula the formula: over confusion cells TP, FP, TN, FN for confusion metrics, over rows (scores s, labels
 *     y, targets, predictions, weights w) for the others; weighted when the data is weighted
 * @param lowerBound smallest possible value
 * @param upperBound largest possible value ({@code Double.POSITIVE_INFINITY} when unbounded)
 * @param direction which values are better
 * @param family the kind of quantity
 * @param requires what the metric needs from the data
 * @param undefinedWhen when the value is undefined (zero denominators)
 * @param aliases other names it goes by
 * @param reference the paper, standard or definition it implements
 * @param matches which public toolkit's definition it equals, and where others differ
 * @param limitations caveats, including regulatory ones
 * @param version the version of this definition; bumped whenever a value could change
 */
public record MetricInfo(String id, String name, String description, String formula, double lowerBound,
        double upperBound, Direction direction, MetricFamily family, Set<Requirement> requires, String undefinedWhen,
        List<String> aliases, String reference, String matches, String limitations, int version) {

    /** Validates that every field is present. */
    public MetricInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(formula, "formula");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(undefinedWhen, "undefinedWhen");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(matches, "matches");
        Objects.requireNonNull(limitations, "limitations");
        requires = Set.copyOf(requires);
        aliases = List.copyOf(aliases);
        if (!id.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("metric id must be snake case, got '" + id + "'");
        }
        if (!(lowerBound <= upperBound)) {
            throw new IllegalArgumentException("lowerBound " + lowerBound + " > upperBound " + upperBound);
        }
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, got " + version);
        }
    }
}
