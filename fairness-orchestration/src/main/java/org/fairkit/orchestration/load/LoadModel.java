package org.fairkit.orchestration.load;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import org.fairkit.core.internal.InputErrors;

/**
 * The audit load model: how much work an audit is, how long it takes, and whether it fits its timeline. A
 * configuration object (immutable, built once); {@link #estimate} applies it.
 *
 * <h2>Formulas (issue #5; the numbers are the contract)</h2>
 * <ul>
 *   <li>Input load: {@code I = 100 + 20·sensitiveAttributes + 5·dateRangeDays + 10·filters}, or the
 *       {@link InputProfile#estimatedSize() pre-calculated size} when present.</li>
 *   <li>Output load: {@code O = Σ weight(o)} over the selected {@link OutputKind}s (all eight: 13.0).</li>
 *   <li>Total process load: {@code L = O + 2·I} ({@link #INPUT_PASS_MULTIPLIER} 2.0: the input is read twice,
 *       once for ingestion and enrichment and once for the fairness evaluation).</li>
 *   <li>Design target: {@code 3.2·I} ({@link #TOTAL_LOAD_MULTIPLIER}), i.e. a recommended output load of at
 *       most {@code 1.2·I} ({@link #OUTPUT_TARGET_MULTIPLIER}; 3.2 = 2.0 + 1.2, and a model checks it).</li>
 *   <li>Rates: input {@value #INPUT_RATE} units/s, output {@value #OUTPUT_RATE} units/s, average
 *       {@code (15 + 8) / 2 = 11.5} units/s. Estimated time {@code t = L / 11.5}
 *       ({@link TimeFormula#AVERAGE_RATE}). So I = 100 with Metrics Export and Flagged Cases gives O = 2.5,
 *       L = 202.5 and t = 202.5 / 11.5 = 17.6 s.</li>
 * </ul>
 * Every constant can be changed with {@link #builder()}; {@link #defaults()} is the specification.
 *
 * <h2>Feasibility</h2>
 * The time available {@code A} is the smallest limit of the {@link Timeline}: its time limit, the time from the
 * start (now, or the scheduled start) to its deadline, and for continuous runs the period. With the strict-SLA
 * buffer {@code b} (20%), the buffered estimate is {@code t·(1 + b)}:
 * <ul>
 *   <li>{@link Feasibility#NOT_FEASIBLE} when the deadline is not after the start; with a strict SLA when
 *       {@code t·(1 + b) > A} (the buffer is applied to the estimate, which is then compared with the limit);
 *       otherwise when {@code t > A}.</li>
 *   <li>{@link Feasibility#FEASIBLE_WITH_WARNINGS} when it fits but, without a strict SLA,
 *       {@code t·(1 + b) > A} (less than the safety margin), or when {@code O > 1.2·I}.</li>
 *   <li>{@link Feasibility#FEASIBLE} otherwise; a timeline without limits always fits.</li>
 * </ul>
 * The suggestions give the values that make the audit {@link Feasibility#FEASIBLE}: the largest input load (and
 * date range) with {@code t·(1 + b) <= A}, the smallest limit that holds {@code t·(1 + b)}, and the fewest
 * heaviest outputs to deselect to bring {@code O} within {@code 1.2·I}.
 *
 * <h2>Calibration</h2>
 * The specification's rates are a design assumption. {@link #calibrate(List)} refits them from measured runs so
 * that estimates hold for the machine they run on; see {@link RateFit}.
 */
public final class LoadModel {
    /** Passes over the input: ingestion and enrichment, then fairness evaluation. */
    public static final double INPUT_PASS_MULTIPLIER = 2.0;
    /** Design target of the total load, in multiples of the input load. */
    public static final double TOTAL_LOAD_MULTIPLIER = 3.2;
    /** Recommended largest output load, in multiples of the input load. */
    public static final double OUTPUT_TARGET_MULTIPLIER = 1.2;
    /** Input processing rate, in units per second. */
    public static final double INPUT_RATE = 15.0;
    /** Output processing rate, in units per second. */
    public static final double OUTPUT_RATE = 8.0;
    /** The input load of an audit before its parts. */
    public static final double INPUT_BASE = 100.0;
    /** Input units per sensitive attribute. */
    public static final double UNITS_PER_SENSITIVE_ATTRIBUTE = 20.0;
    /** Input units per day of the date range. */
    public static final double UNITS_PER_DAY = 5.0;
    /** Input units per filter. */
    public static final double UNITS_PER_FILTER = 10.0;
    /** The buffer a strict SLA adds to the estimated time, as a fraction (20%). */
    public static final double STRICT_SLA_BUFFER = 0.20;

