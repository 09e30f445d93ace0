package org.fairkit.cli;

/**
 * A user-facing failure of a command: its one-line message is printed on stderr and the process exits with its
 * code, without a stack trace. Messages are built in {@link CliErrors}.
 */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** A bad-input failure ({@link ExitCode#BAD_INPUT}). */
    static CliException badInput(String message) {
        return new CliException(ExitCode.BAD_INPUT, message);
    }

    int exitCode() {
        return exitCode;
    }
}
