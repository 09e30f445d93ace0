package org.fairkit.orchestration.monitor;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link WindowCheck} sees.
 *
 * @param window the window being checked (without findings yet)
 * @param previous the retained earlier windows, oldest first
 */
public record WindowContext(WindowResult window, List<WindowResult> previous) {
    /** Validates and copies. */
    public WindowContext {
        Objects.requireNonNull(window, "window");
        previous = List.copyOf(previous);
    }
}
