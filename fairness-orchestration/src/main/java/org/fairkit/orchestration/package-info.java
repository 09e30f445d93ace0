/**
 * FairKit orchestration: audits an organisation can plan, run, gate on and defend.
 */
package org.fairkit.orchestration;
