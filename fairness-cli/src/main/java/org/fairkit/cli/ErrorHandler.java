package org.fairkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.time.DateTimeException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on stderr and an {@link ExitCode}: user mistakes (bad options, missing files
 * and columns, bad cells, unknown ids, invalid policies) never print a stack trace. Only an unexpected exception,
 * a bug, prints one, after its line.
 *
 * <p>The line is {@code <command>: error: <message>}, e.g. {@code fairkit audit: error: file 'in.csv', line 3 (data
 * row 2), column 'y': got 'yes'; expected 1 for [1] or 0 for [0]}. Line breaks inside a message are folded into
 * spaces.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        String name = cl.getCommandSpec().qualifiedName();
        print(cl.getErr(), name, oneLine(ex.getMessage()) + " (see '" + name + " --help')");
        return ExitCode.BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
        String name = cl.getCommandSpec().qualifiedName();
        PrintWriter err = cl.getErr();
        if (ex instanceof CliException) {
            print(err, name, oneLine(ex.getMessage()));
            return ((CliException) ex).exitCode();
        }
        if (ex instanceof IllegalArgumentException || ex instanceof DateTimeException) {
            print(err, name, oneLine(ex.getMessage()));
            return ExitCode.BAD_INPUT;
        }
        if (ex instanceof IOException || ex instanceof UncheckedIOException) {
            IOException io = ex instanceof IOException ? (IOException) ex : ((UncheckedIOException) ex).getCause();
            print(err, name, io(io, ex));
            return ExitCode.BAD_INPUT;
        }
        print(err, name, "internal error: " + oneLine(String.valueOf(ex)) + " (this is a bug in FairKit; please "
                + "report it with the stack trace below)");
        ex.printStackTrace(err);
        err.flush();
        return ExitCode.INTERNAL_ERROR;
    }

    private static String io(IOException io, Exception outer) {
        if (io instanceof NoSuchFileException) {
            return "no such file or directory: '" + io.getMessage() + "'";
        }
        if (io instanceof AccessDeniedException) {
            return "permission denied: '" + io.getMessage() + "'";
        }
        if (io instanceof FileAlreadyExistsException) {
            return "'" + io.getMessage() + "' already exists and is not a directory";
        }
        if (io instanceof NotDirectoryException) {
            return "not a directory: '" + io.getMessage() + "'";
        }
        return oneLine(outer == io ? String.valueOf(io.getMessage()) : outer.getMessage());
    }

    /** Reports an {@link OutOfMemoryError} as one line; the exit code is {@link ExitCode#BAD_INPUT}. */
    static int outOfMemory(CommandLine cl, OutOfMemoryError e) {
        print(cl.getErr(), cl.getCommandSpec().qualifiedName(), CliErrors.outOfMemory(String.valueOf(e.getMessage())));
        return ExitCode.BAD_INPUT;
    }

    private static void print(PrintWriter err, String command, String message) {
        err.println(command + ": error: " + message);
        err.flush();
    }

    /** Folds a message onto one line. */
    static String oneLine(String message) {
        return message == null ? "(no message)" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
