import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { HighlightRecord, TextFragmentSelector } from '@/lib/model/records';
import { highlightSchema } from '@/lib/transfer/import/backup-schema';
import { mergeHighlight } from '@/lib/transfer/import/restore-merge';
import { selectorsSchema } from '@/lib/messaging/validate';

const fragment = (textStart: string): TextFragmentSelector => ({ type: 'TextFragmentSelector', textStart, prefix: 'the mayor said' });

function highlight(exact: string, updatedAt: number, extra: Partial<HighlightRecord> = {}): HighlightRecord {
  return {
    id: 'h1', articleId: 'a1', urlKey: 'news.example/a',
    selectors: { quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }, position: null, pagePosition: null },
    color: 'yellow', note: '', tags: [], status: 'anchored', currentText: null, createdAt: 1, updatedAt, ...extra,
  };
}

describe('the stored link fragment in a restore', () => {
  it('goes with its quote', () => {
    const stored = highlight('old words', 10);
    stored.selectors.fragment = fragment('old words');
    const withFragment = highlight('new words', 20);
    withFragment.selectors.fragment = fragment('new words');
    expect(mergeHighlight(stored, withFragment).merged.selectors.fragment).toEqual(fragment('new words'));
    // A newer quote without a fragment must not keep the old quote's fragment.
    expect(mergeHighlight(stored, highlight('new words', 20)).merged.selectors).not.toHaveProperty('fragment');
    // Another field changing leaves the fragment alone.
    expect(mergeHighlight(stored, highlight('old words', 20, { note: 'a note' })).merged.selectors.fragment).toEqual(fragment('old words'));
  });

  it('is optional in backups and messages, and must be well formed', () => {
    const row = highlight('words', 10);
    expect(v.safeParse(highlightSchema, row).success).toBe(true);
    row.selectors.fragment = fragment('words');
    expect(v.safeParse(highlightSchema, row).success).toBe(true);
    expect(v.parse(selectorsSchema, row.selectors).fragment).toEqual(fragment('words'));
    (row.selectors.fragment as { textStart: string }).textStart = '';
    expect(v.safeParse(highlightSchema, row).success).toBe(false);
    expect(v.safeParse(selectorsSchema, row.selectors).success).toBe(false);
  });
});