    private static final LoadModel DEFAULTS = builder().build();

    private final Map<OutputKind, Double> weights;
    private final double inputBase;
    private final double unitsPerSensitiveAttribute;
    private final double unitsPerDay;
    private final double unitsPerFilter;
    private final double inputPassMultiplier;
    private final double totalLoadMultiplier;
    private final double outputTargetMultiplier;
    private final double inputRate;
    private final double outputRate;
    private final double strictSlaBuffer;
    private final TimeFormula timeFormula;
    private final Clock clock;

    private LoadModel(Builder b) {
        Map<OutputKind, Double> w = new EnumMap<>(OutputKind.class);
        for (OutputKind o : OutputKind.values()) {
            w.put(o, b.weights.getOrDefault(o, o.defaultWeight()));
        }
        this.weights = Collections.unmodifiableMap(w);
        this.inputBase = or(b.inputBase, INPUT_BASE);
        this.unitsPerSensitiveAttribute = or(b.unitsPerSensitiveAttribute, UNITS_PER_SENSITIVE_ATTRIBUTE);
        this.unitsPerDay = or(b.unitsPerDay, UNITS_PER_DAY);
        this.unitsPerFilter = or(b.unitsPerFilter, UNITS_PER_FILTER);
        this.inputPassMultiplier = or(b.inputPassMultiplier, INPUT_PASS_MULTIPLIER);
        this.outputTargetMultiplier = or(b.outputTargetMultiplier, OUTPUT_TARGET_MULTIPLIER);
        this.totalLoadMultiplier = b.totalLoadMultiplier != null ? b.totalLoadMultiplier
                : b.inputPassMultiplier == null && b.outputTargetMultiplier == null ? TOTAL_LOAD_MULTIPLIER
                : inputPassMultiplier + outputTargetMultiplier;
        this.inputRate = or(b.inputRate, INPUT_RATE);
        this.outputRate = or(b.outputRate, OUTPUT_RATE);
        this.strictSlaBuffer = or(b.strictSlaBuffer, STRICT_SLA_BUFFER);
        this.timeFormula = b.timeFormula != null ? b.timeFormula : TimeFormula.AVERAGE_RATE;
        this.clock = b.clock != null ? b.clock : Clock.systemUTC();
    }

    private LoadModel(LoadModel m, double inputRate, double outputRate, TimeFormula formula) {
        this.weights = m.weights;
        this.inputBase = m.inputBase;
        this.unitsPerSensitiveAttribute = m.unitsPerSensitiveAttribute;
        this.unitsPerDay = m.unitsPerDay;
        this.unitsPerFilter = m.unitsPerFilter;
        this.inputPassMultiplier = m.inputPassMultiplier;
        this.totalLoadMultiplier = m.totalLoadMultiplier;
        this.outputTargetMultiplier = m.outputTargetMultiplier;
        this.inputRate = inputRate;
        this.outputRate = outputRate;
        this.strictSlaBuffer = m.strictSlaBuffer;
        this.timeFormula = formula;
        this.clock = m.clock;
    }

    private static double or(Double v, double dflt) {
        return v != null ? v : dflt;
    }

    /** @return the model of the specification: every constant at its documented default */
    public static LoadModel defaults() {
        return DEFAULTS;
    }

    /** @return a builder whose unset constants keep their defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the weight of an output, in output units */
    public double weight(OutputKind output) {
        return weights.get(Objects.requireNonNull(output, "output"));
    }

