/** Builders for library tests: real writes through the repository, so the hooks run as in the app. */
import { afterEach } from 'vitest';
import { openDatabase } from '../../../lib/db/database';
import type { GlossDatabase } from '../../../lib/model/database';
import { createHighlight } from '../../../lib/background/repository';
import type { HighlightRecord } from '../../../lib/model/records';
import type { ArticleInput, NewHighlight } from '../../../lib/messaging/protocol';
import { articleInput, uniqueDbName } from '../db/fixtures';

const opened: GlossDatabase[] = [];

export function freshDb(): GlossDatabase {
  const db = openDatabase(uniqueDbName());
  opened.push(db);
  return db;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

export function article(slug: string, overrides: Partial<ArticleInput> = {}): ArticleInput {
  return articleInput({ url: `https://news.example.com/${slug}`, urlKey: `news.example.com/${slug}`, ...overrides });
}

export interface HighlightSpec {
  exact: string;
  note?: string;
  tags?: string[];
  color?: string;
  at?: number;
}

export async function highlight(db: GlossDatabase, on: ArticleInput, spec: HighlightSpec): Promise<HighlightRecord> {
  const input: NewHighlight = {
    id: crypto.randomUUID(),
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: spec.exact, prefix: '', suffix: '' },
      position: null,
      pagePosition: null,
    },
    color: spec.color ?? 'yellow',
    note: spec.note ?? '',
    tags: spec.tags ?? [],
  };
  return createHighlight(db, on, input, spec.at ?? Date.now());
}

/** A neutral article whose own fields match none of the test queries. */
export const plain = (slug: string, overrides: Partial<ArticleInput> = {}): ArticleInput =>
  article(slug, { title: 'Untitled', kicker: null, subtitle: null, authors: [], siteName: 'Example', ...overrides });
