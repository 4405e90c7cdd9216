import type { GlossDatabase } from '../../../lib/model/database';
import type { ArticleRecord, HighlightRecord } from '../../../lib/model/records';

let counter = 0;
export const uniqueName = (label: string): string => `gloss-tags-test-${label}-${Date.now()}-${counter++}`;

export function article(id: string, tags: string[], updatedAt = 1): ArticleRecord {
  return {
    id, urlKey: `news.example/${id}`, storyKey: '0', url: `https://news.example/${id}`, title: `Article ${id}`,
    kicker: null, subtitle: null, authors: [], editors: [], siteName: null, section: null, publishedDate: null,
    lang: 'en', text: 'text', tags, userEdited: [], createdAt: 1, updatedAt,
  };
}

export function highlight(id: string, articleId: string, tags: string[], updatedAt = 1): HighlightRecord {
  return {
    id, articleId, urlKey: `news.example/${articleId}`,
    selectors: { quote: { type: 'TextQuoteSelector', exact: `quote ${id}`, prefix: '', suffix: '' }, position: null, pagePosition: null },
    color: 'yellow', note: '', tags, status: 'anchored', currentText: null, createdAt: 1, updatedAt,
  };
}

/** Everything in the three tables, sorted, for before/after comparisons. */
export async function snapshot(db: GlossDatabase) {
  return {
    tags: (await db.tags.toArray()).sort((a, b) => a.id.localeCompare(b.id)),
    highlights: (await db.highlights.toArray()).sort((a, b) => a.id.localeCompare(b.id)),
    articles: (await db.articles.toArray()).sort((a, b) => a.id.localeCompare(b.id)),
  };
}
