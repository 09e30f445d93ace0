/**
 * Kernels shared by the FairKit modules, not API: compensated summation ({@link
 * org.fairkit.core.internal.CompensatedSum}), the stable radix sort of score keys ({@link
 * org.fairkit.core.internal.ScoreSort}) and the SHA-256 fingerprint of inputs ({@link
 * org.fairkit.core.internal.Fingerprint}). Each is written once here so that every module computes the same bits.
 *
 * <p>Stability: internal. Public only so that fairness-stats, -mitigation, -orchestration and -reports can call it;
 * it may change in any release without notice. Users call the front doors ({@link org.fairkit.core.Fairness} and
 * the others named in {@link org.fairkit.core}).
 */
package org.fairkit.core.internal;
