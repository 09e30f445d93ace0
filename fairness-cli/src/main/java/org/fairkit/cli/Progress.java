package org.fairkit.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Progress of long work (reading a large CSV, bootstrap resampling, an audit run) on stderr: one line, redrawn in
 * place with a carriage return every quarter second, naming the phase, what it has done so far when it can tell
 * (rows read) and the elapsed time, then erased when the work is done. Nothing is drawn for work that finishes
 * within half a second.
 *
 * <p>Shown when stderr is a terminal, i.e. when the JVM has a {@link System#console() console}; {@code --progress}
 * forces it and {@code --no-progress} turns it off. Standard output is never touched, so {@code --format json}
 * output stays clean. A disabled progress does nothing and starts no thread.
 */
final class Progress implements AutoCloseable {
    private static final long FIRST_DRAW_NANOS = 500_000_000L;
    private static final long REDRAW_MILLIS = 250;

    private final PrintWriter err;
    private final Thread drawer;
    private final long start;
    private final LongSupplier clock;
    private volatile String phase = "";
    private volatile Supplier<String> detail = () -> "";
    private volatile boolean closed;
    private int drawn;

    private Progress(PrintWriter err, boolean enabled, LongSupplier clock) {
        this.err = err;
        this.clock = clock;
        this.start = clock.getAsLong();
        if (enabled) {
            drawer = new Thread(this::drawLoop, "fairkit-progress");
            drawer.setDaemon(true);
            drawer.start();
        } else {
            drawer = null;
        }
    }

    /** Starts progress on {@code err}; a disabled one does nothing. */
    static Progress start(PrintWriter err, boolean enabled) {
        return new Progress(err, enabled, System::nanoTime);
    }

    /** @return whether lines are drawn */
    boolean enabled() {
        return drawer != null;
    }

    /** Names the current phase, e.g. {@code reading in.csv}, without a count. */
    void phase(String name) {
        phase(name, () -> "");
    }

    /** Names the current phase and how far it is, e.g. {@code () -> rows + " rows"}, read at each redraw. */
    void phase(String name, Supplier<String> progress) {
        this.detail = progress;
        this.phase = name;
    }

    private void drawLoop() {
        try {
            while (!closed) {
                Thread.sleep(REDRAW_MILLIS);
                long elapsed = clock.getAsLong() - start;
                if (!closed && elapsed >= FIRST_DRAW_NANOS) {
                    draw(line(phase, detail.get(), elapsed));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The progress line: {@code fairkit: reading in.csv: 1,200,000 rows (3.4 s)}. */
    static String line(String phase, String detail, long elapsedNanos) {
        return String.format(Locale.ROOT, "fairkit: %s%s (%.1f s)", phase, detail.isEmpty() ? "" : ": " + detail,
                elapsedNanos / 1e9);
    }

    private synchronized void draw(String text) {
        if (closed) {
            return;
        }
        StringBuilder b = new StringBuilder("\r").append(text);
        for (int i = text.length(); i < drawn; i++) {
            b.append(' ');
        }
        drawn = text.length();
        err.print(b);
        err.flush();
    }

    /** Erases the line and stops drawing. */
    @Override
    public void close() {
        if (drawer == null) {
            return;
        }
        synchronized (this) {
            closed = true;
            if (drawn > 0) {
                err.print("\r" + " ".repeat(drawn) + "\r");
                err.flush();
            }
        }
        drawer.interrupt();
    }

    /** {@code 1234567} as {@code 1,234,567}. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
