import { describe, expect, it } from 'vitest';
import { changed, compactDiff, normalizeArticleText, patchFrom, textOfVersion, wordDiff, wordsOf } from '../../../lib/versions';

describe('normalizeArticleText', () => {
  it('ignores spacing and empty lines, keeps line breaks between paragraphs', () => {
    expect(normalizeArticleText('  One\u00a0 two.\r\n\n\n\u3000三\u200b四  \n')).toBe('One two.\n三 四');
    // NFC: a decomposed é equals the composed one.
    expect(normalizeArticleText('Cafe\u0301')).toBe('Caf\u00e9');
  });
});

describe('patches against the first version', () => {
  it('rebuild the later text exactly, and stay small for a small change', () => {
    const first = Array.from({ length: 50 }, (_, i) => `Paragraph ${i} with enough words to be a paragraph.`).join('\n');
    const later = first.replace('Paragraph 20 with', 'Paragraph 20, corrected, with') + '\nAn editor\'s note.';
    const patch = patchFrom(first, later);
    expect(textOfVersion({ text: null, patch }, { text: first })).toBe(later);
    expect(patch.length).toBeLessThan(first.length / 5);
    expect(textOfVersion({ text: null, patch: patchFrom(first, 'All new.') }, { text: first })).toBe('All new.');
  });

  it('refuse a patch that does not fit the first text rather than guess', () => {
    const patch = patchFrom('a\nb\nc', 'a\nB\nc');
    expect(() => textOfVersion({ text: null, patch }, { text: 'x\ny\nz' })).toThrow(/does not apply/);
  });
});

describe('wordDiff', () => {
  it('marks whole English words added and removed, and joins back to either text', () => {
    const before = 'The mayor said the plan would cost $2 million.';
    const after = 'The mayor said the plan would cost $3 million, officials said.';
    const parts = wordDiff(before, after);
    expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text)).toEqual(['2']);
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text)).toEqual(['3', ', officials said']);
    expect(parts.filter((p) => p.kind !== 'added').map((p) => p.text).join('')).toBe(before);
    expect(parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join('')).toBe(after);
    expect(changed(parts)).toBe(true);
    expect(changed(wordDiff(before, before))).toBe(false);
  });

  it('splits Chinese into words, not one unspaced run', () => {
    expect(wordsOf('基层治理的重要抓手')).toContain('基层');
    const parts = wordDiff('衡南县把屋场恳谈会作为基层治理的重要抓手。', '衡南县把屋场恳谈会作为乡村治理的重要抓手。');
    expect(parts).toEqual([
      { kind: 'same', text: '衡南县把屋场恳谈会作为' },
      { kind: 'removed', text: '基层' },
      { kind: 'added', text: '乡村' },
      { kind: 'same', text: '治理的重要抓手。' },
    ]);
  });

  it('shortens long unchanged stretches around the changes', () => {
    const same = 'word '.repeat(100);
    const parts = compactDiff(wordDiff(`${same}old ${same}end`, `${same}new ${same}end`), 20);
    expect(parts[0]!.text).toBe(`…${same.slice(-20)}`);
    // The last stretch (` word … word end`) keeps its head: nothing changed after it.
    expect(parts[parts.length - 1]!.text).toBe(` ${same}end`.slice(0, 20) + '…');
    expect(parts.filter((p) => p.kind !== 'same')).toEqual([{ kind: 'removed', text: 'old' }, { kind: 'added', text: 'new' }]);
  });
});
