package org.fairkit.mitigation.calibration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.fairkit.core.FairnessData;
import org.fairkit.core.internal.InputErrors;
import org.fairkit.core.group.Grouping;
import org.fairkit.mitigation.MitigationErrors;
import org.fairkit.mitigation.Mitigator;
import org.fairkit.mitigation.internal.Settings;

/**
 * Configuration of a score calibration, and the front door of this package: choose a method, optionally a grouping,
 * then {@code fit} to get an immutable {@link Fitted}.
 *
 * <pre>{@code
 * Calibration.Fitted cal = Calibration.isotonic().groupBy("sex").minGroupSize(100).fit(data);
 * double[] calibrated = cal.apply(newData);            // each row through its group's map
 * double p = cal.apply(0.73, "Female");
 * Calibration.Fitted cols = Calibration.isotonic().fit(scores, labels, groups);   // groups as a column
 * }</pre>
 *
 * <p>Methods (each map type documents its formula, paper and reference definition):
 * <ul>
 *   <li>{@link #isotonic()}: isotonic regression by pool-adjacent-violators ({@link IsotonicMap}; equals
 *       scikit-learn's {@code IsotonicRegression(out_of_bounds='clip')});</li>
 *   <li>{@link #platt()}: Platt scaling on the logit with Platt's smoothed targets ({@link PlattMap}; equals
 *       scikit-learn's {@code CalibratedClassifierCV(method='sigmoid')} for a logistic model), or
 *       {@link #platt(PlattTargets)} with the 0/1 labels;</li>
 *   <li>{@link #beta()}: beta calibration with {@code a, b >= 0} ({@link BetaMap}, Kull et al. 2017);</li>
 *   <li>{@link #temperature()}: one temperature on the logit ({@link TemperatureMap}, Guo et al. 2017);</li>
 *   <li>{@link #histogram(int, Binning)}: histogram binning ({@link HistogramMap}, Zadrozny &amp; Elkan 2001).</li>
 * </ul>
 *
 * <p><b>Per group.</b> With {@link #groupBy(String...)} (for {@link FairnessData}) or a {@code groups} column,
 * calibration fits one map per group and, always, one on all rows; without either it fits one map on all rows. A
 * group with fewer than {@link #minGroupSize(int)} rows (default {@value #DEFAULT_MIN_GROUP_SIZE}), no weight, a
 * single class, or no fit for the method uses the all-rows map instead; {@link Fitted#groups()} and
 * {@link Fitted#toString()} say which groups did and why. A per-group fit gives each group exactly the map it
 * would get if fitted alone.
 *
 * <p><b>Input.</b> Scores finite in [0, 1], labels 0 or 1, optional weights finite and {@code >= 0} (rows of weight
 * 0 take no part), optional non-null group names; the fitting data must hold both classes with positive weight.
 * Violations throw {@link IllegalArgumentException} naming the column and the first bad row. Each setting is set
 * once; a second call throws {@link IllegalStateException}. Instances are immutable: every setter returns a new
 * configuration.
 */
public final class Calibration implements Mitigator<Calibration.Fitted> {
    /** The default minimum number of rows for a group to get its own map. */
    public static final int DEFAULT_MIN_GROUP_SIZE = 50;

    private enum Kind {
        ISOTONIC, PLATT, BETA, TEMPERATURE, HISTOGRAM
    }

    private final Kind kind;
    private final PlattTargets targets;
    private final int bins;
    private final Binning binning;
    private final List<String> features;
    private final Integer minGroupSize;

    private Calibration(Kind kind, PlattTargets targets, int bins, Binning binning, List<String> features,
            Integer minGroupSize) {
        this.kind = kind;
        this.targets = targets;
        this.bins = bins;
        this.binning = binning;
        this.features = features;
        this.minGroupSize = minGroupSize;
    }

    /** @return isotonic-regression calibration ({@link IsotonicMap}) */
    public static Calibration isotonic() {
        return new Calibration(Kind.ISOTONIC, null, 0, null, null, null);
    }

