package org.fairkit.orchestration.history;

/**
 * A history store that cannot be used: the database cannot be reached, or its schema is newer than this FairKit
 * understands. Unchecked, and its own type so that a command can tell it from bad input.
 */
public final class HistoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed and what to do */
    public HistoryException(String message) {
        super(message);
    }

    /** @param message what failed and what to do; @param cause the driver's exception */
    public HistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
