package org.fairkit.orchestration.monitor;

import java.util.List;

/**
 * A rule evaluated on every window: the extension point for policies. Built-in checks are in {@link WindowChecks}; a
 * policy evaluated against a {@code FairnessReport} plugs in as
 * {@code ctx -> policy.evaluate(ctx.window().report()).stream().map(...).toList()}.
 */
@FunctionalInterface
public interface WindowCheck {
    /**
     * @param context the window and the windows before it
     * @return the findings, empty when the window passes
     */
    List<WindowFinding> check(WindowContext context);
}
