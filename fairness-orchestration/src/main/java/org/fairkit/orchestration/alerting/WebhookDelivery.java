package org.fairkit.orchestration.alerting;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import org.fairkit.orchestration.monitor.Alert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends alerts to one webhook (HTTP POST of a {@link WebhookFormat} payload, {@code Content-Type:
 * application/json}), with the JDK's {@link HttpClient}.
 *
 * <pre>{@code
 * WebhookDelivery slack = WebhookDelivery.to(URI.create("https://hooks.slack.com/services/..."))
 *     .format(WebhookFormat.SLACK).source("credit-monitor")
 *     .timeout(Duration.ofSeconds(10)).maxAttempts(5).backoff(Backoff.defaults())
 *     .deadLetters(Path.of("alerts.dead.jsonl"))
 *     .build();
 * for (WindowResult w : monitor.accept(batch)) {
 *     slack.deliverAll(w.alerts());
 * }
 * }</pre>
 *
 * <p><b>Attempts.</b> Each attempt has a {@link Builder#timeout(Duration) timeout} for connecting and for the
 * response headers (a server that hangs is a failed attempt, not a hung monitor). A {@code 2xx} answer delivers the
 * alert. A failure that may pass is retried after the {@link Backoff} delay, up to {@link Builder#maxAttempts(int)}
 * attempts: a timeout, an I/O error (refused connection, reset), and the statuses {@code 408}, {@code 425},
 * {@code 429} and {@code 5xx}. Any other status ({@code 3xx}, other {@code 4xx}: a wrong URL, a revoked token) is
 * permanent and is not retried.
 *
 * <p><b>Nothing is lost silently.</b> An alert that was not delivered is appended to the dead-letter file as one JSON
 * line ({@code fairkit.dead-letter/1}: when, the target's name, the format, attempts, the last status and error,
 * the alert's key, and the exact payload, so it can be re-sent as it is), under an exclusive file lock and forced to
 * the device, so several processes may share one file; each failed attempt and each dead letter is logged as a
 * warning. If the dead-letter file itself cannot be written, {@link #deliver} throws {@link UncheckedIOException}.
 * An interrupt while waiting between attempts dead-letters the alert and restores the thread's interrupt status
 * (a process stopping on SIGTERM does not drop it).
 *
 * <p>The webhook's URL is never written to the dead-letter file or the log (a Slack URL is a secret); the
 * {@link Builder#name(String) target name} is, by default {@code scheme://host:port}.
 *
 * <p>Thread-safe: alerts may be delivered from several threads; dead-letter appends are serialized.
 */
public final class WebhookDelivery {
    /** The schema id of a dead-letter line. */
    public static final String DEAD_LETTER_SCHEMA = "fairkit.dead-letter/1";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final URI uri;
    private final String name;
    private final WebhookFormat format;
    private final String source;
    private final Duration timeout;
    private final int maxAttempts;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final Path deadLetters;
    private final Clock clock;
    private final HttpClient client;

    private WebhookDelivery(Builder b) {
        this.uri = b.uri;
        this.name = b.name != null ? b.name : defaultName(b.uri);
        this.format = b.format;
        this.source = b.source;
        this.timeout = b.timeout;
        this.maxAttempts = b.maxAttempts;
        this.backoff = b.backoff;
        this.sleeper = b.sleeper;
        this.deadLetters = b.deadLetters;
        this.clock = b.clock;
        this.client = HttpClient.newBuilder().connectTimeout(b.timeout).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static String defaultName(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /**
     * Starts the configuration of a delivery to a webhook.
     *
     * @param uri an {@code http} or {@code https} URL
     * @throws IllegalArgumentException naming the URL and what was expected
     */
    public static Builder to(URI uri) {
        Objects.requireNonNull(uri, "uri");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("webhook url '" + defaultName(uri)
                    + "...': expected an absolute http or https URL with a host");
        }
        return new Builder(uri);
    }

    /** @return the target's name, as written in logs and dead letters */
    public String name() {
        return name;
    }

    /** @return the payload format */
    public WebhookFormat format() {
        return format;
    }

    /** @return the dead-letter file */
    public Path deadLetters() {
        return deadLetters;
    }

    /**
     * Delivers each alert in order.
     *
     * @return one result per alert
     */
    public List<DeliveryResult> deliverAll(List<Alert> alerts) {
        List<DeliveryResult> out = new ArrayList<>(alerts.size());
        for (Alert a : alerts) {
            out.add(deliver(a));
        }
        return out;
    }

    /**
     * Delivers one alert: attempts, retries, and on failure the dead-letter file.
     *
     * @return what became of it
     * @throws UncheckedIOException when the alert was not delivered and the dead-letter file cannot be written
     */
    public DeliveryResult deliver(Alert alert) {
        Objects.requireNonNull(alert, "alert");
        ObjectNode payload = format.payload(alert, source, clock.instant());
        byte[] body;
        try {
            body = MAPPER.writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int attempts = 0;
        OptionalInt lastStatus = OptionalInt.empty();
        String lastError = "";
        boolean interrupted = false;
        while (attempts < maxAttempts) {
            if (attempts > 0) {
                try {
                    sleeper.sleep(backoff.delay(attempts));
                } catch (InterruptedException e) {
                    interrupted = true;
                    lastError = lastError + "; interrupted before attempt " + (attempts + 1);
                    break;
                }
            }
            attempts++;
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "FairKit-alerts")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            boolean retryable;
            try {
                HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return new DeliveryResult(DeliveryResult.Outcome.DELIVERED, attempts, OptionalInt.of(status), "");
                }
                lastStatus = OptionalInt.of(status);
                retryable = status == 408 || status == 425 || status == 429 || status >= 500;
                lastError = "HTTP " + status + (retryable ? "" : " (permanent: not retried)");
            } catch (HttpTimeoutException e) {
                lastStatus = OptionalInt.empty();
                lastError = "timed out after " + timeout;
                retryable = true;
            } catch (IOException e) {
                lastStatus = OptionalInt.empty();
                lastError = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                retryable = true;
            } catch (InterruptedException e) {
                interrupted = true;
                lastStatus = OptionalInt.empty();
                lastError = "interrupted during attempt " + attempts;
                break;
            }
            LOG.warn("alert {} to {}: attempt {} of {} failed: {}", alert.finding().key(), name, attempts,
                    maxAttempts, lastError);
            if (!retryable) {
                break;
            }
        }
        DeliveryResult result = new DeliveryResult(DeliveryResult.Outcome.DEAD_LETTERED, attempts, lastStatus,
                lastError);
        try {
            deadLetter(alert, payload, result);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        LOG.warn("alert {} to {} not delivered after {} attempt(s) ({}); written to {}", alert.finding().key(), name,
                attempts, lastError, deadLetters);
        return result;
    }

    private void deadLetter(Alert alert, ObjectNode payload, DeliveryResult result) {
        ObjectNode line = MAPPER.createObjectNode();
        line.put("schema", DEAD_LETTER_SCHEMA);
        line.put("failed_at", clock.instant().toString());
        line.put("target", name);
        line.put("format", format.id());
        line.put("attempts", result.attempts());
        if (result.lastStatus().isPresent()) {
            line.put("last_status", result.lastStatus().getAsInt());
        } else {
            line.putNull("last_status");
        }
        line.put("error", result.lastError());
        line.put("alert_key", alert.finding().key());
        line.set("payload", payload);
        byte[] bytes;
        try {
            bytes = (MAPPER.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (WebhookDelivery.class) {
            try {
                Path parent = deadLetters.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                try (FileChannel ch = FileChannel.open(deadLetters, StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                        FileLock lock = ch.lock()) {
                    ByteBuffer buf = ByteBuffer.wrap(bytes);
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                    ch.force(true);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("alert " + alert.finding().key() + " to " + name
                        + " was not delivered and could not be written to the dead-letter file " + deadLetters, e);
            }
        }
    }

    @Override
    public String toString() {
        return "WebhookDelivery[" + name + ", " + format.id() + ", timeout " + timeout + ", " + maxAttempts
                + " attempts, dead letters " + deadLetters + "]";
    }

    /** Configures a {@link WebhookDelivery}; each setting is set once. */
    public static final class Builder {
        private final URI uri;
        private String name;
        private WebhookFormat format = WebhookFormat.GENERIC;
        private boolean formatSet;
        private String source = "fairkit";
        private boolean sourceSet;
        private Duration timeout = Duration.ofSeconds(10);
        private boolean timeoutSet;
        private int maxAttempts = 5;
        private boolean attemptsSet;
        private Backoff backoff = Backoff.defaults();
        private boolean backoffSet;
        private Sleeper sleeper = Sleeper.system();
        private boolean sleeperSet;
        private Path deadLetters;
        private Clock clock = Clock.systemUTC();
        private boolean clockSet;

        private Builder(URI uri) {
            this.uri = uri;
        }

        private static void once(boolean set, String setting) {
            if (set) {
                throw new IllegalStateException(setting + " is already set; each setting is set once");
            }
        }

        /** The target's name in logs and dead letters (default {@code scheme://host:port}, never the path). */
        public Builder name(String n) {
            once(name != null, "name");
            if (Objects.requireNonNull(n, "name").isBlank()) {
                throw new IllegalArgumentException("webhook name must not be blank");
            }
            name = n;
            return this;
        }

        /** The payload format (default {@link WebhookFormat#GENERIC}). */
        public Builder format(WebhookFormat f) {
            once(formatSet, "format");
            format = Objects.requireNonNull(f, "format");
            formatSet = true;
            return this;
        }

        /** Who sends the alerts, e.g. the monitor's name (default {@code fairkit}). */
        public Builder source(String s) {
            once(sourceSet, "source");
            source = Objects.requireNonNull(s, "source");
            sourceSet = true;
            return this;
        }

        /** The timeout of each attempt, for connecting and for the response headers (default 10 s), {@code > 0}. */
        public Builder timeout(Duration t) {
            once(timeoutSet, "timeout");
            Objects.requireNonNull(t, "timeout");
            if (t.isZero() || t.isNegative()) {
                throw new IllegalArgumentException("webhook timeout must be > 0, got " + t);
            }
            timeout = t;
            timeoutSet = true;
            return this;
        }

        /** How many attempts at most, the first included (default 5), {@code >= 1}. */
        public Builder maxAttempts(int n) {
            once(attemptsSet, "maxAttempts");
            if (n < 1) {
                throw new IllegalArgumentException("webhook maxAttempts must be >= 1, got " + n);
            }
            maxAttempts = n;
            attemptsSet = true;
            return this;
        }

        /** The delays between attempts (default {@link Backoff#defaults()}). */
        public Builder backoff(Backoff b) {
            once(backoffSet, "backoff");
            backoff = Objects.requireNonNull(b, "backoff");
            backoffSet = true;
            return this;
        }

        /** How to wait between attempts (default {@link Sleeper#system()}; tests inject one that does not sleep). */
        public Builder sleeper(Sleeper s) {
            once(sleeperSet, "sleeper");
            sleeper = Objects.requireNonNull(s, "sleeper");
            sleeperSet = true;
            return this;
        }

        /** The dead-letter file (JSON lines, appended; created with its directories when needed). Required. */
        public Builder deadLetters(Path p) {
            once(deadLetters != null, "deadLetters");
            deadLetters = Objects.requireNonNull(p, "deadLetters");
            return this;
        }

        /** The clock of {@code sent_at} and {@code failed_at} (default UTC system clock). */
        public Builder clock(Clock c) {
            once(clockSet, "clock");
            clock = Objects.requireNonNull(c, "clock");
            clockSet = true;
            return this;
        }

        /**
         * @return the delivery
         * @throws IllegalStateException when no dead-letter file was given
         */
        public WebhookDelivery build() {
            if (deadLetters == null) {
                throw new IllegalStateException("deadLetters is required: an alert that cannot be delivered must be "
                        + "written somewhere");
            }
            return new WebhookDelivery(this);
        }
    }
}