    /** @return Platt scaling on the logit with Platt's smoothed targets ({@link PlattMap}) */
    public static Calibration platt() {
        return platt(PlattTargets.SMOOTHED);
    }

    /** @return Platt scaling on the logit against the given targets ({@link PlattMap}) */
    public static Calibration platt(PlattTargets targets) {
        if (targets == null) {
            throw InputErrors.badSetting("targets", null, "SMOOTHED or LABELS");
        }
        return new Calibration(Kind.PLATT, targets, 0, null, null, null);
    }

    /** @return beta calibration with {@code a, b >= 0} ({@link BetaMap}) */
    public static Calibration beta() {
        return new Calibration(Kind.BETA, null, 0, null, null, null);
    }

    /** @return temperature scaling ({@link TemperatureMap}) */
    public static Calibration temperature() {
        return new Calibration(Kind.TEMPERATURE, null, 0, null, null, null);
    }

    /**
     * @param bins the number of bins, {@code >= 1}
     * @param binning equal width or equal mass
     * @return histogram-binning calibration ({@link HistogramMap})
     */
    public static Calibration histogram(int bins, Binning binning) {
        if (bins < 1) {
            throw InputErrors.badSetting("bins", bins, ">= 1");
        }
        if (binning == null) {
            throw InputErrors.badSetting("binning", null, "EQUAL_WIDTH or EQUAL_MASS");
        }
        return new Calibration(Kind.HISTOGRAM, null, bins, binning, null, null);
    }

    /**
     * Fits one map per group of these sensitive features of {@link FairnessData} (their intersection when
     * several; group names are the levels joined by {@code " & "}), and one on all rows for the fallback.
     *
     * @return this configuration, grouped
     * @throws IllegalArgumentException if no feature is named
     * @throws IllegalStateException if set twice
     */
    public Calibration groupBy(String... features) {
        Settings.once(this.features, "groupBy");
        return new Calibration(kind, targets, bins, binning, Settings.features(features), minGroupSize);
    }

    /**
     * @param rows the fewest rows a group needs for its own map, {@code >= 0}; smaller groups use the all-rows map
     * @return this configuration with the minimum group size; only valid for a per-group fit
     *     ({@link #groupBy(String...)} or a {@code groups} column)
     */
    public Calibration minGroupSize(int rows) {
        Settings.once(minGroupSize, "minGroupSize");
        if (rows < 0) {
            throw InputErrors.badSetting("minGroupSize", rows, ">= 0");
        }
        return new Calibration(kind, targets, bins, binning, features, rows);
    }

    /**
     * Fits one map on all rows.
     *
     * @throws IllegalStateException if {@link #groupBy(String...)} was set (give the groups as a column)
     */
    public Fitted fit(double[] scores, int[] labels) {
        Settings.requireColumnGrouping(features);
        return fit(Inputs.of(scores, labels, null, null));
    }

    /**
     * Fits one map on all rows, weighted.
     *
     * @throws IllegalStateException if {@link #groupBy(String...)} was set (give the groups as a column)
     */
    public Fitted fit(double[] scores, int[] labels, double[] weights) {
        Settings.requireColumnGrouping(features);
        return fit(Inputs.of(scores, labels, null, weights));
    }

    /**
     * Fits one map per group of the {@code groups} column and one on all rows.
     *
     * @throws IllegalStateException if {@link #groupBy(String...)} was set (the groups are the column)
     */
    public Fitted fit(double[] scores, int[] labels, String[] groups) {
        Settings.requireColumnGrouping(features);
        return fit(Inputs.of(scores, labels, requireGroups(groups), null));
    }

    /**
     * Fits one map per group of the {@code groups} column and one on all rows, weighted.
     *
     * @throws IllegalStateException if {@link #groupBy(String...)} was set (the groups are the column)
     */
    public Fitted fit(double[] scores, int[] labels, String[] groups, double[] weights) {
        Settings.requireColumnGrouping(features);
        return fit(Inputs.of(scores, labels, requireGroups(groups), weights));
    }

