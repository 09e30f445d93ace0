package org.fairkit.orchestration.policy;

/** The verdict of a rule, or of a whole policy. */
public enum Outcome {
    /** The rule holds, by its evidence mode. */
    PASS,
    /** The rule does not hold, by its evidence mode. */
    FAIL,
    /**
     * The rule could not be decided: its value is undefined, its evidence mode needs an interval the report does
     * not have, or no report has the rule's grouping. Never a silent pass.
     */
    INCONCLUSIVE
}
