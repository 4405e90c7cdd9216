import type { ArticleInput, NewHighlight } from '../../../lib/messaging/protocol';
import type { GlossDatabase } from '../../../lib/model/database';
import type { HighlightRecord } from '../../../lib/model/records';
import { highlightRecords } from '../../../lib/db/tag-maps';

export function articleInput(overrides: Partial<ArticleInput> = {}): ArticleInput {
  return {
    url: 'https://news.example.com/2022/09/05/shiwuchang.html',
    urlKey: 'news.example.com/2022/09/05/shiwuchang.html',
    storyKey: '0',
    title: '「小屋场」撬动基层治理「大能量」',
    kicker: '衡南县力推「屋场恳谈会+信访」新模式，狠抓源头治理',
    subtitle: null,
    authors: [{ name: '周瑞华', role: '全媒体记者' }, { name: '谭明星', role: '通讯员' }],
    editors: [],
    siteName: '衡阳日报',
    section: '要闻',
    publishedDate: '2022-09-05',
    lang: 'zh-CN',
    text: '近年来，衡南县把屋场恳谈会作为基层治理的重要抓手。',
    ...overrides,
  };
}

export function newHighlight(exact = '屋场恳谈会', overrides: Partial<NewHighlight> = {}): NewHighlight {
  return {
    id: crypto.randomUUID(),
    selectors: {
      quote: { type: 'TextQuoteSelector', exact, prefix: '衡南县把', suffix: '作为基层' },
      position: { type: 'TextPositionSelector', start: 8, end: 8 + exact.length },
      pagePosition: null,
    },
    color: 'yellow',
    note: '',
    tags: [],
    ...overrides,
  };
}

let counter = 0;
export const uniqueDbName = (): string => `gloss-test-${Date.now()}-${counter++}`;

/** A stored highlight as a record (tag ids named by the tags table), the way readers hand it out. */
export async function storedHighlight(db: GlossDatabase, id: string): Promise<HighlightRecord | undefined> {
  const row = await db.highlights.get(id);
  return row && (await highlightRecords(db, [row]))[0];
}
