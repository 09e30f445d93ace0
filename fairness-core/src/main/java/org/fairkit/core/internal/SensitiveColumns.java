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
        // Encoded now, in one pass over the caller's array, instead of copying it for build(): the codes are the
        // copy. A null level's error is kept and thrown by build(), after the checks that come before it there.
        SensitiveFeature feature;
        try {
            feature = SensitiveFeature.of(name, values);
        } catch (IllegalArgumentException e) {
            columns.put(name, new Failed(values.length, e));
            return;
        }
        columns.put(name, feature);
    }

    /** A string column whose encoding failed in {@link #add(String, String[])}: its length and the error. */
    private static final class Failed {
        final int length;
        final IllegalArgumentException error;

        Failed(int length, IllegalArgumentException error) {
            this.length = length;
            this.error = error;
        }
    }

    private static int length(Object column) {
        if (column instanceof int[]) {
            return ((int[]) column).length;
        }
        return column instanceof Failed ? ((Failed) column).length : ((SensitiveFeature) column).rows();
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
            int length = length(e.getValue());
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
            Object column = e.getValue();
            if (column instanceof Failed) {
                throw ((Failed) column).error;
            }
            features.put(name, column instanceof int[]
                    ? SensitiveFeature.ofCodes(name, (int[]) column, levels.get(name))
                    : (SensitiveFeature) column);
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
