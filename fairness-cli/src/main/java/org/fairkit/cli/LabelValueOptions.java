package org.fairkit.cli;

import java.util.List;
import java.util.Optional;
import org.fairkit.orchestration.io.BinaryValues;
import picocli.CommandLine.Option;

/**
 * {@code --positive-label VALUE[,VALUE...]} and {@code --negative-label VALUE[,VALUE...]}: which label cells mean 1
 * and which mean 0, given together or not at all (default {@code 1} and {@code 0}); a picocli mixin shared by the
 * commands that read a label column (see {@link DataOptions#values}). {@code DataOptions} keeps its own copy of the
 * two options: it is also used as an {@code @ArgGroup}, where picocli refuses mixins.
 */
final class LabelValueOptions {
    @Option(names = "--positive-label", split = ",", paramLabel = "VALUE",
            description = "Label cells that mean 1 (default 1); needs --negative-label.")
    List<String> positiveLabel;

    @Option(names = "--negative-label", split = ",", paramLabel = "VALUE",
            description = "Label cells that mean 0 (default 0); needs --positive-label.")
    List<String> negativeLabel;

    /**
     * @param label the label column, named in errors
     * @return the label values given, empty when neither option is
     * @throws CliException if only one of the two options is given
     */
    Optional<BinaryValues> values(String label) {
        return DataOptions.values(positiveLabel, negativeLabel, "--positive-label", "--negative-label", label);
    }

    /**
     * @param label the label column, named in errors
     * @return the label values given, else {@link BinaryValues#ZERO_ONE}
     */
    BinaryValues valuesOrZeroOne(String label) {
        return values(label).orElse(BinaryValues.ZERO_ONE);
    }
}
