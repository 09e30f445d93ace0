package org.fairkit.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.fairkit.core.catalog.MetricCatalog;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.MetricInfo;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.scores.ScoreMetric;
import org.fairkit.core.scores.ScoreMetrics;

/**
 * The metrics an audit reports, parsed from {@code --metrics} catalog ids (or aliases, case-insensitive): the
 * confusion group metrics ({@link Metrics}), the named fairness metrics ({@link FairnessMetric}) and, when the data
 * has a score column, the score metrics ({@link ScoreMetrics}). Other catalog metrics (regression, ranking,
 * individual, data quality) need inputs an audit of decisions does not have and are refused by name.
 *
 * <p>Defaults when {@code --metrics} is absent: {@link Metrics#defaults()}, every named fairness metric (those
 * needing a reference group only for groupings that have one), and with a score column {@code roc_auc} and
 * {@code brier_score}. When {@code --metrics} names only fairness metrics, the group metrics stay at their defaults;
 * when it names group or score metrics but no fairness metric, all fairness metrics are reported.
 *
 * @param groupMetrics the confusion metrics, in the order given
 * @param scoreMetrics the score metrics, in the order given
 * @param fairnessMetrics the named fairness metrics, empty for the default (all that apply)
 */
record MetricSelection(List<GroupMetric> groupMetrics, List<ScoreMetric> scoreMetrics,
        Optional<List<FairnessMetric>> fairnessMetrics) {

    /** The score metrics reported by default when the data has scores. */
    static final List<ScoreMetric> DEFAULT_SCORE_METRICS = List.of(ScoreMetrics.ROC_AUC, ScoreMetrics.BRIER_SCORE);

    MetricSelection {
        groupMetrics = List.copyOf(groupMetrics);
        scoreMetrics = List.copyOf(scoreMetrics);
        fairnessMetrics = fairnessMetrics.map(List::copyOf);
    }

    /**
     * Parses {@code --metrics}.
     *
     * @param ids the ids given, or empty for the defaults
     * @param hasScores whether a score column is mapped
     * @throws CliException for an unknown id (listing the valid ones), a catalog metric an audit cannot compute, or
     *     a score metric without a score column
     */
    static MetricSelection parse(List<String> ids, boolean hasScores) {
        if (ids.isEmpty()) {
            return new MetricSelection(Metrics.defaults(), hasScores ? DEFAULT_SCORE_METRICS : List.of(),
                    Optional.empty());
        }
        Set<GroupMetric> group = new LinkedHashSet<>();
        Set<ScoreMetric> score = new LinkedHashSet<>();
        Set<FairnessMetric> fairness = new LinkedHashSet<>();
        for (String raw : ids) {
            String id = raw.strip();
            MetricInfo info;
            try {
                info = MetricCatalog.byId(id);
            } catch (IllegalArgumentException e) {
                throw CliException.badInput(CliErrors.unknownMetric(id, validIds(hasScores)));
            }
            Optional<Metrics> m = Arrays.stream(Metrics.values()).filter(x -> x.info().equals(info)).findFirst();
            Optional<FairnessMetric> f = Arrays.stream(FairnessMetric.values()).filter(x -> x.info().equals(info))
                    .findFirst();
            Optional<ScoreMetrics> s = Arrays.stream(ScoreMetrics.values()).filter(x -> x.info().equals(info))
                    .findFirst();
            if (m.isPresent()) {
                group.add(m.get());
            } else if (f.isPresent()) {
                fairness.add(f.get());
            } else if (s.isPresent()) {
                if (!hasScores) {
                    throw CliException.badInput(CliErrors.scoreMetricWithoutScores(info.id()));
                }
                score.add(s.get());
            } else {
                throw CliException.badInput(CliErrors.metricNotForAudit(id, info.id(),
                        info.family().name().toLowerCase(Locale.ROOT).replace('_', ' '), validIds(hasScores)));
            }
        }
        List<GroupMetric> groupMetrics = new ArrayList<>(group);
        if (groupMetrics.isEmpty()) {
            groupMetrics = score.isEmpty() ? Metrics.defaults() : List.of(Metrics.COUNT);
        }
        return new MetricSelection(groupMetrics, List.copyOf(score),
                fairness.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(fairness)));
    }

    /** @return the ids {@code --metrics} accepts: confusion, fairness, and score metrics when there are scores */
    static List<String> validIds(boolean hasScores) {
        Stream<String> ids = Stream.concat(Arrays.stream(Metrics.values()).map(Metrics::id),
                Arrays.stream(FairnessMetric.values()).map(FairnessMetric::id));
        if (hasScores) {
            ids = Stream.concat(ids, Arrays.stream(ScoreMetrics.values()).map(ScoreMetrics::id));
        }
        return ids.toList();
    }

    /** @return whether a named fairness metric that needs a reference group was asked for explicitly */
    boolean asksForReferenceMetrics() {
        return fairnessMetrics.map(l -> l.stream().anyMatch(FairnessMetric::needsReference)).orElse(false);
    }
}
