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
}

export const DEFAULT_LABELS: MarkdownLabels = {
  orphansHeading: 'Not found on the page any more',
  accessed: 'accessed',
};

export interface MarkdownContextOptions {
  colorNames?: Readonly<Record<string, string>>;
  labels?: Partial<MarkdownLabels>;
  /** Whether this article opens its own file (front matter is only valid at the top of a file). */
  frontMatter?: boolean;
}

/** Names a template may use; compileTemplate reports any other name as a mistake. */
export const ARTICLE_NAMES = [
  'frontmatter', 'title', 'kicker', 'subtitle', 'authors', 'site', 'section', 'published', 'url', 'accessed',
  'language', 'tags', 'citation', 'count', 'highlights', 'orphans', 'hasOrphans', 'orphansHeading',
] as const;
export const HIGHLIGHT_NAMES = [
  'quote', 'note', 'tags', 'link', 'color', 'colorId', 'created', 'updated', 'orphan', 'currentText', 'index',
] as const;
export const TEMPLATE_NAMES: ReadonlySet<string> = new Set<string>([...ARTICLE_NAMES, ...HIGHLIGHT_NAMES]);

function frontMatterOf(article: ArticleRecord): string {
  const fields: { [key: string]: YamlValue } = { title: article.title };
  if (article.kicker) fields.kicker = article.kicker;
  if (article.subtitle) fields.subtitle = article.subtitle;
  if (article.authors.length) fields.authors = article.authors.map((p): YamlValue => (p.role ? { name: p.name, role: p.role } : { name: p.name }));
  if (article.siteName) fields.site = article.siteName;
  if (article.section) fields.section = article.section;
  if (article.publishedDate) fields.published = article.publishedDate;
  fields.url = article.url;
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

function highlightContext(h: HighlightRecord, article: ArticleRecord, index: number, colors?: Readonly<Record<string, string>>): TemplateContext {
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
  };
}

export function articleContext({ article, highlights }: ArticleBundle, options: MarkdownContextOptions = {}): TemplateContext {
  const labels = { ...DEFAULT_LABELS, ...options.labels };
  const { anchored, orphans } = inReadingOrder(highlights);
  return {
    frontmatter: options.frontMatter === false ? '' : frontMatterOf(article),
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
    citation: citationLine(article, labels),
    count: highlights.length,
    highlights: anchored.map((h, i) => highlightContext(h, article, i, options.colorNames)),
    orphans: orphans.map((h, i) => highlightContext(h, article, anchored.length + i, options.colorNames)),
    hasOrphans: orphans.length > 0,
    orphansHeading: escapeInline(labels.orphansHeading),
  };
}
