/**
 * Test support shared by the tests of every FairKit module; depend on it with {@code <scope>test</scope>} only.
 *
 * <ul>
 *   <li>{@link org.fairkit.testkit.SharedFiles}: locates {@code ../shared} (system property {@code fairkit.shared},
 *       set by the root pom's Surefire configuration, else {@code ../shared} beside the repository root), reads its
 *       golden JSON files and data CSVs, and <em>skips</em> the calling test through a JUnit assumption, with a
 *       message saying what is missing and where it looked, when a file is absent. The files are never copied into
 *       the project.</li>
 *   <li>{@link org.fairkit.testkit.GoldenJson}: numbers and arrays of golden JSON files, including the strings
 *       {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"} the files use for non-finite values.</li>
 *   <li>{@link org.fairkit.testkit.CsvTable}: a header-indexed CSV read with Jackson (RFC 4180 quoting), for test
 *       data.</li>
 *   <li>{@link org.fairkit.testkit.Markdown} and {@link org.fairkit.testkit.TestSource}: README sections, fenced
 *       blocks and their code lines, and the test source they are compared with ("docs are tests").</li>
 *   <li>{@link org.fairkit.testkit.contract}: the module-independent part of the metric contract tests.</li>
 * </ul>
 *
 * <p>The testkit depends on no FairKit module (only JUnit, AssertJ, QuickTheories and Jackson), so that
 * {@code fairness-core}'s own tests can use it. Stability: internal to the build, changes with the tests.
 */
package org.fairkit.testkit;
