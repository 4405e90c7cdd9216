/** One entry point for the export dialog: a format and the chosen articles in, a named file out. */
import { toBibtex } from './bibtex';
import { toCslJson } from './csl';
import { joinContinuedStories } from './continued';
import { toCsv } from './csv';
import { safeFileName } from './file-names';
import type { ExportFormat } from './formats';
import { toMarkdown, toMarkdownFiles, type MarkdownOptions } from './markdown';
import { toRis } from './ris';
import { isoDay, type ArticleBundle } from './types';
import { toWebAnnotationJson } from './web-annotation';
import { zipFiles, type ZipProgress } from './zip';

const EXTENSIONS: Record<ExportFormat, string> = {
  markdown: '.md', 'markdown-zip': '.zip', csv: '.csv', 'csl-json': '.json', bibtex: '.bib', ris: '.ris', 'web-annotation': '.jsonld',
};

const TYPES: Record<ExportFormat, string> = {
  markdown: 'text/markdown;charset=utf-8',
  'markdown-zip': 'application/zip',
  csv: 'text/csv;charset=utf-8',
  'csl-json': 'application/vnd.citationstyles.csl+json',
  bibtex: 'application/x-bibtex;charset=utf-8',
  ris: 'application/x-research-info-systems;charset=utf-8',
  'web-annotation': 'application/ld+json',
};

export interface ExportResult {
  fileName: string;
  blob: Blob;
  /** The text, for formats that can go to the clipboard (not the zip). */
  text: string | null;
}

export interface RunExportOptions extends MarkdownOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ZipProgress) => void;
  now?: number;
}

/** `Title.md` for one article, else `gloss-YYYY-MM-DD.ext`. */
export function exportFileName(format: ExportFormat, bundles: readonly ArticleBundle[], now = Date.now()): string {
  const single = bundles.length === 1 && format !== 'markdown-zip';
  const base = single ? safeFileName(bundles[0]!.article.title) : `gloss-${isoDay(now)}`;
  return `${base}${EXTENSIONS[format]}`;
}

function textOf(format: Exclude<ExportFormat, 'markdown-zip'>, bundles: readonly ArticleBundle[], options: RunExportOptions): string {
  const articles = bundles.map((b) => b.article);
  switch (format) {
    case 'markdown':
      return toMarkdown(bundles, options);
    case 'csv':
      return toCsv(bundles, options);
    case 'csl-json':
      return toCslJson(articles);
    case 'bibtex':
      return toBibtex(articles);
    case 'ris':
      return toRis(articles);
    case 'web-annotation':
      return toWebAnnotationJson(bundles);
  }
}

export async function runExport(format: ExportFormat, chosen: readonly ArticleBundle[], options: RunExportOptions = {}): Promise<ExportResult> {
  // A note per story: the parts of a continued story make one Markdown note; other formats keep one record per part.
  const bundles = format === 'markdown' || format === 'markdown-zip' ? joinContinuedStories(chosen) : chosen;
  const fileName = exportFileName(format, bundles, options.now);
  if (format === 'markdown-zip') {
    const blob = await zipFiles(toMarkdownFiles(bundles, options), { total: bundles.length, signal: options.signal, onProgress: options.onProgress });
    return { fileName, blob, text: null };
  }
  const text = textOf(format, bundles, options);
  return { fileName, blob: new Blob([text], { type: TYPES[format] }), text };
}
