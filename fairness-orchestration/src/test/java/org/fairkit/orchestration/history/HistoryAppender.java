package org.fairkit.orchestration.history;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A separate process appending to a history, for {@link HistoryTest}: {@code HistoryAppender DB REPORT_JSON_FILE
 * LABEL COUNT} records COUNT entries with run ids {@code LABEL-i}.
 */
public final class HistoryAppender {
    private HistoryAppender() {
    }

    /** @param args database, report file, label, count */
    public static void main(String[] args) throws Exception {
        History h = History.open(args[0]);
        String json = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8);
        int n = Integer.parseInt(args[3]);
        for (int i = 0; i < n; i++) {
            h.record(History.Recording.of(args[2] + "-" + i, "test", json).withModelVersion(args[2]));
        }
        System.out.println("appended " + n);
    }
}
