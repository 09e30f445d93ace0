package org.fairkit.orchestration.trail;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A writer process for the crash and cross-process tests: appends entries to a trail and prints
 * {@code appended <i>} after each append has returned (so the line is durable).
 *
 * <p>Arguments: trail path, number of entries (0 for until killed), payload bytes per entry, writer tag.
 */
public final class TrailWriterMain {
    private TrailWriterMain() {
    }

    /** Runs the writer; see the class documentation for the arguments. */
    public static void main(String[] args) {
        Path path = Path.of(args[0]);
        long count = Long.parseLong(args[1]);
        int payload = Integer.parseInt(args[2]);
        String tag = args[3];
        SplittableRandom random = new SplittableRandom(tag.hashCode());
        PrintStream out = System.out;
        try (AuditTrail trail = AuditTrail.open(path)) {
            for (long i = 0; count == 0 || i < count; i++) {
                String blob = String.valueOf((char) ('a' + random.nextInt(26))).repeat(payload);
                trail.append(AuditEvent.of("test.append").with("writer", tag).with("i", i).with("blob", blob));
                out.println("appended " + i);
                out.flush();
            }
        }
    }
}
