package org.fairkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.fairkit.core.FairnessData;
import org.fairkit.core.datasets.SyntheticLending;

/** Runs {@code fairkit} in-process with captured output and a fixed clock. */
final class Cli {
    /** The clock of every in-process run: 2025-01-15T12:00:00Z. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-15T12:00:00Z"), ZoneOffset.UTC);

    private Cli() {
    }

    /** What a run printed and returned. */
    record Result(int code, String out, String err) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FairkitCommand.commandLine(new FairkitCommand(CLOCK), new PrintWriter(out, true),
                new PrintWriter(err, true), args).execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Writes seeded synthetic lending data as the demo's CSV ({@code id, ethnicity, sex, repaid, score, approved}). */
    static Path lending(Path dir, int rows, long seed) {
        Path file = dir.resolve("lending-" + rows + "-" + seed + ".csv");
        try {
            FairnessData data = SyntheticLending.generate(rows, seed);
            DemoCommand.writeData(data, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The usual audit arguments on a lending file. */
    static String[] audit(Path file, String... more) {
        String[] base = {"audit", "--data", file.toString(), "--label", "repaid", "--prediction", "approved",
            "--sensitive", "ethnicity"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
