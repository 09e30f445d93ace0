package org.fairkit.orchestration.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.fairkit.core.multiclass.MulticlassData;
import org.fairkit.core.ranking.Ranking;
import org.fairkit.core.regression.RegressionData;

/**
 * Reads the rows of a regression, ranking or multiclass audit from a CSV file, through {@link CsvTable} (so every
 * bad cell is reported as every FairKit CSV error is: file, line, data row, column, the cell, what was expected).
 *
 * <pre>{@code
 * RegressionData d = TaskCsv.regression(file, "limit", "predicted_limit", Optional.empty(), List.of("sex"), r -> { });
 * TaskCsv.Rankings q = TaskCsv.rankings(file, TaskCsv.RankingColumns.ranked(Optional.of("query"), "rank",
 *         Optional.of("relevance"), List.of("gender")), r -> { });
 * Ranking first = q.queries().get(0).ranking(List.of("gender"));
 * }</pre>
 *
 * <p>Cells: targets, predictions and ranking scores are finite decimal numbers ({@link Decimals}); weights finite and
 * {@code >= 0}; relevance finite and {@code >= 0}; ranks whole numbers {@code >= 1} forming, within each query, the
 * permutation {@code 1..n} of its {@code n} items; class labels and sensitive levels non-empty (trimmed). Multiclass
 * labels that are all whole numbers are read as integer codes (so classes sort 1, 2, 10), others as text.
 */
public final class TaskCsv {
    /** The domain of a relevance cell. */
    static final String RELEVANCE = "a finite relevance >= 0";
    /** The domain of a class cell. */
    static final String CLASS = "a non-empty class label";

    private TaskCsv() {
    }

    /**
     * Reads a regression's rows.
     *
     * @param observer sees every record after its cells were read (to count rows, limit groups)
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException for a missing column or the first bad cell
     */
    public static RegressionData regression(Path file, String target, String prediction, Optional<String> weight,
            List<String> sensitive, CsvTable.RecordVisitor observer) throws IOException {
        CsvTable table = CsvTable.open(file);
        int t = table.column(target, "target");
        int p = table.column(prediction, "prediction");
        int w = weight.map(c -> table.column(c, "weight")).orElse(-1);
        int[] s = sensitiveColumns(table, sensitive);
        Doubles targets = new Doubles();
        Doubles predictions = new Doubles();
        Doubles weights = new Doubles();
        List<List<String>> levels = levels(s.length);
        table.forEach(r -> {
            targets.add(r.number(t));
            predictions.add(r.number(p));
            if (w >= 0) {
                weights.add(r.weight(w));
            }
            readLevels(r, s, levels);
            observer.record(r);
        });
        RegressionData.Builder b = RegressionData.builder().targets(targets.toArray())
                .predictions(predictions.toArray());
        if (w >= 0) {
            b.weights(weights.toArray());
        }
        for (int k = 0; k < s.length; k++) {
            b.sensitive(sensitive.get(k), levels.get(k).toArray(new String[0]));
        }
        return b.build();
    }

    /**
     * Reads a multiclass classifier's rows.
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException for a missing column or the first bad cell
     */
    public static MulticlassData multiclass(Path file, String label, String prediction, Optional<String> weight,
            List<String> sensitive, CsvTable.RecordVisitor observer) throws IOException {
        CsvTable table = CsvTable.open(file);
        int y = table.column(label, "label");
        int p = table.column(prediction, "prediction");
        int w = weight.map(c -> table.column(c, "weight")).orElse(-1);
        int[] s = sensitiveColumns(table, sensitive);
        List<String> labels = new ArrayList<>();
        List<String> predictions = new ArrayList<>();
        Doubles weights = new Doubles();
        List<List<String>> levels = levels(s.length);
        table.forEach(r -> {
            labels.add(className(r, y));
            predictions.add(className(r, p));
            if (w >= 0) {
                weights.add(r.weight(w));
            }
            readLevels(r, s, levels);
            observer.record(r);
        });
        MulticlassData.Builder b = MulticlassData.builder();
        if (allWholeNumbers(labels) && allWholeNumbers(predictions)) {
            b.labels(labels.stream().mapToInt(Integer::parseInt).toArray())
                    .predictions(predictions.stream().mapToInt(Integer::parseInt).toArray());
        } else {
            b.labels(labels.toArray(new String[0])).predictions(predictions.toArray(new String[0]));
        }
        if (w >= 0) {
            b.weights(weights.toArray());
        }
        for (int k = 0; k < s.length; k++) {
            b.sensitive(sensitive.get(k), levels.get(k).toArray(new String[0]));
        }
        return b.build();
    }

