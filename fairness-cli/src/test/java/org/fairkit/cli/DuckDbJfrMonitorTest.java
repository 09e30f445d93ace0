package org.fairkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import org.junit.jupiter.api.Test;

/**
 * {@link DuckDbJfrMonitor}: with the pinned DuckDB driver the registration of its JFR event is skipped and DuckDB
 * still answers; without it (the control) the event is registered, so the probe can see the difference. Each case
 * runs in a fresh JVM, since the driver registers its event once per JVM when it is first loaded.
 */
class DuckDbJfrMonitorTest {

    /** Fails when a DuckDB upgrade renames the field: the start-up cost then comes back and should be looked at. */
    @Test
    void thePinnedDriverHasTheFieldAndTheSkipTakes() {
        assertThat(DuckDbJfrMonitor.skipRegistration()).isTrue();
    }

    @Test
    void skippedTheEventIsNotRegisteredAndDuckDbStillAnswers() throws Exception {
        assertThat(probe("skip")).isEqualTo("skipped=true answer=42 duckdbEvent=false");
    }

    @Test
    void withoutTheSkipDuckDbRegistersItsEvent() throws Exception {
        assertThat(probe("keep")).isEqualTo("skipped=false answer=42 duckdbEvent=true");
    }

    private static String probe(String mode) throws IOException, InterruptedException {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Probe.class.getName(), mode);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    /** The fresh JVM: optionally skips, opens DuckDB, queries, then asks JFR which event types exist. */
    static final class Probe {
        private Probe() {
        }

        public static void main(String[] args) throws SQLException {
            boolean skipped = args[0].equals("skip") && DuckDbJfrMonitor.skipRegistration();
            int answer;
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                    Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT 42")) {
                r.next();
                answer = r.getInt(1);
            }
            boolean event = false;
            for (EventType t : FlightRecorder.getFlightRecorder().getEventTypes()) {
                event |= t.getName().equals("duckdb.MemoryUsage");
            }
            System.out.println("skipped=" + skipped + " answer=" + answer + " duckdbEvent=" + event);
        }
    }
}
