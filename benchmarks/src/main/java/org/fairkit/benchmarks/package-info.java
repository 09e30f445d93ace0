/**
 * JMH benchmarks of FairKit's kernels: {@link org.fairkit.benchmarks.TallyBenchmark} (the tally kernel),
 * {@link org.fairkit.benchmarks.PlainLoopBenchmark} (the plain-loop baseline it is held to) and
 * {@link org.fairkit.benchmarks.EvaluateBenchmark} (the whole fluent evaluation). Build with
 * {@code mvn -B -ntp verify}, run {@code java -jar benchmarks/target/benchmarks.jar}; figures are in
 * {@code benchmarks/README.md}.
 */
package org.fairkit.benchmarks;
