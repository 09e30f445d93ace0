package org.fairkit.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The kind of model a report measures. Each task has its own data type, fluent entry point and report, and every
 * report can be read in one shape, {@link TaskReport}, by policies, documents, the CLI's JSON and the monitor.
 * The {@link #id()} is what the CLI's {@code --task} and the JSON's {@code "task"} key carry.
 */
public enum Task {
    /** Binary decisions (labels and predictions in {0, 1}, optional scores): {@link Fairness}. */
    BINARY,
    /** Numeric targets and predictions: {@code org.fairkit.core.regression.RegressionFairness}. */
    REGRESSION,
    /** Ranked lists of items, one per query: {@code org.fairkit.core.ranking}. */
    RANKING,
    /** More than two classes, measured one-vs-rest: {@code org.fairkit.core.multiclass.MulticlassFairness}. */
    MULTICLASS;

    /** @return the lower-case id: {@code binary}, {@code regression}, {@code ranking}, {@code multiclass} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @return the task with this id (case-insensitive, surrounding space ignored)
     * @throws IllegalArgumentException naming the valid ids
     */
    public static Task byId(String id) {
        String key = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        for (Task t : values()) {
            if (t.id().equals(key)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown task '" + id + "'; expected one of "
                + Arrays.stream(values()).map(Task::id).collect(Collectors.joining(", ")));
    }
}
