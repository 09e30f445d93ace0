package org.fairkit.orchestration.load;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every user-facing text of the load model, built in one place so that the wording is consistent and tested.
 * Durations are formatted by {@link DurationFormat#seconds(double)}, unit counts by {@link DurationFormat#units}.
 */
final class LoadMessages {
    private LoadMessages() {
    }

    static String feasible(double inputLoad, double outputLoad, double seconds) {
        return "This fairness audit will process approximately " + DurationFormat.units(inputLoad)
                + " input units and generate " + DurationFormat.units(outputLoad)
                + " output units, taking approximately " + DurationFormat.seconds(seconds) + " to complete.";
    }

    static String feasibleWithWarnings(List<String> warnings, double seconds) {
        return "This audit is feasible but has some considerations: " + String.join("; ", warnings)
                + ". Estimated time: " + DurationFormat.seconds(seconds) + ".";
    }

    static String notFeasible(List<String> warnings, double seconds) {
        String joined = String.join("; ", warnings);
        return "This audit configuration may not be feasible within the requested timeline. "
                + Character.toUpperCase(joined.charAt(0)) + joined.substring(1) + ". Estimated time: "
                + DurationFormat.seconds(seconds) + ".";
    }

    static String timeLimit(Duration limit) {
        return "the time limit of " + DurationFormat.of(limit);
    }

    static String period(Duration period) {
        return "the continuous run period of " + DurationFormat.of(period);
    }

    static String beforeDeadline(double secondsLeft, Instant deadline) {
        return "the " + DurationFormat.seconds(Math.max(0, secondsLeft)) + " left before the deadline " + deadline;
    }

    static String exceeds(double seconds, String limit) {
        return "estimated time " + DurationFormat.seconds(seconds) + " exceeds " + limit;
    }

    static String strictExceeds(double seconds, double buffered, double buffer, String limit) {
        return "estimated time " + DurationFormat.seconds(seconds) + " with the " + percent(buffer)
                + " strict-SLA buffer (" + DurationFormat.seconds(buffered) + ") exceeds " + limit;
    }

    static String smallMargin(double seconds, double buffered, double buffer, String limit) {
        return "estimated time " + DurationFormat.seconds(seconds) + " leaves less than a " + percent(buffer)
                + " safety margin within " + limit + " (" + DurationFormat.seconds(buffered) + " with the margin)";
    }

    static String deadlineNotAfterStart(Instant deadline, Instant start) {
        return "the deadline " + deadline + " is not after the start " + start;
    }

    static String outputOverTarget(double outputLoad, double multiplier, double target) {
        return "output load " + DurationFormat.units(outputLoad) + " exceeds the recommended "
                + DurationFormat.units(multiplier) + " x input load = " + DurationFormat.units(target);
    }

    static String reduceInput(double maxInput, double inputLoad, String dateRangeExample) {
        return "reduce the input load to at most " + DurationFormat.units(maxInput) + " units (now "
                + DurationFormat.units(inputLoad) + ")" + (dateRangeExample == null ? "" : ", " + dateRangeExample);
    }

    static String dateRangeExample(long maxDays, int days) {
        return "for example a date range of at most " + maxDays + (maxDays == 1 ? " day" : " days") + " (now "
                + days + ")";
    }

    static String outputsAloneTooLong(double seconds) {
        return "the outputs alone need " + DurationFormat.seconds(seconds) + " with the margin: deselect outputs";
    }

    static String raiseTimeLimit(Duration enough) {
        return "raise the time limit to at least " + DurationFormat.of(enough);
    }

    static String lengthenPeriod(Duration enough) {
        return "lengthen the period to at least " + DurationFormat.of(enough);
    }

    static String moveDeadline(Instant enough) {
        return "move the deadline to " + enough + " or later";
    }

    static String deselect(List<OutputKind> removed, double left, double target) {
        return "deselect " + removed.stream().map(OutputKind::displayName).collect(Collectors.joining(", "))
                + " to bring the output load to " + DurationFormat.units(left) + " (at most "
                + DurationFormat.units(target) + ")";
    }

    private static String percent(double fraction) {
        return DurationFormat.units(100 * fraction) + "%";
    }
}
