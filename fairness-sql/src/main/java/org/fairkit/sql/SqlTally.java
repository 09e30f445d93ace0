package org.fairkit.sql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fairkit.core.EvaluationSpec;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.Provenance;
import org.fairkit.core.group.Grouping;
import org.fairkit.core.group.SensitiveFeature;
import org.fairkit.core.tally.CellCounts;
import org.fairkit.core.tally.GroupConfusion;

/**
 * The confusion counts a database computed ({@link SqlSource#tally()}), keyed by the levels of every sensitive
 * column; {@link #confusion(List)} adds them up to any grouping (one column, or an intersection), and
 * {@link #report(EvaluationSpec, Clock)} derives the report through core's one entry point for counts computed
 * elsewhere ({@link Fairness#fromCounts}, as fairness-spark does), so metrics, disparities, warnings, count-path
 * intervals, policies and documents are the same code as for rows in memory.
 *
 * <p><b>Groups</b> are ordered as {@code FairnessData.grouping(features)} orders string levels (each feature's levels
 * in {@link String} order, intersections lexicographically, only combinations that occur): the report lists the same
 * groups in the same order as {@code Fairness.of(data)} over the same rows.
 *
 * <p><b>Counts</b> are {@code COUNT(*)}, exact {@code long}s: unweighted reports are bit for bit those of the
 * in-memory path.
 *
 * <p><b>Weight sums</b> are the database's {@code SUM(weight)} per (group, cell): plain double additions in the
 * engine's order (PostgreSQL adds in scan order; DuckDB adds per thread and combines), without compensation. For
 * {@code n} non-negative weights with true sum {@code S}, such a sum is within {@code (n - 1) u S} of {@code S}
 * ({@code u = 2^-53}, Higham, <i>Accuracy and Stability of Numerical Algorithms</i>, 2nd ed., &sect;4.2), against about
 * {@code 2 u S} for FairKit's Neumaier-compensated tally; so a cell's weight sum agrees with the in-memory one to a
 * relative {@code n u} (1.1e-10 for 10<sup>6</sup> rows in a cell), and exactly when every partial sum is
 * representable (integer weights below 2<sup>53</sup>, dyadic fractions). Adding cells up to a coarser grouping here
 * is compensated.
 */
public final class SqlTally {
    private final List<String> features;
    private final boolean weighted;
    private final String source;
    private final Map<List<String>, Cells> cells;
    private final long rows;

    /** Counts and weight sums of the four cells of one full key (index {@code 2 * label + prediction}). */
    private static final class Cells {
        final long[] n = new long[4];
        final double[] w = new double[4];
        final double[] comp = new double[4];

        void add(int cell, long count, double weight) {
            n[cell] += count;
            // Neumaier's compensated addition.
            double s = w[cell];
            double t = s + weight;
            comp[cell] += Math.abs(s) >= Math.abs(weight) ? (s - t) + weight : (weight - t) + s;
            w[cell] = t;
        }

        double weight(int cell) {
            return w[cell] + comp[cell];
        }
    }

    private SqlTally(List<String> features, boolean weighted, String source, Map<List<String>, Cells> cells,
            long rows) {
        this.features = features;
        this.weighted = weighted;
        this.source = source;
        this.cells = cells;
        this.rows = rows;
    }

    static Builder builder(List<String> features, boolean weighted, String source) {
        return new Builder(features, weighted, source);
    }

    /** Collects the rows of the GROUP BY. */
    static final class Builder {
        private final List<String> features;
        private final boolean weighted;
        private final String source;
        private final Map<List<String>, Cells> cells = new LinkedHashMap<>();
        private long rows;

        private Builder(List<String> features, boolean weighted, String source) {
            this.features = List.copyOf(features);
            this.weighted = weighted;
            this.source = source;
        }

        void add(String[] levels, int label, int prediction, long count, double weightSum) {
            cells.computeIfAbsent(List.of(levels.clone()), k -> new Cells())
                    .add(2 * label + prediction, count, weighted ? weightSum : 0);
            rows += count;
        }

        long rows() {
            return rows;
        }

        SqlTally build() {
            return new SqlTally(features, weighted, source, cells, rows);
        }
    }

    /** @return the sensitive columns whose levels key the counts */
    public List<String> features() {
        return features;
    }

    /** @return whether weight sums are kept */
    public boolean isWeighted() {
        return weighted;
    }

    /** @return the number of rows counted */
    public long rows() {
        return rows;
    }

    /**
     * The groups of a grouping, as {@code FairnessData.grouping(groupBy)} orders them.
     *
     * @param groupBy sensitive columns of {@link #features()}
     * @throws IllegalArgumentException for a column that is not one of them
     */
    public Grouping grouping(List<String> groupBy) {
        int[] pick = pick(groupBy);
        List<List<String>> keys = new ArrayList<>(marginal(pick).keySet());
        List<SensitiveFeature> fs = new ArrayList<>();
        for (int j = 0; j < pick.length; j++) {
            String[] column = new String[keys.size()];
            for (int r = 0; r < keys.size(); r++) {
                column[r] = keys.get(r).get(j);
            }
            fs.add(SensitiveFeature.of(groupBy.get(j), column));
        }
        return Grouping.of(fs);
    }

