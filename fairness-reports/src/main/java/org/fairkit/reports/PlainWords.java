package org.fairkit.reports;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.Metrics;

/**
 * The findings of {@link Concerns} in plain words, for readers who do not know the metrics: no metric ids, ratios of
 * rates as percentages, differences of rates as percentage points, groups by name. The technical statement of each
 * finding (ids, formulas, p-values) stays in {@link Concern#headline()} and {@link Concern#detail()}, which the
 * documents show in their appendix.
 *
 * <p>A number is never rounded onto its limit: {@code 0.7996} against 80% prints as {@code 79.96%}, not {@code 80%}.
 */
final class PlainWords {
    /** Said of a failed policy rule, after the finding itself. */
    static final String BREAKS_POLICY = "This breaks a rule of the organisation's fairness policy.";

    private PlainWords() {
    }

    /** How a quantity is written: a percentage of a rate, a difference in percentage points, or a plain number. */
    enum Unit {
        /** A ratio of two rates: {@code 0.61} is {@code 61%}. */
        PERCENT,
        /** A difference of two rates: {@code 0.24} is {@code 24 percentage points} (signed: pass |v| for a gap). */
        POINTS,
        /** Anything else: two decimals. */
        NUMBER;

        /**
         * @return {@code v} in this unit, with enough digits (up to four more) that it does not read as
         *     {@code limit}; closer than that, "just over" or "just under" the limit
         */
        String format(double v, double limit) {
            int start = this == NUMBER ? 2 : 0;
            int digits = start;
            while (digits < start + 4 && reads(v, limit, digits)) {
                digits++;
            }
            if (reads(v, limit, digits)) {
                return (Math.abs(v) > Math.abs(limit) ? "just over " : "just under ") + format(Math.copySign(limit, v),
                        start);
            }
            return format(v, digits);
        }

        /** @return whether {@code v} reads as {@code limit} at so many digits without being equal to it */
        private boolean reads(double v, double limit, int digits) {
            double scale = this == NUMBER ? 1 : 100;
            return Math.abs(v) != Math.abs(limit) && Fmt.num(Math.abs(v) * scale, digits).equals(
                    Fmt.num(Math.abs(limit) * scale, digits));
        }

        /** @return {@code v} in this unit with a fixed number of decimals */
        String format(double v, int digits) {
            return switch (this) {
                case PERCENT -> Fmt.num(v * 100, digits) + "%";
                case POINTS -> Fmt.num(v * 100, digits);
                case NUMBER -> Fmt.num(v, digits);
            };
        }

        /** @return the word after a number in this unit */
        String suffix() {
            return this == POINTS ? " percentage points" : "";
        }
    }

    // ----- adverse impact (the four-fifths rule)

    /** "Group B is selected at 61% of Group A's rate; the four-fifths rule asks for at least 80%." */
    static String adverseImpact(String group, double ratio, String comparison) {
        return group + " is selected at " + Unit.PERCENT.format(ratio, AdverseImpact.FOUR_FIFTHS) + " of "
                + comparison + "'s rate; the four-fifths rule asks for at least 80%.";
    }

    /** The evidence behind {@link #adverseImpact}: both rates with their sizes, the interval, the shortfall. */
    static String adverseImpactEvidence(AdverseImpact.Row row, Optional<AdverseImpact.Row> comparison,
            boolean robust, OptionalLong shortfall) {
        StringBuilder b = new StringBuilder();
        b.append(rate(row.selectionRate())).append(" of ").append(row.group().label()).append("'s ")
                .append(Fmt.count(row.rows())).append(row.rows() == 1 ? " case was" : " cases were")
                .append(" selected");
        comparison.ifPresent(c -> b.append(", against ").append(rate(c.selectionRate())).append(" of ")
                .append(c.group().label()).append("'s ").append(Fmt.count(c.rows())));
        b.append('.');
        row.ratioInterval().ifPresent(i -> b.append(' ').append(chance("the ratio", i, robust, Unit.PERCENT,
                AdverseImpact.FOUR_FIFTHS)));
        shortfall.ifPresent(k -> b.append(' ').append(Fmt.count(k)).append(k == 1 ? " more selection" :
                " more selections").append(" in ").append(row.group().label()).append(" would reach four-fifths."));
        return b.toString();
    }

    // ----- a fairness metric beyond its threshold

