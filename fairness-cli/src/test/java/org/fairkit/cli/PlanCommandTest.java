package org.fairkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class PlanCommandTest {
    private static final String NL = System.lineSeparator();

    @Test
    void theOrchestrationReadmeExampleIsFeasible() {
        // I = 100 + 20 x 2 + 5 x 70 + 10 x 1 = 500, all eight outputs O = 13: 1013 / 11.5 = 88.1 s; x 1.2 = 105.7 <= 120.
        Cli.Result r = Cli.run("plan", "--sensitive", "race,sex", "--days", "70", "--filters", "1", "--outputs", "all",
                "--time-limit", "2m", "--strict-sla");
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).startsWith("This fairness audit will process approximately 500 input units and generate "
                + "13 output units, taking approximately 1 minute 28 seconds to complete." + NL);
        assertThat(r.out()).contains("total load         1013 units (O + 2 x I; design target 1600 = 3.2 x I)" + NL)
                .contains("feasibility        FEASIBLE" + NL);
    }

    @Test
    void notFeasibleExitsOneWithWarningsAndSuggestions() {
        Cli.Result r = Cli.run("plan", "--sensitive-count", "2", "--from", "2025-01-01", "--to", "2025-03-11",
                "--filters", "1", "--outputs", "all", "--time-limit", "90s", "--strict-sla");
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.FINDING);
        assertThat(r.out()).startsWith("This audit configuration may not be feasible within the requested timeline.")
                .contains("warning: estimated time 1 minute 28 seconds with the 20% strict-SLA buffer (1 minute 46 "
                        + "seconds) exceeds the time limit of 1 minute 30 seconds" + NL)
                .contains("suggestion: raise the time limit to at least 1 minute 46 seconds" + NL);
    }

    @Test
    void jsonHasTheLoadsAndTheVerdict() {
        Cli.Result r = Cli.run("plan", "--sensitive-count", "1", "--outputs", "metrics_export,flagged_cases",
                "--format", "json");
        assertThat(r.code()).isZero();
        JsonNode doc = r.json();
        assertThat(doc.get("schema").asText()).isEqualTo("fairkit.cli.plan/1");
        assertThat(doc.get("input_load").asDouble()).isEqualTo(120.0);
        assertThat(doc.get("output_load").asDouble()).isEqualTo(2.5);
        assertThat(doc.get("total_load").asDouble()).isEqualTo(242.5);
        assertThat(doc.get("estimated_seconds").asDouble()).isEqualTo(242.5 / 11.5);
        assertThat(doc.get("available_seconds").isNull()).isTrue();
        assertThat(doc.get("feasibility").asText()).isEqualTo("FEASIBLE");
        assertThat(doc.get("outputs").toString()).isEqualTo("[\"metrics_export\",\"flagged_cases\"]");
    }

    @Test
    void aDeadlineIsMeasuredFromTheClock() {
        // The test clock is 2025-01-15T12:00:00Z: 10 s to a deadline is too little for the default 17.6 s estimate.
        Cli.Result r = Cli.run("plan", "--deadline", "2025-01-15T12:00:10Z", "--format", "json");
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.FINDING);
        assertThat(r.json().get("available_seconds").asDouble()).isEqualTo(10.0);
        Cli.Result scheduled = Cli.run("plan", "--mode", "scheduled", "--start", "2025-01-15T11:00:00+01:00",
                "--deadline", "2025-01-15T10:30:00Z");
        assertThat(scheduled.code()).as(scheduled.toString()).isEqualTo(ExitCode.OK);
        Cli.Result continuous = Cli.run("plan", "--mode", "continuous", "--period", "10s");
        assertThat(continuous.code()).isEqualTo(ExitCode.FINDING);
    }

    @Test
    void badTimeArgumentsAreOneLine() {
        Cli.Result d = Cli.run("plan", "--time-limit", "5 minutes");
        assertThat(d.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(d.err()).isEqualTo("fairkit plan: error: --time-limit: '5 minutes' is not a duration; expected "
                + "e.g. 90s, 15m, 2h, 1d or ISO-8601 PT15M" + NL);
        Cli.Result i = Cli.run("plan", "--deadline", "tomorrow");
        assertThat(i.err()).isEqualTo("fairkit plan: error: --deadline: 'tomorrow' is not a date-time; expected "
                + "ISO-8601 with an offset, e.g. 2025-01-31T18:00:00Z or 2025-01-31T19:00:00+01:00" + NL);
        assertThat(Cli.run("plan", "--mode", "scheduled").err()).isEqualTo("fairkit plan: error: --mode scheduled "
                + "needs --start DATE-TIME" + NL);
        assertThat(Cli.run("plan", "--period", "1h").err()).isEqualTo("fairkit plan: error: --period applies only "
                + "with --mode continuous" + NL);
        assertThat(Cli.run("plan", "--days", "3", "--from", "2025-01-01", "--to", "2025-01-02").err())
                .isEqualTo("fairkit plan: error: --days and --from/--to are alternatives; give one" + NL);
        Cli.Result o = Cli.run("plan", "--outputs", "pdf");
        assertThat(o.code()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(o.err()).isEqualTo("fairkit plan: error: unknown audit output id 'pdf'; valid ids: "
                + "fairness_audit_pdf, metrics_export, flagged_cases, executive_summary_slides, detailed_report, "
                + "alert_configuration, dashboard_export, compliance_report" + NL);
        assertThat(Cli.run("plan", "--mode", "sometimes").err()).startsWith("fairkit plan: error: Invalid value for "
                + "option '--mode': expected one of [NOW, SCHEDULED, CONTINUOUS]");
    }
}
