/**
 * Alert delivery: the monitor's de-duplicated {@link org.fairkit.orchestration.monitor.Alert}s sent to webhooks, as a
 * generic JSON payload ({@code fairkit.alert/1}) or a Slack-compatible one, with a per-attempt timeout, retries with
 * exponential {@link org.fairkit.orchestration.alerting.Backoff}, and a dead-letter file (JSON lines) for every alert
 * that could not be delivered, so nothing is lost silently.
 *
 * <p>Entry point: {@code WebhookDelivery.to(uri)}.
 *
 * <p>Stability: public API, evolving before 1.0.
 */
package org.fairkit.orchestration.alerting;
