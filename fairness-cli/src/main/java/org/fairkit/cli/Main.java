package org.fairkit.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The entry point of {@code fairkit.jar}: runs {@link FairkitCommand} on the process's arguments and exits with its
 * code (see {@link ExitCode}).
 */
public final class Main {
    private Main() {
    }

    /**
     * Runs the command line and exits the JVM with its exit code.
     *
     * @param args the command line, e.g. {@code audit --data in.csv --label y --prediction p --sensitive race}
     */
    public static void main(String[] args) {
        DuckDbJfrMonitor.skipRegistration();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = FairkitCommand.commandLine(out, err, args).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
