package org.fairkit.orchestration.monitor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fairkit.core.Severity;

/**
 * How repeated findings become alerts. Findings are keyed by rule and group ({@link WindowFinding#key()}); per key:
 * <ul>
 *   <li>a finding for a key that is not active <b>raises</b> an alert ({@link Alert.Event#RAISED});</li>
 *   <li>while active, a finding with a higher severity than last notified <b>escalates</b> (always emitted);</li>
 *   <li>a key that is active but has no finding in a window <b>clears</b> ({@link Alert.Event#CLEARED});</li>
 *   <li>{@link #untilCleared()}: an active key is not notified again until it clears;</li>
 *   <li>{@link #withinWindows(int) withinWindows(n)}: a key notified at window {@code w} is not notified again
 *       (raised or repeated) before window {@code w + n}, even if it cleared and came back in between (a flapping
 *       rule notifies at most once per {@code n} windows); while it stays active it is
 *       {@link Alert.Event#REPEATED repeated} every {@code n} windows.</li>
 * </ul>
 * Several findings with the same key in one window count once, at their highest severity.
 *
 * @param windows the re-notification interval in windows, 0 for until cleared
 */
public record Deduplication(int windows) {
    /** Validates that the interval is {@code >= 0}. */
    public Deduplication {
        if (windows < 0) {
            throw new IllegalArgumentException("windows must be >= 0, got " + windows);
        }
    }

    /** Notify once per activation; again only after the alert cleared. */
    public static Deduplication untilCleared() {
        return new Deduplication(0);
    }

    /** Notify a key at most once every {@code n} windows, repeating while it stays active. */
    public static Deduplication withinWindows(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        return new Deduplication(n);
    }

    /** The mutable per-monitor state; confined to the monitor. */
    static final class State {
        private final Deduplication config;
        private final Map<String, Key> keys = new LinkedHashMap<>();
        private long suppressed;

        private static final class Key {
            boolean active;
            long lastNotified;
            long firstWindow;
            Severity severity;
            WindowFinding last;
        }

        State(Deduplication config) {
            this.config = config;
        }

        long suppressed() {
            return suppressed;
        }

        List<Alert> apply(long window, List<WindowFinding> findings) {
            Map<String, WindowFinding> worst = new LinkedHashMap<>();
            for (WindowFinding f : findings) {
                worst.merge(f.key(), f,
                        (a, b) -> Comparator.comparing(WindowFinding::severity).compare(b, a) > 0 ? b : a);
            }
            List<Alert> out = new ArrayList<>();
            int n = config.windows();
            for (WindowFinding f : worst.values()) {
                Key k = keys.get(f.key());
                if (k == null || !k.active) {
                    boolean quiet = k != null && n > 0 && window - k.lastNotified < n;
                    if (k == null) {
                        k = new Key();
                        keys.put(f.key(), k);
                    }
                    k.active = true;
                    k.firstWindow = window;
                    if (quiet) {
                        suppressed++;
                    } else {
                        k.lastNotified = window;
                        out.add(new Alert(Alert.Event.RAISED, f, window, window));
                    }
                    k.severity = f.severity();
                } else if (f.severity().compareTo(k.severity) > 0) {
                    k.severity = f.severity();
                    k.lastNotified = window;
                    out.add(new Alert(Alert.Event.ESCALATED, f, window, k.firstWindow));
                } else if (n > 0 && window - k.lastNotified >= n) {
                    k.severity = f.severity();
                    k.lastNotified = window;
                    out.add(new Alert(Alert.Event.REPEATED, f, window, k.firstWindow));
                } else {
                    suppressed++;
                }
                k.last = f;
            }
            for (Map.Entry<String, Key> e : keys.entrySet()) {
                Key k = e.getValue();
                if (k.active && !worst.containsKey(e.getKey())) {
                    k.active = false;
                    out.add(new Alert(Alert.Event.CLEARED, k.last, window, k.firstWindow));
                }
            }
            return out;
        }
    }
}
