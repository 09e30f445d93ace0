package org.fairkit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Values of golden JSON files. Non-finite floats are the strings {@code "NaN"}, {@code "Infinity"} and
 * {@code "-Infinity"} (the files' {@code conventions.non_finite}); anything else that is not a number fails the
 * test with an {@link AssertionError} naming the node.
 */
public final class GoldenJson {
    private GoldenJson() {
    }

    /** @return a golden float: a JSON number or one of "NaN", "Infinity", "-Infinity" */
    public static double number(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            throw new AssertionError("golden file: no number here");
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        switch (n.asText()) {
            case "NaN":
                return Double.NaN;
            case "Infinity":
                return Double.POSITIVE_INFINITY;
            case "-Infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                throw new AssertionError("golden file: not a number: " + n);
        }
    }

    /** @return the golden floats of a JSON array (see {@link #number}) */
    public static double[] doubles(JsonNode array) {
        requireArray(array);
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(array.get(i));
        }
        return out;
    }

    /** @return the ints of a JSON array */
    public static int[] ints(JsonNode array) {
        requireArray(array);
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    /** @return the longs of a JSON array */
    public static long[] longs(JsonNode array) {
        requireArray(array);
        long[] out = new long[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asLong();
        }
        return out;
    }

    /** @return the long rows of a JSON array of arrays */
    public static long[][] longTable(JsonNode array) {
        requireArray(array);
        long[][] out = new long[array.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = longs(array.get(i));
        }
        return out;
    }

    /** @return the texts of a JSON array */
    public static List<String> strings(JsonNode array) {
        requireArray(array);
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asText()));
        return out;
    }

    /** @return the elements of a JSON array, in order */
    public static List<JsonNode> elements(JsonNode array) {
        requireArray(array);
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    /** @return the field names of a JSON object, in file order */
    public static List<String> fieldNames(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static void requireArray(JsonNode node) {
        if (node == null || !node.isArray()) {
            throw new AssertionError("golden file: expected an array, got " + node);
        }
    }
}
