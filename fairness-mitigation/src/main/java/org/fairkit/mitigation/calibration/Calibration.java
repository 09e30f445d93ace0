package org.fairkit.mitigation.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.fairkit.core.FairnessData;
import org.fairkit.core.errors.InputErrors;

/**
 * Configuration of a score calibration, and the front door of this package: choose a method, optionally per group,
 * then {@code fit} to get an immutable {@link Calibrator}.
 *
 * <pre>{@code
 * Calibrator cal = Calibration.isotonic().perGroup().minGroupSize(100).fit(scores, labels, groups);
 * double p = cal.apply(0.73, "Female");
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
 * <p><b>Per group.</b> {@link #perGroup()} fits one map per group and, always, one on all rows. A group with fewer
 * than {@link #minGroupSize(int)} rows (default {@value #DEFAULT_MIN_GROUP_SIZE}), no weight, a single class, or no
 * fit for the method uses the all-rows map instead; {@link Calibrator#groups()} and {@link Calibrator#toString()}
 * say which groups did and why. A per-group fit gives each group exactly the map it would get if fitted alone.
 *
 * <p><b>Input.</b> Scores finite in [0, 1], labels 0 or 1, optional weights finite and {@code >= 0} (rows of weight
 * 0 take no part), optional non-null group names; the fitting data must hold both classes with positive weight.
 * Violations throw {@link IllegalArgumentException} naming the column and the first bad row. Each setting is set
 * once; a second call throws {@link IllegalStateException}. Instances are immutable: every setter returns a new
 * configuration.
 */
public final class Calibration {
    /** The default minimum number of rows for a group to get its own map. */
    public static final int DEFAULT_MIN_GROUP_SIZE = 50;

    private enum Kind {
        ISOTONIC, PLATT, BETA, TEMPERATURE, HISTOGRAM
    }

    private final Kind kind;
    private final PlattTargets targets;
    private final int bins;
    private final Binning binning;
    private final boolean perGroup;
    private final Integer minGroupSize;

    private Calibration(Kind kind, PlattTargets targets, int bins, Binning binning, boolean perGroup,
            Integer minGroupSize) {
        this.kind = kind;
        this.targets = targets;
        this.bins = bins;
        this.binning = binning;
        this.perGroup = perGroup;
        this.minGroupSize = minGroupSize;
    }

    /** @return isotonic-regression calibration ({@link IsotonicMap}) */
    public static Calibration isotonic() {
        return new Calibration(Kind.ISOTONIC, null, 0, null, false, null);
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
        return new Calibration(Kind.PLATT, targets, 0, null, false, null);
    }

    /** @return beta calibration with {@code a, b >= 0} ({@link BetaMap}) */
    public static Calibration beta() {
        return new Calibration(Kind.BETA, null, 0, null, false, null);
    }

    /** @return temperature scaling ({@link TemperatureMap}) */
    public static Calibration temperature() {
        return new Calibration(Kind.TEMPERATURE, null, 0, null, false, null);
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
        return new Calibration(Kind.HISTOGRAM, null, bins, binning, false, null);
    }

    /** @return this configuration, fitting one map per group (and one on all rows for the fallback) */
    public Calibration perGroup() {
        if (perGroup) {
            throw InputErrors.settingTwice("perGroup");
        }
        return new Calibration(kind, targets, bins, binning, true, minGroupSize);
    }

    /**
     * @param rows the fewest rows a group needs for its own map, {@code >= 0}; smaller groups use the all-rows map
     * @return this configuration with the minimum group size; only valid together with {@link #perGroup()}
     */
    public Calibration minGroupSize(int rows) {
        if (minGroupSize != null) {
            throw InputErrors.settingTwice("minGroupSize");
        }
        if (rows < 0) {
            throw InputErrors.badSetting("minGroupSize", rows, ">= 0");
        }
        return new Calibration(kind, targets, bins, binning, perGroup, rows);
    }

    /** Fits one map on all rows. */
    public Calibrator fit(double[] scores, int[] labels) {
        return fit(Inputs.of(scores, labels, null, null));
    }

    /** Fits one map on all rows, weighted. */
    public Calibrator fit(double[] scores, int[] labels, double[] weights) {
        return fit(Inputs.of(scores, labels, null, weights));
    }

    /** Fits one map per group (requires {@link #perGroup()}) and one on all rows. */
    public Calibrator fit(double[] scores, int[] labels, String[] groups) {
        return fit(Inputs.of(scores, labels, requireGroups(groups), null));
    }

    /** Fits one map per group (requires {@link #perGroup()}) and one on all rows, weighted. */
    public Calibrator fit(double[] scores, int[] labels, String[] groups, double[] weights) {
        return fit(Inputs.of(scores, labels, requireGroups(groups), weights));
    }

    /** Fits one map on all rows of the data's scores, labels and weights. */
    public Calibrator fit(FairnessData data) {
        return fit(Inputs.of(data, List.of()));
    }

    /**
     * Fits one map per group of the data's sensitive features (their intersection when several; group names are
     * the levels joined by {@code " & "}), and one on all rows. Requires {@link #perGroup()}.
     */
    public Calibrator fit(FairnessData data, String... features) {
        if (features.length == 0) {
            return fit(data);
        }
        return fit(Inputs.of(data, Arrays.asList(features)));
    }

    private static String[] requireGroups(String[] groups) {
        if (groups == null) {
            throw new IllegalArgumentException("column 'groups' is required; got null");
        }
        return groups;
    }

    private Calibrator fit(Inputs in) {
        if (perGroup && !in.grouped()) {
            throw Errors.perGroupNeedsGroups();
        }
        if (!perGroup && in.grouped()) {
            throw Errors.groupsWithoutPerGroup();
        }
        if (!perGroup && minGroupSize != null) {
            throw Errors.minGroupSizeWithoutPerGroup();
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
            return new Calibrator(toString(), global, false, 0, List.of(), List.of());
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
        return new Calibrator(toString(), global, true, min, groups, in.features);
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

    /** @return whether one map is fitted per group */
    public boolean isPerGroup() {
        return perGroup;
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

    /** @return e.g. {@code isotonic calibration, per group, minGroupSize 50} */
    @Override
    public String toString() {
        return name() + (perGroup ? ", per group, minGroupSize " + minGroupSize() : ", global");
    }
}
