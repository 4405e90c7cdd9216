/** Page metadata from JSON-LD, microdata, meta tags and Founder e-paper tags, in order of trust. */
import { parseMachineDate } from './dates';
import { cleanText, foldTitle } from './text';

export interface PageMetadata {
  titles: string[];
  /** The document <title>, which often carries a site suffix. */
  documentTitle: string | null;
  subtitle: string | null;
  authors: string[];
  publishedDate: string | null;
  modifiedDate: string | null;
  siteName: string | null;
  /** The site part of the document <title> ("标题_新闻中心_新浪网" → 新浪网), for pages whose metadata names none. */
  titleSite: string | null;
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

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ' };

/** Entities left in metadata values ("Thermen- &#038; Vulkanland", double-encoded by many CMSs). */
export function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(?:#(\d{1,7})|#x([\da-f]{1,6})|(amp|quot|apos|lt|gt|nbsp));/gi, (whole, dec, hex, name) => {
    const code = dec ? Number(dec) : hex ? parseInt(hex, 16) : -1;
    if (code >= 0) return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    return ENTITIES[String(name).toLowerCase()] ?? whole;
  });
}

const clean = (value: string) => cleanText(decodeEntities(value));

function text(value: unknown): string | null {
  if (typeof value === 'string') return clean(value) || null;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && 'name' in value) return text((value as Json).name);
  if (Array.isArray(value)) return text(value[0]);
  return null;
}

function namesOf(value: unknown): string[] {
  return asArray(value)
    .map((item) => (typeof item === 'string' ? clean(item) : text((item as Json)?.name)))
    .filter((name): name is string => !!name && name.length < 80);
}

