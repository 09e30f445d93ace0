package org.fairkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import org.fairkit.core.Fairness;
import org.fairkit.core.FairnessReport;
import org.fairkit.core.datasets.SyntheticLending;
import org.fairkit.core.metrics.FairnessMetric;
import org.fairkit.core.metrics.Metrics;
import org.fairkit.micrometer.FairnessMeterBinder;
import org.junit.jupiter.api.Test;

/** The fairness gauges scraped over HTTP from the Prometheus endpoint, as Prometheus would. */
class PrometheusEndpointTest {

    @Test
    void scrapeOverHttpCarriesTheFairnessGauges() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        FairnessMeterBinder binder = FairnessMeterBinder.builder()
                .fairnessMetrics(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO).groupMetrics(Metrics.SELECTION_RATE)
                .tags("model", "v7").build();
        binder.bindTo(registry);
        FairnessReport report = Fairness.of(SyntheticLending.generate(2000, 1)).groupBy(SyntheticLending.ETHNICITY)
                .metrics(Metrics.SELECTION_RATE).fairnessMetrics(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO).evaluate();
        binder.update(report);
        HttpClient client = HttpClient.newHttpClient();

        try (PrometheusEndpoint endpoint = PrometheusEndpoint.start(registry,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            URI base = URI.create("http://127.0.0.1:" + endpoint.address().getPort());
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue(PrometheusEndpoint.CONTENT_TYPE);
            String dpr = Double.toString(report.fairness(FairnessMetric.DEMOGRAPHIC_PARITY_RATIO).asDouble());
            assertThat(r.body()).contains("# TYPE fairkit_fairness gauge")
                    .contains("fairkit_fairness{grouping=\"ethnicity\",metric=\"demographic_parity_ratio\","
                            + "model=\"v7\"} " + dpr)
                    .contains("fairkit_fairness_lower{grouping=\"ethnicity\",metric=\"demographic_parity_ratio\","
                            + "model=\"v7\"} NaN")
                    .containsPattern("fairkit_group_value\\{group=\"Group B\",grouping=\"ethnicity\","
                            + "metric=\"selection_rate\",model=\"v7\"} 0\\.\\d+");

            assertThat(client.send(HttpRequest.newBuilder(base.resolve("/other")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
            assertThat(client.send(HttpRequest.newBuilder(base.resolve("/metrics"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(405);
            assertThat(client.send(HttpRequest.newBuilder(base.resolve("/metrics"))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
            assertThat(endpoint.address().getAddress().getHostAddress().toLowerCase(Locale.ROOT))
                    .isEqualTo("127.0.0.1");
        }
    }
}
