package org.fairkit.cli;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * Every error message of the command line, built in one place so that their wording is consistent and tested.
 * Messages are one line; {@link ErrorHandler} prefixes them with the command's name.
 */
final class CliErrors {
    private CliErrors() {
    }

    /** {@code unknown metric id 'x'; valid ids: count, base_rate, ...}. */
    static String unknownMetric(String id, List<String> valid) {
        return "unknown metric id '" + id + "'; valid ids: " + String.join(", ", valid);
    }

    /** A catalog metric that an audit of decisions cannot compute. */
    static String metricNotForAudit(String given, String id, String family, List<String> valid) {
        return "metric '" + given + "'" + (given.equalsIgnoreCase(id) ? "" : " (" + id + ")") + " is a " + family + " metric, which an audit of decisions does not compute; valid "
                + "ids: " + String.join(", ", valid);
    }

    /** A score metric without a score column. */
    static String scoreMetricWithoutScores(String id) {
        return "metric '" + id + "' needs scores; name the score column with --score COLUMN";
    }

    /** An input file that does not exist. */
    static String noFile(String option, Path file) {
        return option + ": file '" + file + "' does not exist";
    }

    /** An input file option naming a directory. */
    static String isDirectory(String option, Path file, String expected) {
        return option + ": '" + file + "' is a directory; expected " + expected;
    }

    /** An empty path argument, which would mean the working directory. */
    static String emptyPath() {
        return "the path is empty; name a file or directory (use . for the working directory)";
    }

    /** A numeric setting outside the range the command can handle. */
    static String outOfRange(String option, long value, long min, long max, String unit) {
        return option + ": " + value + " is out of range; expected " + min + " to " + max + " " + unit;
    }

    /** A number in a non-decimal notation (Java literals such as 0.5d or 0x1p-2). */
    static String notDecimal(String given) {
        return "'" + given + "' is not a decimal number; expected e.g. 0.05, 1e-3 or -2";
    }

    /** The JVM ran out of memory. */
    static String outOfMemory(String detail) {
        return "out of memory (" + detail + "): the input or the settings need more memory than this JVM has; reduce "
                + "them (e.g. --bootstrap, --rows, --bins) or give the JVM more, e.g. java -Xmx4g -jar fairkit.jar";
    }

    /** {@code --reference} without {@code COLUMN=VALUE} when there are several sensitive columns. */
    static String referenceFormat(String given, List<String> sensitive) {
        return "--reference '" + given + "': expected COLUMN=VALUE with COLUMN one of the sensitive columns "
                + sensitive;
    }

    /** {@code --reference} naming a column that is not sensitive. */
    static String referenceColumn(String column, List<String> sensitive) {
        return "--reference names column '" + column + "', which is not a sensitive column; sensitive columns: "
                + sensitive;
    }

    /** Two references for one column. */
    static String referenceTwice(String column) {
        return "--reference sets column '" + column + "' twice; give one reference value per sensitive column";
    }

    /** A value mapping with positives but no negatives, or the reverse. */
    static String halfMapping(String given, String missing, String column) {
        return given + " needs " + missing + " too: every cell of column '" + column + "' must map to 1 or 0, so "
                + "name the values for both";
    }

    /** Both interval methods. */
    static String twoIntervalMethods() {
        return "--bootstrap and --bayes are alternatives; choose one interval method";
    }

    /** A sensitive column listed twice. */
    static String duplicateSensitive(List<String> sensitive) {
        return "--sensitive lists a column twice: " + sensitive;
    }

    /** An output id that is not one of the outputs this build can write. */
    static String unknownOutput(String id, Collection<String> available) {
        return "unknown output id '" + id + "'; available outputs: " + String.join(", ", available);
    }

    /** A load-model output that no writer in this build produces. */
    static String outputNotAvailable(String id, Collection<String> available) {
        return "output '" + id + "' is not available in this build (no writer is registered for it); available "
                + "outputs: " + String.join(", ", available);
    }