    /** @return {@code I}: the profile's pre-calculated size, or {@code 100 + 20·a + 5·d + 10·f} */
    public double inputLoad(InputProfile input) {
        OptionalDouble given = input.estimatedSize();
        if (given.isPresent()) {
            return given.getAsDouble();
        }
        return inputBase + unitsPerSensitiveAttribute * input.sensitiveAttributes()
                + unitsPerDay * input.dateRangeDays() + unitsPerFilter * input.filters();
    }

    /** @return {@code O}: the sum of the weights of the outputs */
    public double outputLoad(Set<OutputKind> outputs) {
        double o = 0;
        for (OutputKind out : OutputKind.values()) {
            if (outputs.contains(out)) {
                o += weight(out);
            }
        }
        return o;
    }

    /** @return the total process load {@code L = O + 2·I} */
    public double totalLoad(double inputLoad, double outputLoad) {
        return outputLoad + inputPassMultiplier * inputLoad;
    }

    /** @return the average rate {@code (r_in + r_out) / 2}, 11.5 units/s by default */
    public double averageRate() {
        return (inputRate + outputRate) / 2;
    }

    /**
     * The estimated time of a run, by this model's {@link TimeFormula}: {@code (O + 2·I) / r_avg} for
     * {@link TimeFormula#AVERAGE_RATE}, {@code 2·I / r_in + O / r_out} for {@link TimeFormula#SEPARATE_RATES}.
     */
    public double estimatedSeconds(double inputLoad, double outputLoad) {
        if (timeFormula == TimeFormula.AVERAGE_RATE) {
            return totalLoad(inputLoad, outputLoad) / averageRate();
        }
        return inputPassMultiplier * inputLoad / inputRate + outputLoad / outputRate;
    }

    /**
     * Estimates an audit: its loads, time, feasibility within the timeline, warnings, suggestions and the
     * user-facing message (see the class documentation for the rules).
     *
     * @param input what the audit reads
     * @param outputs what it produces
     * @param timeline when it runs and its limits
     */
    public LoadEstimate estimate(InputProfile input, Set<OutputKind> outputs, Timeline timeline) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(outputs, "outputs");
        Objects.requireNonNull(timeline, "timeline");
        double in = inputLoad(input);
        double out = outputLoad(outputs);
        double seconds = estimatedSeconds(in, out);
        double factor = 1 + strictSlaBuffer;
        double buffered = timeline.strictSla() ? seconds * factor : seconds;
        List<String> warnings = new ArrayList<>();
        List<String> suggestions = new ArrayList<>();
        Feasibility verdict = Feasibility.FEASIBLE;

