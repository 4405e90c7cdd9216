/**
 * Hostile import files: addresses that are not web pages, keys that point at
 * another page, files nested 100,000 levels deep, damaged records. Each is
 * refused in plain words or made harmless, and a refusal changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { applyRestore, BackupError, recordsFromText, restoreBackupText } from '@/lib/transfer/import';
import { annotationCollection, filledDatabase, foreignAnnotation, snapshotOf } from './helpers';

const GUARDIAN = 'art-en-guardian';
type Backup = { articles: Record<string, unknown>[]; highlights: Record<string, unknown>[] } & Record<string, unknown>;

async function refused(text: string, problem: BackupError['problem'], words: RegExp) {
  const db = await filledDatabase();
  const before = await snapshotOf(db);
  const error = await Promise.resolve()
    .then(() => applyRestore(db, recordsFromText(text).records))
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(BackupError);
  expect((error as BackupError).problem).toBe(problem);
  expect((error as Error).message).toMatch(words);
  expect(await snapshotOf(db)).toBe(before);
}

async function backup(): Promise<Backup> {
  return JSON.parse(await snapshotOf(await filledDatabase()));
}

describe('addresses that are not web pages', () => {
  it.each([
    ['data:', 'data:text/html,<script>alert(document.domain)</script>'],
    ['javascript:', 'javascript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
  ])('refuses a backup with a %s article address, naming the field', async (_, url) => {
    const data = await backup();
    data.articles[1]!.url = url;
    await refused(JSON.stringify(data), 'invalid', /articles\.1\.url: not a web page address \(only http: and https: are accepted\)/);
  });

  it('refuses Gloss articles with a data: address inside a Web Annotation file', async () => {
    const file = { ...annotationCollection([]), 'gloss:articles': [{ ...(await backup()).articles[0], url: 'data:text/html,hi' }] };
    await refused(JSON.stringify(file), 'invalid', /gloss:articles\.0\.url: not a web page address/);
  });

  it('leaves out and counts annotations of non-web pages from other tools', async () => {
    const { records } = recordsFromText(JSON.stringify(annotationCollection([
      foreignAnnotation('data:text/html,<h1>hi</h1>', 'hi', 'x'),
      foreignAnnotation('urn:x-pdf:0123abcd', 'a PDF passage', 'y'),
      foreignAnnotation('https://news.example/story', 'a web passage', 'z'),
    ])));
    expect(records.leftOut).toEqual({ noQuote: 0, notWeb: 2 });
    expect(records.articles.map((a) => a.url)).toEqual(['https://news.example/story']);
    expect(records.highlights.map((h) => h.note)).toEqual(['z']);
  });
});

describe('keys come from the address, never from the file', () => {
  it('ignores gloss:urlKey: the note stays on the page the annotation names', async () => {
    const db = await filledDatabase();
    const victim = (await db.articles.get(GUARDIAN))!;
    const victimHighlights = await db.highlights.where('urlKey').equals(victim.urlKey).count();
    const annotation = foreignAnnotation('https://attacker.example/page', 'a passage', 'injected note', {
      target: { 'gloss:urlKey': victim.urlKey, 'gloss:article': GUARDIAN },
    });
    await applyRestore(db, recordsFromText(JSON.stringify(annotationCollection([annotation]))).records);
    expect(await db.highlights.where('urlKey').equals(victim.urlKey).count()).toBe(victimHighlights);
    const stored = (await db.highlights.toArray()).find((h) => h.note === 'injected note')!;
    expect(stored.urlKey).toBe('attacker.example/page');
    expect((await db.articles.get(stored.articleId))!.url).toBe('https://attacker.example/page');
  });

  it('recomputes a backup article key from its address, and its highlights follow', async () => {
    const data = await backup();
    const victimKey = data.articles.find((a) => a.id === GUARDIAN)!.urlKey;
    const attacker = { ...data.articles.find((a) => a.id === GUARDIAN)!, id: 'a-1', url: 'https://attacker.example/p', urlKey: victimKey, storyKey: '7' };
    const highlight = { ...data.highlights[0]!, id: 'h-attacker', articleId: 'a-1', urlKey: victimKey, note: 'injected' };
    const db = await filledDatabase();
    const victimHighlights = await db.highlights.where('urlKey').equals(victimKey as string).count();
    await restoreBackupText(db, JSON.stringify({ ...data, articles: [attacker], highlights: [highlight], tags: [] }));
    expect(await db.articles.get('a-1')).toMatchObject({ urlKey: 'attacker.example/p' });
    expect(await db.highlights.get('h-attacker')).toMatchObject({ urlKey: 'attacker.example/p' });
    expect(await db.highlights.where('urlKey').equals(victimKey as string).count()).toBe(victimHighlights);
  });
});

describe('deep nesting', () => {
  const DEEP = 100_000;
  it.each([
    ['lists', `${'['.repeat(DEEP)}${']'.repeat(DEEP)}`],
    ['objects', `${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}`],
    ['a backup field, with \\u escapes', `{"format":"gloss-backup","note":"\\u0041","articles":${'['.repeat(DEEP)}${']'.repeat(DEEP)}}`],
  ])('refuses %s nested 100,000 levels deep, in plain words', async (_, text) => {
    await refused(text, 'too-deep', /nests lists and objects more than 64 levels deep, which no backup or annotation file does/);
  });

  it('counts brackets inside text as text', async () => {
    const data = await backup();
    data.highlights[0]!.note = `[{"\\"${'['.repeat(5_000)}`;
    const db = await filledDatabase();
    await restoreBackupText(db, JSON.stringify({ ...data, highlights: [{ ...data.highlights[0], id: 'h-brackets', updatedAt: 1 }] }));
    expect((await db.highlights.get('h-brackets'))!.note).toBe(data.highlights[0]!.note);
  });
});

describe('damaged records are described in plain words', () => {
  it.each([
    ['a missing field', (d: Backup) => delete d.highlights[0]!.note, /highlights\.0\.note: missing$/],
    ['a wrong type', (d: Backup) => (d.highlights[1]!.createdAt = 'yesterday'), /highlights\.1\.createdAt: should be a number, not "yesterday"$/],
    ['an unknown field', (d: Backup) => (d.articles[0]!.script = 'x'), /articles\.0\.script: unknown field$/],
    ['an unknown status', (d: Backup) => (d.highlights[0]!.status = 'lost'), /highlights\.0\.status: should be one of \("anchored" \| "anchored-fuzzy" \| "orphan" \| "unknown"\), not "lost"$/],
  ])('%s', async (_, damage, words) => {
    const data = await backup();
    damage(data);
    await refused(JSON.stringify(data), 'invalid', words);
  });
});