function typesOf(node: Json): string[] {
  return asArray(node['@type']).map((type) => String(type).replace(/^https?:\/\/schema\.org\//, ''));
}

/** Every JSON-LD node, flattened: arrays, @graph, nested mainEntity. Never throws on malformed input. */
export function jsonLdNodes(sources: string[]): Json[] {
  const found: Json[] = [];
  const visit = (node: unknown, depth: number) => {
    if (depth > 6 || found.length > 80) return;
    if (Array.isArray(node)) return node.forEach((item) => visit(item, depth + 1));
    if (!node || typeof node !== 'object') return;
    const object = node as Json;
    found.push(object);
    if (object['@graph']) visit(object['@graph'], depth + 1);
    if (object.mainEntity) visit(object.mainEntity, depth + 1);
  };
  for (const source of sources) {
    try {
      // XHTML-era pages wrap the JSON in <!-- --> or (//)<![CDATA[ ]]>.
      visit(JSON.parse(source.replace(/^\s*(?:\/\/\s*)?(?:<!--|<!\[CDATA\[)|(?:\/\/\s*)?(?:-->|\]\]>)\s*$/g, '')), 0);
    } catch {
      // Malformed JSON-LD is common; ignore it.
    }
  }
  return found;
}

/** The article nodes among the page's JSON-LD nodes, in document order. */
export function jsonLdArticles(nodes: Json[]): Json[] {
  return nodes.filter((node) => typesOf(node).some((type) => ARTICLE_TYPES.test(type))).slice(0, 20);
}

/** The publisher's name; `{"@id": …}` references are looked up in the page's other nodes (Yoast-style @graph). */
function publisherName(article: Json | null, nodes: Json[]): string | null {
  for (const item of asArray(article?.publisher)) {
    const id = item && typeof item === 'object' && !('name' in item) ? (item as Json)['@id'] : undefined;
    const node = id ? nodes.find((other) => other['@id'] === id && 'name' in other) : item;
    const name = text(node);
    if (name && name.length < 80) return name;
  }
  return null;
}

/** Splits a document <title> at site separators; a bare "-" counts only between CJK text ("标题-新浪网"). */
const TITLE_SEPARATOR = /\s+[|–—\-»·:]{1,2}\s+|\s*(?:[_|｜»]|--)\s*|(?<=[\u3400-\u9fff”」』》）])-(?=[\u3400-\u9fff“「『《（])/;
/** Folded for comparison without punctuation: "Dropbox’s ATF - x" ≈ "Dropbox's ATF: x". */
export const looseTitle = (value: string) => foldTitle(value).replace(/[\p{P}\p{S}]/gu, '');

/** The parts of a document <title> between site separators (fewer than two: none). */
export function titleParts(documentTitle: string | null): string[] {
  const parts = (documentTitle ?? '').split(TITLE_SEPARATOR).map((part) => part.trim()).filter(Boolean);
  return parts.length >= 2 ? parts : [];
}

/**
 * The site name in a document <title>: the end part away from the title. The title part is the
 * leading or trailing run of parts equal to a known title, else the title comes first unless the
 * last part is twice as long ("Blog » Archive » A much longer post title").
 */
export function siteFromTitle(documentTitle: string | null, titles: string[]): string | null {
  const parts = titleParts(documentTitle);
  if (!parts.length) return null;
  const known = new Set(titles.map(looseTitle).filter(Boolean));
  let titleFirst: boolean | null = null;
  for (let count = parts.length - 1; count >= 1 && titleFirst === null; count--) {
    if (known.has(looseTitle(parts.slice(0, count).join('')))) titleFirst = true;
    else if (known.has(looseTitle(parts.slice(parts.length - count).join('')))) titleFirst = false;
  }
  const guessed = titleFirst === null;
  titleFirst ??= parts[parts.length - 1]!.length < parts[0]!.length * 2;
  const site = titleFirst ? parts[parts.length - 1]! : parts[0]!;
  // Without a known title, "A - B" may be a title and its subtitle: only a short name passes.
  if (guessed && (site.split(/\s+/).length > 3 || site.length > 24)) return null;
  // A site name is a short name, not a sentence or a page number.
  const words = site.split(/\s+/).length;
  if (site.length > 40 || words > 6 || /[!?。！？]$|^\d+$|^(?:page|seite|página|pagina)\s*\d+$|^第?\s*\d+\s*页$/i.test(site) || (words > 4 && site.endsWith('.')) || known.has(looseTitle(site))) return null;
  return site;
}

/** "About Us - Shabka" → "About Us" when Shabka is the site's name. */
export function withoutSite(title: string, site: string | null): string {
  if (!site) return title;
  const parts = titleParts(title);
  const name = looseTitle(site);
  if (parts.length < 2 || !name) return title;
  if (looseTitle(parts[parts.length - 1]!) === name) return title.slice(0, title.lastIndexOf(parts[parts.length - 1]!)).replace(/[\s|–—\-»·:_｜]+$/, '') || title;
  if (looseTitle(parts[0]!) === name) return title.slice(parts[0]!.length).replace(/^[\s|–—\-»·:_｜]+/, '') || title;
  return title;
}

/** Reads `<tag>value</tag>` fields from a Founder `<!--enpproperty …-->` comment. */
export function parseEnpProperty(comment: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of comment.matchAll(/<(\w+)>([^<]*)<\/\1>/g)) fields[match[1]!.toLowerCase()] = match[2]!.trim();
  return fields;
}

/** Meta tags by lower-cased name/property/itemprop. First value wins. */
function metaMap(metas: Element[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const meta of metas.slice(0, 400)) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? meta.getAttribute('http-equiv'))?.toLowerCase().trim();
    const value = meta.getAttribute('content');
    if (key && value && !map.has(key)) map.set(key, value.trim());
  }
  return map;
}

