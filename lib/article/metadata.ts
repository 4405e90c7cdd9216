/** Page metadata from JSON-LD, microdata, meta tags and Founder e-paper tags, in order of trust. */
import { parseMachineDate } from './dates';
import { cleanText } from './text';

export interface PageMetadata {
  titles: string[];
  /** The document <title>, which often carries a site suffix. */
  documentTitle: string | null;
  subtitle: string | null;
  authors: string[];
  publishedDate: string | null;
  modifiedDate: string | null;
  siteName: string | null;
  section: string | null;
  lang: string | null;
  description: string | null;
  source: string | null;
  isArticle: boolean;
  /** A live blog: many dated entries on one page, each its own story. */
  isLiveBlog: boolean;
  /** Founder e-paper markers were found. */
  founder: boolean;
}

const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|TechArticle|Report|ScholarlyArticle|SocialMediaPosting)$/;

type Json = Record<string, unknown>;

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return cleanText(value) || null;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && 'name' in value) return text((value as Json).name);
  if (Array.isArray(value)) return text(value[0]);
  return null;
}

function namesOf(value: unknown): string[] {
  return asArray(value)
    .map((item) => (typeof item === 'string' ? cleanText(item) : text((item as Json)?.name)))
    .filter((name): name is string => !!name && name.length < 80);
}

function typesOf(node: Json): string[] {
  return asArray(node['@type']).map((type) => String(type).replace(/^https?:\/\/schema\.org\//, ''));
}

/** Flattens JSON-LD: arrays, @graph, nested mainEntity. Never throws on malformed input. */
export function jsonLdArticles(sources: string[]): Json[] {
  const found: Json[] = [];
  const visit = (node: unknown, depth: number) => {
    if (depth > 6 || found.length > 20) return;
    if (Array.isArray(node)) return node.forEach((item) => visit(item, depth + 1));
    if (!node || typeof node !== 'object') return;
    const object = node as Json;
    if (typesOf(object).some((type) => ARTICLE_TYPES.test(type))) found.push(object);
    if (object['@graph']) visit(object['@graph'], depth + 1);
    if (object.mainEntity) visit(object.mainEntity, depth + 1);
  };
  for (const source of sources) {
    try {
      visit(JSON.parse(source.replace(/^\s*<!--|-->\s*$/g, '')), 0);
    } catch {
      // Malformed JSON-LD is common; ignore it.
    }
  }
  return found;
}

/** Reads `<tag>value</tag>` fields from a Founder `<!--enpproperty …-->` comment. */
export function parseEnpProperty(comment: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of comment.matchAll(/<(\w+)>([^<]*)<\/\1>/g)) fields[match[1]!.toLowerCase()] = match[2]!.trim();
  return fields;
}

/** Meta tags by lower-cased name/property/itemprop. First value wins. */
export function metaMap(doc: Document): Map<string, string> {
  const map = new Map<string, string>();
  for (const meta of Array.from(doc.querySelectorAll('meta')).slice(0, 400)) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? meta.getAttribute('http-equiv'))?.toLowerCase().trim();
    const value = meta.getAttribute('content');
    if (key && value && !map.has(key)) map.set(key, value.trim());
  }
  return map;
}

function firstOf(meta: Map<string, string>, keys: string[]): string | null {
  for (const key of keys) {
    const value = meta.get(key);
    if (value && cleanText(value)) return cleanText(value);
  }
  return null;
}

function findEnpComment(doc: Document): string | null {
  const body = doc.body;
  if (!body || !doc.createTreeWalker) return null;
  const walker = doc.createTreeWalker(body, 128 /* SHOW_COMMENT */);
  for (let count = 0; count < 200; count++) {
    const node = walker.nextNode();
    if (!node) return null;
    if (node.nodeValue?.includes('enpproperty')) return node.nodeValue;
  }
  return null;
}