    /**
     * Which columns make a ranking: the query (absent: the file is one ranking), the place (a rank, 1 = top, or a
     * score, higher first), the relevance (optional) and the sensitive columns.
     *
     * @param query the query column, if the file holds several rankings
     * @param rank the rank column, or empty when {@code score} places the items
     * @param score the score column, or empty when {@code rank} places them
     * @param relevance the graded relevance column, if any
     * @param sensitive the sensitive columns
     */
    public record RankingColumns(Optional<String> query, Optional<String> rank, Optional<String> score,
            Optional<String> relevance, List<String> sensitive) {
        /** Validates: exactly one of rank and score. */
        public RankingColumns {
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(relevance, "relevance");
            if (rank.isPresent() == score.isPresent()) {
                throw new IllegalArgumentException("a ranking is placed by a rank column or a score column: give "
                        + "exactly one, got " + (rank.isPresent() ? "both" : "neither"));
            }
            sensitive = List.copyOf(sensitive);
        }

        /** @return columns placing items by rank */
        public static RankingColumns ranked(Optional<String> query, String rank, Optional<String> relevance,
                List<String> sensitive) {
            return new RankingColumns(query, Optional.of(rank), Optional.empty(), relevance, sensitive);
        }

        /** @return columns placing items by score, higher first */
        public static RankingColumns scored(Optional<String> query, String score, Optional<String> relevance,
                List<String> sensitive) {
            return new RankingColumns(query, Optional.empty(), Optional.of(score), relevance, sensitive);
        }
    }

    /**
     * One query's items, as read. Immutable: the arrays are copied in and out.
     */
    public static final class Query {
        private final String id;
        private final int[] positions;
        private final double[] scores;
        private final double[] relevance;
        private final Map<String, String[]> sensitive;

        Query(String id, int[] positions, double[] scores, double[] relevance, Map<String, String[]> sensitive) {
            this.id = id;
            this.positions = positions;
            this.scores = scores;
            this.relevance = relevance;
            this.sensitive = sensitive;
        }

        /** @return the query's value ({@code ""} when the file is one ranking) */
        public String id() {
            return id;
        }

        /** @return each item's rank, or {@code null} when placed by scores */
        public int[] positions() {
            return positions == null ? null : positions.clone();
        }

        /** @return each item's score, or {@code null} when placed by ranks */
        public double[] scores() {
            return scores == null ? null : scores.clone();
        }

        /** @return each item's relevance, or {@code null} */
        public double[] relevance() {
            return relevance == null ? null : relevance.clone();
        }

        /** @return the items */
        public int items() {
            return sensitive.values().iterator().next().length;
        }

        @Override
        public String toString() {
            return "Query[" + id + ", " + items() + " items]";
        }

        /**
         * @param features the grouping's sensitive columns (a subset of those read)
         * @return the query's ranking grouped by these features
         */
        public Ranking ranking(List<String> features) {
            Ranking.Builder b = Ranking.builder();
            for (String f : features) {
                String[] l = sensitive.get(f);
                if (l == null) {
                    throw new IllegalArgumentException("column '" + f + "' was not read as sensitive; read: "
                            + sensitive.keySet());
                }
                b.sensitive(f, l);
            }
            if (positions != null) {
                b.positions(positions);
            } else {
                b.scores(scores);
            }
            if (relevance != null) {
                b.relevance(relevance);
            }
            return b.build();
        }
    }

    /**
     * The rankings of a file, one per query, in the order the queries first appear.
     *
     * @param queries the queries
     * @param rows the data rows read
     */
    public record Rankings(List<Query> queries, long rows) {
        /** Copies. */
        public Rankings {
            queries = List.copyOf(queries);
        }
    }