    /** The finding of a fairness metric beyond its acceptable band, between the groups that produce it. */
    static String disparity(FairnessMetric f, double value, List<String> groups, DisparityThreshold t) {
        Unit unit = unit(f);
        List<Metrics> components = f.components();
        boolean two = groups.size() == 2;
        if (two && t.ratio()) {
            String what = components.size() == 1 ? plainName(components.get(0)) : "true or false positive rate";
            return groups.get(0) + "'s " + what + " is " + unit.format(value, value < 1 ? t.low() : t.high()) + " of "
                    + groups.get(1) + "'s; " + acceptable(t, unit) + ".";
        }
        if (two && unit == Unit.POINTS) {
            String what = components.size() == 1 ? Fmt.humanize(plainName(components.get(0))) + " differs"
                    : f.form() == FairnessMetric.Form.SPREAD_DIFFERENCE ? "True or false positive rates differ"
                    : "True and false positive rates differ on average";
            return what + " by " + unit.format(Math.abs(value), t.limit()) + unit.suffix() + " between " + groups.get(0)
                    + " and " + groups.get(1) + "; " + acceptable(t, unit) + ".";
        }
        return f.info().name() + " is " + unit.format(value, value < t.parity() ? t.low() : t.high())
                + unit.suffix() + (groups.isEmpty() ? "" : " (" + String.join(" vs ", groups) + ")") + "; "
                + acceptable(t, unit) + ".";
    }

    /** The evidence behind {@link #disparity}: what the compared rate means and whether chance explains it. */
    static String disparityEvidence(FairnessMetric f, Optional<Interval> interval, boolean robust,
            DisparityThreshold t) {
        StringBuilder b = new StringBuilder();
        List<Metrics> components = f.components();
        for (Metrics m : components) {
            b.append(b.length() == 0 ? "" : " ").append(Fmt.humanize(plainName(m))).append(": ").append(gloss(m))
                    .append('.');
        }
        Unit unit = unit(f);
        interval.ifPresent(i -> b.append(b.length() == 0 ? "" : " ").append(chance(unit == Unit.PERCENT
                ? "the ratio" : "the gap", i, robust, unit, t.ratio() ? t.low() : t.limit())));
        return b.toString();
    }

    // ----- policy rules

    /** A failed rule of the policy: what it measures, its value and what the policy asks. */
    static String failedRule(String rule, MetricValue value) {
        Optional<ParsedRule> p = ParsedRule.parse(rule);
        if (p.isEmpty()) {
            return "A rule of the organisation's fairness policy is not met.";
        }
        ParsedRule r = p.get();
        if (!value.isDefined()) {
            return r.subject() + " could not be computed, so a rule of the fairness policy cannot be met.";
        }
        return r.subject() + " " + r.is(value.value()) + "; the fairness policy asks for " + r.asks() + ".";
    }

    /** A policy rule that warned, or could not be judged. */
    static String policyWarning(String rule, MetricValue value, boolean inconclusive) {
        Optional<ParsedRule> p = ParsedRule.parse(rule);
        if (p.isEmpty()) {
            return inconclusive ? "A rule of the fairness policy could not be judged."
                    : "A rule of the fairness policy gives a warning.";
        }
        ParsedRule r = p.get();
        if (inconclusive || !value.isDefined()) {
            return r.subject() + " could not be judged against the fairness policy, which asks for " + r.asks() + ".";
        }
        return r.subject() + " " + r.is(value.value()) + "; the fairness policy warns when it is not "
                + r.asks() + ".";
    }

    /** What a policy concern's evidence says, for the groups named. */
    static String policyEvidence(List<String> groups, boolean failed) {
        String head = failed ? BREAKS_POLICY : "The organisation's fairness policy asks for a review.";
        return groups.isEmpty() ? head : head + " Groups concerned: " + String.join(", ", groups) + ".";
    }

    // ----- undefined metrics and small groups

    /** A fairness metric that could not be computed. */
    static String undefined(FairnessMetric f) {
        return f.info().name() + " could not be computed, so it cannot be checked.";
    }

    /** Why, in general terms: the technical reason is in the appendix. */
    static String undefinedEvidence() {
        return "The data lacks the cases this check needs (for example, a group without any positive outcome).";
    }

    /** A group below the minimum size. */
    static String smallGroup(String group, long rows) {
        return group + " has only " + Fmt.count(rows) + (rows == 1 ? " case" : " cases") + ": too few to judge.";
    }

    /** Why a small group is not judged. */
    static String smallGroupEvidence(String group, int minGroupSize) {
        return "Groups smaller than " + minGroupSize + " are shown but left out of every comparison; conclusions about "
                + group + " need more data.";
    }

