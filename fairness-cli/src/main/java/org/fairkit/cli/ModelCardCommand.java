package org.fairkit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.fairkit.core.FairnessReport;
import org.fairkit.orchestration.card.ModelCard;
import org.fairkit.orchestration.io.AtomicFiles;
import org.fairkit.orchestration.io.ReportJson;
import org.fairkit.orchestration.io.StoredReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code fairkit model-card --report report.json --model NAME --model-version V --out DIR [...]}: the fairness part
 * of a model card ({@link ModelCard}) from {@code fairkit.report/1} files or an audit's {@code report.json}
 * ({@code fairkit.audit/1}, one report per grouping), written as
 * {@code model-card.json} ({@code fairkit.model-card/1}), {@code model-card.md} and {@code mlflow.json}
 * ({@code fairkit.mlflow/1}: flat metrics and tags under MLflow's naming rules).
 */
@Command(name = "model-card", mixinStandardHelpOptions = true,
        description = "Write the fairness part of a model card (JSON, Markdown) and an MLflow metrics/tags file "
                + "from audit reports.")
final class ModelCardCommand implements Callable<Integer> {
    static final String JSON = "model-card.json";
    static final String MARKDOWN = "model-card.md";
    static final String MLFLOW = "mlflow.json";
    static final String AUDIT_SCHEMA = "fairkit.audit/1";

    @Spec
    CommandSpec spec;

    @Option(names = "--report", paramLabel = "FILE", required = true,
            description = "A fairkit.report/1 file, or the report.json of fairkit audit --out (fairkit.audit/1, "
                    + "every grouping); repeatable.")
    List<Path> reports = new ArrayList<>();

    @Option(names = "--model", paramLabel = "NAME", required = true, description = "The model's name.")
    String model;

    @Option(names = "--model-version", paramLabel = "VERSION", required = true,
            description = "The model's version.")
    String version;

    @Option(names = "--intended-use", paramLabel = "TEXT", description = "What the model is for, and for whom.")
    String intendedUse;

    @Option(names = "--out-of-scope", paramLabel = "TEXT", description = "A use the model is not meant for; "
            + "repeatable.")
    List<String> outOfScope = new ArrayList<>();

    @Option(names = "--evaluation-data", paramLabel = "TEXT",
            description = "What the evaluation data is: source, period, sampling.")
    String evaluationData;

    @Option(names = "--caveat", paramLabel = "TEXT", description = "A caveat or recommendation; repeatable.")
    List<String> caveats = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Where to write model-card.json, model-card.md and mlflow.json (created if needed).")
    Path out;

    /** Reads a fairkit.report/1 file (one report) or an audit's fairkit.audit/1 report.json (one per grouping). */
    static List<FairnessReport> read(Path file) {
        if (Files.isDirectory(file)) {
            throw CliException.badInput(CliErrors.isDirectory("--report", file, "a fairkit.report/1 JSON file"));
        }
        if (!Files.isRegularFile(file)) {
            throw CliException.badInput(CliErrors.noFile("--report", file));
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            JsonNode root;
            try {
                root = new ObjectMapper().readTree(text);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("not a JSON document: " + e.getOriginalMessage(), e);
            }
            List<FairnessReport> out = new ArrayList<>();
            if (root != null && root.path("schema").asText().equals(AUDIT_SCHEMA)) {
                for (JsonNode r : root.path("reports")) {
                    out.add(StoredReports.toReport(ReportJson.read(r.toString())));
                }
                if (out.isEmpty()) {
                    throw new IllegalArgumentException("$.reports is empty; expected at least one report");
                }
            } else {
                out.add(StoredReports.toReport(ReportJson.read(text)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw CliException.badInput("--report " + file + ": " + e.getMessage());
        }
    }

    @Override
    public Integer call() throws IOException {
        List<FairnessReport> rs = new ArrayList<>();
        for (Path p : reports) {
            rs.addAll(read(p));
        }
        ModelCard.Builder b = ModelCard.builder(rs.get(0), rs.subList(1, rs.size()).toArray(FairnessReport[]::new))
                .model(model, version);
        if (intendedUse != null) {
            b.intendedUse(intendedUse);
        }
        outOfScope.forEach(b::outOfScope);
        if (evaluationData != null) {
            b.evaluationData(evaluationData);
        }
        caveats.forEach(b::caveat);
        ModelCard card = b.build();
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw CliException.badInput(CliErrors.notADirectory(out));
        }
        Files.createDirectories(out);
        AtomicFiles.writeString(out.resolve(JSON), card.toJson());
        AtomicFiles.writeString(out.resolve(MARKDOWN), card.toMarkdown());
        AtomicFiles.writeString(out.resolve(MLFLOW), card.mlflow().toJson());
        PrintWriter w = spec.commandLine().getOut();
        w.println("Model card of " + model + " " + version + " (" + rs.size() + " grouping(s), "
                + card.caveats().size() + " caveats):");
        for (String f : List.of(JSON, MARKDOWN, MLFLOW)) {
            w.println("  " + out.resolve(f));
        }
        w.flush();
        return ExitCode.OK;
    }
}
