/**
 * The audit load model: input load I, output load O and timeline T, the estimated time of an audit, its
 * feasibility with warnings, suggestions and the user-facing message, and calibration of the rates from
 * measured runs.
 *
 * <p>Entry point: {@link org.fairkit.orchestration.load.LoadModel#defaults()} (the specification's constants) or
 * {@link org.fairkit.orchestration.load.LoadModel#builder()}, then
 * {@link org.fairkit.orchestration.load.LoadModel#estimate} with an
 * {@link org.fairkit.orchestration.load.InputProfile}, a set of
 * {@link org.fairkit.orchestration.load.OutputKind}s and a {@link org.fairkit.orchestration.load.Timeline}.
 * Record each run's measured time with {@link org.fairkit.orchestration.load.LoadEstimate#measured} and refit
 * the rates with {@link org.fairkit.orchestration.load.LoadModel#calibrate}.
 *
 * <p>Stability: public API, evolving before 1.0.
 */
package org.fairkit.orchestration.load;
