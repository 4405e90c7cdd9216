/**
 * The formats the export dialog offers, in its order. The user's default
 * format (settings) is one of them; a backup is not an export format: it is
 * made and restored in the options page's Backup section.
 */
export const EXPORT_FORMATS = ['markdown', 'markdown-zip', 'csv', 'csl-json', 'bibtex', 'ris', 'web-annotation'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