    /**
     * Fits on the data's scores, labels and weights: one map per group when {@link #groupBy(String...)} is set
     * (and one on all rows), else one map on all rows.
     *
     * @throws IllegalArgumentException if the data has no scores or lacks a feature
     */
    @Override
    public Fitted fit(FairnessData data) {
        return fit(Inputs.of(data, features == null ? List.of() : features));
    }

    private static String[] requireGroups(String[] groups) {
        if (groups == null) {
            throw new IllegalArgumentException("column 'groups' is required; got null");
        }
        return groups;
    }

    private Fitted fit(Inputs in) {
        boolean perGroup = in.grouped();
        if (!perGroup && minGroupSize != null) {
            throw Errors.minGroupSizeWithoutGroups();
        }
        Sample all = in.all();
        all.requireFittable();
        ScoreMap global;
        try {
            global = fitOne(all);
        } catch (FitFailure f) {
            throw Errors.fitFailed(name(), f.getMessage());
        }
        if (!perGroup) {
            return new Fitted(configuration(false), global, false, 0, List.of(), List.of());
        }
        int min = minGroupSize();
        Sample[] samples = in.byGroup();
        List<GroupCalibration> groups = new ArrayList<>();
        for (int g = 0; g < samples.length; g++) {
            Sample s = samples[g];
            String reason = null;
            ScoreMap map = global;
            Integer only = s.onlyClass();
            if (s.rows() < min) {
                reason = "n = " + s.rows() + " is below minGroupSize " + min;
            } else if (!(s.totalWeight > 0)) {
                reason = "total weight is 0";
            } else if (only != null) {
                reason = "one class only: every row of positive weight is " + only;
            } else {
                try {
                    map = fitOne(s);
                } catch (FitFailure f) {
                    reason = "fit failed: " + f.getMessage();
                }
            }
            groups.add(new GroupCalibration(in.groupNames.get(g), s.rows(), s.totalWeight, s.positiveWeight, map,
                    Optional.ofNullable(reason)));
        }
        return new Fitted(configuration(true), global, true, min, groups, in.features);
    }

    private ScoreMap fitOne(Sample s) {
        return switch (kind) {
            case ISOTONIC -> IsotonicMap.fit(s);
            case PLATT -> PlattMap.fit(s, targets);
            case BETA -> BetaMap.fit(s);
            case TEMPERATURE -> TemperatureMap.fit(s);
            case HISTOGRAM -> HistogramMap.fit(s, bins, binning);
        };
    }

    /** @return the sensitive features to group {@link FairnessData} by, empty when not set */
    public List<String> features() {
        return features == null ? List.of() : features;
    }

    /** @return the minimum group size ({@value #DEFAULT_MIN_GROUP_SIZE} unless set) */
    public int minGroupSize() {
        return minGroupSize == null ? DEFAULT_MIN_GROUP_SIZE : minGroupSize;
    }

    private String name() {
        return switch (kind) {
            case ISOTONIC -> "isotonic calibration";
            case PLATT -> "Platt scaling (" + (targets == PlattTargets.SMOOTHED ? "smoothed targets" : "0/1 targets")
                    + ")";
            case BETA -> "beta calibration";
            case TEMPERATURE -> "temperature scaling";
            case HISTOGRAM -> "histogram binning (" + bins + " " + binningName() + " bins)";
        };
    }

    private String binningName() {
        return binning == Binning.EQUAL_WIDTH ? "equal-width" : "equal-mass";
    }

    /** The configuration as a fitted calibration describes it: method, then per group or global. */
    private String configuration(boolean perGroup) {
        return name() + (perGroup ? ", per group, minGroupSize " + minGroupSize() : ", global");
    }