    /** The alert configuration without a policy to render. */
    static String alertsNeedPolicy() {
        return "output 'alert_configuration' renders a policy's rules as alerts; give the policy with --policy FILE";
    }

    /** {@code --outputs} without {@code --out}. */
    static String outputsWithoutOut() {
        return "--outputs needs --out DIR, the directory to write them to";
    }

    /** A policy rule whose grouping names a column that is not sensitive. */
    static String policyGrouping(String rule, String feature, List<String> sensitive) {
        return "policy rule '" + rule + "' is about '" + feature + "', which is not a sensitive column; add it to "
                + "--sensitive (sensitive columns: " + sensitive + ")";
    }

    /** A duration option that cannot be parsed. */
    static String badDuration(String option, String given) {
        return option + ": '" + given + "' is not a duration; expected e.g. 90s, 15m, 2h, 1d or ISO-8601 PT15M";
    }

    /** An instant option that cannot be parsed. */
    static String badInstant(String option, String given) {
        return option + ": '" + given + "' is not a date-time; expected ISO-8601 with an offset, e.g. "
                + "2025-01-31T18:00:00Z or 2025-01-31T19:00:00+01:00";
    }

    /** Options that exclude each other. */
    static String exclusive(String a, String b) {
        return a + " and " + b + " are alternatives; give one";
    }

    /** An option that belongs to another mode. */
    static String wrongMode(String option, String mode) {
        return option + " applies only with --mode " + mode;
    }

    /** A mode that needs an option. */
    static String modeNeeds(String mode, String option) {
        return "--mode " + mode + " needs " + option;
    }

    /** A trail file that does not exist (verify would otherwise create an empty one). */
    static String noTrail(Path file) {
        return "audit trail '" + file + "' does not exist";
    }

    /** A trail argument naming a directory. */
    static String trailIsDirectory(Path file) {
        return "audit trail '" + file + "' is a directory; expected the trail file, e.g. '"
                + file.resolve(Audits.TRAIL_FILE) + "'";
    }

    /** Another run is writing into the same output directory. */
    static String directoryLocked(Path directory, Path lockFile) {
        return "another fairkit run is writing to '" + directory + "' (it holds " + lockFile + "); wait for it to "
                + "finish, or write to another --out directory";
    }

    /** The trail of the output directory cannot take the run's entry, found before anything is written. */
    static String trailRefuses(Path trail, String problem, boolean tornTail) {
        return "the audit trail '" + trail + "' cannot record a run: " + problem + "; nothing was written. Check it with "
                + "'fairkit trail verify " + trail + "'" + (tornTail ? ", then repair it with 'fairkit trail repair "
                        + trail + "'" : "");
    }

    /** A grouping with absurdly many groups. */
    static String tooManyGroups(List<String> grouping, int max, long dataRow) {
        return "the grouping by " + String.join(" x ", grouping) + " has more than " + max + " groups (at data row "
                + dataRow + "): a sensitive column with this many levels is likely an ID column; check --sensitive, or "
                + "raise the limit with --max-groups N";
    }

    /** An anchor given in half. */
    static String halfAnchor() {
        return "--entries and --head anchor the trail together; give both";
    }

    /** The demo's directory exists and is a file. */
    static String notADirectory(Path dir) {
        return "'" + dir + "' exists and is not a directory";
    }

    /** A new column that already exists in the input. */
    static String columnExists(String column, Path file) {
        return "file '" + file + "' already has a column '" + column + "'; choose another name for the output column";
    }

    /** {@code --jdbc} with a password in the URL. */
    static String passwordInUrl() {
        return "--jdbc: the URL holds a password; pass it through an environment variable with --password-env VAR "
                + "instead (the command line is visible to other users and in shell history)";
    }

    /** {@code --jdbc} without exactly one of {@code --table} and {@code --query}. */
    static String tableOrQuery() {
        return "--jdbc needs exactly one of --table TABLE and --query 'SELECT ...'";
    }

