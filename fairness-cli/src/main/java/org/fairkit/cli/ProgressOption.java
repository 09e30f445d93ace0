package org.fairkit.cli;

import picocli.CommandLine.Option;

/** The {@code --[no-]progress} option of commands that may take long (see {@link Progress}). */
final class ProgressOption {
    @Option(names = "--progress", negatable = true,
            description = "Show progress on stderr (default: only when attached to a terminal).")
    Boolean progress;

    /** @return whether to draw progress: as asked, else when the JVM has a console */
    boolean enabled() {
        return progress != null ? progress : System.console() != null;
    }
}
