package org.fairkit.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.fairkit.core.FairnessReport;
import org.fairkit.orchestration.load.OutputKind;
import org.fairkit.orchestration.run.AuditOutput;
import org.fairkit.orchestration.run.AuditRunContext;
import org.fairkit.orchestration.run.AuditRunner;
import org.fairkit.reports.ReportContent;
import org.fairkit.reports.ReportDocument;

/**
 * A fairness-reports document (dashboard, audit PDF, slides, compliance report) registered with an
 * {@link AuditRunner} as an {@link AuditOutput}, under the load model's id of its kind, so that a plan selects it
 * like the standard outputs, the load model weighs it, and the run record hashes its file.
 *
 * <p>The document is rendered from the run's <em>first</em> report (the plan's first grouping) through a function
 * that adds what the run itself does not compute (group comparisons, policy verdicts, mitigation results,
 * calibration curves). The file name is the document's own ({@link ReportDocument#fileName()}).
 *
 * <pre>{@code
 * AuditRunner runner = AuditRunner.builder()
 *     .outputs(StandardOutputs.metricsExport(),
 *              DocumentOutput.of(OutputKind.DASHBOARD_EXPORT, DashboardHtml::of, report -> contentOf(report)))
 *     .build();
 * }</pre>
 */
public final class DocumentOutput implements AuditOutput {
    private final OutputKind kind;
    private final Function<ReportContent, ? extends ReportDocument> renderer;
    private final Function<FairnessReport, ReportContent> content;

    private DocumentOutput(OutputKind kind, Function<ReportContent, ? extends ReportDocument> renderer,
            Function<FairnessReport, ReportContent> content) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.content = Objects.requireNonNull(content, "content");
    }

    /**
     * @param kind the output kind, whose id a plan selects and whose weight the load model counts
     * @param renderer the document for a content, e.g. {@code DashboardHtml::of}
     * @param content the content of the run's first report
     * @return the output
     */
    public static DocumentOutput of(OutputKind kind, Function<ReportContent, ? extends ReportDocument> renderer,
            Function<FairnessReport, ReportContent> content) {
        return new DocumentOutput(kind, renderer, content);
    }

    @Override
    public String id() {
        return kind.id();
    }

    @Override
    public String description() {
        return kind.displayName();
    }

    @Override
    public List<Path> write(AuditRunContext context, Path directory) throws IOException {
        ReportDocument document = renderer.apply(content.apply(context.reports().get(0)));
        Path file = directory.resolve(document.fileName());
        document.writeTo(file);
        return List.of(file);
    }

    @Override
    public String toString() {
        return "DocumentOutput[" + kind.id() + "]";
    }
}
