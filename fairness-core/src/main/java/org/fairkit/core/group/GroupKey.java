package org.fairkit.core.group;

import java.util.List;

/**
 * The identity of a group: the sensitive features it is defined on and the level of each.
 *
 * <p>A group by {@code race} has one level ({@code African-American}); a group by the intersection
 * {@code race × sex} has two ({@code African-American}, {@code Male}).
 *
 * @param features the sensitive feature names, in grouping order
 * @param levels the level of each feature
 */
public record GroupKey(List<String> features, List<String> levels) {

    /** Validates that there is one level per feature. */
    public GroupKey {
        features = List.copyOf(features);
        levels = List.copyOf(levels);
        if (features.isEmpty() || features.size() != levels.size()) {
            throw new IllegalArgumentException("a group key needs one level per feature, got features " + features
                    + " and levels " + levels);
        }
    }

    /** A group of one feature. */
    public static GroupKey of(String feature, String level) {
        return new GroupKey(List.of(feature), List.of(level));
    }

    /** @return the levels joined by {@code " & "}, e.g. {@code African-American & Male}; see {@link #label(List)} */
    public String label() {
        return label(levels);
    }

    /**
     * The label of a group with these levels: the levels joined by {@code " & "}, e.g. {@code African-American & Male}.
     * With two or more levels, a level that holds {@code &} or a double quote is written in double quotes (inner
     * quotes doubled), so that different groups never share a label: ({@code x & y}, {@code z}) is
     * {@code "x & y" & z} and ({@code x}, {@code y & z}) is {@code x & "y & z"}. A single level is its own label.
     *
     * @param levels one level per feature, at least one
     */
    public static String label(List<String> levels) {
        if (levels.size() == 1) {
            return levels.get(0);
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < levels.size(); i++) {
            String l = levels.get(i);
            if (i > 0) {
                b.append(" & ");
            }
            if (l.indexOf('&') >= 0 || l.indexOf('"') >= 0) {
                b.append('"').append(l.replace("\"", "\"\"")).append('"');
            } else {
                b.append(l);
            }
        }
        return b.toString();
    }

    /** @return each feature with its level, e.g. {@code race=African-American & sex=Male} */
    public String describe() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < features.size(); i++) {
            b.append(i == 0 ? "" : " & ").append(features.get(i)).append('=').append(levels.get(i));
        }
        return b.toString();
    }

    /** @return {@link #label()} */
    @Override
    public String toString() {
        return label();
    }
}