        Limit limit = tightestLimit(timeline);
        if (limit != null) {
            if (limit.seconds <= 0) {
                verdict = Feasibility.NOT_FEASIBLE;
                warnings.add(LoadMessages.deadlineNotAfterStart(timeline.deadline().orElseThrow(), limit.start));
                suggestions.add(LoadMessages.moveDeadline(limit.start.plus(ceilSeconds(seconds * factor))));
            } else if (seconds * factor > limit.seconds) {
                boolean exceeds = timeline.strictSla() || seconds > limit.seconds;
                if (exceeds) {
                    verdict = Feasibility.NOT_FEASIBLE;
                    warnings.add(timeline.strictSla()
                            ? LoadMessages.strictExceeds(seconds, seconds * factor, strictSlaBuffer, limit.description)
                            : LoadMessages.exceeds(seconds, limit.description));
                } else {
                    verdict = Feasibility.FEASIBLE_WITH_WARNINGS;
                    warnings.add(LoadMessages.smallMargin(seconds, seconds * factor, strictSlaBuffer,
                            limit.description));
                }
                timeSuggestions(input, in, out, seconds * factor, limit, factor, suggestions);
            }
        }
        double target = outputTargetMultiplier * in;
        if (out > target) {
            if (verdict == Feasibility.FEASIBLE) {
                verdict = Feasibility.FEASIBLE_WITH_WARNINGS;
            }
            warnings.add(LoadMessages.outputOverTarget(out, outputTargetMultiplier, target));
            suggestions.add(deselect(outputs, out, target));
        }
        return new LoadEstimate(in, out, totalLoad(in, out), totalLoadMultiplier * in, target,
                List.copyOf(sortedOutputs(outputs)), timeline, seconds, buffered,
                limit == null ? OptionalDouble.empty() : OptionalDouble.of(limit.seconds), verdict,
                warnings, suggestions);
    }

    private static List<OutputKind> sortedOutputs(Set<OutputKind> outputs) {
        List<OutputKind> sorted = new ArrayList<>();
        for (OutputKind o : OutputKind.values()) {
            if (outputs.contains(o)) {
                sorted.add(o);
            }
        }
        return sorted;
    }

    /** A limit of the timeline, in seconds from the start, with its words. */
    private static final class Limit {
        final double seconds;
        final String description;
        final Kind kind;
        final Instant start;

        enum Kind { TIME_LIMIT, DEADLINE, PERIOD }

        Limit(double seconds, String description, Kind kind, Instant start) {
            this.seconds = seconds;
            this.description = description;
            this.kind = kind;
            this.start = start;
        }
    }

    private Limit tightestLimit(Timeline t) {
        List<Limit> limits = new ArrayList<>();
        t.timeLimit().ifPresent(l -> limits.add(new Limit(toSeconds(l), LoadMessages.timeLimit(l),
                Limit.Kind.TIME_LIMIT, null)));
        t.period().ifPresent(p -> limits.add(new Limit(toSeconds(p), LoadMessages.period(p), Limit.Kind.PERIOD,
                null)));
        if (t.deadline().isPresent()) {
            Instant start = t.start().orElseGet(clock::instant);
            double left = toSeconds(Duration.between(start, t.deadline().get()));
            limits.add(new Limit(left, LoadMessages.beforeDeadline(left, t.deadline().get()), Limit.Kind.DEADLINE,
                    start));
        }
        Limit tightest = null;
        for (Limit l : limits) {
            if (tightest == null || l.seconds < tightest.seconds) {
                tightest = l;
            }
        }
        return tightest;
    }

    private static double toSeconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }

    /** Floor that forgives rounding noise: 280.99999999999997 is 281, whose time equals the limit exactly. */
    private static double floorNearly(double x) {
        return Math.floor(x + 1e-9 * Math.max(1, Math.abs(x)));
    }

    private static Duration ceilSeconds(double seconds) {
        return Duration.ofSeconds((long) Math.ceil(seconds));
    }

    private void timeSuggestions(InputProfile input, double in, double out, double needed, Limit limit,
            double factor, List<String> suggestions) {
        double fixed = estimatedSeconds(0, out);
        double perInputUnit = estimatedSeconds(1, out) - fixed;
        double maxInput = (limit.seconds / factor - fixed) / perInputUnit;
        if (maxInput <= 0) {
            suggestions.add(LoadMessages.outputsAloneTooLong(fixed * factor));
        } else {
            double shown = floorNearly(maxInput * 10) / 10;
            String days = null;
            if (input.estimatedSize().isEmpty() && unitsPerDay > 0) {
                double other = inputLoad(InputProfile.of(input.sensitiveAttributes(), 0, input.filters()));
                long maxDays = (long) floorNearly((maxInput - other) / unitsPerDay);
                if (maxDays >= 0 && maxDays < input.dateRangeDays()) {
                    days = LoadMessages.dateRangeExample(maxDays, input.dateRangeDays());
                }
            }
            suggestions.add(LoadMessages.reduceInput(shown, in, days));
        }
        Duration enough = ceilSeconds(needed);
        switch (limit.kind) {
            case TIME_LIMIT:
                suggestions.add(LoadMessages.raiseTimeLimit(enough));
                break;
            case PERIOD:
                suggestions.add(LoadMessages.lengthenPeriod(enough));
                break;
            default:
                suggestions.add(LoadMessages.moveDeadline(limit.start.plus(enough)));
        }
    }

    private String deselect(Set<OutputKind> outputs, double out, double target) {
        List<OutputKind> heaviestFirst = new ArrayList<>(sortedOutputs(outputs));
        heaviestFirst.sort((a, b) -> Double.compare(weight(b), weight(a)));
        List<OutputKind> removed = new ArrayList<>();
        double left = out;
        for (OutputKind o : heaviestFirst) {
            if (left <= target) {
                break;
            }
            removed.add(o);
            left -= weight(o);
        }
        return LoadMessages.deselect(removed, Math.max(0, left), target);
    }

    /**
     * Refits the input and output rates to measured runs; see {@link RateFit} for the method.
     *
     * @param history measured runs, at least one
     * @return the fit, the calibrated model and the estimate error before and after
     * @throws IllegalArgumentException if the history is empty or contains {@code null}
     */
    public RateFit calibrate(List<MeasuredRun> history) {
        return RateFit.fit(this, history);
    }

    /** @return this model with other rates and formula (used by calibration) */
    LoadModel withRates(double newInputRate, double newOutputRate, TimeFormula formula) {
        return new LoadModel(this, newInputRate, newOutputRate, formula);
    }

    /** @return the input base load (100) */
    public double inputBase() {
        return inputBase;
    }

    /** @return input units per sensitive attribute (20) */
    public double unitsPerSensitiveAttribute() {
        return unitsPerSensitiveAttribute;
    }

    /** @return input units per day of the date range (5) */
    public double unitsPerDay() {
        return unitsPerDay;
    }

    /** @return input units per filter (10) */
    public double unitsPerFilter() {
        return unitsPerFilter;
    }

    /** @return passes over the input (2.0) */
    public double inputPassMultiplier() {
        return inputPassMultiplier;
    }

    /** @return the design target of the total load in multiples of I (3.2) */
    public double totalLoadMultiplier() {
        return totalLoadMultiplier;
    }

    /** @return the recommended largest output load in multiples of I (1.2) */
    public double outputTargetMultiplier() {
        return outputTargetMultiplier;
    }

    /** @return the input rate in units/s (15) */
    public double inputRate() {
        return inputRate;
    }

    /** @return the output rate in units/s (8) */
    public double outputRate() {
        return outputRate;
    }

    /** @return the strict-SLA buffer as a fraction (0.20) */
    public double strictSlaBuffer() {
        return strictSlaBuffer;
    }

    /** @return how loads become seconds */
    public TimeFormula timeFormula() {
        return timeFormula;
    }

    /** @return every constant, e.g. {@code LoadModel[I = 100 + 20/attribute + 5/day + 10/filter, ...]} */
    @Override
    public String toString() {
        StringBuilder w = new StringBuilder();
        for (OutputKind o : OutputKind.values()) {
            w.append(w.length() == 0 ? "" : ", ").append(o.id()).append(' ').append(DurationFormat.units(weight(o)));
        }
        return String.format(Locale.ROOT, "LoadModel[I = %s + %s/attribute + %s/day + %s/filter; L = O + %s I; "
                + "target %s I (O <= %s I); rates in %s, out %s units/s; %s; strict SLA buffer %s%%; weights %s]",
                DurationFormat.units(inputBase), DurationFormat.units(unitsPerSensitiveAttribute),
                DurationFormat.units(unitsPerDay), DurationFormat.units(unitsPerFilter),
                num(inputPassMultiplier), num(totalLoadMultiplier), num(outputTargetMultiplier), num(inputRate),
                num(outputRate), timeFormula, DurationFormat.units(100 * strictSlaBuffer), w);
    }

    private static String num(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * Sets the constants of a {@link LoadModel}. Each can be set once and is validated at once; unset constants
     * keep the specification's defaults. When {@code totalLoadMultiplier} is set, {@link #build()} checks that it
     * equals {@code inputPassMultiplier + outputTargetMultiplier} (as set, or at their defaults); when it is not
     * set, it follows from the other two.
     */
    public static final class Builder {
        private final Map<OutputKind, Double> weights = new EnumMap<>(OutputKind.class);
        private Double inputBase;
        private Double unitsPerSensitiveAttribute;
        private Double unitsPerDay;
        private Double unitsPerFilter;
        private Double inputPassMultiplier;
        private Double totalLoadMultiplier;
        private Double outputTargetMultiplier;
        private Double inputRate;
        private Double outputRate;
        private Double strictSlaBuffer;
        private TimeFormula timeFormula;
        private Clock clock;

        private Builder() {
        }

        private static Double once(Double current, String name, double value, boolean positive) {
            if (current != null) {
                throw InputErrors.settingTwice(name);
            }
            if (!Double.isFinite(value) || (positive ? !(value > 0) : !(value >= 0))) {
                throw InputErrors.badSetting(name, value, positive ? "finite and > 0" : "finite and >= 0");
            }
            return value;
        }

        /** The weight of one output, in output units ({@code >= 0}). */
        public Builder weight(OutputKind output, double weight) {
            Objects.requireNonNull(output, "output");
            weights.put(output, once(weights.get(output), "weight(" + output.id() + ")", weight, false));
            return this;
        }

        /** The input load before its parts (default 100). */
        public Builder inputBase(double units) {
            inputBase = once(inputBase, "inputBase", units, false);
            return this;
        }

        /** Input units per sensitive attribute (default 20). */
        public Builder unitsPerSensitiveAttribute(double units) {
            unitsPerSensitiveAttribute = once(unitsPerSensitiveAttribute, "unitsPerSensitiveAttribute", units, false);
            return this;
        }

        /** Input units per day of the date range (default 5). */
        public Builder unitsPerDay(double units) {
            unitsPerDay = once(unitsPerDay, "unitsPerDay", units, false);
            return this;
        }

        /** Input units per filter (default 10). */
        public Builder unitsPerFilter(double units) {
            unitsPerFilter = once(unitsPerFilter, "unitsPerFilter", units, false);
            return this;
        }

        /** Passes over the input (default 2.0). */
        public Builder inputPassMultiplier(double passes) {
            inputPassMultiplier = once(inputPassMultiplier, "inputPassMultiplier", passes, true);
            return this;
        }

        /** Design target of the total load in multiples of I (default 3.2). */
        public Builder totalLoadMultiplier(double multiple) {
            totalLoadMultiplier = once(totalLoadMultiplier, "totalLoadMultiplier", multiple, true);
            return this;
        }

        /** Recommended largest output load in multiples of I (default 1.2). */
        public Builder outputTargetMultiplier(double multiple) {
            outputTargetMultiplier = once(outputTargetMultiplier, "outputTargetMultiplier", multiple, false);
            return this;
        }

        /** Input rate in units per second (default 15). */
        public Builder inputRate(double unitsPerSecond) {
            inputRate = once(inputRate, "inputRate", unitsPerSecond, true);
            return this;
        }

        /** Output rate in units per second (default 8). */
        public Builder outputRate(double unitsPerSecond) {
            outputRate = once(outputRate, "outputRate", unitsPerSecond, true);
            return this;
        }

        /** The strict-SLA buffer as a fraction of the estimate (default 0.20). */
        public Builder strictSlaBuffer(double fraction) {
            strictSlaBuffer = once(strictSlaBuffer, "strictSlaBuffer", fraction, false);
            return this;
        }

        /** How loads become seconds (default {@link TimeFormula#AVERAGE_RATE}). */
        public Builder timeFormula(TimeFormula formula) {
            if (timeFormula != null) {
                throw InputErrors.settingTwice("timeFormula");
            }
            timeFormula = Objects.requireNonNull(formula, "timeFormula");
            return this;
        }

        /** The clock that gives "now" for deadlines of {@link ExecutionMode#NOW} timelines (default UTC). */
        public Builder clock(Clock c) {
            if (clock != null) {
                throw InputErrors.settingTwice("clock");
            }
            clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /**
         * @return the model
         * @throws IllegalArgumentException if the total load multiplier is set and is not the sum of the other two
         */
        public LoadModel build() {
            if (totalLoadMultiplier != null) {
                double pass = or(inputPassMultiplier, INPUT_PASS_MULTIPLIER);
                double target = or(outputTargetMultiplier, OUTPUT_TARGET_MULTIPLIER);
                if (Math.abs(totalLoadMultiplier - (pass + target)) > 1e-9 * totalLoadMultiplier) {
                    throw InputErrors.badSetting("totalLoadMultiplier", totalLoadMultiplier,
                            "inputPassMultiplier + outputTargetMultiplier = " + num(pass) + " + " + num(target)
                                    + " = " + num(pass + target));
                }
            }
            return new LoadModel(this);
        }
    }
}
