/**
 * Input and output formats of audit runs: CSV input through a column mapping ({@link
 * org.fairkit.orchestration.io.CsvSource}, streamed into a mergeable {@link org.fairkit.orchestration.io.GroupTally}
 * or loaded into {@code FairnessData}) over FairKit's one CSV reader ({@link org.fairkit.orchestration.io.CsvTable},
 * which words every input error), the stable report JSON ({@link org.fairkit.orchestration.io.ReportJson}) written,
 * like every FairKit JSON value, by one Jackson module ({@link org.fairkit.orchestration.io.FairKitJsonModule}),
 * the Metrics Export ({@link org.fairkit.orchestration.io.MetricsExport}) and the Flagged Cases file
 * ({@link org.fairkit.orchestration.io.FlaggedCases}, with the {@link org.fairkit.orchestration.io.DecisionChange}
 * extension point for a group-fair post-processor).
 *
 * <p>Other tasks: the rows of regression, ranking and multiclass audits read from CSV
 * ({@link org.fairkit.orchestration.io.TaskCsv}) and the JSON of any task's report
 * ({@link org.fairkit.orchestration.io.TaskReportJson}, {@code fairkit.task-report/1});
 * {@code MetricsExport.taskRecords} exports them.
 *
 * <p>Entry points: {@code CsvSource.of(path, CsvColumns.builder()...build())} and {@code ReportJson.toJson(report)}.
 *
 * <p>Stability: public API, evolving before 1.0; the JSON and CSV layouts are versioned by their schema ids.
 */
package org.fairkit.orchestration.io;