    /** Neither or both of {@code --data} and {@code --jdbc}. */
    static String dataOrJdbc() {
        return "name the decisions with exactly one of --data FILE and --jdbc URL (with --table or --query)";
    }

    /** {@code --table}, {@code --query}, {@code --schema}, {@code --user} or {@code --password-env} without --jdbc. */
    static String needsJdbc(String option) {
        return option + " needs --jdbc URL";
    }

    /** {@code --password-env VAR} naming a variable that is not set. */
    static String noPasswordVariable(String variable) {
        return "--password-env: the environment variable '" + variable + "' is not set; expected it to hold the "
                + "database password";
    }

    /** A database (or DuckDB) failure, with the driver's message. */
    static String database(String message) {
        return "database error: " + message;
    }

    /** A grouping of a database tally with too many groups. */
    static String tooManyGroupsInTally(List<String> grouping, int max, int groups) {
        return "the grouping by " + String.join(" x ", grouping) + " has " + groups + " groups, more than " + max
                + ": a sensitive column with this many levels is likely an ID column; check --sensitive, or raise the "
                + "limit with --max-groups N";
    }

    /** An unknown {@code --task}. */
    static String unknownTask(String given) {
        return "--task: unknown task '" + given + "'; expected binary, regression, ranking or multiclass";
    }

    /** An option the audit of this task does not read. */
    static String optionNotForTask(String option, String task) {
        String what = switch (option) {
            case "--target" -> "is the true value of a regression (--task regression)";
            case "--rank", "--relevance", "--position-bias" -> "is for a ranking audit (--task ranking)";
            case "--label" -> task.equals("regression") ? "is for classification; a regression's true value is "
                    + "--target" : "is for classification (--task binary or multiclass)";
            case "--prediction" -> "is for classification and regression; a ranking is placed by --rank or --score";
            case "--score" -> "is for a binary audit's score metrics or a ranking's order";
            case "--weight" -> "is not read by a ranking audit (each item counts once)";
            case "--id" -> "names rows for the flagged cases of a binary audit";
            default -> "maps the cells of a binary audit's label or prediction";
        };
        return option + " " + what + "; it does not apply to a " + task + " audit";
    }

    /** A regression audit without its columns. */
    static String regressionColumns(boolean noTarget, boolean noPrediction) {
        String missing = noTarget && noPrediction ? "--target COLUMN and --prediction COLUMN"
                : noTarget ? "--target COLUMN" : "--prediction COLUMN";
        return "a regression audit needs " + missing + " (the true and the predicted value, numeric)";
    }

    /** A ranking audit placed by neither or both of rank and score. */
    static String rankingPlace(boolean both) {
        return "a ranking audit places items by --rank COLUMN (1 = top) or by --score COLUMN (higher first): give "
                + (both ? "one, not both" : "one");
    }

    /** A multiclass audit without its columns. */
    static String multiclassColumns() {
        return "a multiclass audit needs --label COLUMN and --prediction COLUMN (the true and the predicted class)";
    }

    /** A bad {@code --position-bias}. */
    static String positionBias(String given) {
        return "--position-bias: unknown model '" + given + "'; expected log, reciprocal, geometric:P (0 < P <= 1) "
                + "or cutoff:K (K >= 1)";
    }

    /** An input other than a CSV file for a task that reads CSV only. */
    static String taskReadsCsv(String task, String source) {
        return "a " + task + " audit reads a CSV file (--data FILE.csv); " + source + " is read for binary audits only";
    }

    /** An option a task audit does not support yet. */
    static String taskOption(String option, String task, String instead) {
        return option + " is not available for a " + task + " audit" + (instead.isEmpty() ? "" : "; " + instead);
    }

    /** An unknown metric id of a task audit. */
    static String unknownTaskMetric(String id, String task, List<String> valid) {
        return "unknown " + task + " metric id '" + id + "'; valid ids: " + String.join(", ", valid);
    }
}
