import { describe, expect, it } from 'vitest';
import { loadBundles } from '@/lib/transfer/export/source';
import { exportFileName, runExport } from '@/lib/transfer/export/run';
import { filledDatabase } from '../import/helpers';

const ids = (bundles: Awaited<ReturnType<typeof loadBundles>>) => bundles.map((b) => [b.article.id, b.highlights.map((h) => h.id).sort()]);

describe('loadBundles', () => {
  it('loads one article with all its highlights', async () => {
    const db = await filledDatabase();
    expect(ids(await loadBundles(db, { kind: 'articles', ids: ['art-zh-portal'] }))).toEqual([['art-zh-portal', ['h-zh-5']]]);
  });

  it('loads by tag: tagged highlights plus every highlight of tagged articles', async () => {
    const db = await filledDatabase();
    expect(ids(await loadBundles(db, { kind: 'tag', name: '政务' }))).toEqual([['art-zh-portal', ['h-zh-5']]]);
    const whales = await loadBundles(db, { kind: 'tag', name: 'whales' });
    expect(ids(whales)).toEqual([['art-en-guardian', ['h-en-1', 'h-en-2', 'h-en-3']]]);
    // The tag is found by its folded name, its carriers by its id; records carry names.
    expect(await loadBundles(db, { kind: 'tag', name: 'ＷＨＡＬＥＳ' })).toEqual(whales);
    expect(whales[0]!.article.tags).toEqual(['whales', 'New Zealand']);
    expect(whales[0]!.highlights.find((h) => h.id === 'h-en-1')!.tags).toEqual(['marine life']);
    expect(await loadBundles(db, { kind: 'tag', name: 'no such tag' })).toEqual([]);
  });

  it('loads by creation date, leaving out articles with nothing in range', async () => {
    const db = await filledDatabase();
    const from = Date.UTC(2026, 10, 20, 8, 31);
    const bundles = await loadBundles(db, { kind: 'dates', from, to: from + 2 * 60_000 });
    expect(ids(bundles)).toEqual([['art-en-guardian', ['h-en-1', 'h-en-2']], ['art-zh-lead', ['h-zh-1', 'h-zh-2']]]);
  });

  it('returns stored fields only, without rows other modules derive', async () => {
    const db = await filledDatabase();
    const [bundle] = await loadBundles(db, { kind: 'articles', ids: ['art-en-guardian'] });
    expect(Object.keys(bundle!.highlights[0]!)).not.toContain('searchTerms');
    expect(Object.keys(bundle!.article)).not.toContain('searchTerms');
  });
});

describe('runExport', () => {
  it('names a single article after its title and several by date', async () => {
    const db = await filledDatabase();
    const all = await loadBundles(db, { kind: 'all' });
    const now = Date.UTC(2026, 10, 29);
    expect(exportFileName('bibtex', all.slice(0, 1), now)).toBe(`${all[0]!.article.title.replace(/[?:|]/g, '_')}.bib`);
    expect(exportFileName('markdown', all, now)).toBe('gloss-2026-11-29.md');
    expect(exportFileName('markdown-zip', all.slice(0, 1), now)).toBe('gloss-2026-11-29.zip');
    const csv = await runExport('csv', all, { now });
    expect(csv.blob.type).toBe('text/csv;charset=utf-8');
    // The file starts with the UTF-8 BOM bytes (Blob.text() would hide them).
    expect([...new Uint8Array(await csv.blob.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(await csv.blob.text()).toBe(csv.text!.slice(1));
    const zip = await runExport('markdown-zip', all, { now });
    expect(zip.text).toBeNull();
    expect(zip.blob.size).toBeGreaterThan(100);
  });
});
