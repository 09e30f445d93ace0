/**
 * Model cards: the fairness part of a model card (Mitchell et al. 2019, "Model Cards for Model Reporting", FAT*
 * 2019) built from audit reports, as JSON ({@code fairkit.model-card/1}) and Markdown, plus a flat metrics-and-tags
 * file under MLflow's naming rules ({@link org.fairkit.orchestration.card.MlflowExport}) that a registry step logs
 * as it is.
 *
 * <p>Entry point: {@code ModelCard.builder(report)}.
 *
 * <p>Stability: public API, evolving before 1.0; the JSON schemas only grow.
 */
package org.fairkit.orchestration.card;
