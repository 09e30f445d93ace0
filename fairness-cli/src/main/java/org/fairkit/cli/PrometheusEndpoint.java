package org.fairkit.cli;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Prometheus scrape endpoint: {@code GET /metrics} answers the registry's text exposition, anything else 404, a
 * method other than {@code GET} or {@code HEAD} 405. It runs on the JDK's {@code HttpServer} with one daemon thread
 * (a scrape is a small string), bound to the address given: the monitor binds {@code 127.0.0.1} unless told
 * otherwise, so the metrics are not exposed to the network by accident.
 */
final class PrometheusEndpoint implements AutoCloseable {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;

    private PrometheusEndpoint(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts serving.
     *
     * @param registry the registry to scrape
     * @param address where to listen (port 0 picks a free port)
     * @throws IOException when the address cannot be bound
     */
    static PrometheusEndpoint start(PrometheusMeterRegistry registry, InetSocketAddress address) throws IOException {
        Objects.requireNonNull(registry, "registry");
        HttpServer server = HttpServer.create(address, 0);
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fairkit-prometheus");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", ex -> {
            try (ex) {
                String method = ex.getRequestMethod();
                if (!ex.getRequestURI().getPath().equals("/metrics")) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                if (!method.equals("GET") && !method.equals("HEAD")) {
                    ex.getResponseHeaders().set("Allow", "GET, HEAD");
                    ex.sendResponseHeaders(405, -1);
                    return;
                }
                byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
                if (method.equals("HEAD")) {
                    ex.sendResponseHeaders(200, -1);
                    return;
                }
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
        return new PrometheusEndpoint(server, executor);
    }

    /** @return the address actually bound (with the chosen port) */
    InetSocketAddress address() {
        return server.getAddress();
    }

    /** Stops serving at once and ends the thread. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
