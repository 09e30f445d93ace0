package org.fairkit.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fairkit.core.IntervalEstimator;
import org.fairkit.orchestration.run.AuditGrouping;
import org.fairkit.stats.Bayesian;
import org.fairkit.stats.Bootstrap;
import picocli.CommandLine.Option;

/**
 * How {@code audit} and {@code check} evaluate: the groupings (each sensitive column, and with
 * {@code --intersect} their intersection), reference groups, metrics, the minimum group size and intervals.
 *
 * <p>Intervals: {@code --bootstrap N} is {@code Bootstrap.bca(N).seed(S)} (bias-corrected and accelerated, Efron
 * 1987, by resampling each group's cell counts), {@code --bayes} is {@code Bayesian.jeffreys().seed(S)} (Jeffreys
 * Beta(1/2, 1/2) posteriors of each group's rates), both at 95%, with {@code S} from {@code --seed} (default 42), so
 * the same command gives the same intervals.
 */
final class EvaluationOptions {
    /** The seed when {@code --seed} is absent. */
    static final long DEFAULT_SEED = 42L;
    /** The most groups a grouping may have without {@code --max-groups}. */
    static final int DEFAULT_MAX_GROUPS = 10_000;
    /** The largest {@code --max-groups}. */
    static final int MAX_MAX_GROUPS = 1_000_000;

    @Option(names = "--intersect", description = "Also group by the intersection of all sensitive columns.")
    boolean intersect;

    @Option(names = "--reference", paramLabel = "COLUMN=VALUE",
            description = "The reference (privileged) group of a sensitive column; repeat per column. VALUE alone "
                    + "when there is one sensitive column.")
    List<String> reference;

    @Option(names = "--metrics", split = ",", paramLabel = "ID",
            description = "Metric catalog ids: group metrics, named fairness metrics, and score metrics with "
                    + "--score (default: count, selection_rate, true_positive_rate, false_positive_rate, "
                    + "positive_predictive_value, accuracy, and every fairness metric that applies).")
    List<String> metrics;

    @Option(names = "--min-group-size", paramLabel = "N", defaultValue = "0",
            description = "Groups with fewer rows are flagged and left out of disparities (default ${DEFAULT-VALUE}).")
    int minGroupSize;

    @Option(names = "--max-groups", paramLabel = "N", defaultValue = "" + DEFAULT_MAX_GROUPS,
            description = "Refuse a grouping with more groups (default ${DEFAULT-VALUE}): so many levels usually mean an "
                    + "ID column was passed as sensitive.")
    int maxGroups;

    @Option(names = "--bootstrap", paramLabel = "N", description = "BCa bootstrap intervals from N resamples.")
    Integer bootstrap;

    @Option(names = "--bayes", description = "Bayesian intervals (Jeffreys prior).")
    boolean bayes;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the interval methods (default 42).")
    Long seed;

    /** @return the interval estimator asked for, if any */
    Optional<IntervalEstimator> intervals() {
        if (bootstrap != null && bayes) {
            throw CliException.badInput(CliErrors.twoIntervalMethods());
        }
        long s = seed == null ? DEFAULT_SEED : seed;
        if (bootstrap != null) {
            Inputs.range("--bootstrap", bootstrap, 1, Inputs.MAX_BOOTSTRAP, "resamples");
            return Optional.of(Bootstrap.bca(bootstrap).seed(s));
        }
        return bayes ? Optional.of(Bayesian.jeffreys().seed(s)) : Optional.empty();
    }

    /** @return the most groups a grouping may have, checked */
    int maxGroups() {
        Inputs.range("--max-groups", maxGroups, 1, MAX_MAX_GROUPS, "groups");
        Inputs.range("--min-group-size", minGroupSize, 0, Integer.MAX_VALUE, "rows");
        return maxGroups;
    }

    /** @return the metrics asked for */
    MetricSelection metrics(boolean hasScores) {
        return MetricSelection.parse(metrics == null ? List.of() : metrics, hasScores);
    }

    /** @return each sensitive column's reference level, if given */
    Map<String, String> references(List<String> sensitive) {
        Map<String, String> refs = new LinkedHashMap<>();
        if (reference == null) {
            return refs;
        }
        for (String r : reference) {
            int eq = r.indexOf('=');
            String column;
            String value;
            if (eq < 0) {
                if (sensitive.size() != 1) {
                    throw CliException.badInput(CliErrors.referenceFormat(r, sensitive));
                }
                column = sensitive.get(0);
                value = r.strip();
            } else {
                column = r.substring(0, eq).strip();
                value = r.substring(eq + 1).strip();
            }
            if (!sensitive.contains(column)) {
                throw CliException.badInput(CliErrors.referenceColumn(column, sensitive));
            }
            if (refs.putIfAbsent(column, value) != null) {
                throw CliException.badInput(CliErrors.referenceTwice(column));
            }
        }
        return refs;
    }

    /**
     * The groupings: each sensitive column with its reference, then with {@code --intersect} (and two or more
     * columns) their intersection, whose reference is the combination of the columns' references when every column
     * has one.
     */
    List<AuditGrouping> groupings(List<String> sensitive) {
        Map<String, String> refs = references(sensitive);
        List<AuditGrouping> out = new ArrayList<>();
        for (String s : sensitive) {
            AuditGrouping g = AuditGrouping.of(s);
            out.add(refs.containsKey(s) ? g.reference(refs.get(s)) : g);
        }
        if (intersect && sensitive.size() > 1) {
            AuditGrouping g = AuditGrouping.of(sensitive.toArray(new String[0]));
            if (refs.keySet().containsAll(sensitive)) {
                g = g.reference(sensitive.stream().map(refs::get).toArray(String[]::new));
            }
            out.add(g);
        }
        return out;
    }
}
