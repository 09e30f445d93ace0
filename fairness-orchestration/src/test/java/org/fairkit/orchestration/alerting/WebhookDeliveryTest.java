package org.fairkit.orchestration.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.fairkit.core.Severity;
import org.fairkit.core.group.GroupKey;
import org.fairkit.orchestration.monitor.Alert;
import org.fairkit.orchestration.monitor.WindowFinding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhook delivery against a real local HTTP server (the JDK's {@code HttpServer} on 127.0.0.1) that answers,
 * fails, hangs and recovers on a script; backoff waits are recorded by an injected sleeper, never slept.
 */
class WebhookDeliveryTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T20:00:00Z"), ZoneOffset.UTC);
    static final ObjectMapper JSON = new ObjectMapper();
    static final int HANG = -1;

    @TempDir
    Path dir;

    HttpServer server;
    ExecutorService pool;
    final ConcurrentLinkedDeque<Integer> script = new ConcurrentLinkedDeque<>();
    final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
    final List<String> contentTypes = Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch release = new CountDownLatch(1);
    final List<Duration> slept = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        pool = Executors.newCachedThreadPool();
        server.setExecutor(pool);
        server.createContext("/hook", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            bodies.add(new String(body, StandardCharsets.UTF_8));
            contentTypes.add(ex.getRequestHeaders().getFirst("Content-Type"));
            Integer next = script.pollFirst();
            int status = next == null ? 200 : next;
            if (status == HANG) {
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                status = 200;
            }
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        pool.shutdownNow();
    }

    URI hook() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    static Alert alert() {
        WindowFinding f = new WindowFinding("demographic_parity_ratio_below",
                Optional.of(GroupKey.of("race", "Black")), Severity.CRITICAL,
                "demographic_parity_ratio 0.71 < 0.8 & falling", 0.71);
        return new Alert(Alert.Event.RAISED, f, 3, 3);
    }

    WebhookDelivery.Builder delivery() {
        return WebhookDelivery.to(hook()).clock(CLOCK).source("credit-monitor")
                .backoff(Backoff.exponential(Duration.ofMillis(100), 2.0, Duration.ofMillis(250)))
                .sleeper(slept::add).deadLetters(dir.resolve("dead").resolve("alerts.dead.jsonl"));
    }

    List<JsonNode> deadLetters() throws IOException {
        Path p = dir.resolve("dead").resolve("alerts.dead.jsonl");
        if (!Files.exists(p)) {
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
            out.add(JSON.readTree(line));
        }
        return out;
    }

    @Test
    void genericPayloadIsTheAlertAsJson() throws IOException {
        DeliveryResult r = delivery().build().deliver(alert());

        assertThat(r).isEqualTo(new DeliveryResult(DeliveryResult.Outcome.DELIVERED, 1, OptionalInt.of(200), ""));
        assertThat(contentTypes).containsExactly("application/json; charset=utf-8");
        assertThat(JSON.readTree(bodies.get(0))).isEqualTo(JSON.readTree("{\"schema\":\"fairkit.alert/1\","
                + "\"source\":\"credit-monitor\",\"event\":\"raised\",\"severity\":\"critical\","
                + "\"rule\":\"demographic_parity_ratio_below\",\"group\":\"race=Black\","
                + "\"key\":\"demographic_parity_ratio_below|race=Black\","
                + "\"message\":\"demographic_parity_ratio 0.71 < 0.8 & falling\",\"value\":0.71,\"window\":3,"
                + "\"first_window\":3,\"sent_at\":\"2026-12-07T20:00:00Z\"}"));
        assertThat(slept).isEmpty();
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void slackPayloadHasEscapedTextAndAMrkdwnSection() throws IOException {
        delivery().format(WebhookFormat.SLACK).build().deliver(alert());

        JsonNode body = JSON.readTree(bodies.get(0));
        assertThat(body.get("text").asText()).isEqualTo("[CRITICAL] RAISED demographic_parity_ratio_below "
                + "(race=Black) at window 3: demographic_parity_ratio 0.71 &lt; 0.8 &amp; falling (credit-monitor)");
        assertThat(body.at("/blocks/0/type").asText()).isEqualTo("section");
        assertThat(body.at("/blocks/0/text/type").asText()).isEqualTo("mrkdwn");
        assertThat(body.at("/blocks/0/text/text").asText()).isEqualTo("*[CRITICAL] RAISED "
                + "demographic_parity_ratio_below (race=Black) at window 3*\ndemographic_parity_ratio 0.71 &lt; 0.8 "
                + "&amp; falling\n_source: credit-monitor, first raised at window 3_");
    }

    @Test
    void findingWithoutGroupOrNumberHasNulls() throws IOException {
        WindowFinding f = new WindowFinding("score_drift", Optional.empty(), Severity.WARNING, "drift", Double.NaN);
        delivery().build().deliver(new Alert(Alert.Event.CLEARED, f, 9, 4));

        JsonNode body = JSON.readTree(bodies.get(0));
        assertThat(body.get("group").isNull()).isTrue();
        assertThat(body.get("value").isNull()).isTrue();
        assertThat(body.get("event").asText()).isEqualTo("cleared");
        assertThat(body.get("first_window").asLong()).isEqualTo(4);
    }

    @Test
    void serverThatFailsThenRecoversIsRetriedWithExponentialBackoff() throws IOException {
        script.add(500);
        script.add(503);
        script.add(429);

        DeliveryResult r = delivery().build().deliver(alert());

        assertThat(r).isEqualTo(new DeliveryResult(DeliveryResult.Outcome.DELIVERED, 4, OptionalInt.of(200), ""));
        assertThat(bodies).hasSize(4).allMatch(b -> b.equals(bodies.get(0)));
        assertThat(slept).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(250));
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void serverThatHangsTimesOutAndTheRetryIsDelivered() throws IOException {
        script.add(HANG);

        DeliveryResult r = delivery().timeout(Duration.ofMillis(300)).build().deliver(alert());

        assertThat(r.outcome()).isEqualTo(DeliveryResult.Outcome.DELIVERED);
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(slept).containsExactly(Duration.ofMillis(100));
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void serverThatKeepsFailingGivesADeadLetterWithThePayload() throws IOException {
        for (int i = 0; i < 3; i++) {
            script.add(502);
        }

        DeliveryResult r = delivery().maxAttempts(3).build().deliver(alert());

        assertThat(r).isEqualTo(new DeliveryResult(DeliveryResult.Outcome.DEAD_LETTERED, 3, OptionalInt.of(502),
                "HTTP 502"));
        List<JsonNode> dead = deadLetters();
        assertThat(dead).hasSize(1);
        JsonNode line = dead.get(0);
        assertThat(line.get("schema").asText()).isEqualTo("fairkit.dead-letter/1");
        assertThat(line.get("failed_at").asText()).isEqualTo("2026-12-07T20:00:00Z");
        assertThat(line.get("target").asText()).isEqualTo("http://127.0.0.1:" + server.getAddress().getPort());
        assertThat(line.get("format").asText()).isEqualTo("generic");
        assertThat(line.get("attempts").asInt()).isEqualTo(3);
        assertThat(line.get("last_status").asInt()).isEqualTo(502);
        assertThat(line.get("error").asText()).isEqualTo("HTTP 502");
        assertThat(line.get("alert_key").asText()).isEqualTo("demographic_parity_ratio_below|race=Black");
        assertThat(line.get("payload")).isEqualTo(JSON.readTree(bodies.get(0)));
        assertThat(line.toString()).doesNotContain("/hook");
    }

    @Test
    void permanentClientErrorIsNotRetried() throws IOException {
        script.add(404);

        DeliveryResult r = delivery().build().deliver(alert());

        assertThat(r).isEqualTo(new DeliveryResult(DeliveryResult.Outcome.DEAD_LETTERED, 1, OptionalInt.of(404),
                "HTTP 404 (permanent: not retried)"));
        assertThat(slept).isEmpty();
        assertThat(deadLetters()).hasSize(1);
    }

    @Test
    void everyAttemptHangingDeadLettersWithTheTimeout() throws IOException {
        script.add(HANG);
        script.add(HANG);

        DeliveryResult r = delivery().timeout(Duration.ofMillis(200)).maxAttempts(2).build().deliver(alert());

        assertThat(r).isEqualTo(new DeliveryResult(DeliveryResult.Outcome.DEAD_LETTERED, 2, OptionalInt.empty(),
                "timed out after PT0.2S"));
        assertThat(deadLetters()).singleElement().satisfies(l -> assertThat(l.get("last_status").isNull()).isTrue());
    }

    @Test
    void refusedConnectionIsRetriedAndDeadLettered() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        WebhookDelivery d = WebhookDelivery.to(URI.create("http://127.0.0.1:" + port + "/x")).sleeper(slept::add)
                .maxAttempts(2).deadLetters(dir.resolve("dead").resolve("alerts.dead.jsonl")).clock(CLOCK).build();

        DeliveryResult r = d.deliver(alert());

        assertThat(r.outcome()).isEqualTo(DeliveryResult.Outcome.DEAD_LETTERED);
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(r.lastError()).startsWith("ConnectException");
        assertThat(slept).containsExactly(Duration.ofSeconds(1));
        assertThat(deadLetters()).hasSize(1);
    }

    @Test
    void severalAlertsAppendOneLineEachAndDeliveredOnesLeaveNone() throws IOException {
        script.add(400);
        script.add(200);
        script.add(400);

        List<DeliveryResult> rs = delivery().build().deliverAll(List.of(alert(), alert(), alert()));

        assertThat(rs).extracting(DeliveryResult::outcome).containsExactly(DeliveryResult.Outcome.DEAD_LETTERED,
                DeliveryResult.Outcome.DELIVERED, DeliveryResult.Outcome.DEAD_LETTERED);
        assertThat(deadLetters()).hasSize(2);
    }

    @Test
    void interruptWhileWaitingDeadLettersAndKeepsTheInterrupt() throws IOException {
        script.add(500);
        WebhookDelivery d = WebhookDelivery.to(hook()).sleeper(x -> {
            throw new InterruptedException();
        }).deadLetters(dir.resolve("dead").resolve("alerts.dead.jsonl")).clock(CLOCK).build();

        DeliveryResult r = d.deliver(alert());

        assertThat(Thread.interrupted()).isTrue();
        assertThat(r).isEqualTo(new DeliveryResult(DeliveryResult.Outcome.DEAD_LETTERED, 1, OptionalInt.of(500),
                "HTTP 500; interrupted before attempt 2"));
        assertThat(deadLetters()).hasSize(1);
    }

    @Test
    void unwritableDeadLetterFileIsLoud() throws IOException {
        script.add(404);
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "x");
        WebhookDelivery d = WebhookDelivery.to(hook()).sleeper(slept::add).clock(CLOCK)
                .deadLetters(blocker.resolve("dead.jsonl")).build();

        assertThatThrownBy(() -> d.deliver(alert())).isInstanceOf(UncheckedIOException.class)
                .hasMessage("alert demographic_parity_ratio_below|race=Black to http://127.0.0.1:"
                        + server.getAddress().getPort() + " was not delivered and could not be written to the "
                        + "dead-letter file " + blocker.resolve("dead.jsonl"));
    }

    @Test
    void builderNamesBadSettings() {
        assertThatThrownBy(() -> WebhookDelivery.to(URI.create("ftp://host/x")))
                .hasMessage("webhook url 'ftp://host...': expected an absolute http or https URL with a host");
        assertThatThrownBy(() -> WebhookDelivery.to(hook()).build()).isInstanceOf(IllegalStateException.class)
                .hasMessage("deadLetters is required: an alert that cannot be delivered must be written somewhere");
        assertThatThrownBy(() -> WebhookDelivery.to(hook()).maxAttempts(0))
                .hasMessage("webhook maxAttempts must be >= 1, got 0");
        assertThatThrownBy(() -> WebhookDelivery.to(hook()).timeout(Duration.ZERO))
                .hasMessage("webhook timeout must be > 0, got PT0S");
        assertThatThrownBy(() -> WebhookDelivery.to(hook()).name(" "))
                .hasMessage("webhook name must not be blank");
        assertThatThrownBy(() -> WebhookDelivery.to(hook()).format(WebhookFormat.SLACK).format(WebhookFormat.SLACK))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("format is already set; each setting is set once");
        WebhookDelivery named = WebhookDelivery.to(hook()).name("ops").deadLetters(dir.resolve("d")).build();
        assertThat(named.name()).isEqualTo("ops");
        assertThat(named.format()).isEqualTo(WebhookFormat.GENERIC);
        assertThat(named.deadLetters()).isEqualTo(dir.resolve("d"));
        assertThat(named.toString()).isEqualTo("WebhookDelivery[ops, generic, timeout PT10S, 5 attempts, "
                + "dead letters " + dir.resolve("d") + "]");
    }

    @Test
    void backoffGrowsGeometricallyUpToItsCap() {
        Backoff b = Backoff.defaults();
        assertThat(List.of(b.delay(1), b.delay(2), b.delay(3), b.delay(5), b.delay(6), b.delay(60)))
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                        Duration.ofSeconds(16), Duration.ofSeconds(30), Duration.ofSeconds(30));
        assertThat(Backoff.exponential(Duration.ZERO, 1, Duration.ZERO).delay(4)).isEqualTo(Duration.ZERO);
        assertThatThrownBy(() -> b.delay(0)).hasMessage("retry must be >= 1, got 0");
        assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(-1), 2, Duration.ofSeconds(1)))
                .hasMessage("backoff initial delay must be >= 0, got PT-1S");
        assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(1)))
                .hasMessage("backoff multiplier must be a finite number >= 1, got 0.5");
        assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(1), Double.NaN, Duration.ofSeconds(1)))
                .hasMessage("backoff multiplier must be a finite number >= 1, got NaN");
        assertThatThrownBy(() -> Backoff.exponential(Duration.ofSeconds(2), 2, Duration.ofSeconds(1)))
                .hasMessage("backoff max delay must be >= the initial delay PT2S, got PT1S");
    }

    @Test
    void formatIdsParse() {
        assertThat(WebhookFormat.byId(" Slack ")).isEqualTo(WebhookFormat.SLACK);
        assertThatThrownBy(() -> WebhookFormat.byId("teams"))
                .hasMessage("unknown webhook format 'teams'; valid: generic, slack");
    }
}
