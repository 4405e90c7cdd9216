/**
 * Test data built at test time from the shared read-only fixtures: the news-zh
 * ground truth (real Chinese metadata) and the Guardian page of the Readability
 * corpus. Highlights are made on real paragraphs, with hostile notes and tags.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ArticleRecord, HighlightRecord, Person, VersionRecord } from '@/lib/model/records';
import { patchFrom, seenText } from '@/lib/versions';
import type { ArticleBundle } from '@/lib/transfer/export/types';
import { urlKey } from '@/lib/url/normalize';

export const SHARED = resolve(__dirname, '../../../../shared');
const NEWS_ZH = join(SHARED, 'fixtures/news-zh');
const CLIPPED_AT = Date.UTC(2026, 10, 20, 8, 30);

interface ExpectedArticle {
  kicker: string | null;
  title: string;
  subtitle: string | null;
  authors: Person[];
  editors: Person[];
  publishedDate: string | null;
  section: string | null;
  page: string | null;
  source: string | null;
  paragraphs: string[];
}

function readExpected(name: string): { url: string; articles: ExpectedArticle[] } {
  return JSON.parse(readFileSync(join(NEWS_ZH, `${name}.expected.json`), 'utf8'));
}

function article(id: string, url: string, fields: Partial<ArticleRecord> & { title: string; text: string }): ArticleRecord {
  return {
    id, urlKey: urlKey(url)!, storyKey: '0', url,
    kicker: null, subtitle: null, authors: [], editors: [], siteName: null, section: null, publishedDate: null,
    lang: null, tags: [], userEdited: [], createdAt: CLIPPED_AT, updatedAt: CLIPPED_AT, ...fields,
  };
}

/** A highlight on the n-th occurrence-free substring of the article's text. */
export function highlightOn(a: ArticleRecord, id: string, exact: string, extra: Partial<HighlightRecord> = {}): HighlightRecord {
  const start = a.text.indexOf(exact);
  if (start < 0) throw new Error(`"${exact}" is not in ${a.title}`);
  const end = start + exact.length;
  const at = CLIPPED_AT + Number(id.replace(/\D/g, '') || 0) * 60_000;
  return {
    id, articleId: a.id, urlKey: a.urlKey,
    selectors: {
      quote: { type: 'TextQuoteSelector', exact, prefix: a.text.slice(Math.max(0, start - 32), start), suffix: a.text.slice(end, end + 32) },
      position: { type: 'TextPositionSelector', start, end },
      pagePosition: { type: 'TextPositionSelector', start: start + 1000, end: end + 1000 },
    },
    color: 'yellow', note: '', tags: [], status: 'anchored', currentText: null, createdAt: at, updatedAt: at, ...extra,
  };
}

/** The lead story of 衡阳日报 2022-09-05 (kicker, three credited authors, no subtitle). */
export function leadStory(): ArticleBundle {
  const { url, articles } = readExpected('02-founder-article-lead');
  const x = articles[0]!;
  const a = article('art-zh-lead', url, {
    title: x.title, kicker: x.kicker, subtitle: x.subtitle, authors: x.authors, editors: x.editors,
    siteName: x.source, section: x.section, page: x.page!, publishedDate: x.publishedDate, lang: 'zh-CN',
    text: x.paragraphs.join('\n\n'), tags: ['基层治理', '信访 工作'],
  });
  const p0 = x.paragraphs[0]!;
  const p2 = x.paragraphs[2]!;
  const highlights = [
    // Created first but later in the text: the export must sort by position.
    highlightOn(a, 'h-zh-3', p2.slice(0, 40), { color: 'blue', note: '为什么是“屋场”？ #基层治理 见 [[信访制度]]', tags: ['基层治理'] }),
    highlightOn(a, 'h-zh-1', p0.slice(0, 60), { color: 'yellow', note: '**注意**: <b>不是</b>粗体', tags: ['信访 工作', '2022'] }),
    highlightOn(a, 'h-zh-2', `${p0.slice(-20)}\n\n${x.paragraphs[1]!.slice(0, 20)}`, { color: 'green' }),
    highlightOn(a, 'h-zh-4', x.paragraphs[3]!.slice(5, 30), { color: 'pink', status: 'orphan', note: '原文已改' }),
  ];
  return { article: a, highlights };
}

/** The 石鼓区 portal story: subtitle, date-time with offset, editors. */
export function portalStory(): ArticleBundle {
  const { url, articles } = readExpected('03-portal-article-shigu');
  const x = articles[0]!;
  const a = article('art-zh-portal', url, {
    title: x.title, kicker: x.kicker, subtitle: x.subtitle, authors: x.authors, editors: x.editors,
    siteName: x.source, section: x.section, publishedDate: x.publishedDate, lang: 'zh-CN', text: x.paragraphs.join('\n\n'),
  });
  return { article: a, highlights: [highlightOn(a, 'h-zh-5', x.paragraphs[1]!.slice(0, 150), { color: 'purple', tags: ['政务'] })] };
}

