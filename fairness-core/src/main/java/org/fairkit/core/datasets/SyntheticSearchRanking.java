package org.fairkit.core.datasets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.core.ranking.Ranking;

/**
 * A seeded synthetic <b>ranking</b> data set with a known, injected exposure disparity: a search ranker that demotes
 * the items of Group B at equal relevance. The ranking counterpart of {@link SyntheticLending}.
 *
 * <p><b>Generative model.</b> {@code Q} queries of {@code m} items each, every query independently, with strength
 * {@code s >= 0}:
 * <ul>
 *   <li>{@code group}: exactly {@code m_B = round(0.4 m)} items of the query (at least 1, at most {@code m - 1}) are in
 *       {@code Group B}, chosen uniformly at random; the others are in {@code Group A};</li>
 *   <li>{@code relevance} {@code r} in {0, 1, 2, 3} with probabilities 0.4, 0.3, 0.2, 0.1, independently of the
 *       group;</li>
 *   <li>the ranker's {@code score = r + ε - DEMOTION s [group = Group B]}, {@code ε ~ N(0, 1)},
 *       {@link #DEMOTION} = 1.5;</li>
 *   <li>{@code rank}: the item's position in its query, 1 = top, by decreasing score (ties, of probability 0, by
 *       item order).</li>
 * </ul>
 *
 * <p><b>The injected disparity.</b> At equal relevance a Group B item's score is {@code 1.5 s} lower, so it lands
 * lower. Its exposure under the default position bias {@code v(p) = 1 / log2(1 + p)} has the exact expectation
 * <pre>
 *   E[v | group g] = Σ_r P(r) ∫ φ(ε) Σ_k P(K = k | score) v(1 + k) dε,   score = r + ε - 1.5 s [g = B]
 * </pre>
 * where {@code K}, the number of the query's other items scored higher, is the sum of two independent binomials:
 * {@code Bin(m_A', q_A(score)) + Bin(m_B', q_B(score))}, with {@code m_A', m_B'} the other items of each group and
 * {@code q_g(t) = Σ_r P(r) Φ(r - 1.5 s [g = B] - t)}. At the defaults ({@code m = 20}, {@code m_B = 8}, {@code s = 1})
 * this gives {@code E[v | A] = 0.3986}, {@code E[v | B] = 0.2821}: an <b>exposure ratio</b> (B over A) of
 * <b>0.7076</b>, below the four-fifths line. At {@code s = 0} the items are exchangeable and the ratio is 1. Every
 * query has the same group sizes, so the pooled average exposure of a group over all queries is also the mean over
 * queries of the group's per-query exposure. Mean relevance is equal across groups, so the disparate treatment ratio
 * (exposure per relevance) has the same expectation.
 *
 * <p><b>Aggregating over queries.</b> Pool first, then compare: average each group's exposure over the queries (or
 * over all its items), then take the ratio. The mean of the per-query {@code exposureRatio()} values is biased low,
 * because min / max of two noisy group means is below 1 even at parity: on the default data at {@code s = 0} it is
 * about 0.82 while the pooled ratio is 0.997 (at {@code s = 1}: 0.706 and 0.708).
 *
 * <p><b>Columns</b> ({@link #writeCsv(Appendable)}), one line per item, queries in order and each query's items by
 * rank: {@value #QUERY} ({@code q1}, {@code q2}, ...), {@value #ITEM} ({@code d1}, {@code d2}, ..., numbered in
 * generation order), {@value #GROUP}, {@value #RELEVANCE}, {@value #SCORE}, {@value #RANK}.
 *
 * <pre>{@code
 * SyntheticSearchRanking search = SyntheticSearchRanking.builder().queries(200).seed(7).build();
 * RankingReport first = RankingFairness.of(search.toRanking("q1")).evaluate();
 * }</pre>
 *
 * <p>The same {@code (queries, itemsPerQuery, seed, strength)} always gives the same values and the same CSV bytes
 * ({@link SplittableRandom}). Immutable.
 */
