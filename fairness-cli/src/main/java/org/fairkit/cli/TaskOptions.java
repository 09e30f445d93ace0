package org.fairkit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fairkit.core.Task;
import org.fairkit.core.ranking.PositionBias;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * Which kind of model {@code audit} and {@code check} judge, and the columns only the other tasks have. The task is
 * {@code --task}, or else read from the columns given:
 * <ul>
 *   <li>{@code --target} (with {@code --prediction}): regression;</li>
 *   <li>{@code --rank}, or {@code --query} on a file, or {@code --score} without {@code --label} and
 *       {@code --prediction}: ranking;</li>
 *   <li>otherwise binary classification ({@code --label}, {@code --prediction}), today's audit unchanged.</li>
 * </ul>
 * Multiclass is never inferred (its columns look like a binary audit's): give {@code --task multiclass}.
 * Each task refuses the columns of the others, naming them, so a typo never falls back to another audit silently.
 */
final class TaskOptions {
    @Option(names = "--task", paramLabel = "TASK",
            description = "binary, regression, ranking or multiclass (default: from the columns: --target is "
                    + "regression, --rank or --query is ranking, else binary).")
    String task;

    @Option(names = "--target", paramLabel = "COLUMN",
            description = "Regression: the true value's column (numeric); --prediction is the predicted value.")
    String target;

    @Option(names = "--rank", paramLabel = "COLUMN",
            description = "Ranking: each item's rank in its query (1 = top); or place items by --score, higher first.")
    String rank;

    @Option(names = "--relevance", paramLabel = "COLUMN",
            description = "Ranking: each item's graded relevance (>= 0), for exposure per relevance.")
    String relevance;

    @Option(names = "--position-bias", paramLabel = "MODEL",
            description = "Ranking: the attention a position receives: log (default, 1/log2(1+p)), reciprocal (1/p), "
                    + "geometric:P (P^(p-1)), cutoff:K (the top K seen).")
    String positionBias;

    /**
     * The task, checked against the columns given.
     *
     * @throws CliException for an unknown task or a column another task needs
     * @throws CommandLine.ParameterException for a missing column the task needs (as picocli words it)
     */
    Task resolve(CommandSpec spec, DataOptions d) {
        Task t = task != null ? parse(task) : infer(d);
        switch (t) {
            case BINARY -> {
                refuse(t, "--target", target, "--rank", rank, "--relevance", relevance, "--position-bias",
                        positionBias);
                requireOptions(spec, "--label=COLUMN", d.label, "--prediction=COLUMN", d.prediction);
            }
            case REGRESSION -> {
                refuse(t, "--label", d.label, "--score", d.score, "--rank", rank, "--relevance", relevance,
                        "--position-bias", positionBias);
                if (target == null || d.prediction == null) {
                    throw CliException.badInput(CliErrors.regressionColumns(target == null, d.prediction == null));
                }
            }
            case RANKING -> {
                refuse(t, "--label", d.label, "--prediction", d.prediction, "--target", target, "--weight", d.weight);
                if ((rank == null) == (d.score == null)) {
                    throw CliException.badInput(CliErrors.rankingPlace(rank != null));
                }
            }
            case MULTICLASS -> {
                refuse(t, "--target", target, "--score", d.score, "--rank", rank, "--relevance", relevance,
                        "--position-bias", positionBias);
                if (d.label == null || d.prediction == null) {
                    throw CliException.badInput(CliErrors.multiclassColumns());
                }
            }
            default -> throw new IllegalStateException("task " + t);
        }
        if (t != Task.BINARY) {
            refuse(t, "--positive-label", d.positiveLabel, "--negative-label", d.negativeLabel,
                    "--positive-prediction", d.positivePrediction, "--negative-prediction", d.negativePrediction,
                    "--id", d.id);
        }
        return t;
    }

    private Task infer(DataOptions d) {
        if (target != null) {
            return Task.REGRESSION;
        }
        if (rank != null || (d.query != null && d.jdbc == null)
                || (d.score != null && d.label == null && d.prediction == null)) {
            return Task.RANKING;
        }
        return Task.BINARY;
    }

    private static Task parse(String id) {
        try {
            return Task.byId(id.strip());
        } catch (IllegalArgumentException e) {
            throw CliException.badInput(CliErrors.unknownTask(id));
        }
    }

    /** Refuses options (name, value pairs) the task does not read. */
    private static void refuse(Task t, Object... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                throw CliException.badInput(CliErrors.optionNotForTask((String) pairs[i], t.id()));
            }
        }
    }

    /** Picocli's own error for required options, for the binary audit's --label and --prediction. */
    private static void requireOptions(CommandSpec spec, Object... pairs) {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                missing.add("'" + pairs[i] + "'");
            }
        }
        if (!missing.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option"
                    + (missing.size() > 1 ? "s" : "") + ": " + String.join(", ", missing));
        }
    }

    /**
     * @return the position bias of {@code --position-bias} (default logarithmic)
     * @throws CliException for an unknown model or a bad parameter
     */
    PositionBias positionBias() {
        if (positionBias == null) {
            return PositionBias.logarithmic();
        }
        String s = positionBias.strip().toLowerCase(Locale.ROOT);
        int colon = s.indexOf(':');
        String name = colon < 0 ? s : s.substring(0, colon);
        String arg = colon < 0 ? null : s.substring(colon + 1).strip();
        try {
            switch (name) {
                case "log", "logarithmic" -> {
                    if (arg == null) {
                        return PositionBias.logarithmic();
                    }
                }
                case "reciprocal" -> {
                    if (arg == null) {
                        return PositionBias.reciprocal();
                    }
                }
                case "geometric" -> {
                    if (arg != null) {
                        return PositionBias.geometric(Double.parseDouble(arg));
                    }
                }
                case "cutoff" -> {
                    if (arg != null) {
                        return PositionBias.cutoff(Integer.parseInt(arg));
                    }
                }
                default -> {
                    // unknown: the error below
                }
            }
        } catch (NumberFormatException e) {
            throw CliException.badInput(CliErrors.positionBias(positionBias));
        } catch (IllegalArgumentException e) {
            throw CliException.badInput("--position-bias " + positionBias + ": " + e.getMessage());
        }
        throw CliException.badInput(CliErrors.positionBias(positionBias));
    }
}
