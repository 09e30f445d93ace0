/**
 * The validation messages of fairness-core ({@link org.fairkit.core.errors.InputErrors}), in one place so their
 * wording is consistent and tested.
 *
 * <p>Stability: the wording is API: tests pin it.
 */
package org.fairkit.core.errors;