public final class SyntheticSearchRanking {
    /** The default number of queries. */
    public static final int DEFAULT_QUERIES = 2_500;
    /** The default number of items per query. */
    public static final int DEFAULT_ITEMS_PER_QUERY = 20;
    /** The default seed. */
    public static final long DEFAULT_SEED = 42;
    /** The default strength: the disparity stated in the class comment. */
    public static final double DEFAULT_STRENGTH = 1.0;
    /** The largest strength accepted. */
    public static final double MAX_STRENGTH = 100.0;
    /** Group B's scores are lowered by {@code DEMOTION × strength}. */
    public static final double DEMOTION = 1.5;
    /** The share of each query's items in Group B, before rounding. */
    public static final double GROUP_B_SHARE = 0.4;
    /** The query id column. */
    public static final String QUERY = "query_id";
    /** The item id column. */
    public static final String ITEM = "item_id";
    /** The item's group column (sensitive). */
    public static final String GROUP = "group";
    /** The graded relevance column, 0 to 3. */
    public static final String RELEVANCE = "relevance";
    /** The ranker's score column. */
    public static final String SCORE = "score";
    /** The position column, 1 = top of the query. */
    public static final String RANK = "rank";
    /** The CSV columns, in order. */
    public static final List<String> COLUMNS = List.of(QUERY, ITEM, GROUP, RELEVANCE, SCORE, RANK);
    /** The group whose items are demoted. */
    public static final String PENALISED_GROUP = "Group B";
    /** The levels of {@value #GROUP}. */
    public static final List<String> GROUPS = List.of("Group A", "Group B");

    private static final double[] RELEVANCE_CUMULATIVE = {0.4, 0.7, 0.9, 1.0};

    private final int itemsPerQuery;
    private final long seed;
    private final double strength;
    /** Per row, in CSV order (query, then rank): the item number (1-based), group code, relevance, score, rank. */
    private final int[] item;
    private final int[] group;
    private final int[] relevance;
    private final double[] score;
    private final int[] rank;

    private SyntheticSearchRanking(int queries, int m, long seed, double strength) {
        this.itemsPerQuery = m;
        this.seed = seed;
        this.strength = strength;
        int n = Math.multiplyExact(queries, m);
        item = new int[n];
        group = new int[n];
        relevance = new int[n];
        score = new double[n];
        rank = new int[n];
        int groupB = groupBSize(m);
        double demotion = DEMOTION * strength;
        SplittableRandom random = new SplittableRandom(seed);
        int[] g = new int[m];
        int[] r = new int[m];
        double[] s = new double[m];
        Integer[] order = new Integer[m];
        for (int q = 0; q < queries; q++) {
            Arrays.fill(g, 0);
            // A uniformly random subset of m_B items in Group B: the first m_B of a partial Fisher-Yates shuffle.
            int[] idx = new int[m];
            for (int j = 0; j < m; j++) {
                idx[j] = j;
            }
            for (int j = 0; j < groupB; j++) {
                int k = j + random.nextInt(m - j);
                int t = idx[j];
                idx[j] = idx[k];
                idx[k] = t;
                g[idx[j]] = 1;
            }
            for (int j = 0; j < m; j++) {
                r[j] = Draws.categorical(random, RELEVANCE_CUMULATIVE);
                s[j] = r[j] + Draws.gaussian(random) - (g[j] == 1 ? demotion : 0.0);
                order[j] = j;
            }
            Arrays.sort(order, (a, b) -> {
                int c = Double.compare(s[b], s[a]);
                return c != 0 ? c : Integer.compare(a, b);
            });
            for (int p = 0; p < m; p++) {
                int j = order[p];
                int row = q * m + p;
                item[row] = q * m + j + 1;
                group[row] = g[j];
                relevance[row] = r[j];
                score[row] = s[j];
                rank[row] = p + 1;
            }
        }
    }

    /** The number of Group B items in a query of {@code m} items: {@code round(0.4 m)}, within 1..m-1. */
    public static int groupBSize(int m) {
        return (int) Math.max(1, Math.min(m - 1, Math.round(GROUP_B_SHARE * m)));
    }

    /** @return a builder with the defaults ({@value #DEFAULT_QUERIES} queries of 20 items, seed 42, strength 1) */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the number of rows (items over all queries) */
    public int rows() {
        return rank.length;
    }

    /** @return the number of queries */
    public int queries() {
        return rank.length / itemsPerQuery;
    }

    /** @return the number of items per query */
    public int itemsPerQuery() {
        return itemsPerQuery;
    }

    /** @return the seed */
    public long seed() {
        return seed;
    }

    /** @return the strength of the injected disparity (0 = none) */
    public double strength() {
        return strength;
    }

    /** @return the query ids, {@code q1, q2, ...} */
    public List<String> queryIds() {
        String[] ids = new String[queries()];
        for (int q = 0; q < ids.length; q++) {
            ids[q] = "q" + (q + 1);
        }
        return List.of(ids);
    }

    /** @return row {@code i}'s query id (rows in CSV order) */
    public String query(int i) {
        return "q" + (i / itemsPerQuery + 1);
    }

    /** @return row {@code i}'s item id */
    public String item(int i) {
        return "d" + item[i];
    }

    /** @return row {@code i}'s group */
    public String group(int i) {
        return GROUPS.get(group[i]);
    }

