/**
 * The bootstrap engine behind {@link org.fairkit.stats.Bootstrap}: the O(1) binomial sampler and multinomial
 * cell draws ({@link org.fairkit.stats.bootstrap.BinomialSampler}), reproducible per-resample random streams
 * ({@link org.fairkit.stats.bootstrap.Streams}), the joint resampling of a report
 * ({@link org.fairkit.stats.bootstrap.ConfusionBootstrap}), the jackknife in count space
 * ({@link org.fairkit.stats.bootstrap.Jackknife}) and the percentile, basic and BCa intervals
 * ({@link org.fairkit.stats.bootstrap.BootstrapMethod}).
 *
 * <p>Entry point: {@code Bootstrap.bca(2000).seed(42)}; read resampled distributions with
 * {@code Bootstrap...distribution(request)} ({@link org.fairkit.stats.bootstrap.BootstrapResult}).
 *
 * <p>Stability: public API, evolving before 1.0.
 */
package org.fairkit.stats.bootstrap;
