package org.fairkit.orchestration;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.fairkit.orchestration.load.InputProfile;
import org.fairkit.orchestration.load.LoadEstimate;
import org.fairkit.orchestration.load.LoadModel;
import org.fairkit.orchestration.load.MeasuredRun;
import org.fairkit.orchestration.load.OutputKind;
import org.fairkit.orchestration.load.Timeline;
import org.fairkit.orchestration.run.AuditGrouping;
import org.fairkit.orchestration.run.AuditPlan;
import org.fairkit.orchestration.run.DurationEstimator;
import org.fairkit.orchestration.run.RunRecord;

/**
 * The load model applied to an {@link AuditPlan}: what the runner uses as its {@link DurationEstimator}, so every
 * run records the model's estimate beside its measured duration, and what turns run records back into the
 * {@link MeasuredRun} history that {@link LoadModel#calibrate(List)} refits the processing rates from.
 *
 * <p>How a plan maps onto the model's three variables:
 * <ul>
 *   <li><b>I</b>: {@link InputProfile#of(int, int, int)} with the number of distinct sensitive features across the
 *       plan's groupings, no date range and no filter (a plan has neither), unless an explicit profile was given
 *       with {@link #withInput(InputProfile)} (e.g. a pre-calculated estimated size).</li>
 *   <li><b>O</b>: the plan's output ids that name an {@link OutputKind}; an output the load model does not know (a
 *       custom writer) weighs nothing, and {@link #unweighedOutputs(AuditPlan)} lists them.</li>
 *   <li><b>T</b>: {@link Timeline#now()}, with the plan's timeline as its time limit when set, unless an explicit
 *       timeline was given with {@link #withTimeline(Timeline)}.</li>
 * </ul>
 */
public final class PlanLoad implements DurationEstimator {
    private final LoadModel model;
    private final Optional<InputProfile> input;
    private final Optional<Timeline> timeline;

    private PlanLoad(LoadModel model, Optional<InputProfile> input, Optional<Timeline> timeline) {
        this.model = Objects.requireNonNull(model, "model");
        this.input = input;
        this.timeline = timeline;
    }

    /** @return the plan mapping onto this load model */
    public static PlanLoad of(LoadModel model) {
        return new PlanLoad(model, Optional.empty(), Optional.empty());
    }

    /** @return this mapping with an explicit input profile instead of the one derived from the plan */
    public PlanLoad withInput(InputProfile profile) {
        return new PlanLoad(model, Optional.of(Objects.requireNonNull(profile, "profile")), timeline);
    }

    /** @return this mapping with an explicit timeline instead of the one derived from the plan */
    public PlanLoad withTimeline(Timeline t) {
        return new PlanLoad(model, input, Optional.of(Objects.requireNonNull(t, "timeline")));
    }

    /** @return the load model */
    public LoadModel model() {
        return model;
    }

    /** @return the plan's input profile (see the class documentation) */
    public InputProfile inputProfile(AuditPlan plan) {
        return input.orElseGet(() -> {
            Set<String> features = new LinkedHashSet<>();
            for (AuditGrouping g : plan.groupings()) {
                features.addAll(g.features());
            }
            return InputProfile.of(features.size(), 0, 0);
        });
    }

    /** @return the plan's outputs the load model weighs */
    public Set<OutputKind> outputs(AuditPlan plan) {
        Set<OutputKind> kinds = new LinkedHashSet<>();
        for (OutputKind k : OutputKind.values()) {
            if (plan.outputs().contains(k.id())) {
                kinds.add(k);
            }
        }
        return kinds;
    }

    /** @return the plan's output ids that name no {@link OutputKind} and so add nothing to O */
    public List<String> unweighedOutputs(AuditPlan plan) {
        Set<String> known = new LinkedHashSet<>();
        for (OutputKind k : OutputKind.values()) {
            known.add(k.id());
        }
        return plan.outputs().stream().filter(id -> !known.contains(id)).toList();
    }

    /** @return the plan's timeline (see the class documentation) */
    public Timeline timeline(AuditPlan plan) {
        return timeline.orElseGet(() -> plan.timeline().map(Timeline.now()::withTimeLimit).orElse(Timeline.now()));
    }

    /** @return the full estimate: loads, time, feasibility, warnings, suggestions and the user-facing message */
    public LoadEstimate loadEstimate(AuditPlan plan) {
        return model.estimate(inputProfile(plan), outputs(plan), timeline(plan));
    }

    /** The estimated time, for the runner's record. */
    @Override
    public Optional<Duration> estimate(AuditPlan plan) {
        return Optional.of(loadEstimate(plan).estimatedTime());
    }

    /**
     * A run of the plan as calibration history: the plan's loads, this model's estimate and the measured duration.
     *
     * @throws IllegalArgumentException if the record is of another plan
     */
    public MeasuredRun measured(AuditPlan plan, RunRecord record) {
        if (!record.planId().equals(plan.id())) {
            throw new IllegalArgumentException("run record " + record.runId() + " is of plan '" + record.planId()
                    + "', not of plan '" + plan.id() + "'");
        }
        return loadEstimate(plan).measured(record.duration());
    }

    @Override
    public String toString() {
        return "PlanLoad[input=" + input.map(Object::toString).orElse("from the plan") + ", timeline="
                + timeline.map(Object::toString).orElse("from the plan") + ", model=" + model + "]";
    }
}
