/**
 * PDF layout for FairKit's documents on Apache PDFBox: {@link org.fairkit.reports.pdf.PdfLayout} (flowing A4 pages
 * with headings, wrapped paragraphs, callouts and paginating {@link org.fairkit.reports.pdf.Table}s) and
 * {@link org.fairkit.reports.pdf.PdfText} (WinAnsi-safe text, measuring and wrapping for the standard 14 fonts).
 *
 * <p>Used by {@code AuditPdf} and {@code ComplianceReportPdf}. Output is deterministic for the same input.
 * Stability: public API, evolving before 1.0.
 */
package org.fairkit.reports.pdf;
