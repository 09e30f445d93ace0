package org.fairkit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fairkit.orchestration.io.CsvTable;

/** Checks of input files and numeric settings, before any work, with the messages of {@link CliErrors}. */
final class Inputs {
    /** The most bootstrap resamples a command accepts. */
    static final int MAX_BOOTSTRAP = 100_000;
    /** The most calibration bins {@code calibrate --bins} accepts. */
    static final int MAX_BINS = 10_000;
    /** The most rows {@code demo --rows} generates. */
    static final int MAX_DEMO_ROWS = 5_000_000;

    private Inputs() {
    }

    /**
     * @return the file, which exists and is not a directory
     * @throws CliException naming the option otherwise
     */
    static Path file(String option, Path file, String expected) {
        if (Files.isDirectory(file)) {
            throw CliException.badInput(CliErrors.isDirectory(option, file, expected));
        }
        if (!Files.exists(file)) {
            throw CliException.badInput(CliErrors.noFile(option, file));
        }
        return file;
    }

    /**
     * Opens a CSV file given by an option, after {@link #file} checked it.
     *
     * @throws CliException naming the option if the file does not exist or is a directory
     * @throws IllegalArgumentException if it is empty or a column name repeats
     */
    static CsvTable table(String option, Path file) throws IOException {
        return CsvTable.open(file(option, file, "a CSV file"));
    }

    /**
     * @return {@code value}, which is in {@code [min, max]}
     * @throws CliException naming the option and the range otherwise
     */
    static int range(String option, int value, int min, int max, String unit) {
        if (value < min || value > max) {
            throw CliException.badInput(CliErrors.outOfRange(option, value, min, max, unit));
        }
        return value;
    }
}
