import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { safeFileName, uniqueFileNames } from '@/lib/transfer/export/file-names';
import { escapeBlock, escapeInline, hashtags, markdownUrl, obsidianTag } from '@/lib/transfer/export/markdown-escape';
import { inReadingOrder } from '@/lib/transfer/export/order';
import { toYaml } from '@/lib/transfer/export/yaml';
import { leadStory } from './fixtures';

describe('escaping', () => {
  it('escapes inline Markdown, HTML, entities and Obsidian syntax', () => {
    const text = '*a* _b_ `c` <i>d</i> &amp; [[e]] #f ==g== %%h%% $i$ ![j](k) | ~~l~~';
    expect(escapeInline(text)).toBe(
      '\\*a\\* \\_b\\_ \\`c\\` \\<i\\>d\\</i\\> \\&amp; \\[\\[e\\]\\] \\#f \\=\\=g\\=\\= \\%\\%h\\%\\% \\$i\\$ \\!\\[j\\](k) \\| \\~\\~l\\~\\~',
    );
  });

  it('escapes block starts and trims indentation that would make code blocks', () => {
    expect(escapeBlock('1. one\n    - two\n+ three\n\n\n\nfour')).toEqual(['1\\. one', '\\- two', '\\+ three', '', 'four']);
  });

  it('links only http(s) addresses and encodes what would end a link early', () => {
    expect(markdownUrl('https://a.example/x (1)<b>')).toBe('https://a.example/x%20%281%29%3Cb%3E');
    expect(markdownUrl('javascript:alert(1)')).toBe('');
    expect(markdownUrl(' data:text/html,<b>')).toBe('');
  });

  it('makes valid Obsidian tags from any tag name', () => {
    expect(obsidianTag('基层治理')).toBe('基层治理');
    expect(obsidianTag('local government')).toBe('local-government');
    expect(obsidianTag('#C++ & Rust!')).toBe('C-Rust');
    expect(obsidianTag('2022')).toBe('_2022');
    expect(obsidianTag('a/b')).toBe('a/b');
    expect(obsidianTag('!!!')).toBe('');
    expect(hashtags(['a b', 'a-b', '???', '基层治理'])).toBe('#a-b #基层治理');
  });
});

describe('YAML', () => {
  it('round-trips nested values through a YAML parser', () => {
    const value = { a: 'x: "y"', list: ['1', 'two'], people: [{ name: '周琪', role: null }], empty: [], n: 3, 'odd key': true };
    expect(load(toYaml(value))).toEqual(value);
  });
});

describe('file names', () => {
  it('replaces illegal characters and keeps CJK', () => {
    expect(safeFileName('a/b\\c:d*e?f"g<h>i|j')).toBe('a_b_c_d_e_f_g_h_i_j');
    expect(safeFileName('「小屋场」撬动基层治理')).toBe('「小屋场」撬动基层治理');
    expect(safeFileName('  ...  ')).toBe('untitled');
    expect(safeFileName('CON')).toBe('CON_');
  });

  it('caps the name at 180 UTF-8 bytes without splitting a character', () => {
    const name = safeFileName('治'.repeat(200));
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(180);
    expect(name).toBe('治'.repeat(60));
    expect(safeFileName('😀'.repeat(100))).toBe('😀'.repeat(45));
  });

  it('numbers collisions, ignoring case', () => {
    expect(uniqueFileNames(['A', 'a', 'A', 'b'], '.md')).toEqual(['A.md', 'a (2).md', 'A (3).md', 'b.md']);
  });
});

describe('reading order', () => {
  it('sorts by article position, then page position, then creation; orphans last', () => {
    const { highlights } = leadStory();
    const { anchored, orphans } = inReadingOrder(highlights);
    expect(anchored.map((h) => h.id)).toEqual(['h-zh-1', 'h-zh-2', 'h-zh-3']);
    expect(orphans.map((h) => h.id)).toEqual(['h-zh-4']);
    const noPosition = highlights.map((h) => ({ ...h, status: 'anchored' as const, selectors: { ...h.selectors, position: null } }));
    expect(inReadingOrder(noPosition).anchored.map((h) => h.id)).toEqual(['h-zh-1', 'h-zh-2', 'h-zh-3', 'h-zh-4']);
  });
});