function firstOf(meta: Map<string, string>, keys: string[]): string | null {
  for (const key of keys) {
    const value = meta.get(key);
    if (value && clean(value)) return clean(value);
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

function microdataArticle(scopes: Element[]): Element | null {
  for (const element of scopes.slice(0, 50)) {
    const type = element.getAttribute('itemtype') ?? '';
    if (/schema\.org\/(\w*Article|BlogPosting|Report)\b/.test(type)) return element;
  }
  return null;
}

function itemprop(scope: Element, name: string, inner = ''): string | null {
  const element = scope.querySelector(`[itemprop~="${name}"] ${inner}`);
  if (!element) return null;
  const value = element.getAttribute('content') ?? element.getAttribute('datetime') ?? element.textContent;
  return value ? cleanText(value) || null : null;
}

/** The elements metadata is read from, in one document walk (each query of its own walks the whole page). */
function metadataElements(doc: Document) {
  const found = { metas: [] as Element[], scripts: [] as Element[], scopes: [] as Element[], founder: new Map<string, string | null>() };
  for (const element of Array.from(doc.querySelectorAll('meta, script[type="application/ld+json"], [itemscope][itemtype], founder-title, founder-author, founder-date'))) {
    const tag = element.tagName.toLowerCase();
    if (tag === 'meta') found.metas.push(element);
    else if (tag === 'script') found.scripts.push(element);
    else if (tag.startsWith('founder-')) {
      if (!found.founder.has(tag)) found.founder.set(tag, element.textContent);
    }
    if (element.hasAttribute('itemscope') && element.hasAttribute('itemtype')) found.scopes.push(element);
  }
  return found;
}

export function readMetadata(doc: Document): PageMetadata {
  const { metas, scripts, scopes, founder } = metadataElements(doc);
  const meta = metaMap(metas);
  const nodes = jsonLdNodes(scripts.slice(0, 20).map((script) => script.textContent ?? ''));
  const ld = jsonLdArticles(nodes);
  const article = ld[0] ?? null;
  const micro = microdataArticle(scopes);
  const founderTitle = founder.get('founder-title');
  const founderAuthor = founder.get('founder-author');
  const founderDate = founder.get('founder-date');
  const enp = findEnpComment(doc);
  const enpFields = enp ? parseEnpProperty(enp) : {};
  const rawTitles = [
    text(article?.headline), text(article?.name), micro ? itemprop(micro, 'headline') : null,
    founderTitle ? cleanText(founderTitle) : null, enpFields.title || null,
    firstOf(meta, ['og:title', 'twitter:title', 'citation_title', 'dc.title', 'dcterms.title', 'parsely-title', 'sailthru.title', 'title']),
  ].filter((value): value is string => !!value);
  const documentTitle = cleanText(doc.title ?? '') || null;
  const siteName = publisherName(article, nodes) ?? firstOf(meta, ['og:site_name', 'application-name', 'publisher', 'dc.publisher', 'dcterms.publisher'])
    ?? (micro ? itemprop(micro, 'publisher', '[itemprop~="name"]') : null) ?? text(nodes.find((node) => typesOf(node).includes('WebSite'))?.name);
  const titleSite = siteFromTitle(documentTitle, rawTitles);
  // Metadata titles often repeat the site's name ("About Us - Shabka"); the printed title does not.
  const names = [siteName, firstOf(meta, ['og:site_name'])];
  const titles = [...new Set(rawTitles.map((title) => names.reduce((out: string, name) => withoutSite(out, name), title)))];
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
    documentTitle,
    subtitle: text(article?.alternativeHeadline) ?? (enpFields.subtitle || null),
    authors: [...new Set(authors)],
    publishedDate: date([
      text(article?.datePublished), micro ? itemprop(micro, 'datePublished') : null, founderDate,
      firstOf(meta, ['article:published_time', 'og:published_time', 'citation_publication_date', 'citation_date', 'dc.date',
        'dcterms.created', 'dc.date.issued', 'parsely-pub-date', 'sailthru.date', 'pubdate', 'publishdate', 'publish-date',
        'publish_date', 'date', 'article.published', 'datepublished']),
    ]),
    modifiedDate: date([text(article?.dateModified), firstOf(meta, ['article:modified_time', 'og:updated_time', 'dcterms.modified', 'lastmod'])]),
    siteName,
    titleSite,
    section: text(article?.articleSection) ?? firstOf(meta, ['article:section', 'parsely-section', 'section']) ?? (enpFields.nodesearchname || null),
    lang: text(article?.inLanguage) ?? (doc.documentElement?.getAttribute('lang') || null) ?? firstOf(meta, ['content-language', 'og:locale', 'dc.language']),
    description: firstOf(meta, ['og:description', 'description', 'twitter:description']) ?? text(article?.description),
    source: firstOf(meta, ['source', 'citation_journal_title']),
    isArticle: !!article || !!micro || /article/i.test(meta.get('og:type') ?? '') || !!founderTitle,
    isLiveBlog: ld.some((node) => typesOf(node).includes('LiveBlogPosting')),
    founder: !!founderTitle || !!enp,
  };
}
