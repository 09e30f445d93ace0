package org.fairkit.orchestration.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.group.GroupKey;

/**
 * The stable JSON shape of a {@link FairnessReport}: the Detailed Report of an audit run and the CLI's
 * {@code --format json}. Version {@value #SCHEMA}; a field is only ever added, never renamed or re-typed, within a
 * version.
 *
 * <pre>
 * {
 *   "schema": "fairkit.report/1",
 *   "grouping": ["race"],                       // the sensitive features, in order
 *   "reference": ["Caucasian"] | null,          // the reference group's levels
 *   "metrics": ["count", "selection_rate", ...],// requested group metrics, by catalog id
 *   "score_metrics": ["roc_auc", ...],          // only when score metrics were requested
 *   "groups": [ { "label": "African-American", "levels": {"race": "African-American"}, "count": 3175,
 *                 "small": false,
 *                 "metrics": { "selection_rate": VALUE, ... },
 *                 "cells": { "tn": 1200, "fp": 400, "fn": 500, "tp": 1075 },   // confusion row counts
 *                 "cell_weights": { "tn": .., "fp": .., "fn": .., "tp": .. } } ],  // only for weighted data
 *   "overall": { "count": 6172, "metrics": { "selection_rate": VALUE, ... }, "cells": {..}, "cell_weights": {..} },
 *   "aggregates": { "selection_rate": { "difference": DISPARITY, "ratio": DISPARITY,
 *                                       "difference_to_overall": DISPARITY, "ratio_to_overall": DISPARITY } },
 *   "to_reference": { "selection_rate": [ { "group": "African-American", "difference": VALUE, "ratio": VALUE } ] },
 *   "fairness_metrics": { "demographic_parity_difference": DISPARITY, ... },
 *   "warnings": [ { "kind": "SMALL_GROUP", "message": "..." } ],
 *   "provenance": { "library_version": "...", "configuration": { ... }, "rows": 6172,
 *                   "input_sha256": "...", "evaluated_at": "2024-01-01T00:00:00Z",
 *                   "input_file_sha256": "..." }       // only when the input was read from a file
 * }
 * VALUE     = { "value": 0.57 } | { "value": null, "undefined": "no positives (TP + FN = 0)" },
 *             plus "interval": INTERVAL when one was estimated
 * INTERVAL  = { "lower": .., "upper": .., "level": 0.95, "method": "...", "draws": 2000, "undefined_draws": 0 }
 *             plus "note": "..." when the interval needs one (a closed form replacing a degenerate bootstrap and
 *             why; a simultaneous family; an end fixed by the quantity's nature)
 * DISPARITY = VALUE plus "groups": [labels producing the value], "excluded": [ { "group": label, "reason": ".." } ];
 *             a fairness metric against a reference group also has "by_group": [DISPARITY per other group], the
 *             family its value is the worst of, each with its simultaneous interval
 * </pre>
 *
 * <p>Score metrics ({@code roc_auc}, {@code brier_score}, ...), when the report has them, are listed in
 * {@code score_metrics} and appear beside the group metrics, by their catalog ids, in every group's and the
 * overall {@code metrics}, in {@code aggregates} and in {@code to_reference}; they never carry intervals. Without
 * them the document has no {@code score_metrics} member, so it is unchanged.
 *
 * <p>Every value type is written by {@link FairKitJsonModule}, which the CLI's documents use too. A document reads
 * back with {@link #read(String)} into a {@link StoredReport}, which writes back byte for byte ({@link #write(
 * StoredReport)}); the per-group {@code cells} (added within version 1; documents written before have none) are the
 * sufficient statistics from which a comparison recomputes intervals.
 *
 * <p>Numbers are JSON doubles as Java prints them (shortest repr that round-trips); the non-finite values a defined
 * value may take (an infinite ratio) are the strings {@code "Infinity"} and {@code "-Infinity"}. {@code to_reference}
 * is present only with a reference group, and omits {@code count}. Group labels are {@link GroupKey#label()}
 * (levels joined by {@code " & "}); {@code levels} names each feature's level.
 */
public final class ReportJson {
    /** The schema id written into every document. */
    public static final String SCHEMA = "fairkit.report/1";

    private static final ObjectMapper MAPPER = FairKitJsonModule.newMapper();
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"));

    private ReportJson() {
    }

    /** @return the report as a JSON tree */
    public static ObjectNode toTree(FairnessReport report) {
        return MAPPER.valueToTree(report);
    }

    /**
     * @return any value {@link FairKitJsonModule} writes ({@link EstimatedValue}, {@code Interval}, {@code Disparity},
     *     ...) as a JSON tree, to embed in another document
     */
    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** @return the report as indented JSON text (two spaces, {@code "key": value}, {@code \n} line ends) */
    public static String toJson(FairnessReport report) {
        try {
            return MAPPER.writer(PRINTER).writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses a {@code fairkit.report/1} document.
     *
     * @throws IllegalArgumentException if the text is not such a document, naming the member that is wrong
     */
    public static StoredReport read(String json) {
        return StoredReport.parse(json);
    }

    /** @return the document of a report read back, byte for byte what {@link #toJson} wrote for the original */
    public static String write(StoredReport report) {
        return write(report.toTree());
    }

    /** Writes any tree of this module's outputs with the same formatting as {@link #toJson}. */
    public static String write(JsonNode tree) {
        try {
            return MAPPER.writer(PRINTER).writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