    /** @return e.g. {@code isotonic calibration, by sex, minGroupSize 50}, or {@code isotonic calibration} */
    @Override
    public String toString() {
        return name() + (features == null ? "" : ", by " + String.join(" x ", features))
                + (minGroupSize == null ? "" : ", minGroupSize " + minGroupSize);
    }

    /**
     * A fitted calibration: the map learned on all rows and, when fitted per group, the map each group uses. Made by
     * {@link Calibration}'s {@code fit} methods; immutable and thread-safe.
     *
     * <p>{@link #apply(double)} uses the all-rows map and is refused for a per-group fit (ask for the group's map
     * with {@link #apply(double, String)}, or for the all-rows map explicitly with {@code global().apply(s)}). A
     * group that was not in the fitting data is refused too, naming the column, the row and the known groups:
     * scores of an unseen group are not silently calibrated with someone else's map. For a global fit the group
     * argument is ignored.
     *
     * <p>{@link #toString()} prints what was learned: the configuration, the all-rows map, and per group its size,
     * weight, positive weight and its own map or the reason it uses the all-rows map.
     */
    public static final class Fitted {
        private final String configuration;
        private final ScoreMap global;
        private final boolean perGroup;
        private final int minGroupSize;
        private final Map<String, GroupCalibration> groups;
        private final List<String> features;

        private Fitted(String configuration, ScoreMap global, boolean perGroup, int minGroupSize,
                List<GroupCalibration> groups, List<String> features) {
            this.configuration = configuration;
            this.global = global;
            this.perGroup = perGroup;
            this.minGroupSize = minGroupSize;
            Map<String, GroupCalibration> m = new LinkedHashMap<>();
            for (GroupCalibration g : groups) {
                m.put(g.group(), g);
            }
            this.groups = Collections.unmodifiableMap(m);
            this.features = List.copyOf(features);
        }

        /**
         * @param score a score in [0, 1]
         * @return the calibrated probability from the all-rows map
         * @throws IllegalStateException if this calibrator was fitted per group
         */
        public double apply(double score) {
            if (perGroup) {
                throw Errors.needsGroup();
            }
            return global.apply(score);
        }

        /**
         * @param score a score in [0, 1]
         * @param group the row's group (ignored by a global calibrator)
         * @return the calibrated probability from the group's map
         * @throws IllegalArgumentException if the score is outside [0, 1] or the group was not seen when fitting
         */
        public double apply(double score, String group) {
            return mapOf(group).apply(score);
        }

        /** Applies {@link #apply(double)} to each score; errors name the row. */
        public double[] apply(double[] scores) {
            if (perGroup) {
                throw Errors.needsGroup();
            }
            double[] out = new double[scores.length];
            for (int i = 0; i < scores.length; i++) {
                out[i] = global.apply(checked(scores[i], i));
            }
            return out;
        }

        /**
         * Applies {@link #apply(double, String)} row by row; errors name the column and the row, and a group not
         * seen in fitting is refused naming the {@code groups} column, the row and the group.
         */
        public double[] apply(double[] scores, String[] groups) {
            if (groups.length != scores.length) {
                throw Errors.lengthMismatch("groups", groups.length, scores.length);
            }
            double[] out = new double[scores.length];
            for (int i = 0; i < scores.length; i++) {
                if (groups[i] == null) {
                    throw Errors.nullGroup(i);
                }
                GroupCalibration g = perGroup ? this.groups.get(groups[i]) : null;
                if (perGroup && g == null) {
                    throw MitigationErrors.unknownGroup("groups", i, groups[i], this.groups.keySet());
                }
                out[i] = (perGroup ? g.map() : global).apply(checked(scores[i], i));
            }
            return out;
        }

