// @vitest-environment happy-dom
/** The side panel's "Changed since you clipped it": dates, a toggle, and the page's words as text, never markup. */
import { describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { ChangeNotice } from '@/components/sidepanel/ArticleChanges';
import type { ArticleChange } from '@/lib/db/versions';
import { mount } from '../mount';

const change: ArticleChange = {
  articleId: 'a1',
  first: { seenAt: Date.UTC(2026, 10, 20, 8, 30), hash: 'a'.repeat(64), text: 'The council approved the plan.\n衡南县把屋场恳谈会作为基层治理的抓手。' },
  latest: {
    seenAt: Date.UTC(2026, 10, 25), lastSeenAt: Date.UTC(2026, 10, 26), hash: 'b'.repeat(64), modifiedDate: null,
    text: 'The council rejected the plan <img src=x onerror="alert(1)">.\n衡南县把屋场恳谈会作为乡村治理的抓手。',
  },
  versions: 2,
};

describe('ChangeNotice', () => {
  it('says the article changed, with both dates, and shows the word diff only when asked', () => {
    const root = mount(<ChangeNotice change={change} />);
    expect(root.textContent).toContain('Changed since you clipped it');
    expect(root.textContent).toMatch(/Clipped Nov 20, 2026.* · last seen Nov 26, 2026/);
    expect(root.querySelector('ins')).toBeNull();
    const toggle = root.querySelector('button')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    act(() => toggle.click());
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.textContent).toBe('Hide changes');
    expect([...root.querySelectorAll('del')].map((e) => e.textContent)).toEqual(['approved', '基层']);
    expect([...root.querySelectorAll('ins')].map((e) => e.textContent)).toEqual(['rejected', ' <img src=x onerror="alert(1)">', '乡村']);
    // The page's markup stays text.
    expect(root.querySelector('img')).toBeNull();
  });
});
