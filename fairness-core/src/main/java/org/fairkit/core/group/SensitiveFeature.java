package org.fairkit.core.group;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.fairkit.core.internal.InputErrors;

/**
 * One sensitive feature: a level per row, stored as dense int codes into a list of levels.
 *
 * <p>Only levels that occur are kept: a group without rows does not exist. From strings, levels are sorted in
 * {@link String} order (as pandas/Fairlearn sort group labels); from codes, the given level order is kept.
 * Immutable.
 */
public final class SensitiveFeature {
    private final String name;
    private final List<String> levels;
    private final int[] codes;

    private SensitiveFeature(String name, List<String> levels, int[] codes) {
        this.name = name;
        this.levels = List.copyOf(levels);
        this.codes = codes;
    }

    /** Rows scanned ahead of the encoding for levels to enter in sorted order, and at most how many levels. */
    private static final int PRESCAN_ROWS = 4096;
    private static final int PRESCAN_LEVELS = 64;

    /**
     * A feature from one string level per row.
     *
     * @throws IllegalArgumentException naming the row, if a value is null
     */
    public static SensitiveFeature of(String name, String[] values) {
        requireName(name);
        LevelTable table = new LevelTable();
        // The levels of a prefix are entered first, in sorted order: when the rest of the column brings no new level
        // (the usual case) the first-seen codes are already the sorted codes and the remap pass below is skipped.
        // Codes are the same either way.
        int prefix = Math.min(values.length, PRESCAN_ROWS);
        TreeSet<String> early = new TreeSet<>();
        for (int i = 0; i < prefix && early.size() < PRESCAN_LEVELS; i++) {
            if (values[i] != null) {
                early.add(values[i]);
            }
        }
        for (String level : early) {
            table.code(level);
        }
        int[] codes = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            String v = values[i];
            if (v == null) {
                throw InputErrors.badValue(name, i, "null", "a non-null level");
            }
            codes[i] = table.code(v);
        }
        List<String> seen = table.levels;
        List<String> sorted = new ArrayList<>(seen);
        sorted.sort(null);
        if (sorted.equals(seen)) {
            return new SensitiveFeature(name, sorted, codes);
        }
        int[] remap = new int[seen.size()];
        for (int k = 0; k < sorted.size(); k++) {
            remap[table.codeOf(sorted.get(k))] = k;
        }
        for (int i = 0; i < codes.length; i++) {
            codes[i] = remap[codes[i]];
        }
        return new SensitiveFeature(name, sorted, codes);
    }

    /**
     * Codes of levels in first-seen order: an open-addressing table keyed by the strings' cached hash codes, tried
     * by reference first (a column of a few levels usually repeats the same few instances), then by
     * {@code equals}. Replaces a {@code HashMap<String, Integer>} lookup (a boxed value per row) on the build path.
     */
    private static final class LevelTable {
        private String[] keys = new String[16];
        private int[] values = new int[16];
        final List<String> levels = new ArrayList<>();

        int code(String v) {
            int mask = keys.length - 1;
            for (int slot = spread(v) & mask;; slot = (slot + 1) & mask) {
                String k = keys[slot];
                if (k == v) {
                    return values[slot];
                }
                if (k == null) {
                    return add(v);
                }
                if (k.equals(v)) {
                    return values[slot];
                }
            }
        }

        int codeOf(String v) {
            int mask = keys.length - 1;
            for (int slot = spread(v) & mask;; slot = (slot + 1) & mask) {
                if (keys[slot].equals(v)) {
                    return values[slot];
                }
            }
        }

        private int add(String v) {
            int c = levels.size();
            levels.add(v);
            if (2 * levels.size() > keys.length) {
                keys = new String[keys.length * 2];
                values = new int[keys.length];
                for (int k = 0; k < levels.size(); k++) {
                    put(levels.get(k), k);
                }
            } else {
                put(v, c);
            }
            return c;
        }

        private static int spread(String v) {
            int h = v.hashCode();
            return h ^ (h >>> 16);
        }

        private void put(String v, int c) {
            int mask = keys.length - 1;
            int slot = spread(v) & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = v;
            values[slot] = c;
        }
    }

    /**
     * A feature from int codes into a list of levels. Levels that no row uses are dropped.
     *
     * @throws IllegalArgumentException if a level is null or repeated, or a code is outside
     *     {@code [0, levels.length)} (naming the row)
     */
    public static SensitiveFeature ofCodes(String name, int[] codes, String[] levels) {
        requireName(name);
        Set<String> distinct = new HashSet<>();
        for (int k = 0; k < levels.length; k++) {
            if (levels[k] == null) {
                throw InputErrors.badLevel(name, k, "null", "a non-null level name");
            }
            if (!distinct.add(levels[k])) {
                throw InputErrors.duplicateLevel(name, levels[k]);
            }
        }
        boolean[] used = new boolean[levels.length];
        for (int i = 0; i < codes.length; i++) {
            int c = codes[i];
            if (c < 0 || c >= levels.length) {
                throw InputErrors.badValue(name, i, c, "a code in [0, " + levels.length + ") indexing its levels");
            }
            used[c] = true;
        }
        int[] remap = new int[levels.length];
        List<String> kept = new ArrayList<>();
        for (int k = 0; k < levels.length; k++) {
            remap[k] = used[k] ? kept.size() : -1;
            if (used[k]) {
                kept.add(levels[k]);
            }
        }
        int[] copy;
        if (kept.size() == levels.length) {
            copy = codes.clone();
        } else {
            copy = new int[codes.length];
            for (int i = 0; i < codes.length; i++) {
                copy[i] = remap[codes[i]];
            }
        }
        return new SensitiveFeature(name, kept, copy);
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a sensitive feature needs a non-blank name, got '" + name + "'");
        }
    }

    /** @return the feature's name */
    public String name() {
        return name;
    }

    /** @return the levels that occur, in code order */
    public List<String> levels() {
        return levels;
    }

    /** @return the number of rows */
    public int rows() {
        return codes.length;
    }

    /** @return the code of a row's level, an index into {@link #levels()} */
    public int code(int row) {
        return codes[row];
    }

    /** @return a row's level */
    public String level(int row) {
        return levels.get(codes[row]);
    }

    int[] codes() {
        return codes;
    }

    @Override
    public String toString() {
        return "SensitiveFeature[" + name + ", levels " + levels + ", " + codes.length + " rows]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SensitiveFeature && name.equals(((SensitiveFeature) o).name)
                && levels.equals(((SensitiveFeature) o).levels) && Arrays.equals(codes, ((SensitiveFeature) o).codes);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(codes);
    }
}
