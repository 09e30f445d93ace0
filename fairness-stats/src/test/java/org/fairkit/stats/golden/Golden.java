package org.fairkit.stats.golden;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.fairkit.testkit.SharedFiles;

/**
 * The rows of {@code ../shared/golden/stats.json} (found and read by the testkit's {@link SharedFiles}, which skips
 * the calling test, saying why, when the file is absent) and the producing call each row records.
 */
public final class Golden {
    private Golden() {
    }

    /** @return the parsed {@code stats.json}; skips the test (JUnit assumption) when it cannot be found */
    public static JsonNode stats() {
        return SharedFiles.golden("stats.json");
    }

    /** @return the rows of {@code stats.json -> block -> field} */
    public static List<JsonNode> rows(String block, String field) {
        JsonNode node = stats().path(block).path(field);
        if (!node.isArray() || node.size() == 0) {
            throw new AssertionError("stats.json has no rows at " + block + "." + field);
        }
        List<JsonNode> rows = new ArrayList<>();
        node.forEach(rows::add);
        return rows;
    }

    /** @return the row's concrete producing call, for {@code as(...)} */
    public static String call(JsonNode row) {
        return row.path("call").asText("(no call recorded)");
    }
}
