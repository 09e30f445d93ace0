/**
 * Not API: may change in any release. The kernels, inputs and message builders that the FairKit modules share but
 * users do not call.
 *
 * <p>What lives here: the one pass over the rows into per-group confusion counts
 * ({@link org.fairkit.core.internal.TallyKernel} over a validated {@link org.fairkit.core.internal.TallyInput}); the
 * score kernel ({@link org.fairkit.core.internal.ScoreKernel} over a {@link org.fairkit.core.internal.ScoreInput},
 * giving {@link org.fairkit.core.internal.SortedScores}); compensated summation
 * ({@link org.fairkit.core.internal.CompensatedSum}); the stable radix sort of score keys
 * ({@link org.fairkit.core.internal.ScoreSort}); the SHA-256 fingerprint of inputs
 * ({@link org.fairkit.core.internal.Fingerprint}); the sensitive columns every input builder collects
 * ({@link org.fairkit.core.internal.SensitiveColumns}, {@link org.fairkit.core.internal.SensitiveFeatures});
 * the validation messages of the inputs ({@link org.fairkit.core.internal.InputErrors}, whose wording tests pin); and
 * the plain-text tables of the reports ({@link org.fairkit.core.internal.TextTable}).
 * Each is written once here so that every module computes the same bits and says the same words.
 *
 * <p>Entry point: none for users. The types are public only so that fairness-stats, -mitigation, -orchestration,
 * -reports, -cli and the benchmarks can call them; users call the front doors ({@link org.fairkit.core.Fairness}
 * and the others named in {@link org.fairkit.core}).
 *
 * <p>Stability: internal, not API: may change in any release, without notice or deprecation.
 */
package org.fairkit.core.internal;
