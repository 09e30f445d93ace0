package org.fairkit.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.fairkit.core.internal.TextTable;
import org.fairkit.core.metrics.Disparity;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.Interval;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.metrics.GroupValues;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.scores.ScoreMetric;

/** Prints a {@link FairnessReport} as fixed-width text, independent of the JVM's locale. */
final class ReportFormatter {
    private static final String UNDEFINED = "undefined";

    private ReportFormatter() {
    }

    static String format(FairnessReport r) {
        EvaluationSpec spec = r.results().spec();
        StringBuilder b = new StringBuilder();
        long rows = r.provenance().rows();
        b.append("FairKit report: ").append(r.groups().size()).append(" groups by ")
                .append(String.join(" x ", spec.groupBy())).append(", ").append(rows).append(" rows, ")
                .append(r.results().tally().isWeighted() ? "weighted" : "unweighted").append('\n');
        b.append("reference: ").append(r.reference().map(g -> g.label()).orElse("none"))
                .append("; minGroupSize: ").append(spec.minGroupSize())
                .append("; zero division: ").append(spec.zeroDivision()).append('\n');
        boolean withIntervals = !r.intervals().isEmpty();
        r.provenance().configuration().entrySet().stream().filter(e -> e.getKey().equals("intervals"))
                .findFirst().ifPresent(e -> b.append("intervals: ").append(e.getValue()).append('\n'));
        b.append('\n');

        List<GroupMetric> metrics = r.metrics();
        List<String> header = new ArrayList<>();
        header.add("group");
        header.add("n");
        metrics.forEach(m -> header.add(m.id()));
        List<List<String>> table = new ArrayList<>();
        table.add(header);
        boolean anySmall = false;
        for (GroupRow row : r.byGroup()) {
            List<String> line = new ArrayList<>();
            line.add(row.group().label() + (row.small() ? " *" : ""));
            anySmall |= row.small();
            line.add(Long.toString(row.rows()));
            for (GroupMetric m : metrics) {
                line.add(m == Metrics.COUNT ? Long.toString(row.rows())
                        : cell(row.value(m), Optional.ofNullable(row.intervals().get(m)), withIntervals));
            }
            table.add(line);
        }
        List<String> overall = new ArrayList<>();
        overall.add("overall");
        overall.add(Long.toString(rows));
        for (GroupMetric m : metrics) {
            overall.add(m == Metrics.COUNT ? Long.toString(rows)
                    : cell(r.overall(m), r.interval(Estimand.aggregate(Estimand.Kind.OVERALL_VALUE, m)), withIntervals));
        }
        table.add(overall);
        TextTable.render(b, table);
        if (anySmall) {
            b.append("* below minGroupSize ").append(spec.minGroupSize())
                    .append(": reported, left out of disparities\n");
        }

        List<GroupMetric> rated = metrics.stream().filter(m -> m != Metrics.COUNT).toList();
        if (!rated.isEmpty()) {
            b.append('\n');
            List<List<String>> agg = new ArrayList<>();
            List<String> h = new ArrayList<>();
            h.add("disparity");
            rated.forEach(m -> h.add(m.id()));
            agg.add(h);
            agg.add(aggregateLine("difference", rated, r::difference, withIntervals));
            agg.add(aggregateLine("ratio", rated, r::ratio, withIntervals));
            agg.add(aggregateLine("difference_to_overall", rated, r::differenceToOverall, withIntervals));
            agg.add(aggregateLine("ratio_to_overall", rated, r::ratioToOverall, withIntervals));
            TextTable.render(b, agg);
        }

        ScoreResults scores = r.scores();
        if (!scores.isEmpty()) {
            b.append('\n');
            formatScores(b, r, scores);
        }

        Map<FairnessMetric, Disparity> fairness = r.fairnessMetrics();
        if (!fairness.isEmpty()) {
            b.append('\n');
            List<List<String>> fm = new ArrayList<>();
            fm.add(List.of("fairness metric", "value", "groups"));
            for (Disparity d : fairness.values()) {
                fm.add(List.of(d.id(), cell(d.value(), d.interval(), withIntervals),
                        String.join(" vs ", d.groups().stream().map(g -> g.label()).toList())));
            }
            TextTable.render(b, fm);
        }

        List<ReportWarning> warnings = r.warnings();
        b.append('\n').append("warnings: ").append(warnings.isEmpty() ? "none" : warnings.size()).append('\n');
        for (ReportWarning w : warnings) {
            b.append("- ").append(w.message()).append('\n');
        }
        String sha = r.provenance().inputSha256();
        b.append("fairkit ").append(r.provenance().libraryVersion()).append(", input sha256 ")
                .append(sha, 0, Math.min(16, sha.length())).append('\n');
        return b.toString();
    }

    /** The score metrics: a group table headed "scores" (no intervals), then their disparities. */
    private static void formatScores(StringBuilder b, FairnessReport r, ScoreResults scores) {
        List<ScoreMetric> metrics = scores.metrics();
        List<List<String>> table = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("scores");
        header.add("n");
        metrics.forEach(m -> header.add(m.id()));
        table.add(header);
        for (int g = 0; g < scores.groups().size(); g++) {
            List<String> line = new ArrayList<>();
            line.add(scores.groups().get(g).label() + (r.results().isSmall(scores.groups().get(g)) ? " *" : ""));
            line.add(Long.toString(scores.rows(g)));
            for (ScoreMetric m : metrics) {
                line.add(cell(scores.values(m).value(g), Optional.empty(), false));
            }
            table.add(line);
        }
        List<String> overall = new ArrayList<>();
        overall.add("overall");
        overall.add(Long.toString(r.provenance().rows()));
        metrics.forEach(m -> overall.add(cell(scores.values(m).overall(), Optional.empty(), false)));
        table.add(overall);
        TextTable.render(b, table);
        b.append('\n');
        List<List<String>> agg = new ArrayList<>();
        List<String> h = new ArrayList<>();
        h.add("disparity");
        metrics.forEach(m -> h.add(m.id()));
        agg.add(h);
        agg.add(scoreAggregateLine("difference", metrics, scores, GroupValues::difference));
        agg.add(scoreAggregateLine("ratio", metrics, scores, GroupValues::ratio));
        agg.add(scoreAggregateLine("difference_to_overall", metrics, scores, GroupValues::differenceToOverall));
        agg.add(scoreAggregateLine("ratio_to_overall", metrics, scores, GroupValues::ratioToOverall));
        TextTable.render(b, agg);
    }

    private static List<String> scoreAggregateLine(String name, List<ScoreMetric> metrics, ScoreResults scores,
            Function<GroupValues, Disparity> f) {
        List<String> line = new ArrayList<>();
        line.add(name);
        for (ScoreMetric m : metrics) {
            line.add(cell(f.apply(scores.values(m)).value(), Optional.empty(), false));
        }
        return line;
    }

    private static List<String> aggregateLine(String name, List<GroupMetric> metrics,
            Function<GroupMetric, Disparity> f, boolean withIntervals) {
        List<String> line = new ArrayList<>();
        line.add(name);
        for (GroupMetric m : metrics) {
            Disparity d = f.apply(m);
            line.add(cell(d.value(), d.interval(), withIntervals));
        }
        return line;
    }

    private static String cell(MetricValue v, Optional<Interval> interval, boolean withIntervals) {
        if (!v.isDefined()) {
            return UNDEFINED;
        }
        String s = String.format(Locale.ROOT, "%.4f", v.value());
        if (withIntervals) {
            s += interval.map(i -> " " + i).orElse("");
        }
        return s;
    }
}