    /** @return row {@code i}'s relevance, 0 to 3 */
    public int relevance(int i) {
        return relevance[i];
    }

    /** @return row {@code i}'s score */
    public double score(int i) {
        return score[i];
    }

    /** @return row {@code i}'s position in its query, 1 = top */
    public int rank(int i) {
        return rank[i];
    }

    /**
     * One query's ranked list, by its positions, with relevance and the sensitive feature {@value #GROUP}.
     *
     * @throws IllegalArgumentException if there is no such query
     */
    public Ranking toRanking(String queryId) {
        int q = queryIndex(queryId);
        int m = itemsPerQuery;
        String[] levels = new String[m];
        int[] positions = new int[m];
        double[] rel = new double[m];
        for (int p = 0; p < m; p++) {
            int row = q * m + p;
            levels[p] = group(row);
            positions[p] = rank[row];
            rel[p] = relevance[row];
        }
        return Ranking.builder().sensitive(GROUP, levels).positions(positions).relevance(rel).build();
    }

    /** @return every query's ranked list ({@link #toRanking(String)}), by query id, in query order */
    public Map<String, Ranking> toRankings() {
        Map<String, Ranking> all = new LinkedHashMap<>();
        for (String q : queryIds()) {
            all.put(q, toRanking(q));
        }
        return all;
    }

    private int queryIndex(String queryId) {
        if (queryId != null && queryId.startsWith("q")) {
            try {
                int q = Integer.parseInt(queryId.substring(1)) - 1;
                if (q >= 0 && q < queries() && queryId.equals("q" + (q + 1))) {
                    return q;
                }
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw InputErrors.badSetting("queryId", queryId, "a query id q1 to q" + queries());
    }

    /**
     * Writes the rows as CSV: a header of {@link #COLUMNS}, then one line per item (queries in order, each query's
     * items by rank), comma-separated, {@code \n} line ends, scores as the shortest decimal that reads back as the
     * same value.
     */
    public void writeCsv(Appendable out) throws IOException {
        Draws.header(out, COLUMNS);
        for (int i = 0; i < rank.length; i++) {
            Draws.line(out, query(i), item(i), group(i), Integer.toString(relevance[i]), Draws.number(score[i]),
                    Integer.toString(rank[i]));
        }
    }

    /** Writes the CSV of {@link #writeCsv(Appendable)} to a file in UTF-8, replacing it. */
    public void writeCsv(Path file) throws IOException {
        Draws.writeFile(file, this::writeCsv);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SyntheticSearchRanking[%d queries of %d items, seed %d, strength %s]",
                queries(), itemsPerQuery, seed, Draws.number(strength));
    }

    /** The settings of {@link SyntheticSearchRanking}; each validated at once and set once. */
    public static final class Builder {
        private Integer queries;
        private Integer itemsPerQuery;
        private Long seed;
        private Double strength;

        private Builder() {
        }

        /** The number of queries, {@code >= 1} (default {@value #DEFAULT_QUERIES}). */
        public Builder queries(int n) {
            InputErrors.requireUnset(queries, "queries");
            queries = Draws.positive("queries", n);
            return this;
        }

        /** The number of items per query, {@code >= 2} (default {@value #DEFAULT_ITEMS_PER_QUERY}). */
        public Builder itemsPerQuery(int m) {
            InputErrors.requireUnset(itemsPerQuery, "itemsPerQuery");
            if (m < 2) {
                throw InputErrors.badSetting("itemsPerQuery", m, ">= 2");
            }
            itemsPerQuery = m;
            return this;
        }

        /** The seed (default 42). */
        public Builder seed(long s) {
            InputErrors.requireUnset(seed, "seed");
            seed = s;
            return this;
        }

        /** The strength {@code s} of the injected disparity, in [0, 100]: 0 = none, 1 = the default. */
        public Builder strength(double s) {
            InputErrors.requireUnset(strength, "strength");
            strength = Draws.strength(s, MAX_STRENGTH);
            return this;
        }

        /**
         * @return the generated data set
         * @throws IllegalArgumentException if queries × items per query exceeds {@link Integer#MAX_VALUE}
         */
        public SyntheticSearchRanking build() {
            int q = queries == null ? DEFAULT_QUERIES : queries;
            int m = itemsPerQuery == null ? DEFAULT_ITEMS_PER_QUERY : itemsPerQuery;
            if ((long) q * m > Integer.MAX_VALUE) {
                throw InputErrors.badSetting("queries × itemsPerQuery", (long) q * m, "at most " + Integer.MAX_VALUE);
            }
            return new SyntheticSearchRanking(q, m, seed == null ? DEFAULT_SEED : seed,
                    strength == null ? DEFAULT_STRENGTH : strength);
        }
    }
}
