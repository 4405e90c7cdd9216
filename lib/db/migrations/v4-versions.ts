/**
 * Schema v4's first versions: every article gets version 1 of its text, made from the text it stored as clipped
 * with its first highlight, seen when the article was made (its `createdAt`).
 *
 * Frozen: a copy of the text normalization and hashing as they were when v4 shipped (lib/versions/text.ts).
 * Imports nothing from lib/; never edit it.
 */
import Dexie, { type Transaction } from 'dexie';

interface ArticleRow {
  id: string;
  text: string;
  createdAt: number;
}

function normalizeArticleText(text: string): string {
  return text
    .normalize('NFC')
    .split('\n')
    .map((line) => line.replace(/[\s\u200b\ufeff]+/gu, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

const PAGE = 500;

export async function firstVersionsV4(tx: Transaction): Promise<void> {
  const articles = tx.table<ArticleRow, string>('articles');
  const versions = tx.table('versions');
  let after: string | null = null;
  for (;;) {
    const page: ArticleRow[] = await (after === null ? articles.orderBy(':id') : articles.where(':id').above(after)).limit(PAGE).toArray();
    if (page.length === 0) return;
    const texts = page.map((article) => normalizeArticleText(typeof article.text === 'string' ? article.text : ''));
    // crypto.subtle is not IndexedDB: waitFor keeps the upgrade transaction open while a page is hashed.
    const hashes = await Dexie.waitFor(Promise.all(texts.map(sha256Hex)));
    await versions.bulkAdd(page.map((article, i) => ({
      id: crypto.randomUUID(),
      articleId: article.id,
      hash: hashes[i]!,
      seenAt: article.createdAt,
      lastSeenAt: article.createdAt,
      modifiedDate: null,
      text: texts[i]!,
      patch: null,
    })));
    if (page.length < PAGE) return;
    after = page[page.length - 1]!.id;
  }
}
