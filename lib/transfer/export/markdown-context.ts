/** Builds the values a Markdown template sees for one article: every value already escaped. */
import type { ArticleRecord, HighlightRecord } from '../../model/records';
import { authorNames } from './citation';
import { escapeBlock, escapeInline, escapeNoteRun, hashtags, markdownUrl, obsidianTag } from './markdown-escape';
import { inReadingOrder } from './order';
import { textFragmentUrl } from '../../anchoring/text-fragment';
import type { TemplateContext } from './template';
import { colorName, isoDay, isoTime, type ArticleBundle } from './types';
import { toYaml, type YamlValue } from './yaml';

export interface MarkdownLabels {
  orphansHeading: string;
  accessed: string;
  /** A highlight's printed page, `{page}` standing for its label: `p. {page}`, `第{page}版`. */
  page: string;
}

export const DEFAULT_LABELS: MarkdownLabels = {
  orphansHeading: 'Not found on the page any more',
  accessed: 'accessed',
  page: 'p. {page}',
};

export interface MarkdownContextOptions {
  colorNames?: Readonly<Record<string, string>>;
  labels?: Partial<MarkdownLabels>;
  /** Whether this article opens its own file (front matter is only valid at the top of a file). */
  frontMatter?: boolean;
  /** The citation line in the user's CSL style, as Markdown (lib/transfer/export/cite.ts); the built-in line when absent. */
  cite?: (article: ArticleRecord) => string;
}

/** Names a template may use; compileTemplate reports any other name as a mistake. */
export const ARTICLE_NAMES = [
  'frontmatter', 'title', 'kicker', 'subtitle', 'authors', 'site', 'section', 'published', 'url', 'accessed',
  'language', 'tags', 'citation', 'count', 'highlights', 'orphans', 'hasOrphans', 'orphansHeading',
] as const;
export const HIGHLIGHT_NAMES = [
  'quote', 'note', 'tags', 'link', 'color', 'colorId', 'created', 'updated', 'orphan', 'currentText', 'index',
  'blockId', 'id', 'page',
] as const;
export const TEMPLATE_NAMES: ReadonlySet<string> = new Set<string>([...ARTICLE_NAMES, ...HIGHLIGHT_NAMES]);

/** `2022-09-05T07:58:12+08:00` → `2022-09-05`: a date property in Obsidian and Logseq is a bare ISO date. */
function isoDate(value: string): string {
  return /^\d{4}-\d{2}-\d{2}/.exec(value)?.[0] ?? value;
}

/**
 * Flat properties only: Obsidian's property editor and Logseq's page properties show lists of
 * strings, not lists of objects. So `author` holds plain names (what both link and filter on) and
 * `author_roles` the role of each, index by index ("" for none), present only when one is known.
 */
function frontMatterOf(article: ArticleRecord, parts: readonly ArticleRecord[]): string {
  const fields: { [key: string]: YamlValue } = { title: article.title };
  if (article.kicker) fields.kicker = article.kicker;
  if (article.subtitle) fields.subtitle = article.subtitle;
  if (article.authors.length) {
    fields.author = article.authors.map((p) => p.name);
    if (article.authors.some((p) => p.role)) fields.author_roles = article.authors.map((p) => p.role ?? '');
  }
  if (article.siteName) fields.publication = article.siteName;
  if (article.section) fields.section = article.section;
  const pages = parts.map((part) => part.page).filter((page): page is string => !!page);
  if (pages.length) fields.page = pages.join(', ');
  if (article.publishedDate) fields.published = isoDate(article.publishedDate);
  fields.source = article.url;
  if (parts.length > 1) fields.continued_at = parts.slice(1).map((part) => part.url);
  fields.accessed = isoDay(article.createdAt);
  const tags = article.tags.map(obsidianTag).filter(Boolean);
  if (tags.length) fields.tags = [...new Set(tags)];
  if (article.lang) fields.language = article.lang;
  return `---\n${toYaml(fields)}\n---`;
}

