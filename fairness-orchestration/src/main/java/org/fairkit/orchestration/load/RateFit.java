package org.fairkit.orchestration.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The input and output rates refitted to measured runs, so that estimates hold on the machine the audits run
 * on. Made by {@link LoadModel#calibrate(List)}.
 *
 * <h2>Method</h2>
 * A run with input load {@code I_k}, output load {@code O_k} and measured time {@code m_k} is modelled by
 * {@link TimeFormula#SEPARATE_RATES}: {@code m_k ≈ a·(p·I_k) + b·O_k} with {@code a = 1/r_in},
 * {@code b = 1/r_out} and {@code p} the input pass multiplier (2.0). Ordinary least squares without intercept
 * minimises {@code Σ (m_k − a·x_k − b·O_k)²} ({@code x_k = p·I_k}) through the 2 × 2 normal equations
 * <pre>
 *   [Σx²  ΣxO] [a]   [Σxm]
 *   [ΣxO  ΣO²] [b] = [ΣOm]
 * </pre>
 * ({@link Fit#SEPARATE_RATES}). When the history cannot separate the two rates (fewer than two runs, every run with
 * the same ratio O/I, or a fitted coefficient that is not positive: outputs usually weigh about 1% of the load,
 * so their rate is the first to drown in noise), one common rate {@code r} is fitted instead: {@code a = b = 1/r}
 * with {@code 1/r = Σ L_k m_k / Σ L_k²}, {@code L_k = O_k + p·I_k} ({@link Fit#COMMON_RATE}).
 *
 * <p>The specification's estimate {@code (O + p·I) / 11.5} is the point {@code a = b = 1/11.5} of both families,
 * so on the history the calibrated root mean squared error is never larger than the specification's (a property
 * the tests check). {@link #before()} and {@link #after()} give the errors of the model as it was and as
 * calibrated, over the same history (in-sample: judge out-of-sample accuracy on runs not used for the fit).
 * The calibrated model uses {@link TimeFormula#SEPARATE_RATES} with the fitted rates; every other constant is
 * kept.
 *
 * @param original the model before calibration
 * @param calibrated the model with the fitted rates
 * @param fit which family was fitted
 * @param note why a common rate was fitted, or empty
 * @param before the original model's estimate error on the history
 * @param after the calibrated model's estimate error on the same history
 */
public record RateFit(LoadModel original, LoadModel calibrated, Fit fit, String note, EstimateError before,
        EstimateError after) {

    /** Which family of rates was fitted. */
    public enum Fit {
        /** The input and output rates, each its own. */
        SEPARATE_RATES,
        /** One rate for input and output units alike. */
        COMMON_RATE
    }

    /** Validates that every part is present. */
    public RateFit {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(calibrated, "calibrated");
        Objects.requireNonNull(fit, "fit");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    static RateFit fit(LoadModel model, List<MeasuredRun> history) {
        Objects.requireNonNull(history, "history");
        if (history.isEmpty()) {
            throw new IllegalArgumentException("history must hold at least one measured run, got none");
        }
        List<MeasuredRun> runs = new ArrayList<>(history.size());
        for (int k = 0; k < history.size(); k++) {
            if (history.get(k) == null) {
                throw new IllegalArgumentException("history[" + k + "] is null; expected a measured run");
            }
            runs.add(history.get(k));
        }
        double p = model.inputPassMultiplier();
        double sxx = 0;
        double sxo = 0;
        double soo = 0;
        double sxm = 0;
        double som = 0;
        for (MeasuredRun r : runs) {
            double x = p * r.inputLoad();
            double o = r.outputLoad();
            double m = r.measuredSeconds();
            sxx += x * x;
            sxo += x * o;
            soo += o * o;
            sxm += x * m;
            som += o * m;
        }
        double det = sxx * soo - sxo * sxo;
        String note;
        if (runs.size() < 2) {
            note = "one run cannot separate input from output time";
        } else if (!(det > 1e-10 * sxx * soo)) {
            note = "every run has the same ratio of output to input load, so their times cannot be separated";
        } else {
            double a = (sxm * soo - som * sxo) / det;
            double b = (som * sxx - sxm * sxo) / det;
            if (a > 0 && b > 0) {
                return result(model, runs, model.withRates(1 / a, 1 / b, TimeFormula.SEPARATE_RATES),
                        Fit.SEPARATE_RATES, "");
            }
            note = String.format(Locale.ROOT, "the separate fit gives a non-positive %s time per unit (%.3g s), "
                    + "which no rate can have: the history does not show the %s time apart from noise",
                    a > 0 ? "output" : "input", a > 0 ? b : a, a > 0 ? "output" : "input");
        }
        double sll = 0;
        double slm = 0;
        for (MeasuredRun r : runs) {
            double l = r.outputLoad() + p * r.inputLoad();
            sll += l * l;
            slm += l * r.measuredSeconds();
        }
        double rate = sll / slm;
        return result(model, runs, model.withRates(rate, rate, TimeFormula.SEPARATE_RATES), Fit.COMMON_RATE,
                note + "; one common rate was fitted");
    }

    private static RateFit result(LoadModel model, List<MeasuredRun> runs, LoadModel calibrated, Fit fit,
            String note) {
        EstimateError before = EstimateError.of(runs, r -> model.estimatedSeconds(r.inputLoad(), r.outputLoad()));
        EstimateError after = EstimateError.of(runs,
                r -> calibrated.estimatedSeconds(r.inputLoad(), r.outputLoad()));
        return new RateFit(model, calibrated, fit, note, before, after);
    }

    /** @return the fitted input rate, in units per second */
    public double inputRate() {
        return calibrated.inputRate();
    }

    /** @return the fitted output rate, in units per second */
    public double outputRate() {
        return calibrated.outputRate();
    }

    /** @return the rates before and after, the fit, and the errors before and after */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Calibration on %d runs (%s%s):%n  input rate %.3f -> %.3f units/s, "
                + "output rate %.3f -> %.3f units/s%n  before (%s): %s%n  after  (%s): %s", before.runs(), fit,
                note.isEmpty() ? "" : ": " + note, original.inputRate(), inputRate(), original.outputRate(),
                outputRate(), original.timeFormula(), before, calibrated.timeFormula(), after);
    }
}
