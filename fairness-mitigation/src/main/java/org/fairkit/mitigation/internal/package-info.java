/**
 * Internal support of fairness-mitigation's mitigators (setting checks shared by every front door). Public only
 * so that the module's packages can share it; not part of the API, and it may change at any time.
 */
package org.fairkit.mitigation.internal;