    /**
     * Reads rankings: the items of each query (rows with the same query cell, or the whole file without a query
     * column). With a rank column, each query's ranks must be {@code 1..n} once each; the first rank outside that
     * range or repeated is reported with its file line and data row.
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException for a missing column or the first bad cell
     */
    public static Rankings rankings(Path file, RankingColumns columns, CsvTable.RecordVisitor observer)
            throws IOException {
        CsvTable table = CsvTable.open(file);
        int q = columns.query().map(c -> table.column(c, "query")).orElse(-1);
        int rank = columns.rank().map(c -> table.column(c, "rank")).orElse(-1);
        int score = columns.score().map(c -> table.column(c, "score")).orElse(-1);
        int rel = columns.relevance().map(c -> table.column(c, "relevance")).orElse(-1);
        int[] s = sensitiveColumns(table, columns.sensitive());
        Map<String, Items> byQuery = new LinkedHashMap<>();
        long rows = table.forEach(r -> {
            String id = q >= 0 ? r.cell(q).trim() : "";
            Items items = byQuery.computeIfAbsent(id, k -> new Items(s.length));
            if (rank >= 0) {
                int position = r.position(rank);
                items.places.add(position);
                items.lines.add(r.line());
                items.dataRows.add(r.dataRow());
                items.cells.add(r.cell(rank));
            } else {
                items.scores.add(r.number(score));
            }
            if (rel >= 0) {
                double u = r.number(rel);
                if (u < 0) {
                    throw r.badCell(rel, RELEVANCE);
                }
                items.relevance.add(u);
            }
            readLevels(r, s, items.levels);
            observer.record(r);
        });
        List<Query> out = new ArrayList<>();
        for (Map.Entry<String, Items> e : byQuery.entrySet()) {
            Items it = e.getValue();
            int[] positions = null;
            if (rank >= 0) {
                positions = it.places.stream().mapToInt(Integer::intValue).toArray();
                checkPermutation(file, columns.rank().get(), q >= 0 ? Optional.of(e.getKey()) : Optional.empty(),
                        positions, it);
            }
            Map<String, String[]> sensitive = new LinkedHashMap<>();
            for (int k = 0; k < s.length; k++) {
                sensitive.put(columns.sensitive().get(k), it.levels.get(k).toArray(new String[0]));
            }
            out.add(new Query(e.getKey(), positions, rank >= 0 ? null : it.scores.toArray(),
                    rel >= 0 ? it.relevance.toArray() : null, sensitive));
        }
        return new Rankings(out, rows);
    }

    /** The first rank (in file order) outside {@code 1..n} or used twice in its query. */
    private static void checkPermutation(Path file, String column, Optional<String> query, int[] positions,
            Items it) {
        int n = positions.length;
        boolean[] seen = new boolean[n + 1];
        String where = query.map(x -> "query '" + x + "'").orElse("the ranking");
        for (int i = 0; i < n; i++) {
            int p = positions[i];
            String expected = null;
            if (p > n) {
                expected = "a rank in 1.." + n + " (" + where + " has " + n + (n == 1 ? " item" : " items")
                        + ", each rank used once)";
            } else if (seen[p]) {
                expected = "a rank not used before in " + where + " (ranks 1.." + n + ", each used once)";
            }
            if (expected != null) {
                throw CsvErrors.badCell(file, it.lines.get(i), it.dataRows.get(i), column, it.cells.get(i), expected);
            }
            seen[p] = true;
        }
    }

    private static int[] sensitiveColumns(CsvTable table, List<String> sensitive) {
        if (sensitive.isEmpty()) {
            throw new IllegalArgumentException("no sensitive column; expected at least one");
        }
        return sensitive.stream().mapToInt(c -> table.column(c, "sensitive")).toArray();
    }

    private static List<List<String>> levels(int n) {
        List<List<String>> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            out.add(new ArrayList<>());
        }
        return out;
    }

    private static void readLevels(CsvTable.Record r, int[] s, List<List<String>> levels) {
        for (int k = 0; k < s.length; k++) {
            levels.get(k).add(r.level(s[k]));
        }
    }

    private static String className(CsvTable.Record r, int column) {
        String c = r.cell(column).trim();
        if (c.isEmpty()) {
            throw r.badCell(column, CLASS);
        }
        return c;
    }

    private static boolean allWholeNumbers(List<String> cells) {
        for (String c : cells) {
            if (!c.matches("-?[0-9]{1,9}")) {
                return false;
            }
        }
        return true;
    }

    /** A growable double column. */
    private static final class Doubles {
        private double[] values = new double[64];
        private int size;

        void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        double[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /** One query's items while reading. */
    private static final class Items {
        final List<Integer> places = new ArrayList<>();
        final List<Long> lines = new ArrayList<>();
        final List<Long> dataRows = new ArrayList<>();
        final List<String> cells = new ArrayList<>();
        final Doubles scores = new Doubles();
        final Doubles relevance = new Doubles();
        final List<List<String>> levels;

        Items(int sensitive) {
            levels = levels(sensitive);
        }
    }
}
