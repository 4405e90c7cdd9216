/**
 * "Copy citation" for extension pages: the style from the options, the CSL
 * files fetched from the extension, citeproc loaded only on first use (its
 * own chunk, so neither the panel's first screen nor a content script pays for it).
 */
import { browser, type PublicPath } from 'wxt/browser';
import type { ArticleRecord, HighlightRecord } from '@/lib/model/records';
import { citationStyleOf, loadSettings } from '@/lib/settings';
import type { CitationStyle } from '@/lib/transfer/export/citation-styles';
import type { Citation, Citer } from '@/lib/transfer/export/cite';
import { copyText } from '@/lib/transfer/export/download';
import { quoteWithCitation } from '@/lib/transfer/export/quote-citation';

const citers = new Map<CitationStyle, Promise<Citer>>();

async function shippedFile(file: string): Promise<string> {
  const response = await fetch(browser.runtime.getURL(`/csl/${file}` as PublicPath));
  if (!response.ok) throw new Error(`The citation style file ${file} is missing from the extension.`);
  return response.text();
}

/** The citer for the style in force (the chosen one, else the interface language's default). */
export async function currentCiter(uiLocale: string): Promise<Citer> {
  const style = citationStyleOf(await loadSettings(), uiLocale);
  let citer = citers.get(style);
  if (!citer) {
    citer = import('@/lib/transfer/export/cite').then((engine) => engine.loadCiter(style, shippedFile));
    // A failed load is not kept: the next click tries again.
    citer.catch(() => citers.delete(style));
    citers.set(style, citer);
  }
  return citer;
}

/** Puts plain text and, where the browser allows, HTML (italics for Word and Docs) on the clipboard. */
async function copyRich({ text, html }: { text: string; html: string }): Promise<void> {
  if (typeof ClipboardItem !== 'undefined' && navigator.clipboard?.write) {
    try {
      await navigator.clipboard.write([
        new ClipboardItem({ 'text/plain': new Blob([text], { type: 'text/plain' }), 'text/html': new Blob([html], { type: 'text/html' }) }),
      ]);
      return;
    } catch {
      // No focus or no permission for rich copy: plain text below still works from a click.
    }
  }
  await copyText(text);
}

export async function copyArticleCitation(article: ArticleRecord, uiLocale: string): Promise<Citation> {
  const citation = (await currentCiter(uiLocale)).cite(article);
  await copyRich(citation);
  return citation;
}

/** The citations of a page's stories (an e-paper page has several), one a line. */
export async function copyPageCitations(articles: readonly ArticleRecord[], uiLocale: string): Promise<string> {
  const citer = await currentCiter(uiLocale);
  const citations = articles.map((article) => citer.cite(article));
  const joined = { text: citations.map((c) => c.text).join('\n'), html: citations.map((c) => `<p>${c.html}</p>`).join('\n') };
  await copyRich(joined);
  return joined.text;
}

export async function copyHighlightCitation(highlight: HighlightRecord, article: ArticleRecord, uiLocale: string): Promise<string> {
  const copied = quoteWithCitation(highlight, article, (await currentCiter(uiLocale)).cite(article));
  await copyRich(copied);
  return copied.text;
}
