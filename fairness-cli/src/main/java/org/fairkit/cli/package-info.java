/**
 * The {@code fairkit} command line ({@code fairness-cli/target/fairkit.jar}): {@code audit}, {@code check} (a CI
 * gate: exit 0 pass, 1 violation, 2 bad input), {@code plan}, {@code mitigate reweigh|threshold}, {@code calibrate},
 * {@code trail verify|repair} and {@code demo}. The entry point is {@link org.fairkit.cli.Main}; {@link org.fairkit.cli.FairkitCommand#commandLine}
 * builds the configured picocli {@code CommandLine} for embedding and tests. Exit codes are in
 * {@link org.fairkit.cli.ExitCode}.
 *
 * <p>Errors a user can cause print one line on stderr ({@code fairkit <command>: error: <message>}) and never a stack
 * trace. JSON output ({@code --format json}) is documented in the module README; reports inside it are
 * orchestration's stable {@code fairkit.report/1} shape.
 *
 * <p>{@code audit} and {@code check} judge regression, ranking and multiclass models too ({@code --task}, or read
 * from the columns given: {@code TaskOptions}); their reports are {@code TaskReport}s, written as
 * {@code fairkit.task-report/1} under the same {@code fairkit.cli.audit/1} and {@code fairkit.cli.check/1} schemas
 * with a {@code "task"} key ({@code TaskAudits}, {@code TaskJson}).
 *
 * <p>Stability: the commands, options, exit codes and JSON schemas are public interface; the classes other than
 * {@code Main}, {@code FairkitCommand} and {@code ExitCode} are not.
 */
package org.fairkit.cli;
