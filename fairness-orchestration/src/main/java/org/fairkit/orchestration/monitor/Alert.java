package org.fairkit.orchestration.monitor;

import java.util.Objects;

/**
 * An alert event the monitor emits after de-duplication ({@link Deduplication}).
 *
 * @param event what happened to the alert
 * @param finding the finding (for {@link Event#CLEARED}, the last finding before it cleared)
 * @param window the index of the window the event belongs to
 * @param firstWindow the window in which this alert was first raised (since it was last cleared)
 */
public record Alert(Event event, WindowFinding finding, long window, long firstWindow) {

    /** The kinds of alert event. */
    public enum Event {
        /** A rule fired for a rule+group that was not active. */
        RAISED,
        /** An active alert fired again with a higher severity. */
        ESCALATED,
        /** An active alert is still firing and the re-notification interval has passed. */
        REPEATED,
        /** An active alert did not fire in this window. */
        CLEARED
    }

    /** Validates that every part is present. */
    public Alert {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(finding, "finding");
    }

    @Override
    public String toString() {
        return event + " " + finding.severity() + " " + finding.key() + " at window " + window + ": "
                + finding.message();
    }
}
