/**
 * Several stories on one page: an e-paper 版面 text section, a live blog, a teaser homepage.
 * Looks for sibling blocks of one template, each with its own heading above its own prose.
 */
import { blocksWithin, type Block, type Scan } from './blocks';
import { parseBylineLine } from './byline';
import { headingHint, headingLevel, headingRank, isMetaLine } from './lines';
import type { Region } from './story';
import { cleanText, isProse } from './text';
import type { NonArticleKind } from './types';

export interface StoryRegion extends Region {
  kind: 'article' | Exclude<NonArticleKind, 'nav'>;
}

export interface MultiResult {
  container: Element;
  stories: StoryRegion[];
  /** Siblings outside the template (mastheads, labels) that read as page chrome. */
  chrome: Element[];
}

function signature(element: Element): string {
  const firstClass = (element.getAttribute('class') ?? '').trim().split(/\s+/)[0] ?? '';
  return `${element.tagName}.${firstClass}`;
}

/** Body prose: long, or a finished sentence (a kicker has commas but no full stop). */
function isBodyBlock(block: Block): boolean {
  if (block.junk || /^H[1-6]$/.test(block.element.tagName) || parseBylineLine(block.text)) return false;
  return block.weight >= 200 || (block.weight >= 60 && /[。！？.!?]["”’」』)）]?$/.test(block.text));
}

const regionCache = new WeakMap<Scan, Map<Element, StoryRegion | null>>();

/** Splits a story block into kicker / title / subtitle / header lines / body, by heading rank. */
export function storyRegion(scan: Scan, element: Element): StoryRegion | null {
  let cache = regionCache.get(scan);
  if (!cache) regionCache.set(scan, (cache = new Map()));
  if (cache.has(element)) return cache.get(element)!;
  const region = computeStoryRegion(scan, element);
  cache.set(element, region);
  return region;
}

function computeStoryRegion(scan: Scan, element: Element): StoryRegion | null {
  const blocks = blocksWithin(scan, element).filter((block) => !block.junk);
  const bodyAt = blocks.findIndex(isBodyBlock);
  const header = bodyAt < 0 ? blocks : blocks.slice(0, bodyAt);
  const body = bodyAt < 0 ? [] : blocks.slice(bodyAt);
  const bodyRank = () => (body[0] ? headingRank(body[0]) : 14);
  let titleAt = -1;
  let titleRank = 0;
  const eligible = header.map((block, index) => ({ block, index })).filter(({ block }) => block.weight <= 300 && !isMetaLine(block.text) && !parseBylineLine(block.text));
  // One heading marked up as such decides without asking layout (cheap on pages with hundreds of stories).
  const marked = eligible.filter(({ block }) => headingLevel(block.element) > 0 || headingHint(block.element) === 'title');
  if (marked.length === 1) {
    titleAt = marked[0]!.index;
    titleRank = Infinity;
  } else {
    for (const { block, index } of eligible) {
      const rank = headingRank(block);
      if (rank > titleRank) {
        titleRank = rank;
        titleAt = index;
      }
    }
  }
  if (titleAt < 0 || titleRank <= bodyRank()) return { root: element, titleBlock: null, kickerBlocks: [], subtitleBlock: null, headerBlocks: header, bodyBlocks: body, kind: 'caption' };
  const titleBlock = header[titleAt]!;
  // No prose at all (an ad, a notice of short lines): everything under the title is its body.
  const after = bodyAt < 0 ? [] : header.slice(titleAt + 1);
  if (bodyAt < 0) body.push(...header.slice(titleAt + 1));
  const subtitleAt = after.findIndex((block) => !parseBylineLine(block.text) && !isMetaLine(block.text));
  return {
    root: element,
    titleBlock,
    kickerBlocks: header.slice(0, titleAt),
    subtitleBlock: subtitleAt >= 0 ? after[subtitleAt]! : null,
    headerBlocks: after.filter((_, index) => index !== subtitleAt),
    bodyBlocks: body,
    kind: 'article',
  };
}

const NOTICE_TITLE = /(公告|通告|启事|公示|声明|通知|讣告|告知书|notice)$/i;
const AD_WORDS = /广告|零售价|有限公司|热线|优惠|促销|特价|LIMITED|元\s*\/\s*[瓶盒件]/i;

function classify(region: StoryRegion): StoryRegion['kind'] {
  const title = region.titleBlock ? cleanText(region.titleBlock.text) : '';
  if (/^(图片新闻|图片|新闻图片|photo)$/i.test(title) || !region.titleBlock) return 'caption';
  if (NOTICE_TITLE.test(title)) return 'notice';
  const prose = region.bodyBlocks.filter((block) => isProse(block.text) && /[。！？.!?]/.test(block.text));
  if (!prose.length && region.bodyBlocks.some((block) => AD_WORDS.test(block.text))) return 'ad';
  if (!prose.length) return region.bodyBlocks.length ? 'ad' : 'caption';
  return 'article';
}

const MASTHEAD = /主管|主办|出版|统一连续出版物号|国内统一刊号|邮发代号/;

/** Finds a parent with at least two sibling stories of one template. */
export function findStories(scan: Scan): MultiResult | null {
  const candidates = new Map<Element, Element[]>();
  for (const [element, tally] of scan.tallies) {
    if (tally.good < 150 || !element.parentElement) continue;
    const parent = element.parentElement;
    const list = candidates.get(parent);
    if (list) list.push(element);
    else candidates.set(parent, [element]);
  }
  let best: MultiResult | null = null;
  let bestGood = 0;
  for (const [parent, children] of candidates) {
    if (children.length < 2) continue;
    const bySignature = new Map<string, Element[]>();
    for (const child of children) {
      const key = signature(child);
      const group = bySignature.get(key);
      if (group) group.push(child);
      else bySignature.set(key, [child]);
    }
    for (const [key, group] of bySignature) {
      if (group.length < 2) continue;
      const regions = group.map((child) => storyRegion(scan, child)).filter((region): region is StoryRegion => !!region && !!region.titleBlock);
      const articles = regions.filter((region) => classify(region) === 'article');
      if (articles.length < 2) continue;
      const good = articles.reduce((sum, region) => sum + (scan.tallies.get(region.root)?.good ?? 0), 0);
      if (good <= bestGood) continue;
      bestGood = good;
      const stories: StoryRegion[] = [];
      const chrome: Element[] = [];
      for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
        if (signature(child) === key) {
          const region = storyRegion(scan, child);
          if (region) stories.push({ ...region, kind: region.titleBlock ? classify(region) : 'caption' });
        } else if (MASTHEAD.test(child.textContent?.slice(0, 400) ?? '')) chrome.push(child);
      }
      best = { container: parent, stories, chrome };
    }
  }
  return best;
}