    // ----- helpers

    private static String acceptable(DisparityThreshold t, Unit unit) {
        if (t.ratio()) {
            return "the acceptable range is " + unit.format(t.low(), 0) + " to " + unit.format(t.high(), 0);
        }
        return "the acceptable limit is " + (unit == Unit.POINTS ? Fmt.num(t.limit() * 100, 0) + " points"
                : Fmt.num(t.limit(), 2));
    }

    /**
     * "With 95% confidence the ratio lies between 60% and 63%, entirely beyond the limit: chance does not explain it."
     * A gap (a difference in points) whose interval lies below 0 is stated by its size, smaller end first.
     */
    private static String chance(String noun, Interval i, boolean robust, Unit unit, double limit) {
        double lo = i.lower();
        double hi = i.upper();
        if (unit == Unit.POINTS && hi <= 0) {
            lo = -i.upper();
            hi = -i.lower();
        }
        return "With " + Fmt.percent(i.level()) + " confidence " + noun + " lies between " + unit.format(lo, limit)
                + " and " + unit.format(hi, limit) + unit.suffix() + (robust
                        ? ", entirely beyond the limit: chance does not explain it."
                        : ", which reaches the acceptable range: chance may explain it.");
    }

    private static Unit unit(FairnessMetric f) {
        return switch (f.form()) {
            case SPREAD_RATIO, REFERENCE_RATIO -> Unit.PERCENT;
            case SPREAD_DIFFERENCE, REFERENCE_DIFFERENCE, REFERENCE_ABS_DIFFERENCE -> Unit.POINTS;
        };
    }

    private static String rate(MetricValue v) {
        return v.isDefined() ? Unit.PERCENT.format(v.value(), 0) : "an undefined share";
    }

    /** The rate's name in lower case, e.g. "selection rate". */
    static String plainName(Metrics m) {
        return m.info().name().toLowerCase(Locale.ROOT);
    }

    private static String gloss(Metrics m) {
        return switch (m) {
            case SELECTION_RATE -> "the share of cases selected (given the favourable decision)";
            case TRUE_POSITIVE_RATE -> "the share of actual positives that were selected";
            case FALSE_POSITIVE_RATE -> "the share of actual negatives that were selected anyway";
            case POSITIVE_PREDICTIVE_VALUE -> "the share of selected cases that were actual positives";
            case ERROR_RATE -> "the share of decisions that were wrong";
            default -> m.info().description();
        };
    }

    /**
     * A policy rule as the policy engine writes it, {@code <id> <op> <threshold> [for <columns>]}, e.g.
     * {@code disparate_impact >= 0.8 for ethnicity}; anything else does not parse, and the plain words stay general.
     */
    record ParsedRule(String id, String op, double threshold) {
        static Optional<ParsedRule> parse(String rule) {
            String[] w = rule.strip().split("\\s+");
            if (w.length < 3 || !List.of(">=", "<=", ">", "<").contains(w[1])) {
                return Optional.empty();
            }
            try {
                double t = Double.parseDouble(w[2]);
                return Double.isFinite(t) ? Optional.of(new ParsedRule(w[0], w[1], t)) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        /** @return what the rule measures, in words, capitalised */
        String subject() {
            if (id.equals("min_group_size")) {
                return "The smallest group";
            }
            for (FairnessMetric f : FairnessMetric.values()) {
                if (f.id().equals(id)) {
                    return f.info().name();
                }
            }
            int dot = id.indexOf('.');
            if (dot > 0) {
                return Fmt.humanize(id.substring(dot + 1)) + " in " + id.substring(0, dot).replace('_', ' ');
            }
            return Fmt.humanize(id);
        }

        /** @return e.g. "at least 0.8" */
        String asks() {
            String words = switch (op) {
                case ">=" -> "at least ";
                case "<=" -> "at most ";
                case ">" -> "more than ";
                default -> "less than ";
            };
            return words + (id.equals("min_group_size") ? Fmt.num(threshold, 0) + " cases"
                    : plainNumber(threshold));
        }

        /** @return the value in the rule's terms, e.g. "is 0.61" or "has 10 cases", never rounded onto the threshold */
        String is(double v) {
            if (id.equals("min_group_size")) {
                return "has " + Fmt.count((long) v) + (v == 1 ? " case" : " cases");
            }
            return "is " + Unit.NUMBER.format(v, threshold);
        }
    }

    /** A policy threshold as a person writes it: {@code 0.8}, not {@code 0.800}. */
    private static String plainNumber(double v) {
        String s = String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
