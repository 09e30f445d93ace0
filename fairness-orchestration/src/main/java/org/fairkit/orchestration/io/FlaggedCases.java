package org.fairkit.orchestration.io;

import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.core.group.GroupKey;
import org.fairkit.core.metrics.GroupMetric;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.core.metrics.MetricValue;
import org.fairkit.core.tally.Cell;

/**
 * The Flagged Cases file: the rows an auditor should look at first, each with the reasons.
 *
 * <h2>Reasons</h2>
 * <ul>
 *   <li>{@code disadvantaged_false_negative}: the row is a false negative (label 1, decision 0) in a
 *       <em>disadvantaged group for false negatives</em> of one of the reports' groupings.</li>
 *   <li>{@code disadvantaged_false_positive}: likewise a false positive (label 0, decision 1) in a disadvantaged
 *       group for false positives.</li>
 *   <li>{@code decision_change}: the row's decision differs under a {@link DecisionChange} (a group-fair
 *       post-processor), when one is given.</li>
 * </ul>
 *
 * <h2>Disadvantaged groups, precisely</h2>
 * For a report and an error rate {@code R} (FNR = FN / (TP + FN) for false negatives, FPR = FP / (FP + TN) for false
 * positives, weighted when the data is): the <b>baseline</b> is the reference group's {@code R} when the report has a
 * reference group and that value is defined, otherwise {@code R} over all rows. The <b>eligible</b> groups are those
 * that are not below the report's {@code minGroupSize}, have a defined {@code R}, and are not the reference group.
 * Each eligible group's <b>excess</b> is {@code R_g - baseline}. The disadvantaged groups are the eligible groups whose
 * excess equals the largest excess, provided that excess is strictly greater than {@link Builder#minGap(double)}
 * (default 0): when no group is worse than the baseline by more than the gap, no row is flagged for that cell.
 * This is the group that bears the largest share of the error that equalized odds (Hardt, Price &amp; Srebro 2016)
 * would equalize; its errors are the individual cases behind the disparity.
 *
 * <h2>File</h2>
 * CSV with header {@code row,id,<each sensitive feature of the groupings>,label,prediction,score,reasons,explanations}:
 * one line per flagged row, in input order; {@code row} is the 1-based row number ({@link CaseRow#row()}),
 * {@code id} is empty without an id column, {@code score} empty without scores; {@code reasons} joins the reason
 * codes with {@code ;}, {@code explanations} the sentences with {@code " | "}. A row flagged in several groupings
 * appears once with every reason. Cells and header names that a spreadsheet would run as a formula (starting with
 * {@code = + - @}, tab or carriage return, and not a number) get a leading {@code '}.
 */
public final class FlaggedCases {
    /** Reason code of a false negative in a disadvantaged group. */
    public static final String DISADVANTAGED_FALSE_NEGATIVE = "disadvantaged_false_negative";
    /** Reason code of a false positive in a disadvantaged group. */
    public static final String DISADVANTAGED_FALSE_POSITIVE = "disadvantaged_false_positive";
    /** Reason code of a decision that changes under the {@link DecisionChange}. */
    public static final String DECISION_CHANGE = "decision_change";

    private final List<FairnessReport> reports;
    private final List<ErrorCell> cells;
    private final Optional<DecisionChange> change;
    private final List<String> features;

    /**
     * One disadvantaged error cell: which rows of which group are flagged, and why.
     *
     * @param grouping the grouping's features
     * @param group the disadvantaged group
     * @param cell {@link Cell#FN} or {@link Cell#FP}
     * @param rate the group's error rate (FNR or FPR)
     * @param baseline the baseline rate
     * @param baselineName what the baseline is: the reference group's description, or {@code all rows}
     */
    public record ErrorCell(List<String> grouping, GroupKey group, Cell cell, double rate, double baseline,
            String baselineName) {
        /** @return the reason code */
        public String reason() {
            return cell == Cell.FN ? DISADVANTAGED_FALSE_NEGATIVE : DISADVANTAGED_FALSE_POSITIVE;
        }

        /** @return the sentence written beside each flagged row */
        public String explanation() {
            String what = cell == Cell.FN ? "false negative" : "false positive";
            String rateName = cell == Cell.FN ? "false negative rate" : "false positive rate";
            return String.format(Locale.ROOT, "%s in %s, the group with the highest %s (%.4f vs %.4f for %s)", what,
                    group.describe(), rateName, rate, baseline, baselineName);
        }
    }

    private FlaggedCases(List<FairnessReport> reports, List<ErrorCell> cells, Optional<DecisionChange> change) {
        this.reports = reports;
        this.cells = cells;
        this.change = change;
        Set<String> fs = new LinkedHashSet<>();
        for (FairnessReport r : reports) {
            fs.addAll(r.groups().get(0).features());
        }
        this.features = List.copyOf(fs);
    }

    /** @return a builder over the reports whose disadvantaged error cells are flagged */
    public static Builder of(List<FairnessReport> reports) {
        return new Builder(reports);
    }

    /**
     * The disadvantaged error cells of a report (see the class comment for the definition).
     *
     * @param report the report
     * @param minGap the excess over the baseline a group must exceed, {@code >= 0}
     */
    public static List<ErrorCell> disadvantagedCells(FairnessReport report, double minGap) {
        if (!(minGap >= 0) || Double.isInfinite(minGap)) {
            throw new IllegalArgumentException("minGap must be finite and >= 0, got " + minGap);
        }
        List<ErrorCell> out = new ArrayList<>();
        out.addAll(cells(report, Metrics.FALSE_NEGATIVE_RATE, Cell.FN, minGap));
        out.addAll(cells(report, Metrics.FALSE_POSITIVE_RATE, Cell.FP, minGap));
        return out;
    }

