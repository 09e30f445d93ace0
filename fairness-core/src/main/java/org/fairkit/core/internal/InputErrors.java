package org.fairkit.core.internal;

/**
 * Every input-validation message of fairness-core, built in one place so that their wording is consistent
 * and tested. Each names the column, the first bad row (0-based) and what was expected.
 */
public final class InputErrors {
    private InputErrors() {
    }

    /** A value outside its domain: {@code column 'labels', row 17: got 2; expected 0 or 1}. */
    public static IllegalArgumentException badValue(String column, int row, Object value, String expected) {
        return new IllegalArgumentException(
                "column '" + column + "', row " + row + ": got " + value + "; expected " + expected);
    }

    /**
     * A bad entry of a feature's level list (for codes):
     * {@code column 'race' levels, index 2: got null; expected a non-null level name}.
     */
    public static IllegalArgumentException badLevel(String column, int index, Object value, String expected) {
        return new IllegalArgumentException(
                "column '" + column + "' levels, index " + index + ": got " + value + "; expected " + expected);
    }

    /** A level that appears twice in a feature's level list. */
    public static IllegalArgumentException duplicateLevel(String column, String level) {
        return new IllegalArgumentException("column '" + column + "': level '" + level
                + "' appears twice in the levels; expected distinct levels");
    }

    /** A column whose values are each valid but whose total is not: {@code column 'weights': total Infinity; ...}. */
    public static IllegalArgumentException badTotal(String column, double total, String expected) {
        return new IllegalArgumentException("column '" + column + "': total " + total + "; expected " + expected);
    }

    /** A column whose length differs from the first column's. */
    public static IllegalArgumentException lengthMismatch(String column, int length, String firstColumn, int rows) {
        return new IllegalArgumentException("column '" + column + "' has " + length + " rows; expected " + rows
                + " (the length of '" + firstColumn + "')");
    }

    /** A required column that was never set. */
    public static IllegalArgumentException missing(String column, String setter) {
        return new IllegalArgumentException("column '" + column + "' is required; set it with " + setter);
    }

    /** A column set twice. */
    public static IllegalArgumentException setTwice(String column) {
        return new IllegalArgumentException("column '" + column + "' is already set; each column is set once");
    }

    /** Data without rows. */
    public static IllegalArgumentException empty() {
        return new IllegalArgumentException("the data has no rows; expected at least one row");
    }

    /** A bad setting of a builder: {@code minGroupSize must be >= 0, got -1}. */
    public static IllegalArgumentException badSetting(String setting, Object value, String expected) {
        return new IllegalArgumentException(setting + " must be " + expected + ", got " + value);
    }

    /**
     * A setting given twice: {@code minGroupSize is already set; each setting is set once}. The one wording of every
     * set-once builder in FairKit. It is an {@link IllegalStateException} (the builder's state forbids the call),
     * whereas a bad value is an {@link IllegalArgumentException} ({@link #badSetting}).
     */
    public static IllegalStateException settingTwice(String setting) {
        return new IllegalStateException(setting + " is already set; each setting is set once");
    }

    /**
     * The set-once check of every FairKit builder: passes when {@code current} is {@code null} (not set yet).
     *
     * @param current the setting's current value, {@code null} when unset
     * @param setting the setting's name, as its setter is called
     * @throws IllegalStateException worded by {@link #settingTwice} when the setting is already set
     */
    public static void requireUnset(Object current, String setting) {
        if (current != null) {
            throw settingTwice(setting);
        }
    }

    /**
     * A required setting missing when a builder builds: {@code groupBy(...) is required: a monitor groups its
     * windows}. An {@link IllegalStateException}, like {@link #settingTwice}: the call is wrong for the builder's
     * state, whatever its arguments.
     *
     * @param setting the setter's name
     * @param why what needs it (the data's features, the monitor, ...)
     */
    public static IllegalStateException missingSetting(String setting, String why) {
        return new IllegalStateException(setting + "(...) is required: " + why);
    }

    /** A sensitive feature name that the data does not have. */
    public static IllegalArgumentException unknownFeature(String name, Object known) {
        return new IllegalArgumentException("no sensitive feature named '" + name + "'; the data has " + known);
    }

    /** A reference group that has no rows in the grouping. */
    public static IllegalArgumentException unknownReference(Object levels, Object features, Object groups) {
        return new IllegalArgumentException("reference group " + levels + " has no rows; the groups of " + features
                + " are " + groups);
    }

    /** A reference group with the wrong number of levels. */
    public static IllegalArgumentException referenceLevels(Object groupBy, Object levels) {
        return new IllegalArgumentException("reference needs one level per grouping feature " + groupBy + ", got "
                + levels);
    }

    /** A setting that needs a column the data does not have. */
    public static IllegalArgumentException needsColumn(String setting, String column, String setter) {
        return new IllegalArgumentException(setting + " needs the column '" + column + "', which the data does not "
                + "have; set it with " + setter);
    }
}
