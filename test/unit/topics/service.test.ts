import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../lib/db/database';
import type { GlossDatabase } from '../../../lib/model/database';
import { ensureTags } from '../../../lib/db/tags';
import { createTopicService } from '../../../lib/topics/service';
import { addRecords, article, highlight, uniqueName } from '../tags/helpers';
import { newsZhArticles } from './fixtures';

let db: GlossDatabase;
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('createTopicService', () => {
  it('suggests for a stored article and highlight, existing tags first, minus tags already on them', async () => {
    db = openDatabase(uniqueName('service'));
    const [lead] = newsZhArticles('02-founder-article-lead');
    await ensureTags(db, ['基层治理', '体育']);
    const quoteParagraph = lead!.paragraphs[4]!;
    await addRecords(db, {
      articles: [{ ...article('a1', ['信访']), title: lead!.title, kicker: lead!.kicker, text: lead!.paragraphs.join('\n'), lang: 'zh-CN' }],
      highlights: [{
        ...highlight('h1', 'a1', ['衡南县']),
        selectors: { quote: { type: 'TextQuoteSelector', exact: quoteParagraph.slice(0, 40), prefix: '', suffix: quoteParagraph.slice(40, 70) }, position: null, pagePosition: null },
      }],
    });
    const service = createTopicService(db);
    const forArticle = await service.suggestForArticle('a1');
    // 衡南县 is a tag because the highlight carries it; 体育 is a tag that does not fit.
    expect(forArticle.slice(0, 2).map((s) => [s.name, s.source])).toEqual([
      ['衡南县', 'existing-tag'],
      ['基层治理', 'existing-tag'],
    ]);
    expect(forArticle.map((s) => s.name)).toContain('屋场恳谈会');
    expect(forArticle.map((s) => s.name)).not.toContain('信访');
    expect(forArticle.map((s) => s.name)).not.toContain('体育');
    const forHighlight = await service.suggestForHighlight('h1');
    expect(forHighlight.map((s) => s.name)).toContain('屋场恳谈会');
    expect(forHighlight.map((s) => s.name)).not.toContain('衡南县');
    expect(await service.suggestForArticle('missing')).toEqual([]);
  });
});

describe('library statistics cache', () => {
  it('rebuilds only when the articles change', async () => {
    db = openDatabase(uniqueName('service-cache'));
    await addRecords(db, {
      articles: [
        { ...article('a1', []), title: 'Tariffs on steel', text: 'Tariffs on steel and tariffs on aluminium. Steel tariffs.' },
        { ...article('a2', []), title: 'Steel mills', text: 'Steel mills close. Steel prices.', updatedAt: 2 },
      ],
    });
    const service = createTopicService(db);
    const before = (await service.suggestForArticle('a1')).find((s) => s.name === 'steel')!.score;
    expect((await service.suggestForArticle('a1')).find((s) => s.name === 'steel')!.score).toBe(before);
    // A third article about steel makes the word more common in the library: its score drops.
    await addRecords(db, { articles: [{ ...article('a3', []), title: 'Steel', text: 'Steel again.', updatedAt: 3 }] });
    expect((await service.suggestForArticle('a1')).find((s) => s.name === 'steel')!.score).toBeLessThan(before);
  });
});
