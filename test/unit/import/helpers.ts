/** Databases for restore tests: a fresh name each time, filled with the shared fixture records. */
import { backupToString } from '@/lib/transfer/backup';
import { openDatabase } from '@/lib/db/database';
import { rowsFor } from '@/lib/db/tag-maps';
import type { GlossDatabase } from '@/lib/model/database';
import type { TagRecord } from '@/lib/model/records';
import { foldTagName } from '@/lib/tags/tag-names';
import { allBundles, leadStoryVersions } from '../export/fixtures';
import { sha256Hex } from '@/lib/versions';

/** A small MHTML file of the lead story's page, as Chrome's pageCapture writes one (bytes beyond ASCII included). */
export async function leadStorySnapshot() {
  const data = new TextEncoder().encode('From: <Saved by Blink>\r\nSnapshot-Content-Location: https://epaper.hyrb.example/html/2022-09/05/content_1186523.htm\r\nSubject: =?utf-8?Q?=E5=B0=8F=E5=B1=8B=E5=9C=BA?=\r\nMIME-Version: 1.0\r\n\r\n<p>小屋场</p>\r\n');
  const record = {
    id: 'snap-zh-lead-1', articleId: 'art-zh-lead', urlKey: '', url: 'https://epaper.hyrb.example/html/2022-09/05/content_1186523.htm',
    title: '「小屋场」撬动基层治理「大能量」', capturedAt: Date.UTC(2026, 10, 20, 8, 0), sha256: await sha256Hex(data), bytes: data.byteLength,
  };
  return { record, file: { id: record.id, data } };
}

let counter = 0;
export function freshDatabase(): GlossDatabase {
  counter += 1;
  return openDatabase(`gloss-test-import-${process.pid}-${counter}-${Math.random().toString(36).slice(2)}`);
}

export function tagsFor(names: readonly string[]): TagRecord[] {
  return [...new Set(names)].map((name, i) => ({ id: `tag-${i}`, name, nameKey: foldTagName(name), color: null, createdAt: Date.UTC(2026, 0, 1) + i }));
}

/** A database holding the three fixture articles, their highlights (stored with tag ids), tags and the lead story's versions. */
export async function filledDatabase(): Promise<GlossDatabase> {
  const db = freshDatabase();
  const bundles = allBundles();
  const names = bundles.flatMap((b) => [...b.article.tags, ...b.highlights.flatMap((h) => h.tags)]);
  await db.tags.bulkAdd(tagsFor(names));
  const rows = await rowsFor(db, { articles: bundles.map((b) => b.article), highlights: bundles.flatMap((b) => b.highlights) });
  await db.articles.bulkAdd(rows.articles);
  await db.highlights.bulkAdd(rows.highlights);
  await db.versions.bulkAdd(await leadStoryVersions());
  const snapshot = await leadStorySnapshot();
  const lead = rows.articles.find((a) => a.id === snapshot.record.articleId)!;
  await db.snapshots.add({ ...snapshot.record, urlKey: lead.urlKey });
  await db.snapshotFiles.add(snapshot.file);
  return db;
}

/** The whole database as backup text at a fixed time: equal texts mean nothing changed. */
export async function snapshotOf(db: GlossDatabase): Promise<string> {
  return backupToString(db, { now: 0 });
}

/** A W3C Web Annotation collection, as another tool (Hypothesis, …) writes it. */
export function annotationCollection(items: readonly Record<string, unknown>[]): Record<string, unknown> {
  return { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', first: { type: 'AnnotationPage', items } };
}

/** An annotation quoting `exact` on `source` with a comment, without dates unless given. */
export function foreignAnnotation(source: string, exact: string, note: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const { target, ...rest } = extra;
  return {
    type: 'Annotation',
    body: [{ type: 'TextualBody', value: note, purpose: 'commenting' }],
    target: { source, selector: [{ type: 'TextQuoteSelector', exact }], ...(target as object) },
    ...rest,
  };
}
