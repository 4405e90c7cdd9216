/** Proof in the exports: the text as clipped with its time and SHA-256, and the diff to the current version. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadBundles } from '@/lib/transfer/export/source';
import { toMarkdown } from '@/lib/transfer/export/markdown';
import { toWebAnnotations } from '@/lib/transfer/export/web-annotation';
import { applyPatch } from 'diff';
import { filledDatabase } from '../import/helpers';
import { revisedLeadText } from './fixtures';
import { normalizeArticleText } from '@/lib/versions';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('export with proof', () => {
  it('Markdown carries the clipped text, whose SHA-256 a reader can check, and the diff to the current text', async () => {
    const db = await filledDatabase();
    const [bundle] = await loadBundles(db, { kind: 'articles', ids: ['art-zh-lead'] }, { proof: true });
    const markdown = toMarkdown([bundle!]);
    const clipped = markdown.match(/## Text as clipped\n\n(\S+) · SHA-256 `([0-9a-f]{64})`\n\n~~~text\n([\s\S]*?)\n~~~\n/);
    expect(clipped).not.toBeNull();
    const [, time, hash, text] = clipped!;
    expect(time).toBe('2026-11-20T08:30:00.000Z');
    expect(text).toBe(normalizeArticleText(bundle!.article.text));
    expect(hash).toBe(sha256(text!));
    const changes = markdown.match(/## Changes since it was clipped\n\n(.+) · SHA-256 `([0-9a-f]{64})` · page modified 2026-11-25T09:00:00\+08:00\n\n~~~diff\n([\s\S]*?)\n~~~\n/);
    expect(changes).not.toBeNull();
    // The diff applied to the clipped text gives the current text, whose hash is the one stated.
    const current = applyPatch(text!, `${changes![3]}\n`);
    expect(current).toBe(normalizeArticleText(revisedLeadText(bundle!.article)));
    expect(changes![2]).toBe(sha256(current as string));
    expect(changes![3]).toContain('+（本文于2026年11月25日更新）');
  });

  it('an unchanged article proves only its clipped text, and without the option nothing is added', async () => {
    const db = await filledDatabase();
    const [bundle] = await loadBundles(db, { kind: 'articles', ids: ['art-en-guardian'] }, { proof: true });
    const markdown = toMarkdown([bundle!], { proofLabels: { proofClipped: '摘录时的原文' } });
    expect(markdown).toContain('## 摘录时的原文');
    expect(markdown).toContain(`SHA-256 \`${sha256(normalizeArticleText(bundle!.article.text))}\``);
    expect(markdown).not.toContain('## Changes since');
    const [plain] = await loadBundles(db, { kind: 'articles', ids: ['art-en-guardian'] });
    expect(toMarkdown([plain!])).not.toContain('SHA-256');
  });

  it('a fence in the page text cannot close the proof fence', async () => {
    const db = await filledDatabase();
    await db.versions.clear();
    await db.articles.update('art-en-guardian', { text: 'Before\n~~~\n# Injected heading\n~~~~~' });
    const [bundle] = await loadBundles(db, { kind: 'articles', ids: ['art-en-guardian'] }, { proof: true });
    expect(toMarkdown([bundle!])).toContain('~~~~~~text\nBefore\n~~~\n# Injected heading\n~~~~~\n~~~~~~');
  });

  it('the Web Annotation JSON carries the same proof per article', async () => {
    const db = await filledDatabase();
    const bundles = await loadBundles(db, { kind: 'all' }, { proof: true });
    const json = JSON.parse(JSON.stringify(toWebAnnotations(bundles)));
    const lead = json['gloss:proof'].find((p: { article: string }) => p.article === 'art-zh-lead');
    expect(lead.clipped.sha256).toBe(sha256(lead.clipped.text));
    expect(lead.clipped.seenAt).toBe(Date.UTC(2026, 10, 20, 8, 30));
    expect(applyPatch(lead.clipped.text, lead.diff)).toBe(normalizeArticleText(revisedLeadText(bundles.find((b) => b.article.id === 'art-zh-lead')!.article)));
    expect(lead.current.sha256).toBe(sha256(applyPatch(lead.clipped.text, lead.diff) as string));
    expect(json['gloss:proof']).toHaveLength(3);
    expect(toWebAnnotations(await loadBundles(db, { kind: 'all' }))).not.toHaveProperty('gloss:proof');
  });
});
