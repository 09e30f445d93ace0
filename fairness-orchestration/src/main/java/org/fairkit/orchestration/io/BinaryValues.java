package org.fairkit.orchestration.io;

import java.util.List;
import java.util.Set;

/**
 * How the cells of a binary column (label or prediction) map to 1 and 0, e.g. {@code ">50K"} to 1 and
 * {@code "<=50K"} to 0 for the Adult data set. Cells are compared after trimming surrounding spaces, case-sensitively.
 * A cell in neither list is an error that names the file line, the data row and the column.
 *
 * @param positives the cells that mean 1
 * @param negatives the cells that mean 0
 */
public record BinaryValues(Set<String> positives, Set<String> negatives) {
    /** {@code "1"} means 1, {@code "0"} means 0: the default. */
    public static final BinaryValues ZERO_ONE = of(List.of("1"), List.of("0"));

    /** Validates: both non-empty, disjoint, no blank cell. */
    public BinaryValues {
        positives = Set.copyOf(positives);
        negatives = Set.copyOf(negatives);
        if (positives.isEmpty() || negatives.isEmpty()) {
            throw new IllegalArgumentException("a binary column needs at least one positive and one negative value, "
                    + "got positives " + positives + " and negatives " + negatives);
        }
        for (String p : positives) {
            if (p.isBlank() || !p.equals(p.trim())) {
                throw new IllegalArgumentException("binary values must be non-blank and trimmed, got '" + p + "'");
            }
            if (negatives.contains(p)) {
                throw new IllegalArgumentException("'" + p + "' cannot mean both 1 and 0");
            }
        }
        for (String n : negatives) {
            if (n.isBlank() || !n.equals(n.trim())) {
                throw new IllegalArgumentException("binary values must be non-blank and trimmed, got '" + n + "'");
            }
        }
    }

    /** The cells that mean 1 and those that mean 0. */
    public static BinaryValues of(List<String> positives, List<String> negatives) {
        return new BinaryValues(Set.copyOf(positives), Set.copyOf(negatives));
    }

    /** One cell for 1 and one for 0, e.g. {@code of("yes", "no")}. */
    public static BinaryValues of(String positive, String negative) {
        return of(List.of(positive), List.of(negative));
    }

    /**
     * @return 1 or 0, or -1 if the (trimmed) cell is in neither list
     */
    int code(String trimmedCell) {
        if (positives.contains(trimmedCell)) {
            return 1;
        }
        return negatives.contains(trimmedCell) ? 0 : -1;
    }

    /** @return the expected domain, for error messages: {@code 1 for [1], 0 for [0]} */
    String expected() {
        return "1 for " + positives.stream().sorted().toList() + " or 0 for " + negatives.stream().sorted().toList();
    }
}