function microdataArticle(doc: Document): Element | null {
  for (const element of Array.from(doc.querySelectorAll('[itemscope][itemtype]')).slice(0, 50)) {
    const type = element.getAttribute('itemtype') ?? '';
    if (/schema\.org\/(\w*Article|BlogPosting|Report)\b/.test(type)) return element;
  }
  return null;
}

function itemprop(scope: Element, name: string): string | null {
  const element = scope.querySelector(`[itemprop~="${name}"]`);
  if (!element) return null;
  const value = element.getAttribute('content') ?? element.getAttribute('datetime') ?? element.textContent;
  return value ? cleanText(value) || null : null;
}

export function readMetadata(doc: Document): PageMetadata {
  const meta = metaMap(doc);
  const ld = jsonLdArticles(Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).slice(0, 20).map((script) => script.textContent ?? ''));
  const article = ld[0] ?? null;
  const micro = microdataArticle(doc);
  const founderTitle = doc.querySelector('founder-title')?.textContent;
  const founderAuthor = doc.querySelector('founder-author')?.textContent;
  const founderDate = doc.querySelector('founder-date')?.textContent;
  const enp = findEnpComment(doc);
  const enpFields = enp ? parseEnpProperty(enp) : {};
  const titles = [
    text(article?.headline), text(article?.name), micro ? itemprop(micro, 'headline') : null,
    founderTitle ? cleanText(founderTitle) : null, enpFields.title || null,
    firstOf(meta, ['og:title', 'twitter:title', 'citation_title', 'dc.title', 'dcterms.title', 'parsely-title', 'sailthru.title', 'title']),
  ].filter((value): value is string => !!value);
  const authors = [
    ...namesOf(article?.author), ...(micro ? [itemprop(micro, 'author')].filter((v): v is string => !!v) : []),
    ...(founderAuthor ? cleanText(founderAuthor).split(/[\s、，,]+/) : []),
    ...[firstOf(meta, ['author', 'article:author', 'citation_author', 'dc.creator', 'dcterms.creator', 'parsely-author', 'sailthru.author', 'byl'])]
      .filter((value): value is string => !!value && !/^https?:/.test(value)),
  ].filter(Boolean);
  const date = (values: (string | null | undefined)[]) => {
    for (const value of values) {
      const parsed = value ? parseMachineDate(value) : null;
      if (parsed) return parsed;
    }
    return null;
  };
  return {
    titles,
    documentTitle: cleanText(doc.title ?? '') || null,
    subtitle: text(article?.alternativeHeadline) ?? (enpFields.subtitle || null),
    authors: [...new Set(authors)],
    publishedDate: date([
      text(article?.datePublished), micro ? itemprop(micro, 'datePublished') : null, founderDate,
      firstOf(meta, ['article:published_time', 'og:published_time', 'citation_publication_date', 'citation_date', 'dc.date',
        'dcterms.created', 'dc.date.issued', 'parsely-pub-date', 'sailthru.date', 'pubdate', 'publishdate', 'publish-date',
        'publish_date', 'date', 'article.published', 'datepublished']),
    ]),
    modifiedDate: date([text(article?.dateModified), firstOf(meta, ['article:modified_time', 'og:updated_time', 'dcterms.modified', 'lastmod'])]),
    siteName: firstOf(meta, ['og:site_name', 'application-name', 'publisher']) ?? text((article?.publisher as Json | undefined)?.name),
    section: text(article?.articleSection) ?? firstOf(meta, ['article:section', 'parsely-section', 'section']) ?? (enpFields.nodesearchname || null),
    lang: text(article?.inLanguage) ?? (doc.documentElement?.getAttribute('lang') || null) ?? firstOf(meta, ['content-language', 'og:locale', 'dc.language']),
    description: firstOf(meta, ['og:description', 'description', 'twitter:description']) ?? text(article?.description),
    source: firstOf(meta, ['source', 'citation_journal_title']),
    isArticle: !!article || !!micro || /article/i.test(meta.get('og:type') ?? '') || !!founderTitle,
    isLiveBlog: ld.some((node) => typesOf(node).includes('LiveBlogPosting')),
    founder: !!founderTitle || !!enp,
  };
}
