package org.fairkit.orchestration.load;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The load model applied to one audit: its loads, estimated time, feasibility within its timeline, warnings,
 * suggestions and the message to show. Made by {@link LoadModel#estimate}.
 *
 * <p>{@link #message()} is one of the three texts of the specification, with X the input load, Y the output load
 * (both as {@link DurationFormat#units}) and Z the estimated time ({@link DurationFormat#seconds}):
 * <ul>
 *   <li>{@code This fairness audit will process approximately X input units and generate Y output units, taking
 *       approximately Z to complete.}</li>
 *   <li>{@code This audit is feasible but has some considerations: [warnings]. Estimated time: Z.}</li>
 *   <li>{@code This audit configuration may not be feasible within the requested timeline. [warnings]. Estimated
 *       time: Z.}</li>
 * </ul>
 * Warnings are joined with {@code "; "}; after a full stop their first letter is upper case.
 *
 * @param inputLoad I, in input units
 * @param outputLoad O, in output units
 * @param totalLoad O + 2·I
 * @param designTargetLoad 3.2·I
 * @param recommendedOutputLoad 1.2·I: the largest output load within the design target
 * @param outputs the selected outputs, in {@link OutputKind} order
 * @param timeline the timeline the estimate was judged against
 * @param estimatedSeconds the estimated time of a run
 * @param bufferedSeconds the estimate with the strict-SLA buffer when the SLA is strict, else the estimate
 * @param availableSeconds the time the tightest limit leaves, empty without limits
 * @param feasibility the verdict
 * @param warnings why the audit is not plainly feasible; empty when it is
 * @param suggestions changes that would make it {@link Feasibility#FEASIBLE}
 */
public record LoadEstimate(double inputLoad, double outputLoad, double totalLoad, double designTargetLoad,
        double recommendedOutputLoad, List<OutputKind> outputs, Timeline timeline, double estimatedSeconds,
        double bufferedSeconds, OptionalDouble availableSeconds, Feasibility feasibility, List<String> warnings,
        List<String> suggestions) {

    /** Copies the lists and checks that the verdict and the warnings agree. */
    public LoadEstimate {
        outputs = List.copyOf(outputs);
        Objects.requireNonNull(timeline, "timeline");
        Objects.requireNonNull(availableSeconds, "availableSeconds");
        Objects.requireNonNull(feasibility, "feasibility");
        warnings = List.copyOf(warnings);
        suggestions = List.copyOf(suggestions);
        if ((feasibility == Feasibility.FEASIBLE) != warnings.isEmpty()) {
            throw new IllegalArgumentException("a " + feasibility + " estimate " + (warnings.isEmpty()
                    ? "needs at least one warning" : "has no warnings, got " + warnings));
        }
    }

    /** @return the user-facing message for this verdict */
    public String message() {
        switch (feasibility) {
            case FEASIBLE:
                return LoadMessages.feasible(inputLoad, outputLoad, estimatedSeconds);
            case FEASIBLE_WITH_WARNINGS:
                return LoadMessages.feasibleWithWarnings(warnings, estimatedSeconds);
            default:
                return LoadMessages.notFeasible(warnings, estimatedSeconds);
        }
    }

    /** @return whether the output load is within the recommended 1.2·I */
    public boolean outputWithinTarget() {
        return outputLoad <= recommendedOutputLoad;
    }

    /** @return the estimated time, rounded to the nanosecond */
    public Duration estimatedTime() {
        return Duration.ofNanos(Math.round(estimatedSeconds * 1e9));
    }

    /**
     * Records how long the run really took, beside this estimate, for {@link LoadModel#calibrate}.
     *
     * @throws IllegalArgumentException if {@code actual} is not positive
     */
    public MeasuredRun measured(Duration actual) {
        return new MeasuredRun(inputLoad, outputLoad, estimatedSeconds, actual.toNanos() / 1e9);
    }

    /** @return the loads, the time, the verdict, then the message, warnings and suggestions */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "I = %s, O = %s (target <= %s), total = %s (design target %s), estimated %s: %s%n%s",
                DurationFormat.units(inputLoad), DurationFormat.units(outputLoad),
                DurationFormat.units(recommendedOutputLoad), DurationFormat.units(totalLoad),
                DurationFormat.units(designTargetLoad), DurationFormat.seconds(estimatedSeconds), feasibility,
                message()));
        for (String s : suggestions) {
            b.append(String.format(Locale.ROOT, "%n  suggestion: %s", s));
        }
        return b.toString();
    }
}
