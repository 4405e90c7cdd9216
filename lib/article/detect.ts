/** Article-structure detection on a live (or parsed) Document. Never throws. */
import { bestContainer, scanWithExemptions, type Scan } from './blocks';
import { pageContext, readEdition, urlDate } from './context';
import { readMetadata, siteFromTitle } from './metadata';
import { findStories } from './multi';
import { readingConfidence } from './confidence';
import { secondOpinion } from './fallback';
import { findPrintedTitle, singleRegion, titleMatch } from './single';
import { buildArticle, cleanMetaAuthor } from './story';
import { cleanText, foldTitle, hashKey } from './text';
import type { DetectOptions, DetectedArticle, NonArticle, PageStructure } from './types';

const NONE: PageStructure = { pageKind: 'none', confidence: 1, articles: [], nonArticles: [] };
const MIN_ARTICLE_GOOD = 100;
/** Below this a reading asks for a second opinion, which must beat it by MARGIN (or reach MIN_FALLBACK on an empty page). */
const WEAK = 0.5;
const MARGIN = 0.1;
const MIN_FALLBACK = 0.5;
const SMALL_SHARE = 0.4;

function textStartOf(element: Element): string {
  return cleanText((element.textContent ?? '').slice(0, 200)).slice(0, 40);
}

function chromeEntries(scan: Scan, taken: Element[]): NonArticle[] {
  const out: NonArticle[] = [];
  for (const element of scan.chrome) {
    if (taken.some((root) => root.contains(element) || element.contains(root))) continue;
    const textStart = textStartOf(element);
    if (!textStart) continue;
    const ad = /(?:^|[-_\s])(ads?|advert\w*|banner|sponsor\w*)(?:[-_\s]|$)/i.test(`${element.getAttribute('class') ?? ''} ${element.id}`);
    out.push({ kind: ad ? 'ad' : 'nav', element, textStart });
  }
  return out;
}

export function detectPageUnsafe(doc: Document, options: DetectOptions = {}): PageStructure {
  const body = options.root ?? doc.body;
  if (!body || body.tagName === 'FRAMESET') return NONE;
  const url = options.url ?? doc.URL ?? '';
  const meta = readMetadata(doc);
  const scan = scanWithExemptions(body);
  const headText = scan.blocks.slice(0, 400).map((block) => block.text).join('\n');
  const edition = readEdition(doc, url, meta, headText);
  const context = pageContext(meta, edition, url, headText, options.now);

  const container = bestContainer(scan);
  const matchTitles = meta.documentTitle ? [...meta.titles, meta.documentTitle] : meta.titles;
  const printedTitle = container ? findPrintedTitle(scan, container, meta.titles, meta.documentTitle) : null;
  // Sections of one article look like stories; a printed title matching the metadata, above them, says otherwise.
  const metaSaysOne = meta.isArticle && !meta.isLiveBlog && !meta.founder;
  const oneTitle = !!printedTitle && titleMatch(printedTitle, matchTitles) >= 2;
  const multi = findStories(scan);
  const titleAboveStories = oneTitle && !multi?.stories.some((story) => printedTitle && story.root.contains(printedTitle.element));
  if (multi && !metaSaysOne && !titleAboveStories) {
    const articles: DetectedArticle[] = [];
    const nonArticles: NonArticle[] = [];
    for (const story of multi.stories) {
      if (story.kind === 'article') {
        const title = story.titleBlock ? cleanText(story.titleBlock.text) : '';
        articles.push(buildArticle(story, context, hashKey(foldTitle(title) || String(articles.length))));
      } else {
        const first = story.kind === 'caption' ? story.bodyBlocks[0]?.text ?? story.root.textContent ?? '' : story.root.textContent ?? '';
        nonArticles.push({ kind: story.kind, element: story.root, textStart: cleanText(first).slice(0, 40) });
      }
    }
    for (const element of multi.chrome) nonArticles.push({ kind: 'nav', element, textStart: textStartOf(element) });
    nonArticles.push(...chromeEntries(scan, articles.map((article) => article.root)));
    // Real stories carry their own credit (byline, dateline); sections and teasers of one page do not.
    // A name from the page's metadata is given to every story, so it credits none of them.
    const pageNames = new Set(context.metaAuthors.map((raw) => cleanMetaAuthor(raw)?.toLowerCase()));
    const ownCredit = (article: DetectedArticle) => article.dateline || article.bylineText || article.authors.some((credit) => !pageNames.has(credit.name.toLowerCase()));
    const credited = articles.filter(ownCredit).length;
    if (articles.length >= 2 && credited >= 2) return { pageKind: 'multi-article', confidence: readingConfidence(scan, body, articles, false), articles, nonArticles, ...(edition ? { edition } : {}) };
  }

  const good = container ? scan.tallies.get(container)?.good ?? 0 : 0;
  const metaAgrees = meta.isArticle || oneTitle;
  const readSingle = (element: Element): DetectedArticle | null => {
    const region = singleRegion(scan, element, meta.titles, meta.documentTitle);
    // The printed title tells which end of "Title - Site" is the site's name.
    if (!edition?.paper && !meta.siteName) context.siteName = siteFromTitle(meta.documentTitle, region.title ? [region.title, ...meta.titles] : meta.titles);
    if (!context.publishedDate) context.publishedDate = urlDate(url);
    const article = buildArticle(region, context, '0');
    return article.paragraphs.length ? article : null;
  };
  let article = container && good > 0 && (good >= MIN_ARTICLE_GOOD || meta.isArticle) ? readSingle(container) : null;
  let confidence = article ? readingConfidence(scan, body, [article], metaAgrees) : 0;
  let rejected = 0;
  // A weak or empty reading gets a second opinion; the more confident of the two is kept.
  // So does a reading holding little of the page's prose (one section of a wiki article, a notice).
  const small = good < SMALL_SHARE * (scan.tallies.get(body)?.good ?? 0);
  const other = confidence < WEAK || small ? secondOpinion(scan) : null;
  if (other && other !== container) {
    const alternative = readSingle(other);
    const altConfidence = alternative ? readingConfidence(scan, body, [alternative], metaAgrees) : 0;
    if (altConfidence >= (article ? confidence + MARGIN : MIN_FALLBACK)) [article, confidence] = [alternative, altConfidence];
    else rejected = altConfidence;
  }
  if (!article) {
    // Sure of 'none' only when no reading came close and the page holds little prose.
    const doubt = Math.max(rejected, 0.5 * Math.min(1, good / 1000));
    return { ...NONE, confidence: Math.round((1 - doubt) * 100) / 100, nonArticles: chromeEntries(scan, []) };
  }
  return {
    pageKind: 'single-article',
    confidence,
    articles: [article],
    nonArticles: chromeEntries(scan, [article.root]),
    ...(edition ? { edition } : {}),
  };
}
