/**
 * Group fairness of multiclass classifiers by one-vs-rest reduction to the binary confusion metrics, with macro
 * averages across classes per group.
 *
 * <p>Entry point: {@link org.fairkit.core.multiclass.MulticlassFairness#of(MulticlassData)} with
 * {@link org.fairkit.core.multiclass.MulticlassData#builder()} (labels and predictions as int codes or strings).
 * Each class's binary report is a full {@link org.fairkit.core.FairnessReport}; the macro averages are in
 * {@link org.fairkit.core.multiclass.MulticlassReport}.
 *
 * <p>Stability: public API, evolving before 1.0.
 */
package org.fairkit.core.multiclass;
