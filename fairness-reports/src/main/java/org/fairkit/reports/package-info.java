/**
 * FairKit reports: the document outputs of an audit.
 */
package org.fairkit.reports;