function guardianParagraphs(): string[] {
  const html = readFileSync(join(SHARED, 'corpus/readability/guardian-1/expected.html'), 'utf8');
  return [...html.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)]
    .map((m) => m[1]!.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** The Guardian's whale-stranding story (title with quotes, colon and `|`). */
export function guardianStory(): ArticleBundle {
  const meta = JSON.parse(readFileSync(join(SHARED, 'corpus/readability/guardian-1/expected-metadata.json'), 'utf8'));
  const paragraphs = guardianParagraphs();
  const a = article('art-en-guardian', 'https://www.theguardian.com/world/2019/jan/03/what-is-the-sea-telling-us-maori-tribes-fearful-over-whale-strandings', {
    title: meta.title, authors: [{ name: meta.byline, role: null }], siteName: meta.siteName, section: 'World news',
    publishedDate: meta.publishedTime, lang: meta.lang, text: paragraphs.join('\n\n'), tags: ['whales', 'New Zealand'],
  });
  const highlights = [
    highlightOn(a, 'h-en-1', paragraphs[2]!.split(',')[0]!, { note: '1. Greed — *the* cause?\n\n<script>alert(1)</script> `code` #whales', tags: ['marine life'] }),
    highlightOn(a, 'h-en-2', paragraphs[5]!, { color: 'green', tags: ['data'] }),
    highlightOn(a, 'h-en-3', 'Whale whisperer Hori Parata was just seven years old', { color: 'purple', note: '=HYPERLINK("http://x") + @cmd' }),
  ];
  return { article: a, highlights };
}

export function allBundles(): ArticleBundle[] {
  return [leadStory(), portalStory(), guardianStory()];
}

/** The lead story's text as revisited: its first paragraph corrected and a line added at the end. */
export function revisedLeadText(article: ArticleRecord): string {
  const [p0, ...rest] = article.text.split('\n\n');
  return [p0!.replace('衡南县', '衡南县（衡阳市）'), ...rest, '（本文于2026年11月25日更新）'].join('\n\n');
}

/** Versions of the lead story: as clipped, and as seen five days later (revisedLeadText). */
export async function leadStoryVersions(article = leadStory().article): Promise<VersionRecord[]> {
  const first = await seenText(article.text);
  const later = await seenText(revisedLeadText(article));
  const seenLater = CLIPPED_AT + 5 * 86_400_000;
  return [
    { id: 'ver-zh-lead-1', articleId: article.id, hash: first.hash, seenAt: CLIPPED_AT, lastSeenAt: CLIPPED_AT, modifiedDate: null, text: first.text, patch: null },
    {
      id: 'ver-zh-lead-2', articleId: article.id, hash: later.hash, seenAt: seenLater, lastSeenAt: seenLater + 3_600_000,
      modifiedDate: '2026-11-25T09:00:00+08:00', text: null, patch: patchFrom(first.text, later.text),
    },
  ];
}

/**
 * A story printed on two pages of one edition (hand-written text): its front-page part ends
 * `下转第2版`, the inside part begins `上接第1版`. Bundled as the export dialog loads them, one per part.
 */
export function continuedStory(): { front: ArticleBundle; inside: ArticleBundle } {
  const shared = {
    siteName: '江城日报', section: '要闻', publishedDate: '2026-03-02', lang: 'zh-CN',
    authors: [{ name: '林晓', role: '记者' }],
  };
  const front = article('art-front', 'http://epaper.jcrb.example/html/2026-03/02/content_101.htm', {
    ...shared, title: '老街改造留住城市记忆', page: '01', continuedTo: '2',
    text: '春节刚过，老街的青石板路上又热闹起来。\n\n改造工程从去年夏天开始，施工方先把每一块旧石板编号拍照。',
  });
  const inside = article('art-inside', 'http://epaper.jcrb.example/html/2026-03/02/content_102.htm', {
    ...shared, title: '老街改造留住城市记忆', page: '02', continuedFrom: '1', createdAt: CLIPPED_AT - 86_400_000,
    text: '工程结束后，旧石板按编号一块块铺回原处。\n\n居民说，走在上面还是小时候的感觉。',
  });
  return {
    // Highlighted on the inside page first: reading order must still put the front page first.
    inside: { article: inside, highlights: [highlightOn(inside, 'h-in-1', '居民说，走在上面还是小时候的感觉', { color: 'green' }), highlightOn(inside, 'h-in-0', '旧石板按编号一块块铺回原处')] },
    front: { article: front, highlights: [highlightOn(front, 'h-front-9', '先把每一块旧石板编号拍照', { color: 'blue', note: '细节' })] },
  };
}
