import { describe, expect, it } from 'vitest';
import { BackupError } from '@/lib/transfer/import/backup-parse';
import { applyRestore, recordsFromText } from '@/lib/transfer/import';
import { recordsFromWebAnnotations } from '@/lib/transfer/import/web-annotation';
import { loadBundles } from '@/lib/transfer/export/source';
import { toWebAnnotationJson, toWebAnnotations } from '@/lib/transfer/export/web-annotation';
import { allBundles } from '../export/fixtures';
import { expectGolden } from '../export/golden';
import { filledDatabase, freshDatabase } from './helpers';

describe('Web Annotation export', () => {
  it('matches the golden file', () => {
    expectGolden('web-annotation/fixtures.jsonld', toWebAnnotationJson(allBundles()));
  });

  it('writes one AnnotationCollection with selectors as stored, notes and tags as bodies', () => {
    const collection = toWebAnnotations(allBundles());
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.total).toBe(8);
    const h = allBundles()[0]!.highlights.find((x) => x.id === 'h-zh-3')!;
    const annotation = collection.first.items.find((a) => a.id.endsWith(':h-zh-3'))!;
    expect(annotation.target.selector).toEqual([h.selectors.quote, h.selectors.position]);
    expect(annotation.body).toEqual([
      { type: 'TextualBody', value: h.note, purpose: 'commenting', format: 'text/plain' },
      { type: 'TextualBody', value: '基层治理', purpose: 'tagging' },
    ]);
    expect(annotation.created).toBe(new Date(h.createdAt).toISOString());
  });
});

describe('Web Annotation import', () => {
  it('round-trips: export, import into an empty database, export again, identical', async () => {
    const first = toWebAnnotationJson(await loadBundles(await filledDatabase(), { kind: 'all' }));
    const db = freshDatabase();
    const { kind, records } = recordsFromText(first);
    expect(kind).toBe('web-annotation');
    await applyRestore(db, records);
    const again = toWebAnnotationJson(await loadBundles(db, { kind: 'all' }));
    expect(again).toBe(first);
  });

  it('reads annotations from other tools: quote selector, comment and tag bodies', () => {
    const foreign = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      first: {
        type: 'AnnotationPage',
        items: [
          {
            id: 'https://hypothes.is/a/abc123',
            type: 'Annotation',
            created: '2024-05-01T10:00:00Z',
            body: [{ type: 'TextualBody', value: 'Worth checking' }, { type: 'TextualBody', purpose: 'tagging', value: 'fact check' }],
            target: { source: 'https://www.example.com/news/story?utm_source=x', selector: [{ type: 'RangeSelector' }, { type: 'TextQuoteSelector', exact: 'the quote' }] },
          },
          { id: 'no-quote', type: 'Annotation', target: 'https://www.example.com/news/story' },
        ],
      },
    };
    const records = recordsFromWebAnnotations(foreign, 0);
    expect(records.leftOut).toEqual({ noQuote: 1, notWeb: 0 });
    expect(records.articles).toHaveLength(1);
    expect(records.articles[0]).toMatchObject({ urlKey: 'example.com/news/story', url: 'https://www.example.com/news/story?utm_source=x' });
    expect(records.highlights[0]).toMatchObject({
      id: 'https://hypothes.is/a/abc123', note: 'Worth checking', tags: ['fact check'], color: 'yellow', status: 'unknown',
      createdAt: Date.parse('2024-05-01T10:00:00Z'),
      selectors: { quote: { exact: 'the quote', prefix: '', suffix: '' }, position: null, pagePosition: null },
    });
    expect(records.tags.map((t) => t.name)).toEqual(['fact check']);
  });

  it('rejects hostile keys, huge strings and wrong types with a clear message', () => {
    const good = JSON.parse(toWebAnnotationJson(allBundles()));
    expect(() => recordsFromText(JSON.stringify(good).replace('"motivation":', '"__proto__":{"x":1},"motivation":'))).toThrow(/forbidden key "__proto__"/);
    const huge = structuredClone(good);
    huge.first.items[0].target.selector[0].exact = 'x'.repeat(200_000);
    expect(() => recordsFromText(JSON.stringify(huge))).toThrow(/longer than 100000/);
    const wrong = structuredClone(good);
    wrong.first.items[1].target = 42;
    expect(() => recordsFromText(JSON.stringify(wrong))).toThrow(BackupError);
    expect(() => recordsFromText('{"type":"Something"}')).toThrow(/neither a Gloss backup nor/);
  });
});
