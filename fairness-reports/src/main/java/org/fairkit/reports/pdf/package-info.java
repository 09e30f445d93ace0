/**
 * PDF layout for FairKit's documents on Apache PDFBox: {@link org.fairkit.reports.pdf.PdfLayout} (flowing A4 pages
 * with headings, wrapped paragraphs, callouts and paginating {@link org.fairkit.reports.pdf.Table}s) and
 * {@link org.fairkit.reports.pdf.PdfText} (font-safe text: a fallback font for CJK, code points for what no font has; measuring and wrapping).
 *
 * <p>Used by {@code AuditPdf} and {@code ComplianceReportPdf}. Output is deterministic for the same input.
 * Stability: public API, evolving before 1.0.
 */
package org.fairkit.reports.pdf;