    private static List<ErrorCell> cells(FairnessReport report, GroupMetric rate, Cell cell, double minGap) {
        Optional<GroupKey> ref = report.reference();
        double baseline;
        String baselineName;
        if (ref.isPresent() && report.value(rate, ref.get()).isDefined()) {
            baseline = report.value(rate, ref.get()).value();
            baselineName = "the reference " + ref.get().describe();
        } else {
            MetricValue all = report.overall(rate);
            if (!all.isDefined()) {
                return List.of();
            }
            baseline = all.value();
            baselineName = "all rows";
        }
        double max = Double.NEGATIVE_INFINITY;
        List<GroupKey> worst = new ArrayList<>();
        for (GroupKey g : report.groups()) {
            MetricValue v = report.value(rate, g);
            if (report.results().isSmall(g) || !v.isDefined() || ref.map(g::equals).orElse(false)) {
                continue;
            }
            double excess = v.value() - baseline;
            if (excess > max) {
                max = excess;
                worst.clear();
            }
            if (excess == max) {
                worst.add(g);
            }
        }
        List<ErrorCell> out = new ArrayList<>();
        if (max > minGap) {
            for (GroupKey g : worst) {
                out.add(new ErrorCell(g.features(), g, cell, report.value(rate, g).value(), baseline, baselineName));
            }
        }
        return out;
    }

    /** @return the disadvantaged error cells that rows are flagged for */
    public List<ErrorCell> errorCells() {
        return cells;
    }

    /** @return the header of the file */
    public List<String> header() {
        List<String> h = new ArrayList<>(List.of("row", "id"));
        h.addAll(features);
        h.addAll(List.of("label", "prediction", "score", "reasons", "explanations"));
        return h;
    }

    /**
     * Writes the file: one pass over {@code rows}, one row held at a time.
     *
     * @return the number of flagged rows
     * @throws IOException if reading the rows or writing fails
     * @throws IllegalArgumentException if the decision change returns neither 0 nor 1 (naming the row)
     */
    public long write(RowSource rows, Writer out) throws IOException {
        long[] flagged = {0};
        try (SequenceWriter w = CsvOut.open(out, header())) {
            IOException[] failure = {null};
            rows.forEachRow(row -> {
                if (failure[0] != null) {
                    return;
                }
                List<String> reasons = new ArrayList<>();
                List<String> explanations = new ArrayList<>();
                for (ErrorCell c : cells) {
                    Cell rowCell = Cell.of(row.label(), row.prediction());
                    if (rowCell == c.cell() && row.group(c.grouping()).equals(c.group())) {
                        reasons.add(c.reason());
                        explanations.add(c.explanation());
                    }
                }
                if (change.isPresent()) {
                    int d = change.get().decide(row);
                    if (d != 0 && d != 1) {
                        throw new IllegalArgumentException("decision change '" + change.get().description()
                                + "', row " + row.row() + ": got " + d + "; expected 0 or 1");
                    }
                    if (d != row.prediction()) {
                        reasons.add(DECISION_CHANGE);
                        explanations.add("decision changes from " + row.prediction() + " to " + d + " under "
                                + change.get().description());
                    }
                }
                if (reasons.isEmpty()) {
                    return;
                }
                List<Object> record = new ArrayList<>();
                record.add(row.row());
                record.add(row.id().orElse(""));
                for (String f : features) {
                    record.add(row.sensitive().getOrDefault(f, ""));
                }
                record.add(row.label());
                record.add(row.prediction());
                record.add(CsvOut.number(row.score()));
                record.add(String.join(";", new LinkedHashSet<>(reasons)));
                record.add(String.join(" | ", new LinkedHashSet<>(explanations)));
                try {
                    w.write(CsvOut.row(record.toArray()));
                } catch (IOException e) {
                    failure[0] = e;
                }
                flagged[0]++;
            });
            if (failure[0] != null) {
                throw failure[0];
            }
        }
        return flagged[0];
    }

    @Override
    public String toString() {
        return "FlaggedCases[" + reports.size() + " reports, cells " + cells + change.map(c -> ", " + c).orElse("")
                + "]";
    }

    /** Configures {@link FlaggedCases}; each setting once. */
    public static final class Builder {
        private final List<FairnessReport> reports;
        private Double minGap;
        private DecisionChange change;

        private Builder(List<FairnessReport> reports) {
            this.reports = List.copyOf(reports);
            if (this.reports.isEmpty()) {
                throw new IllegalArgumentException("reports must hold at least one report");
            }
        }

        /** The excess over the baseline a group's error rate must exceed to be flagged (default 0). */
        public Builder minGap(double gap) {
            InputErrors.requireUnset(minGap, "minGap");
            if (!(gap >= 0) || Double.isInfinite(gap)) {
                throw new IllegalArgumentException("minGap must be finite and >= 0, got " + gap);
            }
            minGap = gap;
            return this;
        }

        /** Also flags rows whose decision differs under this source. */
        public Builder decisionChange(DecisionChange c) {
            InputErrors.requireUnset(change, "decisionChange");
            change = Objects.requireNonNull(c, "decisionChange");
            return this;
        }

        /** @return the configured flagger, its error cells computed from the reports */
        public FlaggedCases build() {
            double gap = minGap == null ? 0 : minGap;
            List<ErrorCell> cells = new ArrayList<>();
            for (FairnessReport r : reports) {
                cells.addAll(disadvantagedCells(r, gap));
            }
            return new FlaggedCases(reports, List.copyOf(cells), Optional.ofNullable(change));
        }
    }
}
