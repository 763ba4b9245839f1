/**
 * The desk's single-file HTML report (SPEC §10): a {@link io.thermocarry.report.ReportModel} record tree of
 * sections, charts, tables and notes (plain values and primitive arrays only), rendered by
 * {@link io.thermocarry.report.ReportRenderer} into one self-contained HTML file (uPlot and the data inlined,
 * a {@code default-src 'none'} content-security policy, no network fetch), built from {@code core} results by
 * {@link io.thermocarry.report.CarrySections}, and exported chart by chart to PNG by
 * {@link io.thermocarry.report.ChromiumPngExporter}. The only module with a chart dependency; depends on
 * {@code core} only.
 */
package io.thermocarry.report;
