import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { joinContinuedStories } from '@/lib/transfer/export/continued';
import { runExport } from '@/lib/transfer/export/run';
import { continuedStory, leadStory } from './fixtures';
import { expectGolden } from './golden';

const withoutFragments = (md: string) => md.replace(/#:~:text=[^)\s>]+/g, '#:~:text=FRAGMENT');

describe('a story continued on another page', () => {
  it('is one bundle with both parts, front page first', () => {
    const { front, inside } = continuedStory();
    const joined = joinContinuedStories([inside, leadStory(), front]);
    expect(joined.map((b) => b.article.id)).toEqual(['art-front', 'art-zh-lead']);
    expect(joined[0]!.parts!.map((a) => a.id)).toEqual(['art-front', 'art-inside']);
    expect(joined[0]!.highlights).toHaveLength(3);
  });

  it('exports as one note with every highlight in reading order, each with its own page and link', async () => {
    const { front, inside } = continuedStory();
    const { text, fileName } = await runExport('markdown', [inside, front], { labels: { page: '第{page}版' } });
    expect(fileName).toBe('老街改造留住城市记忆.md');
    const md = text!;
    const order = ['先把每一块旧石板编号拍照', '旧石板按编号一块块铺回原处', '居民说，走在上面还是小时候的感觉'].map((quote) => md.indexOf(`> ${quote}`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const lines = md.split('\n').filter((line) => line.includes('[↗]'));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/· 第01版 · \[↗\]\(http:\/\/epaper\.jcrb\.example\/html\/2026-03\/02\/content_101\.htm#:~:text=/);
    expect(lines[1]).toMatch(/· 第02版 · \[↗\]\(http:\/\/epaper\.jcrb\.example\/html\/2026-03\/02\/content_102\.htm#:~:text=/);
    expect(lines[2]).toMatch(/· 第02版 · \[↗\]\(http:\/\/epaper\.jcrb\.example\/html\/2026-03\/02\/content_102\.htm#:~:text=/);
    const data = load(/^---\n([\s\S]*?)\n---\n/.exec(md)![1]!) as Record<string, unknown>;
    expect(data.source).toBe(front.article.url);
    expect(data.continued_at).toEqual([inside.article.url]);
    expect(data.page).toBe('01, 02');
    expectGolden('markdown/zh-continued.md', withoutFragments(md));
  });

  it('is one file in the zip, and stays two records in formats of one record per article', async () => {
    const { front, inside } = continuedStory();
    const csl = JSON.parse((await runExport('csl-json', [front, inside])).text!);
    expect(csl).toHaveLength(2);
    const { strFromU8, unzipSync } = await import('fflate');
    const zip = await runExport('markdown-zip', [front, inside]);
    const entries = unzipSync(new Uint8Array(await zip.blob.arrayBuffer()));
    expect(Object.keys(entries)).toEqual(['老街改造留住城市记忆.md']);
    expect(strFromU8(entries['老街改造留住城市记忆.md']!)).toContain('居民说');
  });
});
