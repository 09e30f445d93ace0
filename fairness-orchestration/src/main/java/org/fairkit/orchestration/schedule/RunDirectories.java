package org.fairkit.orchestration.schedule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.function.Supplier;

/** Where the runs of a scheduled job write: one fresh directory per run. */
public final class RunDirectories {
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private RunDirectories() {
    }

    /**
     * Directories under {@code base} named by the UTC start time to the second ({@code 20240501T120000Z}), with
     * {@code -2}, {@code -3}, ... appended when a name exists, so no run overwrites another.
     */
    public static Supplier<Path> timestamped(Path base, Clock clock) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(clock, "clock");
        return () -> {
            synchronized (RunDirectories.class) {
                String name = NAME.format(clock.instant());
                Path p = base.resolve(name);
                for (int k = 2; Files.exists(p); k++) {
                    p = base.resolve(name + "-" + k);
                }
                try {
                    Files.createDirectories(p);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return p;
            }
        };
    }
}
