/**
 * Citations in a CSL style, formatted by citeproc-js from the shipped style
 * and locale files. Heavy (citeproc is about 1 MB of source): only extension
 * pages import it, lazily, never a content script.
 */
import CSL from 'citeproc';
import type { ArticleRecord } from '../../model/records';
import { CSL_LOCALES, localeFile, STYLE_FILES, type CitationStyle, type CslLocale } from './citation-styles';
import { toCslItem, type CslItem } from './csl';
import { escapeInline, markdownUrl } from './markdown-escape';

/** Reads a file shipped under /csl/ (fetch in the extension, the file system in tests). */
export type CslFileLoader = (file: string) => Promise<string>;

/** One citation, as plain text, Markdown and HTML (italics kept; the HTML is escaped). */
export interface Citation {
  text: string;
  markdown: string;
  html: string;
}

export interface Citer {
  style: CitationStyle;
  cite(article: ArticleRecord): Citation;
}

// Private-use marks around italics and URLs in citeproc's output, turned into each format afterwards.
const ITALIC_OPEN = '\uE000';
const ITALIC_CLOSE = '\uE001';
const URL_OPEN = '\uE002';
const URL_CLOSE = '\uE003';
const MARKS = /[\uE000-\uE003]/g;
const FORMAT = 'gloss-marked';

function registerFormat(): void {
  const formats = CSL.Output.Formats;
  if (formats[FORMAT]) return;
  formats[FORMAT] = {
    ...formats.text,
    // Page text never carries the marks, so they cannot be forged.
    text_escape: (text: string | undefined) => (text ?? '').replace(MARKS, ''),
    '@font-style/italic': `${ITALIC_OPEN}%%STRING%%${ITALIC_CLOSE}`,
    '@font-style/oblique': `${ITALIC_OPEN}%%STRING%%${ITALIC_CLOSE}`,
    '@URL/true': (_state: unknown, str: string) => `${URL_OPEN}${str}${URL_CLOSE}`,
    // citeproc wraps every URL it marks in the DOI decoration (its html format tells them apart the same way).
    '@DOI/true': (_state: unknown, str: string) => `${URL_OPEN}${/^https?:\/\//.test(str) ? str : `https://doi.org/${str}`}${URL_CLOSE}`,
    '@bibliography/entry': (_state: unknown, str: string) => str,
  };
}

type Token = { kind: 'text' | 'url'; value: string } | { kind: 'open' | 'close' };

function tokens(marked: string): Token[] {
  const out: Token[] = [];
  for (const part of marked.split(/(\uE000|\uE001|\uE002[^\uE003]*\uE003)/)) {
    if (part === ITALIC_OPEN) out.push({ kind: 'open' });
    else if (part === ITALIC_CLOSE) out.push({ kind: 'close' });
    else if (part.startsWith(URL_OPEN)) out.push({ kind: 'url', value: part.slice(1, -1) });
    else if (part) out.push({ kind: 'text', value: part });
  }
  return out;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function renderAll(marked: string): Citation {
  const parts = tokens(marked.replace(/\s+/g, ' ').trim());
  const render = (text: (s: string) => string, open: string, close: string, url: (u: string) => string) =>
    parts.map((t) => {
      switch (t.kind) {
        case 'open': return open;
        case 'close': return close;
        case 'url': return url(t.value);
        case 'text': return text(t.value);
      }
    }).join('');
  return {
    text: render((s) => s, '', '', (u) => u),
    markdown: render(escapeInline, '*', '*', (u) => (markdownUrl(u) ? `<${markdownUrl(u)}>` : escapeInline(u))),
    html: render(escapeHtml, '<i>', '</i>', (u) => (/^https?:\/\//i.test(u) ? `<a href="${escapeHtml(u)}">${escapeHtml(u)}</a>` : escapeHtml(u))),
  };
}

/** A citer for one style; loads the style and both locales once. */
export async function loadCiter(style: CitationStyle, load: CslFileLoader): Promise<Citer> {
  const [xml, ...localeXml] = await Promise.all([load(STYLE_FILES[style]), ...CSL_LOCALES.map((l) => load(localeFile(l)))]);
  const locales = new Map<string, string>(CSL_LOCALES.map((l, i) => [l, localeXml[i]!]));
  registerFormat();
  const numeric = /citation-format="numeric"/.test(xml!);
  let current: CslItem | null = null;
  // citeproc keeps items by id: each citation gets a new one, so an edited article is never cited as it was.
  let serial = 0;
  const engine = new CSL.Engine(
    {
      // Only en-US and zh-CN ship; a style asking for another falls back to en-US (citeproc does so for a missing one too).
      retrieveLocale: (lang: string) => locales.get(lang as CslLocale) ?? locales.get('en-US')!,
      retrieveItem: () => current,
    },
    // APA, Chicago and MLA are English styles whatever the article's language; GB/T name zh-CN as their default.
    xml!,
    'en-US',
  );
  // Marks the URL as a URL (for a link in HTML and <…> in Markdown), not as plain text.
  engine.opt.development_extensions.wrap_url_and_doi = true;
  engine.setOutputFormat(FORMAT);
  return {
    style,
    cite(article) {
      current = toCslItem(article, `item-${++serial}`);
      engine.updateItems([current.id]);
      const bibliography = engine.makeBibliography();
      const entry = bibliography ? bibliography[1].join('') : '';
      // One citation on its own: a numeric style's "[1]" belongs to a list the user numbers.
      return renderAll(numeric ? entry.replace(/^\s*\[1\]\s*/, '') : entry);
    },
  };
}