    /**
     * Every group's counts of a grouping, keyed by the group's levels (one per {@code groupBy} column), in the order
     * of {@link #grouping(List)}: what {@link Fairness#fromCounts} takes.
     *
     * @throws IllegalArgumentException for a column that is not one of {@link #features()}
     */
    public Map<List<String>, CellCounts> counts(List<String> groupBy) {
        Map<List<String>, Cells> m = marginal(pick(groupBy));
        Map<List<String>, CellCounts> out = new LinkedHashMap<>();
        for (Map.Entry<List<String>, Cells> e : m.entrySet()) {
            Cells c = e.getValue();
            // Cell index 2 * label + prediction: 0 = TN, 1 = FP, 2 = FN, 3 = TP.
            out.put(e.getKey(), weighted
                    ? CellCounts.weighted(c.n[0], c.n[1], c.n[2], c.n[3], c.weight(0), c.weight(1), c.weight(2),
                            c.weight(3))
                    : CellCounts.of(c.n[0], c.n[1], c.n[2], c.n[3]));
        }
        return out;
    }

    /**
     * The per-group counts of a grouping, in the order of {@link #grouping(List)}: what the in-memory tally builds.
     *
     * @throws IllegalArgumentException for a column that is not one of {@link #features()}
     */
    public GroupConfusion confusion(List<String> groupBy) {
        return GroupConfusion.of(counts(groupBy).values().toArray(CellCounts[]::new));
    }

    /**
     * Derives the report of {@code spec} from the counts, through core's one entry point for counts computed
     * elsewhere, {@link Fairness#fromCounts} (as fairness-spark does): metrics, disparities, warnings and, when the
     * spec asks for them, intervals on the count path, from the same code as for rows in memory. The provenance's
     * input fingerprint is a SHA-256 of the counts themselves (format {@code fairkit.sql-counts/1}: the source, the
     * features, then each full key's levels and cell counts and weight sums in key order), since the rows never left
     * the database; its configuration adds {@code input = SQL <source>}.
     *
     * @throws IllegalArgumentException if the spec groups by columns not in {@link #features()}, asks for score
     *     metrics (they need the rows), or its reference group has no rows; or if its interval estimator needs the
     *     rows ({@link org.fairkit.core.IntervalEstimator#needsRows}: a bootstrap of weighted counts)
     */
    public FairnessReport report(EvaluationSpec spec, Clock clock) {
        Map<List<String>, CellCounts> counts = counts(spec.groupBy());
        Map<String, String> config = spec.configuration(weighted, 1);
        config.remove("scoreMetrics");
        config.put("input", "SQL " + source);
        Provenance p = new Provenance(Provenance.currentLibraryVersion(), config, rows, fingerprint(),
                clock.instant());
        return Fairness.fromCounts(spec, counts, p);
    }

    /** @return the SHA-256 of the counts, in hex (see {@link #report}) */
    public String fingerprint() {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        StringBuilder b = new StringBuilder("fairkit.sql-counts/1\n").append(source).append('\n')
                .append(features).append('\n');
        for (Map.Entry<List<String>, Cells> e : sortedCells().entrySet()) {
            b.append(e.getKey()).append(' ').append(Arrays.toString(e.getValue().n));
            if (weighted) {
                for (int k = 0; k < 4; k++) {
                    b.append(' ').append(Double.toHexString(e.getValue().weight(k)));
                }
            }
            b.append('\n');
        }
        return HexFormat.of().formatHex(md.digest(b.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private Map<List<String>, Cells> sortedCells() {
        return marginal(java.util.stream.IntStream.range(0, features.size()).toArray());
    }

    private int[] pick(List<String> groupBy) {
        if (groupBy.isEmpty() || !features.containsAll(groupBy)) {
            throw SqlErrors.notSensitive(groupBy, features);
        }
        return groupBy.stream().mapToInt(features::indexOf).toArray();
    }

    /** The cells added up to the picked features, keys in lexicographic String order. */
    private Map<List<String>, Cells> marginal(int[] pick) {
        Map<List<String>, Cells> m = new java.util.TreeMap<>((a, b) -> {
            for (int j = 0; j < a.size(); j++) {
                int c = a.get(j).compareTo(b.get(j));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        });
        for (Map.Entry<List<String>, Cells> e : cells.entrySet()) {
            String[] key = new String[pick.length];
            for (int j = 0; j < pick.length; j++) {
                key[j] = e.getKey().get(pick[j]);
            }
            Cells target = m.computeIfAbsent(List.of(key), k -> new Cells());
            for (int c = 0; c < 4; c++) {
                target.add(c, e.getValue().n[c], e.getValue().weight(c));
            }
        }
        return new LinkedHashMap<>(m);
    }

    @Override
    public String toString() {
        return "SqlTally[" + source + ", " + String.join(" x ", features) + ", " + rows + " rows, " + cells.size()
                + " keys]";
    }
}
