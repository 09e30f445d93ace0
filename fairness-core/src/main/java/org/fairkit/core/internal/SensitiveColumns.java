package org.fairkit.core.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fairkit.core.group.SensitiveFeature;

/**
 * The sensitive columns an input builder collects before {@code build()}: each either one string level per row or
 * int codes into a list of levels, under a unique non-blank name that is none of the builder's other columns.
 * Mutable, like the builders that own it; {@link #build(String, int)} validates and freezes the columns into
 * {@link SensitiveFeatures}.
 */
public final class SensitiveColumns {
    private final List<String> reserved;
    private final Map<String, Object> columns = new LinkedHashMap<>();
    private final Map<String, String[]> levels = new LinkedHashMap<>();

    /** @param reservedNames the builder's other columns, which a sensitive feature may not be named after */
    public SensitiveColumns(String... reservedNames) {
        this.reserved = List.of(reservedNames);
    }

    /**
     * Adds a feature given as one non-null level per row (checked in {@link #build(String, int)}); copies it.
     *
     * @throws IllegalArgumentException if the name is blank, taken, or another column's
     */
    public void add(String name, String[] values) {
        requireNew(name);
        columns.put(name, values.clone());
    }

    /**
     * Adds a feature given as int codes into {@code levelNames}; copies both.
     *
     * @throws IllegalArgumentException if the name is blank, taken, or another column's
     */
    public void add(String name, int[] codes, String[] levelNames) {
        requireNew(name);
        columns.put(name, codes.clone());
        levels.put(name, levelNames.clone());
    }

    /** @return whether no feature was added */
    public boolean isEmpty() {
        return columns.isEmpty();
    }

    /**
     * Checks that at least one feature was added.
     *
     * @throws IllegalArgumentException saying how to add one
     */
    public void requirePresent() {
        if (columns.isEmpty()) {
            throw InputErrors.missing("sensitive", "sensitive(name, levels)");
        }
    }

    /**
     * Checks that every feature has {@code rows} values.
     *
     * @param firstColumn the column that sets the row count, named in the message
     * @throws IllegalArgumentException naming the first feature of another length
     */
    public void requireRows(String firstColumn, int rows) {
        for (Map.Entry<String, Object> e : columns.entrySet()) {
            int length = e.getValue() instanceof int[] ? ((int[]) e.getValue()).length
                    : ((String[]) e.getValue()).length;
            if (length != rows) {
                throw InputErrors.lengthMismatch(e.getKey(), length, firstColumn, rows);
            }
        }
    }

    /**
     * Validates every feature (present, {@code rows} values each, levels and codes valid) and freezes them.
     *
     * @throws IllegalArgumentException naming the feature and the first bad row
     */
    public SensitiveFeatures build(String firstColumn, int rows) {
        requirePresent();
        requireRows(firstColumn, rows);
        Map<String, SensitiveFeature> features = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : columns.entrySet()) {
            String name = e.getKey();
            features.put(name, e.getValue() instanceof int[]
                    ? SensitiveFeature.ofCodes(name, (int[]) e.getValue(), levels.get(name))
                    : SensitiveFeature.of(name, (String[]) e.getValue()));
        }
        return new SensitiveFeatures(features);
    }

    private void requireNew(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a sensitive feature needs a non-blank name, got '" + name + "'");
        }
        if (columns.containsKey(name) || reserved.contains(name)) {
            throw InputErrors.setTwice(name);
        }
    }
}
