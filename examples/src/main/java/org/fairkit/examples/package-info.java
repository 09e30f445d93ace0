/**
 * Runnable examples that use every FairKit module the way an application would.
 *
 * <ul>
 *   <li>{@link org.fairkit.examples.QuickStart} (the main class of {@code fairkit-examples.jar}): the seeded
 *       synthetic lending audit end to end, from metrics with intervals to mitigation, calibration, a policy, the
 *       load model and the written report set.</li>
 *   <li>{@link org.fairkit.examples.CompasAudit}: ProPublica's COMPAS data, read with ProPublica's filters by
 *       {@link org.fairkit.examples.CompasFile}, audited by race and sex.</li>
 *   <li>{@link org.fairkit.examples.DocumentOutput}: a fairness-reports document registered with an orchestration
 *       {@code AuditRunner} as an audit output.</li>
 * </ul>
 *
 * <p>The JShell script {@code examples/jshell/explore.jsh} explores the same API interactively. Not a published
 * API: these are programs to read and copy.
 */
package org.fairkit.examples;
