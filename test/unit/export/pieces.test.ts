import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { safeFileName, uniqueFileNames } from '@/lib/export/file-names';
import { escapeBlock, escapeInline, hashtags, obsidianTag } from '@/lib/export/markdown-escape';
import { inReadingOrder } from '@/lib/export/order';
import { encodeFragmentTerm, textFragmentDirective, textFragmentUrl } from '@/lib/export/text-fragment';
import { toYaml } from '@/lib/export/yaml';
import { leadStory } from './fixtures';

describe('text fragments', () => {
  it('encodes the characters the directive reserves', () => {
    expect(encodeFragmentTerm('a-b, c&d')).toBe('a%2Db%2C%20c%26d');
    expect(decodeURIComponent(encodeFragmentTerm('「小屋场」-x'))).toBe('「小屋场」-x');
  });

  it('uses the whole short quote with word-bounded context', () => {
    const directive = textFragmentDirective({ exact: 'the whales', prefix: 'greed in the ocean is hurting ', suffix: ', says Parata, a fierce' });
    expect(directive).toBe(':~:text=ocean%20is%20hurting-,the%20whales,-%2C%20says%20Parata%2C');
  });

  it('cuts a long quote into start and end terms at spaces', () => {
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    expect(textFragmentDirective({ exact: words, prefix: '', suffix: '' })).toBe(
      ':~:text=word0%20word1%20word2%20word3%20word4,word55%20word56%20word57%20word58%20word59',
    );
  });

  it('cuts long Chinese quotes at punctuation, never inside a run of characters', () => {
    const exact = leadStory().article.text.split('\n\n')[1]!;
    const directive = textFragmentDirective({ exact, prefix: '', suffix: '' })!;
    const [start, end] = directive.replace(':~:text=', '').split(',').map(decodeURIComponent);
    expect(exact.startsWith(start!)).toBe(true);
    expect(exact.endsWith(end!)).toBe(true);
    expect(start).toMatch(/[，。、；：”]$/);
  });

  it('replaces an existing fragment on the article URL', () => {
    expect(textFragmentUrl('https://a.example/x?y=1#top', { exact: 'hi', prefix: '', suffix: '' })).toBe(
      'https://a.example/x?y=1#:~:text=hi',
    );
  });
});

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