/** One line: Authors. “Title: subtitle”. Site, section, date. URL (accessed day). */
export function citationLine(article: ArticleRecord, labels: MarkdownLabels = DEFAULT_LABELS): string {
  const authors = authorNames(article.authors).join(', ');
  const title = article.subtitle ? `${article.title}: ${article.subtitle.replace(/^——/, '')}` : article.title;
  const where = [article.siteName, article.section, article.publishedDate?.slice(0, 10)].filter(Boolean).join(', ');
  const parts = [authors ? `${escapeInline(authors)}.` : '', `“${escapeInline(title)}”.`, where ? `*${escapeInline(where)}*.` : ''];
  const safe = markdownUrl(article.url);
  const link = safe ? `<${safe}>` : escapeInline(article.url);
  return `${parts.filter(Boolean).join(' ')} ${link} (${escapeInline(labels.accessed)} ${isoDay(article.createdAt)})`;
}

/**
 * Obsidian block ids (`^gloss-3fa9c1`): letters, digits and dashes, derived from the highlight's
 * id so a link to it survives a re-export; a clash within one note gets `-2`, `-3`.
 */
export function blockIds(highlights: readonly HighlightRecord[]): Map<string, string> {
  const ids = new Map<string, string>();
  const used = new Set<string>();
  for (const h of highlights) {
    const base = `gloss-${hashOf(h.id).toString(16).padStart(8, '0').slice(0, 6)}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    ids.set(h.id, id);
  }
  return ids;
}

/** FNV-1a with murmur3's final mix, so ids that differ in one character get unrelated block ids. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

interface HighlightSetting {
  article: ArticleRecord;
  index: number;
  blockId: string;
  /** "p. {page}": set when the note joins parts printed on several pages (one page needs no label per quote). */
  pageLabel: string | null;
  colors?: Readonly<Record<string, string>>;
}

function highlightContext(h: HighlightRecord, { article, index, blockId, pageLabel, colors }: HighlightSetting): TemplateContext {
  return {
    // Functions: computed only when the template uses them.
    quote: () => escapeBlock(h.selectors.quote.exact).join('\n'),
    note: h.note ? () => escapeBlock(h.note, escapeNoteRun).join('\n') : '',
    tags: h.tags.length ? () => hashtags(h.tags) : '',
    link: () => markdownUrl(textFragmentUrl(article.url, h.selectors.quote, h.selectors.fragment)),
    color: () => escapeInline(colorName(h.color, colors)),
    colorId: h.color,
    created: () => isoTime(h.createdAt),
    updated: () => isoTime(h.updatedAt),
    orphan: h.status === 'orphan',
    currentText: h.currentText ? () => escapeBlock(h.currentText!).join('\n') : '',
    index: index + 1,
    blockId,
    id: escapeInline(h.id),
    page: article.page && pageLabel ? escapeInline(pageLabel.replace('{page}', article.page)) : '',
  };
}

export function articleContext({ article, highlights, parts = [article] }: ArticleBundle, options: MarkdownContextOptions = {}): TemplateContext {
  const labels = { ...DEFAULT_LABELS, ...options.labels };
  const partOf = new Map(parts.map((part, i) => [part.id, i]));
  const { anchored, orphans } = inReadingOrder(highlights, (h) => partOf.get(h.articleId) ?? 0);
  const ids = blockIds([...anchored, ...orphans]);
  // Each highlight links to the page of its own part.
  const context = (h: HighlightRecord, index: number) => highlightContext(h, {
    article: parts[partOf.get(h.articleId) ?? 0] ?? article, index, blockId: ids.get(h.id)!, pageLabel: parts.length > 1 ? labels.page : null, colors: options.colorNames,
  });
  return {
    frontmatter: options.frontMatter === false ? '' : frontMatterOf(article, parts),
    title: escapeInline(article.title),
    kicker: escapeInline(article.kicker ?? ''),
    subtitle: escapeInline(article.subtitle ?? ''),
    authors: escapeInline(authorNames(article.authors).join(', ')),
    site: escapeInline(article.siteName ?? ''),
    section: escapeInline(article.section ?? ''),
    published: escapeInline(article.publishedDate ?? ''),
    url: markdownUrl(article.url),
    accessed: isoDay(article.createdAt),
    language: escapeInline(article.lang ?? ''),
    tags: hashtags(article.tags),
    citation: options.cite ? options.cite(article) : citationLine(article, labels),
    count: highlights.length,
    highlights: anchored.map((h, i) => context(h, i)),
    orphans: orphans.map((h, i) => context(h, anchored.length + i)),
    hasOrphans: orphans.length > 0,
    orphansHeading: escapeInline(labels.orphansHeading),
  };
}