        /**
         * Calibrates the data's scores; a per-group calibrator fitted on {@link FairnessData} groups the rows by the
         * same sensitive features.
         *
         * @throws IllegalArgumentException if the data has no scores or lacks a feature, or naming the column and the
         *     first row of a group not seen in fitting
         * @throws IllegalStateException if this per-group calibration was fitted on columns (pass the groups instead)
         */
        public double[] apply(FairnessData data) {
            if (!data.hasScores()) {
                throw new IllegalArgumentException("the data has no scores; calibration needs scores(...) in [0, 1]");
            }
            int n = data.rows();
            double[] out = new double[n];
            if (!perGroup) {
                for (int i = 0; i < n; i++) {
                    out[i] = global.apply(data.score(i));
                }
                return out;
            }
            if (features.isEmpty()) {
                throw new IllegalStateException("this calibrator was fitted on group arrays, not on FairnessData "
                        + "features; call apply(scores, groups)");
            }
            Grouping grouping = data.grouping(features);
            ScoreMap[] maps = new ScoreMap[grouping.groupCount()];
            for (int g = 0; g < maps.length; g++) {
                GroupCalibration c = groups.get(grouping.groups().get(g).label());
                maps[g] = c == null ? null : c.map();
            }
            for (int i = 0; i < n; i++) {
                ScoreMap m = maps[grouping.groupOf(i)];
                if (m == null) {
                    throw MitigationErrors.unknownGroup(String.join(" x ", features), i,
                            grouping.groups().get(grouping.groupOf(i)).label(), groups.keySet());
                }
                out[i] = m.apply(data.score(i));
            }
            return out;
        }

        private static double checked(double score, int row) {
            if (!(score >= 0.0 && score <= 1.0)) {
                throw Errors.badScore(row, score);
            }
            return score;
        }

        private ScoreMap mapOf(String group) {
            if (!perGroup) {
                return global;
            }
            GroupCalibration g = groups.get(group);
            if (g == null) {
                throw Errors.unknownGroup(group, groups.keySet());
            }
            return g.map();
        }

        /** @return the map fitted on all rows */
        public ScoreMap global() {
            return global;
        }

        /** @return whether one map was fitted per group */
        public boolean isPerGroup() {
            return perGroup;
        }

        /** @return the minimum group size used (0 for a global calibrator) */
        public int minGroupSize() {
            return minGroupSize;
        }

        /** @return the sensitive features the groups come from (empty when fitted on arrays or globally) */
        public List<String> features() {
            return features;
        }

        /** @return what each group learned, in group-name order (empty for a global calibrator) */
        public List<GroupCalibration> groups() {
            return List.copyOf(groups.values());
        }

        /**
         * @return what one group learned
         * @throws IllegalArgumentException naming the known groups if there is no such group
         */
        public GroupCalibration group(String name) {
            GroupCalibration g = groups.get(name);
            if (g == null) {
                throw Errors.unknownGroup(name, groups.keySet());
            }
            return g;
        }

        /** @return the configuration this was fitted with, e.g. {@code isotonic calibration, per group, ...} */
        public String configuration() {
            return configuration;
        }

        /** A fixed-width table of what was learned, {@link Locale#ROOT}. */
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            b.append("Calibrator[").append(configuration).append("; fitted on ").append(global.rows())
                    .append(" rows]\n");
            b.append("  all rows: ").append(global.describe()).append('\n');
            if (!perGroup) {
                return b.toString();
            }
            int width = "group".length();
            for (String g : groups.keySet()) {
                width = Math.max(width, g.length());
            }
            String row = "  %-" + width + "s %8s %12s %12s  %s%n";
            b.append(String.format(Locale.ROOT, row, "group", "rows", "weight", "positives", "map"));
            List<String> lines = new ArrayList<>();
            for (GroupCalibration g : groups.values()) {
                String map = g.fallback().map(r -> "all-rows map (" + r + ")").orElse(g.map().describe());
                lines.add(String.format(Locale.ROOT, row, g.group(), g.rows(), Errors.weight(g.weight()),
                        Errors.weight(g.positiveWeight()), map));
            }
            lines.forEach(b::append);
            return b.toString();
        }
    }
}
